"""Every named rule of every stage gives the output its golden examples say.

Importing the stages registers their rules; each registry's runner applies one rule to one
example input. A rule without examples, or two rules with one name, fail here.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import tui.core
from tui.core.rules import REGISTRIES

for _m in pkgutil.walk_packages(tui.core.__path__, "tui.core."):
    importlib.import_module(_m.name)

CASES = [
    pytest.param(reg, rule, i, id=f"{reg.stage}:{rule.name}:{i}")
    for reg in REGISTRIES
    for rule in reg
    for i in range(len(rule.examples))
]


@pytest.mark.parametrize("reg", REGISTRIES, ids=lambda r: r.stage)
def test_registry_rules_have_examples(reg) -> None:
    assert len(reg) > 0
    assert reg.runner is not None, f"{reg.stage} has no runner for its golden examples"
    for rule in reg:
        assert rule.examples, f"{reg.stage}: rule {rule.name} has no golden example"
        assert rule.why.strip(), f"{reg.stage}: rule {rule.name} does not say why"


@pytest.mark.parametrize(("reg", "rule", "i"), CASES)
def test_golden_example(reg, rule, i) -> None:
    given, expected = rule.examples[i]
    assert reg.runner(rule, given) == expected
