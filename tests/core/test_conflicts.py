"""Conflicts inside an aligned pair: what the two sides state differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.article import Article
from tui.core.conflicts import find_conflicts
from tui.core.errors import ParallaxError
from tui.core.ingest import parse_article
from tui.core.model import Conflict, Passage

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def _conflicts(left: str, right: str) -> tuple[Conflict, ...]:
    """Conflicts between two one-paragraph articles, each taken whole as one passage."""
    a, b = parse_article(left, "left"), parse_article(right, "right")
    out = find_conflicts(a, _whole(a, 0), b, _whole(b, 1))
    for c in out:
        _check_spans(c, a, b)
    return out


def _whole(article: Article, index: int) -> Passage:
    return Passage(index, tuple(s.index for s in article.sentences))


def _check_spans(c: Conflict, a: Article, b: Article) -> None:
    if c.left:
        assert c.left_span is not None
        assert a.body[c.left_span[0] : c.left_span[1]] == c.left
    else:
        assert c.left_span is None
    if c.right:
        assert c.right_span is not None
        assert b.body[c.right_span[0] : c.right_span[1]] == c.right
    else:
        assert c.right_span is None
    # Notes are read with either article on the left (Alignment.flipped keeps them).
    assert "left" not in c.note and "right" not in c.note


def _sides(conflicts: tuple[Conflict, ...]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.left, c.right) for c in conflicts]


# --- numbers ---------------------------------------------------------------------------------


def test_different_death_tolls_conflict() -> None:
    out = _conflicts(
        "At least 12 people were killed when the building collapsed on Monday, officials said.",
        "At least 14 people were killed when the building collapsed on Monday, police said.",
    )
    assert _sides(out) == [("number", "12 people", "14 people")]
    assert "people" in out[0].note


def test_amounts_with_multipliers_conflict_when_they_differ() -> None:
    out = _conflicts(
        "The European Commission fined Nimbus $2.1 billion for abusing its dominance.",
        "The European Commission fined Nimbus $2 billion for abusing its dominance.",
    )
    assert _sides(out) == [("number", "$2.1 billion", "$2 billion")]
    assert out[0].note == "different amounts"
    out = _conflicts("Nimbus must pay a €2.1 billion fine.", "Nimbus must pay a €2 billion fine.")
    assert _sides(out) == [("number", "€2.1 billion", "€2 billion")]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "Witkoff met Putin for three hours on Wednesday.",
            "Witkoff met Putin for 3 hours on Wednesday.",
        ),
        (
            "A dozen soldiers were wounded in the attack.",
            "Twelve soldiers were wounded in the attack.",
        ),
        (
            "Prices rose 14% in March, the agency said.",
            "Prices rose 14 percent in March, the agency said.",
        ),
        ("The company employs 1,200 people in Lensk.", "The company employs 1200 people in Lensk."),
        ("The fine was $2 billion.", "The fine was $2,000,000,000."),
        ("Unemployment fell to 4 per cent in May.", "Unemployment fell to 4% in May."),
        # Durations compare in days, and "three-day" is one word.
        (
            "Dockers began a three-day strike at Gothenburg on Monday.",
            "Dockers began a 72-hour strike at Gothenburg on Monday.",
        ),
        ("The ban lasts two weeks, the league said.", "The ban lasts 14 days, the league said."),
    ],
)
def test_equal_numbers_written_differently_do_not_conflict(left: str, right: str) -> None:
    assert _conflicts(left, right) == ()


def test_durations_that_differ_conflict_in_their_own_words() -> None:
    (c,) = _conflicts(
        "Dockers began a three-day strike at Gothenburg on Monday.",
        "Dockers began a four-day strike at Gothenburg on Monday.",
    )
    assert (c.kind, c.left, c.right, c.note) == (
        "number",
        "three-day",
        "four-day",
        "different number of days",
    )


def test_per_is_a_rate_not_a_percentage() -> None:
    out = _conflicts(
        "Shares were sold at $5 per share, the company said.",
        "Shares were sold at $6 per share, the company said.",
    )
    assert _sides(out) == [("number", "$5", "$6")]
    assert out[0].note == "different amounts"


def test_number_words_and_percentages_are_compared_by_value() -> None:
    out = _conflicts(
        "A dozen soldiers were wounded and prices rose 14% in the city.",
        "Fifteen soldiers were wounded and prices rose 16 percent in the city.",
    )
    assert _sides(out) == [
        ("number", "A dozen soldiers", "Fifteen soldiers"),
        ("number", "14%", "16 percent"),
    ]
    assert out[1].note == "different percentages"


def test_a_number_only_one_side_gives_is_an_omission_not_a_clash() -> None:
    out = _conflicts(
        "The announcement came a day after Trump’s envoy, Steve Witkoff, met for three hours "
        "Wednesday with Putin.",
        "News of a potential meeting with Putin came hours after Trump’s special envoy Steve "
        "Witkoff met with Putin in Moscow.",
    )
    assert _sides(out) == [("number", "three hours", "")]
    assert out[0].note.startswith("only one side")


def test_numbers_about_different_things_are_left_alone() -> None:
    out = _conflicts(
        "They met five times during his first term, including a summit in Helsinki.",
        "The two leaders held 3 rounds of talks over the phone last year.",
    )
    assert out == ()


# --- dates -----------------------------------------------------------------------------------


def test_different_weekdays_conflict() -> None:
    out = _conflicts(
        "Kremlin aide Yuri Ushakov said on Tuesday that the leaders would meet.",
        "Kremlin aide Yuri Ushakov said on Wednesday that the leaders would meet.",
    )
    assert _sides(out) == [("date", "Tuesday", "Wednesday")]
    assert out[0].note == "different day of the week"


def test_the_same_weekday_does_not_conflict() -> None:
    assert (
        _conflicts(
            "Putin was due later on Thursday to meet the president of the Emirates.",
            "Putin, answering questions later on Thursday, suggested the Emirates as a venue.",
        )
        == ()
    )


def test_month_days_are_compared_as_dates() -> None:
    same = _conflicts(
        "The talks are due to resume on Aug. 7 in Geneva.",
        "The talks are due to resume on August 7 in Geneva.",
    )
    assert same == ()
    out = _conflicts(
        "The talks are due to resume on Aug. 7 in Geneva.",
        "The talks are due to resume on August 8 in Geneva.",
    )
    assert _sides(out) == [("date", "Aug. 7", "August 8")]


def test_different_years_conflict_but_overlapping_ones_do_not() -> None:
    out = _conflicts(
        "It would be the first summit between the two leaders since 2021.",
        "It would be the first in-person meeting of the two leaders since 2022.",
    )
    assert _sides(out) == [("date", "2021", "2022")]
    assert (
        _conflicts(
            "They met five times between 2017 and 2021.",
            "It would be their first meeting since 2021.",
        )
        == ()
    )


def test_may_the_verb_is_not_a_month() -> None:
    assert (
        _conflicts(
            "The summit may take place in the Emirates, officials said in June.",
            "The summit could take place in the Emirates, officials said in June.",
        )
        == ()
    )


# --- names -----------------------------------------------------------------------------------


def test_a_country_and_its_adjective_are_one_name() -> None:
    out = _conflicts(
        "Egyptian President Abdel Fattah al-Sisi welcomed the truce on Sunday.",
        "Egypt's President Abdel Fattah al-Sisi welcomed the truce on Sunday.",
    )
    assert out == ()


def test_a_different_name_in_the_same_role_conflicts() -> None:
    out = _conflicts(
        "Kremlin spokesman Dmitry Peskov said the meeting would take place next week.",
        "Kremlin spokesman Yuri Ushakov said the meeting would take place next week.",
    )
    assert _sides(out) == [("name", "Dmitry Peskov", "Yuri Ushakov")]


def test_spelling_variants_of_one_name_do_not_conflict() -> None:
    out = _conflicts(
        "Trump may also meet Ukrainian President Volodymyr Zelenskyy, the aide said.",
        "Trump may also meet Ukrainian President Volodymyr Zelensky, the aide said.",
    )
    assert out == ()


def test_extra_names_without_a_shared_slot_do_not_conflict() -> None:
    out = _conflicts(
        "Putin and Trump will meet in the coming days, Yuri Ushakov said.",
        "Putin and Trump will meet in the coming days, Kremlin officials announced.",
    )
    assert [c for c in out if c.kind == "name"] == []


# --- quotes ----------------------------------------------------------------------------------


def test_the_same_quote_worded_differently_is_a_quote_conflict() -> None:
    a = parse_article((SAMPLES / "summit-a.txt").read_bytes(), "a")
    b = parse_article((SAMPLES / "summit-b.txt").read_bytes(), "b")
    ia = next(s.index for s in a.sentences if "essentially reached" in s.text)
    ib = next(s.index for s in b.sentences if "preliminary agreement" in s.text)
    out = find_conflicts(a, Passage(0, (ia,)), b, Passage(1, (ib,)))
    assert [c.kind for c in out] == ["quote"]
    (c,) = out
    _check_spans(c, a, b)
    assert c.left.startswith("At the suggestion of the American side, an agreement")
    assert c.right.startswith("At the suggestion of the American side, a preliminary")
    assert "essentially" in c.note and "preliminary" in c.note


def test_a_shorter_excerpt_of_the_same_quote_is_not_a_conflict() -> None:
    out = _conflicts(
        'Ushakov said the Russian side had left this proposal "completely without comment."',
        'Ushakov said Moscow had left the proposal "without comment," according to Interfax.',
    )
    assert [c for c in out if c.kind == "quote"] == []


def test_identical_quotes_do_not_conflict() -> None:
    out = _conflicts(
        '"We came to Jeddah to save lives, not to score points," Taha told reporters.',
        '"We came to Jeddah to save lives, not to score points," the general said on Saturday.',
    )
    assert out == ()


def test_empty_passages_have_no_conflicts() -> None:
    a = parse_article("Twelve people died.", "a")
    b = parse_article("Fourteen people died.", "b")
    assert find_conflicts(a, Passage(0, ()), b, Passage(1, (0,))) == ()


def test_quotes_differing_only_in_function_words_do_not_conflict() -> None:
    out = _conflicts(
        '"The truce is a step that we welcome," the envoy said on Sunday.',
        '"The truce is a step which we welcome," the envoy said on Sunday.',
    )
    assert out == ()


_NEWSY = st.sampled_from(
    ["12", "14", "three", "dozen", "$2.1", "€2", "billion", "14%", "per", "cent", "Aug.", "7",
     "May", "2021", "²²²²", "٢٠٢١", "7th", "Thursday", "Thu.", "“", "”", '"', "said", "Putin",
     "Zelenskyy", "R.J.", "al-Sisi", "dead", "hours", "of", "the", "—", "10:30", "1,200"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(_NEWSY, st.text(min_size=1, max_size=8)), min_size=1, max_size=30),
    st.lists(st.one_of(_NEWSY, st.text(min_size=1, max_size=8)), min_size=1, max_size=30),
)
def test_any_text_gives_conflicts_that_slice_back(left: list[str], right: list[str]) -> None:
    try:
        a = parse_article(" ".join(left), "left")
        b = parse_article(" ".join(right), "right")
    except ParallaxError:
        return
    if not a.sentences or not b.sentences:
        return
    for c in find_conflicts(a, _whole(a, 0), b, _whole(b, 1)):
        assert c.kind in ("number", "date", "name", "quote")
        assert c.left or c.right
        _check_spans(c, a, b)


# --- rate moves: one number written many ways -------------------------------------------------


@pytest.mark.parametrize(
    "right",
    [
        "The Riksbank raised its policy rate by 50 basis points on Thursday.",
        "The Riksbank made a 50-basis-point increase to its policy rate on Thursday.",
    ],
)
def test_a_rate_move_in_percentage_points_and_basis_points_is_one_number(right: str) -> None:
    left = "The Riksbank raised its policy rate by half a percentage point on Thursday."
    assert [c for c in _conflicts(left, right) if c.kind == "number"] == []


def test_rate_moves_that_differ_conflict_in_the_words_each_side_uses() -> None:
    out = _conflicts(
        "The Riksbank raised its policy rate by half a percentage point on Thursday.",
        "The Riksbank raised its policy rate by a quarter-point on Thursday.",
    )
    assert _sides(out) == [("number", "half a percentage point", "quarter-point")]


def test_a_wire_datelines_filing_date_and_place_do_not_conflict() -> None:
    # The dateline says when the copy was filed; the other outlet dates the event itself.
    out = _conflicts(
        "LISBON, March 12 (Iberia Wire) - Portugal's ruling party lost its majority on Sunday.",
        "Portugal's ruling party lost its majority in the vote of March 10, results showed.",
    )
    assert [c for c in out if c.kind == "date"] == []
    # The same sentence without a dateline does clash on the date.
    out = _conflicts(
        "Portugal's ruling party lost its majority on March 12.",
        "Portugal's ruling party lost its majority in the vote of March 10, results showed.",
    )
    assert ("date", "March 12", "March 10") in _sides(out)


def test_yesterday_and_a_weekday_do_not_conflict() -> None:
    # "Yesterday" in a morning paper is the wire's weekday: either can be right.
    out = _conflicts(
        "A Dutch judge yesterday jailed the former hospital boss on Wednesday's evidence.",
        "A Dutch court on Wednesday sentenced the hospital's former director.",
    )
    assert [c for c in out if c.kind == "date"] == []
    out = _conflicts(
        "A Dutch court on Tuesday jailed the former hospital boss.",
        "A Dutch court on Wednesday sentenced the hospital's former director.",
    )
    assert ("date", "Tuesday", "Wednesday") in _sides(out)
