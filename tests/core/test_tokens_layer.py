"""The token layer's memo, its fallback for callers without one, its data, and its tokenizer."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from difflib import SequenceMatcher

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.align
import tui.core.tokens
from tui.core.tokens.dates import MONTHS, WEEKDAYS
from tui.core.tokens.memo import Memo
from tui.core.tokens.numerals import NUMBER_WORDS
from tui.core.tokens.text import (
    STOPWORDS,
    Token,
    sentence_tokens,
    tokenize,
    word_forms,
    word_opcodes,
)
from tui.core.tokens.words import WORD_RE

NEWS = (
    "LONDON (Reuters) - U.S. envoy Steve Witkoff said on Thursday that 1,200 jobs, or 14%, "
    "were “at risk”, citing Trump’s $2.1bn co-funded plan; Zieliński didn't comment."
)


def _by_finditer(text: str, base: int) -> tuple[Token, ...]:
    """The tokenizer as first written: one match object per word."""
    return tuple(
        Token(m.group(), base + m.start(), base + m.end(), *word_forms(m.group()))
        for m in WORD_RE.finditer(text)
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"aZé5,.:%$-'’‘ \n\"“”_ß", "st", "th", "U.S.", "1,2"]),
        max_size=30,
    ).map("".join),
    st.integers(min_value=0, max_value=10_000),
)
def test_the_splitting_tokenizer_finds_what_finditer_finds(text: str, base: int) -> None:
    assert sentence_tokens(text, base) == _by_finditer(text, base)


def test_the_tokenizer_on_news_prose_matches_finditer() -> None:
    assert sentence_tokens(NEWS, 7) == _by_finditer(NEWS, 7)
    assert len(tokenize(NEWS)) > 20


def test_a_memo_keeps_a_sentence_scanned_once_and_its_words_read_once() -> None:
    memo = Memo()
    first = sentence_tokens(NEWS, 3, memo)
    assert sentence_tokens(NEWS, 3, memo) is first
    assert first == sentence_tokens(NEWS, 3)
    sizes = memo.sizes()
    assert sizes["tokens.sentences"] == 1
    assert sizes["tokens.forms"] == len({t.text for t in first})
    assert sentence_tokens(NEWS, 4, memo) is not first  # another place, other offsets


def test_without_a_memo_nothing_is_kept_between_calls() -> None:
    assert sentence_tokens(NEWS) is not sentence_tokens(NEWS)
    a, b = ("the", "talks", "resume"), ("talks", "resume", "today")
    assert word_opcodes(a, b) == tuple(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


def test_a_comparison_scans_each_sentence_once_across_alignment_and_conflicts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every stage passes the comparison's memo down explicitly (conflicts included, which
    alignment calls for every kept pair), so no sentence is tokenised twice."""
    from tui.core.ingest import parse_article
    from tui.core.pipeline import compare
    from tui.core.tokens import words

    scanned: list[tuple[str, int]] = []
    real = words._scan

    def counting(text: str, base: int, forms: dict) -> tuple:
        scanned.append((text, base))
        return real(text, base, forms)

    monkeypatch.setattr(words, "_scan", counting)
    left = parse_article(
        "Dockers ended a 12-day strike on Monday. The port reopened at dawn.", "<a>"
    )
    right = parse_article(
        "The 14-day strike ended on Monday, dockers said. The port reopened on Tuesday.", "<b>"
    )
    comp = compare([left, right])
    assert comp.alignments and any(al.conflicts for al in comp.alignments)
    assert scanned and len(scanned) == len(set(scanned))


def test_the_word_lists_load_from_data_as_the_rules_expect() -> None:
    assert WEEKDAYS["monday"] == 0 and WEEKDAYS["sun"] == 6 and WEEKDAYS["thurs"] == 3
    assert MONTHS["january"] == 1 and MONTHS["sept"] == 9 and MONTHS["dec"] == 12
    assert NUMBER_WORDS["half"] == 0.5 and NUMBER_WORDS["dozen"] == 12
    # Integral values stay ints, as conflicts print them ("3", not "3.0").
    assert isinstance(NUMBER_WORDS["three"], int)
    assert {"said", "told", "according", "the", "won't"} <= STOPWORDS
    assert "#" not in "".join(STOPWORDS)


def test_no_module_of_alignment_or_the_token_layer_caches_per_process() -> None:
    """Caches belong to a comparison: a module-level lru_cache makes a second comparison in
    one process a different program from a user's first run. (The lexicon's loaders, which
    read constant data files once, are imported here but defined elsewhere.)"""
    cached = []
    for pkg in (tui.core.tokens, tui.core.align):
        for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            mod = importlib.import_module(m.name)
            for name, obj in vars(mod).items():
                if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__ == m.name:
                    cached.append(f"{m.name}.{name}")
    assert cached == []


def test_the_data_files_have_no_entry_that_a_comment_would_cut() -> None:
    """`#` starts a comment in the lexicon's files, so no word of ours may contain one."""
    from tui.core.lexicon import DATA

    for path in sorted(DATA.glob("tokens-*.txt")) + sorted(DATA.glob("align-*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                assert "#" not in line, f"{path.name}: {line!r}"
                assert not re.search(r"[A-Z]", line), f"{path.name}: look-ups are lowercase"


def test_word_opcodes_are_difflibs() -> None:
    """The word diff is difflib's algorithm specialised (no junk): the same opcodes, for
    equal, disjoint, repetitive and lightly edited word sequences."""
    import random
    from difflib import SequenceMatcher

    from tui.core.tokens.diff import word_opcodes

    rng = random.Random(10)
    for alpha in (2, 3, 6, 40):
        for _ in range(2000):
            a = tuple(str(rng.randrange(alpha)) for _ in range(rng.randint(0, 20)))
            b = a if rng.random() < 0.1 else tuple(rng.sample(a, k=len(a) // 2)) + a[3:]
            if rng.random() < 0.5:
                b = tuple(str(rng.randrange(alpha)) for _ in range(rng.randint(0, 20)))
            expected = tuple(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
            assert word_opcodes(a, b) == expected, (a, b)


def test_word_re_matches_what_the_per_character_pattern_did() -> None:
    """WORD_RE reads a word as runs joined by one apostrophe or hyphen: the same matches as
    the pattern that stepped one character at a time."""
    import random

    from tui.core.tokens.words import WORD_RE

    old = re.compile(
        r"(?:[A-Za-z]\.){2,}|[$€£¥]?\d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th)\b)?"
        r"|[^\W\d_](?:[\w]|['’‘](?=\w)|-(?=\w))*"
    )
    rng = random.Random(10)
    alphabet = "aZé_1'’‘-. ,$%stndrh:ß"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in WORD_RE.finditer(s)] == [m.span() for m in old.finditer(s)]
