"""The ECB+ scorers count what their docstrings say, on hand-made inputs with known answers.

A wrong benchmark would pass off bad engine figures as good ones, so each rule is pinned here:
the offset bookkeeping (to_pairs' text, headline moved to the title), the sentence mapping,
the alignment counts, the people matching and the speaker rules. Tests that need the shared
dataset skip when it is absent. Run with:

    .venv/bin/python -m pytest -q benchmarks/ecbplus
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ecbplus import align, data, people, quotes
from tui.core.article import Article, Paragraph, Sentence
from tui.core.ingest import parse_article
from tui.core.model import Alignment, Comparison, Mention, Passage, Person, Quote

try:
    data.dataset_root()
    HAVE_DATA = True
except data.DatasetMissing:
    HAVE_DATA = False
needs_data = pytest.mark.skipif(not HAVE_DATA, reason="no ECB+ under ../shared")


# --------------------------------------------------------------------------------------------
# Offsets


def test_offsets_survive_a_headline_moved_to_the_title() -> None:
    text = "Storm hits coast\n\nA storm hit the coast on Monday. Two people died.\n"
    article = parse_article(text, "a.txt")
    assert article.title == "Storm hits coast"
    omap = data.OffsetMap.between(text, article.body)
    start = text.index("Two people")
    span = omap.span(start, start + len("Two people died."))
    assert span is not None
    assert article.body[span[0] : span[1]] == "Two people died."
    assert omap.span(0, len("Storm hits coast")) is None  # the headline is no body text


def test_offsets_map_through_changed_characters() -> None:
    omap = data.OffsetMap.between("ab\u00a0cd ef", "ab cd ef")  # a space the loader changed
    assert omap.span(3, 5) == (3, 5)
    assert omap.span(0, 8) == (0, 8)


def _article(body: str, cuts: list[tuple[int, int]]) -> Article:
    sents = tuple(Sentence(i, 0, s, e, body[s:e]) for i, (s, e) in enumerate(cuts))
    return Article("x", "", "", "", body, (Paragraph(0, 0, len(body)),), sents)


def test_a_gold_sentence_maps_to_the_parallax_sentences_it_mostly_overlaps() -> None:
    body = "One two three. Four five six. Seven."
    art = _article(body, [(0, 14), (15, 29), (30, 36)])
    assert data.sentences_over(art, (0, 29)) == (0, 1)  # Parallax split it in two
    assert data.sentences_over(art, (12, 29)) == (1,)  # two characters of 0 do not count
    assert data.sentences_over(art, None) == ()


@needs_data
@pytest.mark.parametrize(
    "tokens",
    [
        ["He", "said", "``", "no", "''", "."],
        ["court", "-", "mandated", "rehab", ",", "20", ",", "000", "at", "1", ":", "32"],
        ['"We', "are", "here", ",", '"', "she", "said", "."],
        ["a", "-", "-", "b", "do", "n't", "California", "'s", "(", "x", ")", "$", "5"],
    ],
)
def test_token_offsets_slice_the_text_to_pairs_writes(tokens: list[str]) -> None:
    tp = data.to_pairs_module()
    for kind in ("ecb", "ecbplus"):
        text, spans = data.detokenize_with_offsets(tokens, kind)
        assert text == tp.detokenize(tokens, kind)
        for tok, sp in zip(tokens, spans, strict=True):
            if sp is not None and tok not in ('"', "``", "''"):
                assert text[sp[0] : sp[1]] == tok.replace("``", '"').replace("''", '"') or (
                    tok == "-" and text[sp[0] : sp[1]] == "--"
                )


@needs_data
def test_a_raw_document_rebuilds_the_pairs_text_byte_for_byte() -> None:
    folder = data.ready_pairs() / "t07-ecbplus-1-7"
    gold = data.read_gold(folder)
    for side in ("a", "b"):
        raw = data.read_raw(gold[side]["doc"])
        assert raw.text == (folder / gold[side]["text_file"]).read_text(encoding="utf-8")
        for s in gold["annotated"][side]:
            assert raw.sentence_span[s["sid"]] == (s["start"], s["end"])


# --------------------------------------------------------------------------------------------
# Alignment counts


def _gold_pair(tmp_path: Path) -> tuple[Path, tuple[Article, Article]]:
    a_text = "Storm hits coast\n\nS0 fact one. S1 fact two. S2 other.\n"
    b_text = "T0 fact one. T1 fact two. T2 unrelated.\n"
    (tmp_path / "a.txt").write_text(a_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b_text, encoding="utf-8")

    def ann(text: str, sid: int, frag: str) -> dict[str, Any]:
        start = text.index(frag)
        return {"sid": sid, "start": start, "end": start + len(frag), "text": frag}

    def link(a: int, b: int, strength: str, best: bool) -> dict[str, Any]:
        return {"a": a, "b": b, "strength": strength, "mutual_best": best, "weight": 3}

    gold = {
        "pair": "t99-ecb-1-2",
        "a": {"doc": "99_1ecb.xml", "text_file": "a.txt"},
        "b": {"doc": "99_2ecb.xml", "text_file": "b.txt"},
        "annotated": {
            "a": [
                ann(a_text, 0, "Storm hits coast"),
                ann(a_text, 1, "S0 fact one."),
                ann(a_text, 2, "S1 fact two."),
            ],
            "b": [ann(b_text, 0, "T0 fact one."), ann(b_text, 1, "T1 fact two.")],
        },
        "links": [
            link(0, 0, "strong", True),  # the headline: unreachable
            link(1, 0, "strong", True),  # aligned below
            link(2, 1, "strong", True),  # missed
            link(1, 1, "event-only", False),  # a weak link: counts for precision only
        ],
    }
    (tmp_path / "gold.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    arts = (
        parse_article(a_text, str(tmp_path / "a.txt")),
        parse_article(b_text, str(tmp_path / "b.txt")),
    )
    return tmp_path, arts


def test_alignment_counts_recall_precision_and_unreachable_headlines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, (a, b) = _gold_pair(tmp_path)
    assert a.title == "Storm hits coast" and len(a.sentences) == 3 and len(b.sentences) == 3

    def al(i: int, j: int) -> Alignment:
        return Alignment(Passage(0, (i,)), Passage(1, (j,)), 0.5)

    # Parallax: S0-T0 (a strong mutual-best link), S0-T1 (a weak link), S1-T0 (no link),
    # S2-T2 (neither side annotated: not judged)
    comp = Comparison((a, b), alignments=(al(0, 0), al(0, 1), al(1, 0), al(2, 2)))
    gold = data.read_gold(folder)
    monkeypatch.setattr(data, "compared", lambda f: (gold, (a, b), comp))
    res = align.score_pair(folder, "test")
    assert (res.mutual_best_strong, res.recall_hits, res.reachable) == (3, 1, 2)
    assert (res.judged, res.judged_links) == (3, 2)
    assert (res.unmapped, res.annotated) == (1, 5)
    tot = align.summarise([res])
    assert tot["recall"] == pytest.approx(1 / 3) and tot["precision"] == pytest.approx(2 / 3)


# --------------------------------------------------------------------------------------------
# People


def _m(article: int, start: int, end: int) -> Mention:
    return Mention(article, 0, start, end, "x")


def test_people_found_split_and_non_persons() -> None:
    gm = people.GoldMention
    humans = [
        gm(0, (0, 13), "Lindsay Lohan", "HUMAN_PART_PER", "P1", True),
        gm(1, (40, 45), "Lohan", "HUMAN_PART_PER", "P1", False),
        gm(0, (20, 32), "Shawn Holley", "HUMAN_PART_PER", "P2", True),
        gm(0, (50, 57), "actress", "HUMAN_PART_PER", "P3", True),  # unnamed: not judged
        gm(0, (60, 63), "TMZ", "HUMAN_PART_ORG", None, True),
    ]
    others = {0: [(70, 80)], 1: []}
    csv = {0: [(0, 100)], 1: []}
    comp = Comparison(
        (),
        people=(
            Person("Lindsay Lohan", (), (), (_m(0, 0, 13),)),
            Person("Lohan", (), (), (_m(1, 40, 45),)),  # P1 again: a split
            Person("TMZ", (), (), (_m(0, 60, 63),)),  # a HUMAN_PART_ORG: not a non-person
            Person("Betty Ford", (), (), (_m(0, 72, 78),)),  # another markable
            Person("Goes", (), (), (_m(0, 85, 89),)),  # overlaps nothing
            Person("Far Away", (), (), (_m(1, 90, 98),)),  # no mention in a CSV sentence
        ),
    )
    proper = {"lindsay", "lohan", "shawn", "holley"}
    res = people.score_people("t", "test", comp, humans, others, csv, proper)
    assert (res.gold, res.found, res.split_people, res.unnamed) == (2, 1, 1, 1)
    assert res.missed_names == ["Shawn Holley"]
    assert (res.judged, res.unjudged) == (4, 2)  # "Lohan" is only outside CSV sentences
    assert (res.non_persons, res.non_person_other_markable) == (2, 1)


def test_a_parallax_mention_counts_for_the_gold_mention_it_overlaps_most() -> None:
    gm = people.GoldMention
    humans = [
        gm(0, (0, 35), "Lindsay Lohan's lawyer Shawn Holley", "HUMAN_PART_PER", "P2", True),
        gm(0, (0, 13), "Lindsay Lohan", "HUMAN_PART_PER", "P1", True),
    ]
    comp = Comparison((), people=(Person("Lindsay Lohan", (), (), (_m(0, 0, 13),)),))
    res = people.score_people("t", "test", comp, humans, {}, {0: [(0, 40)]}, {"lohan"})
    assert res.found == 1 and res.split_people == 0


def test_a_surname_filed_under_the_wrong_person_is_a_merge_not_a_split() -> None:
    gm = people.GoldMention
    humans = [
        gm(0, (0, 12), "Katie Jenkin", "HUMAN_PART_PER", "K", True),
        gm(0, (20, 26), "Jenkin", "HUMAN_PART_PER", "K", True),
        gm(0, (30, 41), "John Jenkin", "HUMAN_PART_PER", "J", True),
        gm(0, (50, 56), "Jenkin", "HUMAN_PART_PER", "J", True),
    ]
    comp = Comparison(
        (),
        people=(
            Person("Katie Jenkin", (), (), (_m(0, 0, 12), _m(0, 20, 26), _m(0, 50, 56))),
            Person("John Jenkin", (), (), (_m(0, 30, 41),)),
        ),
    )
    res = people.score_people("t", "test", comp, humans, {}, {0: [(0, 60)]}, {"jenkin"})
    assert (res.found, res.split_people, res.merged) == (2, 0, 1)


# --------------------------------------------------------------------------------------------
# Speakers


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        ("Lindsay Lohan", "Lindsay Lohan", True),
        ("Lindsay Lohan", "Lohan", True),
        ("Lindsay Lohan", "Dina Lohan", False),
        ("Lindsay Lohan", "Lindsay", False),
        ("Joseph Comeaux Jr.", "Joseph Comeaux Jr", True),
        ("Gregg Hastings", "Lt. Gregg Hastings", True),
        ("Craig Zadan and Neil Meron", "Neil Meron", True),
        ("a naval officer", "the officer", True),
        ("a naval officer", "Sureesh Mehta", False),
    ],
)
def test_a_person_speaker_is_the_full_name_or_a_form_of_it(
    gold: str, predicted: str, ok: bool
) -> None:
    assert quotes.person_right(gold, predicted, ()) is ok


def test_a_person_speaker_may_be_named_by_an_alias_of_the_parallax_person() -> None:
    person = Person("L. Lohan", ("Lindsay Lohan",), (), ())
    assert quotes.person_right("Lindsay Lohan", "L. Lohan", (person,))


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        ("the police", "police", True),
        ("Los Angeles police", "the police", True),
        ("police spokesman", "police", False),
        ("Etisalat Misr", "etisalat misr", True),
        ("a spokesman for Waitrose", "Waitrose", True),
        ("a spokesman for Waitrose", "a spokesman", True),
        ("the families of the two wounded men", "the two wounded men", False),
        ("Kraft", "Kraft Foods", True),
        ("Kraft", "the company", False),
        ("Egypt's communications ministry", "the ministry", True),
    ],
)
def test_a_source_speaker_matches_by_head_words(gold: str, predicted: str, ok: bool) -> None:
    assert quotes.source_right(gold, predicted) is ok


def test_no_speaker_is_right_only_when_the_article_names_none() -> None:
    g = quotes.GoldQuote("d", 1, 1, 2, None, "none", (0, 5))
    q = Quote("q1", 0, 0, 0, 5, "x", None)
    assert quotes.speaker_verdict(g, q, ()) == "right"
    q2 = Quote("q1", 0, 0, 0, 5, "x", "Someone", "person")
    assert quotes.speaker_verdict(g, q2, ()) == "wrong"
    g2 = quotes.GoldQuote("d", 1, 1, 2, "Jane Doe", "person", (0, 5))
    assert quotes.speaker_verdict(g2, q, ()) == "no_speaker"


@needs_data
def test_quote_annotations_resolve_and_bad_ones_are_named(tmp_path: Path) -> None:
    good = {
        "articles": [
            {
                "doc": "30_5ecbplus.xml",
                "split": "test",
                "quotes": [
                    {
                        "sentence": 6,
                        "first_token": 137,
                        "last_token": 153,
                        "speaker": "Khaled Hegazy",
                        "speaker_kind": "person",
                    }
                ],
            },
            {"doc": "30_4ecbplus.xml", "split": "dev", "quotes": []},
        ]
    }
    path = tmp_path / "annotations.yaml"
    path.write_text(yaml.safe_dump(good), encoding="utf-8")
    res = quotes.run(path=path)
    assert res["splits"]["test"]["quotes"] == 1
    assert any("topic 30 is in 'test'" in e for e in res["errors"])
    raw = data.read_raw("30_5ecbplus.xml")
    article = parse_article(raw.text.encode("utf-8"), "30_5ecbplus.txt")
    (g,) = quotes.resolve(good["articles"][0], raw, article)
    assert article.body[g.span[0] : g.span[1]].startswith('"This has affected')
    bad = dict(good["articles"][0], quotes=[dict(good["articles"][0]["quotes"][0], sentence=5)])
    with pytest.raises(quotes.AnnotationError, match="not in sentence 5"):
        quotes.resolve(bad, raw, article)
