"""The people stage's named rules: each golden example is decided by its own rule.

tests/core/test_rules.py checks that a rule decides the runs its examples say. Here the
rule is taken out of the stage: a veto's run must then be let in by some name shape (so the
veto is what keeps it out), and a shape's run must no longer be a person (so no other shape
would have found it). An example that another rule would decide as well proves nothing.
"""

from __future__ import annotations

import pytest

from tui.core.ingest import parse_article
from tui.core.people import PEOPLE, find_people, trace
from tui.core.people import rules as people_rules

CASES = [
    pytest.param(rule, text, runs, id=f"{rule.name}:{k}")
    for rule in PEOPLE
    for k, (text, runs) in enumerate(rule.examples)
    if runs
]


def _without(monkeypatch: pytest.MonkeyPatch, rule: people_rules.NameRule) -> None:
    for name in ("VETOES", "SHAPES_MANY", "SHAPES_ONE"):
        kept = [r for r in getattr(people_rules, name) if r is not rule]
        monkeypatch.setattr(people_rules, name, kept)


@pytest.mark.parametrize(("rule", "text", "runs"), CASES)
def test_rule_is_what_decides(monkeypatch: pytest.MonkeyPatch, rule, text, runs) -> None:
    article = parse_article(text, "golden.txt")
    _without(monkeypatch, rule)
    decided = dict(trace([article]))
    shapes = {r.name for r in PEOPLE if r.kind == "shape"}
    for run in runs:
        if rule.kind == "veto":
            assert decided.get(run) in shapes, f"{run!r} is kept out by another rule too"
        else:
            assert decided.get(run) not in shapes, f"{run!r} is let in by another shape too"


def test_every_rule_has_a_case_where_it_decides() -> None:
    assert {rule.name for rule, _t, _r in (c.values for c in CASES)} == set(PEOPLE.names())


def test_candidates_remember_their_rule() -> None:
    article = parse_article("Kremlin aide Orvel Ushakov spoke. Ushakov left.", "a.txt")
    (person,) = find_people([article])
    assert person.name == "Orvel Ushakov"
    assert dict(trace([article])) == {"Orvel Ushakov": "title-before"}


def test_rule_order_is_vetoes_first() -> None:
    kinds = [r.kind for r in PEOPLE]
    assert kinds == sorted(kinds, key=lambda k: k != "veto")
