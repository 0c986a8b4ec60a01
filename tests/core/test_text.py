"""The shared word rules: offsets, normal forms, numbers, dates, quotes and names."""

from __future__ import annotations

import pytest

from tui.core.tokens.text import (
    CONCEPTS,
    dateline_end,
    day_of_month,
    is_stopword,
    is_year,
    month_of,
    name_like,
    number_value,
    phrase_concepts,
    quote_regions,
    stem,
    tokenize,
    weekday_of,
)

LEAD = (
    "Russian President Vladimir Putin and U.S. President Donald Trump will meet in the coming "
    "days, Kremlin aide Yuri Ushakov said on Thursday."
)


def test_tokens_slice_back_to_their_text_with_a_base_offset() -> None:
    body = "Intro paragraph.\n\n" + LEAD
    base = body.index("Russian")
    toks = tokenize(LEAD, base)
    assert [t.text for t in toks[:6]] == [
        "Russian",
        "President",
        "Vladimir",
        "Putin",
        "and",
        "U.S.",
    ]
    for t in toks:
        assert body[t.start : t.end] == t.text


def test_tokens_keep_money_percent_decimals_and_inner_apostrophes_together() -> None:
    text = "Trump’s envoy said $2.1 billion, or 14%, of 1,200 jobs were co-funded."
    words = [t.text for t in tokenize(text)]
    assert "Trump’s" in words
    assert "$2.1" in words
    assert "14%" in words
    assert "1,200" in words
    assert "co-funded" in words
    assert "," not in "".join(words).replace("1,200", "")


def test_accents_fold_away_because_outlets_differ_on_diacritics() -> None:
    a = [t.norm for t in tokenize("Tomáš Halvík, Zürich")]
    b = [t.norm for t in tokenize("Tomas Halvik, Zurich")]
    assert a == b == ["tomas", "halvik", "zurich"]


def test_letters_that_do_not_decompose_fold_as_wires_write_them() -> None:
    """NFKD leaves Ł, ø and ß whole; English-language copy writes L, o and ss."""
    a = [t.norm for t in tokenize("Łukasz Zieliński, Søren Ørsted, Straße")]
    b = [t.norm for t in tokenize("Lukasz Zielinski, Soren Orsted, Strasse")]
    assert a == b


def test_typographic_and_straight_apostrophes_normalise_alike() -> None:
    (a,) = tokenize("Trump’s")
    (b,) = tokenize("Trump's")
    assert a.norm == b.norm == "trump's"
    assert a.stem == b.stem == "trump"


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("meeting", "meetings"), True),
        (("agreed", "agree"), True),
        (("announced", "announces"), True),
        (("officials", "official"), True),
        (("countries", "country"), True),
        (("stopped", "stop"), True),
        (("talks", "talked"), True),
        (("process", "progress"), False),
        (("summit", "submit"), False),
    ],
)
def test_light_stemming_meets_inflections_only(words: tuple[str, str], same: bool) -> None:
    a, b = words
    assert (stem(a) == stem(b)) is same


def test_attribution_verbs_and_function_words_are_stopwords() -> None:
    for w in ("said", "told", "according", "the", "would", "Their"):
        assert is_stopword(w)
    for w in ("summit", "Putin", "ceasefire", "billion"):
        assert not is_stopword(w)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("three", 3.0),
        ("3", 3.0),
        ("Twelve", 12.0),
        ("dozen", 12.0),
        ("1,200", 1200.0),
        ("$2.1", 2.1),
        ("14%", 14.0),
        ("3,5", 3.5),
        ("Putin", None),
        ("", None),
    ],
)
def test_number_values_from_digits_and_words(word: str, value: float | None) -> None:
    assert number_value(word) == value


def test_years_are_four_digit_numbers_in_the_news_range() -> None:
    assert is_year("2021")
    assert is_year("1999")
    assert not is_year("1200")
    assert not is_year("20210")


def test_weekdays_need_a_capital_and_short_forms_need_a_period() -> None:
    toks = tokenize("They met on Thursday and sat down; the sun rose.")
    days = [weekday_of(t) for t in toks]
    assert days[3] == 3  # Thursday
    assert all(d is None for i, d in enumerate(days) if i != 3)
    (thu,) = tokenize("Thu")
    assert weekday_of(thu, ".") == 3
    (sat,) = tokenize("Sat")
    assert weekday_of(sat, " ") is None


def test_quote_regions_pair_curly_and_straight_marks() -> None:
    text = 'He called it “completely without comment” and said "far off" today.'
    assert [text[a:b] for a, b in quote_regions(text)] == ["completely without comment", "far off"]


def test_quote_regions_handle_quotes_that_span_sentences() -> None:
    opened = "“We are now beginning concrete preparations"
    assert [opened[a:b] for a, b in quote_regions(opened)] == [opened[1:]]
    closed = "together with our American colleagues.” Ushakov said."
    assert [closed[a:b] for a, b in quote_regions(closed)] == [
        "together with our American colleagues."
    ]


def test_name_like_skips_a_plain_capitalised_first_word() -> None:
    toks = tokenize("However, Putin told reporters that Steve Witkoff met him.")
    flags = {t.text: name_like(toks, i) for i, t in enumerate(toks)}
    assert flags["Putin"] and flags["Steve"] and flags["Witkoff"]
    assert not flags["However"]
    assert not flags["reporters"]
    lead = tokenize("Vladimir Putin said on Thursday.")
    assert name_like(lead, 0)  # the first word of a multiword name
    assert not name_like(lead, 4)  # a weekday is a date, not a name


