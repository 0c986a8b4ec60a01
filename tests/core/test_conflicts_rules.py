"""Each conflict check is a named rule, and every conflict says which check found it."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import tui.core.conflicts
import tui.core.tokens.quantities
from tui.core.conflicts import CONFLICTS, find_conflicts
from tui.core.ingest import parse_article
from tui.core.model import Alignment, Passage
from tui.core.tokens.memo import Memo


def _whole(text: str, index: int):
    art = parse_article(text, f"a{index}")
    return art, Passage(index, tuple(s.index for s in art.sentences))


def _found(left: str, right: str, memo: Memo | None = None):
    a, pa = _whole(left, 0)
    b, pb = _whole(right, 1)
    return find_conflicts(a, pa, b, pb, memo)


def test_the_checks_run_amounts_first_then_dates_names_and_quotes() -> None:
    # The order is part of the output: conflicts starting at one offset keep it.
    assert CONFLICTS.names() == [
        "number", "money", "percent", "duration", "rate", "ordinal", "one-sided",
        "weekday", "date", "month", "year", "name", "quote",
    ]  # fmt: skip


@pytest.mark.parametrize("check", list(CONFLICTS), ids=lambda c: c.name)
def test_a_checks_own_examples_are_found_by_it(check) -> None:
    """The rule key traces a conflict to its check: each check's positive examples are its."""
    for (left, right), expected in check.examples:
        found = _found(left, right)
        assert [(c.kind, c.left, c.right) for c in found] == expected
        assert all(c.rule == check.name for c in found)


def test_one_passage_pair_can_hold_conflicts_of_several_checks() -> None:
    out = _found(
        "At least 12 people died on Tuesday and prices rose 30%, spokesman Dmitry Peskov said.",
        "At least 15 people died on Wednesday and prices rose 40%, spokesman Yuri Ushakov said.",
    )
    assert [(c.rule, c.left) for c in out] == [
        ("number", "12 people"),
        ("weekday", "Tuesday"),
        ("percent", "30%"),
        ("name", "Dmitry Peskov"),
    ]


def test_a_flipped_alignment_keeps_the_rule() -> None:
    (c,) = _found("Shares were sold at $5 each.", "Shares were sold at $6 each.")
    al = Alignment(Passage(0, (0,)), Passage(1, (0,)), 1.0, conflicts=(c,))
    (back,) = al.flipped().conflicts
    assert (back.left, back.right, back.rule) == ("$6", "$5", "money")


def test_the_memo_holds_each_sentences_facts_for_the_comparison() -> None:
    left = "At least 12 people died. The storm hit on Tuesday."
    right = "At least 14 people died. The storm hit on Wednesday."
    memo = Memo()
    with_memo = _found(left, right, memo)
    assert with_memo == _found(left, right)
    # Four sentences: their facts, and the tokens those were read from, kept once each.
    sizes = memo.sizes()
    assert sizes["conflicts.facts"] == 4 and sizes["tokens.sentences"] == 4
    a, pa = _whole(left, 0)
    b, pb = _whole(right, 1)
    assert find_conflicts(a, pa, b, pb, memo) == with_memo
    assert memo.sizes() == sizes


@pytest.mark.parametrize("package", [tui.core.conflicts, tui.core.tokens.quantities])
def test_no_module_level_caches(package) -> None:
    """Caches belong to a comparison: a module cache makes a warm run a different program."""
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if getattr(obj, "__module__", None) != module.__name__:
                continue  # imported from elsewhere (the token layer's caches are not ours)
            assert not hasattr(obj, "cache_clear"), f"{info.name}.{name} is a module cache"
