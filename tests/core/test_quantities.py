"""The one quantity parser: what a sentence's numbers and dates are, for every stage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.tokens.quantities import QUANTITIES, counts, read_quantities
from tui.core.tokens.text import sentence_tokens


def _read(text: str, base: int = 0):
    return read_quantities(sentence_tokens(text, base), text, base)


@pytest.mark.parametrize("shape", list(QUANTITIES), ids=lambda s: s.name)
def test_each_shape_reads_some_of_its_own_examples(shape) -> None:
    """A quantity names the shape that read it, so a wrong value can be traced to a rule."""
    found = {q.rule for text, _expected in shape.examples for q in _read(text)}
    produces = any(expected for _text, expected in shape.examples)
    if shape.name == "weak-number":
        assert "weak-number" not in found  # it only ever rejects a word
    elif produces:
        assert shape.name in found


def test_shapes_are_tried_dates_first() -> None:
    names = QUANTITIES.names()
    assert names.index("year") < names.index("amount")
    assert names.index("rate-move") < names.index("amount")
    assert all(QUANTITIES.get(n).dates for n in names[:4])


def test_offsets_index_the_text_through_base() -> None:
    body = "Intro. The fire on Aug. 7 killed 14 people and cost $2 million."
    start = body.index("The")
    sent = body[start:]
    qs = read_quantities(sentence_tokens(sent, start), body, 0)
    assert [body[q.start : q.end] for q in qs] == [q.text for q in qs]
    assert [q.text for q in qs] == ["Aug. 7", "14 people", "$2 million"]
    assert qs == _read(sent, start)


def test_quantities_come_in_text_order_with_their_token_range() -> None:
    qs = _read("On 3 March 2021, 40 people fled for 72 hours.")
    assert [(q.kind, q.text) for q in qs] == [
        ("monthday", "3 March"),
        ("year", "2021"),
        ("count", "40 people"),
        ("duration", "72 hours"),
    ]
    toks = sentence_tokens("On 3 March 2021, 40 people fled for 72 hours.")
    for q in qs:
        assert (toks[q.first].start, toks[q.last].end) == (q.start, q.end)
    assert qs[-1].count == 72 and qs[-1].value == 3.0


def test_a_date_word_is_never_also_an_amount() -> None:
    assert [q.kind for q in _read("The strike began on Aug. 7, 2024.")] == ["monthday", "year"]


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        ("Turnout was 79.4% on Sunday.", 2, ("pct", 1.0)),
        ("Turnout was 78.9 percent.", 2, ("pct", 1.0)),
        ("Turnout was 79 per cent.", 2, ("pct", 1.0)),
        ("A 30-day truce.", 1, ("day", 1.0)),
        ("It lasted 3 weeks.", 2, ("day", 7.0)),
        ("Rates rose half a percentage point.", 2, ("bp", 100.0)),
        ("Rates rose a quarter point.", 3, ("bp", 100.0)),
        ("Rates rose 50 basis points.", 2, ("bp", 1.0)),
        ("Rescuers reached nine of the miners.", 2, ("people", 1.0)),
        ("Two mountaineers died.", 0, ("people", 1.0)),
        ("The 2 Cheetah rolled on.", 1, None),
        ("It sank 420 metres.", 2, ("metr", 1.0)),
        ("He won 5 of 9.", 2, None),
    ],
)
def test_counts_is_what_alignment_reads_a_number_as(text, k, expected) -> None:
    assert counts(sentence_tokens(text), k) == expected


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["people", "homes", "votes"]))
def test_any_count_in_digits_reads_its_value(n: int, noun: str) -> None:
    qs = _read(f"Officials said {n:,} {noun} were affected.")
    # "1,900" has a thousands separator: a count, never a year.
    assert [(q.kind, q.value, q.text) for q in qs] == [("count", float(n), f"{n:,} {noun}")]


@given(st.sampled_from(["$", "€", "£"]), st.integers(1, 999), st.sampled_from(["million", "bn"]))
def test_money_with_a_multiplier_is_one_amount(sign: str, n: int, mult: str) -> None:
    (q,) = _read(f"It was fined {sign}{n} {mult} on appeal.")
    assert q.kind == "money" and q.unit == sign
    assert q.value == n * (1e6 if mult == "million" else 1e9)
    assert q.text == f"{sign}{n} {mult}"
