"""The quotes stage's rules: named, ordered, each one alone on its golden examples, and the
name of the one that gave a speaker on every quote."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import tui.core.quotes
from tui.core.ingest import load_article, parse_article
from tui.core.lexicon import DATA
from tui.core.people import find_people
from tui.core.quotes import RULES, find_quotes
from tui.core.quotes.rules import run_example
from tui.core.tokens.memo import Memo

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


def rules_of(text: str) -> list[tuple[str | None, str | None]]:
    arts = [parse_article(text)]
    quotes, _ = find_quotes(arts, find_people(arts))
    return [(q.speaker, q.rule) for q in quotes]


def test_the_rules_are_tried_in_the_stated_order() -> None:
    names = RULES.names()
    # After the closing mark: the agency markers before any verb, the adjacent verb before
    # a trailing one; before the opening mark: markers, then verbs, then a colon.
    assert names.index("quoted-as-saying-after") < names.index("x-said-after")
    assert names.index("x-said-after") < names.index("trailing-x-said")
    assert names.index("according-to-before") < names.index("x-said-before")
    assert names.index("x-said-before") < names.index("colon-subject")
    assert names.index("same-sentence") < names.index("previous-paragraph")
    assert {r.where for r in RULES} == {"after", "before", "around", "group", "reference"}


def test_a_rule_alone_does_not_answer_for_another_shape() -> None:
    said_after = RULES.get("x-said-after")
    said_before = RULES.get("x-said-before")
    text = 'Finance Minister Tomas Halvik said "we will not back down" after the vote.'
    assert run_example(said_before, text) == "Tomas Halvik"
    assert run_example(said_after, text) is None
    # A reference rule counts only when it resolved the phrase itself.
    assert run_example(RULES.get("pronoun"), text) is None


def test_every_quote_names_the_rule_that_gave_its_speaker() -> None:
    arts = [load_article(SAMPLES / "summit-a.txt"), load_article(SAMPLES / "summit-b.txt")]
    quotes, _ = find_quotes(arts, find_people(arts))
    names = set(RULES.names())
    assert quotes
    for q in quotes:
        if q.speaker is None:
            assert q.rule is None, q
        else:
            assert q.rule in names, q


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not back down," Finance Minister Tomas Halvik said.', "x-said-after"),
        (
            "Finance Minister Anna Weber met Governor Peter Lang on Monday. Lang said rates "
            'would rise. "We disagree on the timing," she said.',
            "pronoun",
        ),
        (
            '"We are now beginning concrete preparations," Kremlin aide Yuri Ushakov said.\n\n'
            '"The location will be announced later."',
            "previous-paragraph",
        ),
        (
            "President Jonas Valiukas signed the decree in Vilnius.\n\n"
            '"Our borders will stay open," the head of state said.',
            "role-title",
        ),
    ],
)
def test_the_last_quotes_rule(text: str, expected: str) -> None:
    assert rules_of(text)[-1][1] == expected


def test_a_role_that_fits_no_one_gives_neither_speaker_nor_rule() -> None:
    got = rules_of(
        "Foreign Minister Carla Benedetti met Trade Minister Aldo Ferri in Rome. "
        '"We agree on every point," the minister said.'
    )
    assert got == [(None, None)]


def test_the_stage_keeps_no_module_level_cache() -> None:
    for info in pkgutil.walk_packages(tui.core.quotes.__path__, "tui.core.quotes."):
        mod = importlib.import_module(info.name)
        cached = [
            n
            for n, obj in vars(mod).items()
            if hasattr(obj, "cache_clear") and getattr(obj, "__module__", "") == info.name
        ]
        assert not cached, f"{info.name}: {cached}"


def test_quote_features_live_in_the_comparisons_memo() -> None:
    arts = [load_article(SAMPLES / "summit-a.txt"), load_article(SAMPLES / "summit-b.txt")]
    people = find_people(arts)
    memo = Memo()
    first = find_quotes(arts, people, memo)
    assert memo.sizes().get("quotes.features", 0) > 0
    assert find_quotes(arts, people, Memo()) == first == find_quotes(arts, people)


def test_the_word_lists_are_data_files_of_the_stage() -> None:
    files = sorted(p.name for p in DATA.glob("quotes-*.txt"))
    assert "quotes-aux.txt" in files and "quotes-role-lower.txt" in files
    for name in files:
        text = (DATA / name).read_text(encoding="utf-8")
        assert text.startswith("#"), f"{name} does not say what it is for"