@pytest.mark.parametrize(
    ("text", "index", "month"),
    [
        ("They met in August in Geneva.", 3, 8),
        ("They met on Aug. 7 in Geneva.", 3, 8),
        ("They met on March 18 in Lensk.", 3, 3),
        ("The summit May take place later.", 2, None),  # the modal, capitalised by mistake
        ("Prices rose in May 2024 sharply.", 3, 5),
        ("They will march on the capital.", 2, None),
        ("Jan Novak said it was over.", 0, None),  # a first name
    ],
)
def test_month_names_need_support_when_they_are_also_words(
    text: str, index: int, month: int | None
) -> None:
    toks = tokenize(text)
    after = text[toks[index].end : toks[index].end + 1]
    assert month_of(toks, index, after) == month


def test_days_of_month_are_one_to_thirty_one_with_optional_ordinal() -> None:
    assert [day_of_month(w) for w in ("7", "7th", "31", "32", "0", "²²", "May")] == [
        7, 7, 31, None, None, None, None,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "words",
    [
        ("killed", "died", "dead", "deaths", "fatalities"),
        ("truce", "ceasefire", "ceasefires"),
        ("jailed", "imprisoned", "prison"),
        ("freed", "released"),
        ("charged", "accused", "indicted"),
    ],
)
def test_news_synonyms_share_one_concept(words: tuple[str, ...]) -> None:
    assert len({CONCEPTS.get(stem(w)) for w in words}) == 1
    assert CONCEPTS.get(stem(words[0])) is not None


def test_concepts_leave_everyday_words_and_lookalikes_alone() -> None:
    # "land" (the noun) is not "landed"; "fired" (dismissed) is not a fire; "sentence" and
    # "court" are too general to stand for any one concept.
    for word in ("land", "fired", "sentence", "court", "government", "said"):
        assert stem(word) not in CONCEPTS, word


def test_multiword_news_phrases_become_concepts() -> None:
    norms = [t.norm for t in tokenize("Nine miners lost their lives and the death toll rose.")]
    found = {(norms[a], norms[b], c) for a, b, c in phrase_concepts(norms)}
    assert found == {("lost", "lives", "~die"), ("death", "toll", "~die")}
    norms = [t.norm for t in tokenize("She ruled out a coalition and would not step down.")]
    assert [c for _a, _b, c in phrase_concepts(norms)] == ["~exclude", "~resign"]
    assert phrase_concepts([t.norm for t in tokenize("He lost the vote.")]) == []


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "VALLETTA, Feb 11 (Harbour Wire) - Malta's ferry operator cut ten routes.",
            "VALLETTA, Feb 11 (Harbour Wire) - ",
        ),
        (
            "ANTOFAGASTA, Chile, May 2 (Andes Wire) - A copper truck overturned.",
            "ANTOFAGASTA, Chile, May 2 (Andes Wire) - ",
        ),
        ("MUNICH, July 14 - A Bavarian court on Monday fined the brewer.", "MUNICH, July 14 - "),
        ("AMMAN, Jordan (GPA) — Two schools reopened after the floods.", "AMMAN, Jordan (GPA) — "),
        ("OSLO (Reuters) - Norway's wealth fund sold its stake.", "OSLO (Reuters) - "),
        ("OTTAWA, Sept. 3, 2025 (AP) — Parliament resumed early.", "OTTAWA, Sept. 3, 2025 (AP) — "),
        (
            "SÃO PAULO/BRASILIA (Reuters) -- Brazil's central bank held rates.",
            "SÃO PAULO/BRASILIA (Reuters) -- ",
        ),
        ("NAIROBI — Kenya's president signed the budget.", "NAIROBI — "),
        ("ST. LOUIS, Mo. (AP) — A tornado tore through the suburbs.", "ST. LOUIS, Mo. (AP) — "),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs blocked the port.", "PORT-AU-PRINCE, Haiti (AP) — "),
    ],
)
def test_a_wire_dateline_is_found_through_its_dash(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "NATO said on Friday it would send more jets to the Baltic.",
        "UN officials said the camp - the largest in the region - was full.",
        "US - China trade talks resumed in Geneva.",
        "U.S. - China trade talks resumed in Geneva.",
        "A" * 5000 + " - a sentence with no end of capitals.",
        "The court - in a rare move - heard the case in private.",
        "Police said the driver - a 40-year-old man - was arrested.",
        "BEIJING —",
    ],
)
def test_a_sentence_opening_with_an_acronym_or_a_dash_aside_has_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0


@pytest.mark.parametrize(
    ("words", "concept"),
    [
        ("the driver was not charged", "~nocharge"),
        ("he has not been charged", "~nocharge"),
        ("released without charge", "~nocharge"),
        ("the judge sentenced him", "~jail"),
        ("he was sent down for life", "~jail"),
        ("the nurse told the court", "~testify"),
        ("we will not govern with them", "~exclude"),
        ("the door is closed", "~exclude"),
        ("residents raised the alarm", "~warn"),
        ("he arrived by helicopter", "~travel"),
    ],
)
def test_multiword_news_phrases_read_as_their_concept(words: str, concept: str) -> None:
    assert concept in [c for _a, _b, c in phrase_concepts(words.split())]


def test_not_being_charged_is_not_being_charged() -> None:
    # The opposite fact must not share the "charged" concept: the phrase takes in the verb, so
    # the verb is not read on its own as well.
    assert phrase_concepts(["was", "not", "charged"]) == [(1, 2, "~nocharge")]
    assert CONCEPTS[stem("charged")] == "~charge"
    # The noun "sentence" stays a plain word; only the verb means a prison term.
    assert stem("sentence") not in CONCEPTS
