"""Alignment keeps its per-comparison work in the comparison's memo, and the shortcuts it takes
on a first run give exactly what the long way gives."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tui.core.align import align_articles
from tui.core.align.features import _AS_NAME, _IN_CONTEXT, _reading, _token_term
from tui.core.align.params import BOOST_NAME
from tui.core.align.terms import WordTerms, name_continues
from tui.core.article import Article
from tui.core.ingest import load_article
from tui.core.tokens.memo import Memo
from tui.core.tokens.text import sentence_tokens

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/*.txt")) + sorted(
    (ROOT / "sample_articles").glob("*.txt")
)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [load_article(p) for p in CORPUS]


def test_a_context_free_reading_is_what_the_context_rules_give(articles: list[Article]) -> None:
    """featurise reads a lowercase content word once per comparison; wherever such a word
    stands, the full rules must give it the same term, weight and side term. A capitalised
    word's reading is its name term, which the full rules give wherever it reads as a name."""
    terms = WordTerms(Memo())
    checked = 0
    for art in articles:
        for s in art.sentences:
            toks = sentence_tokens(s.text, s.start)
            for k, t in enumerate(toks):
                if t.stop:
                    continue
                reading = _reading(t, terms)
                if reading is _IN_CONTEXT:
                    continue
                tf: dict[str, float] = defaultdict(float)
                names: set[str] = set()
                heads: set[str] = set()
                term, boost = _token_term(toks, k, len(toks) - 1, terms, tf, names, heads)
                side = dict(tf)
                if reading[1] == _AS_NAME:
                    # A capitalised word: its name term wherever it reads as a name.
                    if k > 0 or (len(toks) > 1 and toks[1].capital):
                        assert (term, names, side) == (reading[0], {term}, {}), (t.text, s.text)
                        ends = not name_continues(toks, k)
                        assert (boost, heads) == ((BOOST_NAME, {term}) if ends else (1.0, set()))
                        checked += 1
                    continue
                expected = (term, boost, *(next(iter(side.items())) if side else ("", 0.0)))
                assert reading == expected, (t.text, s.text)
                checked += 1
    assert checked > 1000


def test_span_keys_are_the_keys_word_by_word(articles: list[Article]) -> None:
    terms = WordTerms(Memo())
    for art in articles[:6]:
        toks = [t for s in art.sentences for t in sentence_tokens(s.text, s.start)]
        first = {0, 5, 9}
        expected = [terms.key(t.text, k in first) for k, t in enumerate(toks)]
        assert WordTerms(Memo()).span_keys(toks, first) == expected


def test_the_memo_handed_in_holds_the_comparisons_tokens_and_readings(
    articles: list[Article],
) -> None:
    a, b = articles[-2:]
    memo = Memo()
    align_articles([a, b], memo)
    sizes = memo.sizes()
    assert sizes["tokens.sentences"] == len(a.sentences) + len(b.sentences)
    assert sizes["align.word-info"] > 50
    # Later stages find the sentences already tokenised.
    s = a.sentences[0]
    assert sentence_tokens(s.text, s.start, memo) is sentence_tokens(s.text, s.start, memo)


def test_a_second_comparison_in_one_process_is_the_same_program(
    articles: list[Article],
) -> None:
    a, b = articles[-2:]
    first = align_articles([a, b], Memo())
    again = align_articles([a, b], Memo())
    alone = align_articles([a, b])
    assert first == again == alone
    assert first
