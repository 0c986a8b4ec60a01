"""Period rules: each golden example is decided by its own rule in the whole segmenter.

`tests/core/test_rules.py` applies every rule alone; here an example's period goes through all
the rules in order (an earlier rule that takes the word fails the test) and through the real
segmenter, so a True example really is a sentence boundary and a False one really is not.
"""

from __future__ import annotations

import pytest

from tui.core.article import Paragraph
from tui.core.ingest import segment as seg
from tui.core.ingest.segment import PERIODS

DECIDED = [
    pytest.param(rule.name, text, ends, id=f"{rule.name}:{i}")
    for rule in PERIODS
    for i, (text, ends) in enumerate(rule.examples)
    if ends is not None
]


def _first_period(text: str) -> int:
    return next(
        m.start() for m in seg._CANDIDATE.finditer(text) if text[m.end() : m.end() + 1].isspace()
    )


@pytest.mark.parametrize(("name", "text", "ends"), DECIDED)
def test_example_is_decided_by_its_rule(name: str, text: str, ends: bool) -> None:
    deciders = [rule.name for rule in PERIODS if PERIODS.runner(rule, text) is not None]
    assert deciders[:1] == [name]


@pytest.mark.parametrize(("name", "text", "ends"), DECIDED)
def test_example_holds_in_the_segmenter(name: str, text: str, ends: bool) -> None:
    sentences = seg.segment(text, (Paragraph(0, 0, len(text)),))
    cut_after_period = any(s.end == _first_period(text) + 1 for s in sentences[:-1])
    assert cut_after_period is ends, [s.text for s in sentences]


def test_every_rule_has_a_case_it_leaves_to_others() -> None:
    for rule in PERIODS:
        assert any(ends is None for _, ends in rule.examples), rule.name
