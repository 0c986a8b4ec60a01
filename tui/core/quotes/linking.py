"""The same statement quoted by several articles.

Two quotes in different articles are the same statement when they share enough words
(content words, all words and word pairs, so a re-translation such as "an agreement was
essentially reached" / "a preliminary agreement was reached" still links), with the bar lower
when the speakers agree. A short quote found word for word inside another article's longer
quote is linked as a partial rendering when its speaker fits.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..lexicon.names import fold
from ..model import DiffOp, Person, Quote, QuoteLink
from ..tokens.text import word_opcodes
from .words import W

_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_NAME_WORD = re.compile(r"\w+")

# Calibrated on the annotated corpora: same-statement pairs score >= 0.40 with one speaker,
# unrelated quotes of one speaker stay below 0.30.
_LINK_SAME_SPEAKER = 0.38
_LINK_OTHER = 0.55
_MIN_PARTIAL_WORDS = 3
_LOW = min(_LINK_SAME_SPEAKER, _LINK_OTHER)


@dataclass(frozen=True, slots=True)
class _Features:
    """What linking compares of one quote, computed once per distinct text (outlets repeat
    quotes word for word, and linking looks at every candidate pair)."""

    spans: tuple[tuple[str, int, int], ...]  # folded words with offsets into the text
    words: tuple[str, ...]
    word_set: frozenset[str]
    content: frozenset[str]
    pairs: frozenset[tuple[str, str]]


def _stem(w: str) -> str:
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _content(words: Sequence[str]) -> frozenset[str]:
    stop = W.link_stopwords
    return frozenset(
        _stem(part) for w in words for part in w.split("-") if part not in stop and len(part) > 1
    )


def features(text: str, memo: dict[str, _Features] | None = None) -> _Features:
    """The features of a quote's text, kept in `memo` (one comparison's table) when given."""
    if memo is not None and text in memo:
        return memo[text]
    spans = _spans(text)
    words = tuple(w for w, _, _ in spans)
    feat = _Features(
        spans, words, frozenset(words), _content(words), frozenset(itertools.pairwise(words))
    )
    if memo is not None:
        memo[text] = feat
    return feat


def _spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """The folded words of a quote with their offsets. Straightening the closing apostrophe
    keeps every offset and every match (the word pattern joins on both), so a text that is
    then ASCII is folded by one `lower()` of the whole text instead of one fold per word."""
    straight = text.replace("’", "'")
    if straight.isascii():
        return tuple((m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(straight.lower()))
    return tuple(
        (fold(m.group()).replace("’", "'"), m.start(), m.end()) for m in _WORD_RE.finditer(text)
    )


def _dice(a: frozenset[Any], b: frozenset[Any]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _score(a: _Features, b: _Features) -> float:
    return (
        _dice(a.content, b.content) + _dice(a.word_set, b.word_set) + _dice(a.pairs, b.pairs)
    ) / 3


def link_score(left: str, right: str) -> float:
    """How likely two quoted texts render one statement (0..1): mean of content-word,
    all-word and word-pair overlap, so re-translations that keep the frame still score."""
    return _score(features(left), features(right))


def _contained(short: Sequence[str], long_: Sequence[str]) -> bool:
    n = len(short)
    return n > 0 and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


# One diff step in offsets into the two quotes' texts: (tag, ls, le, rs, re, left, right).
_RelOp = tuple[str, int, int, int, int, str, str]


def _relative_diff(fl: _Features, fr: _Features, lt: str, rt: str) -> tuple[_RelOp, ...]:
    """Word diff of two quote texts in offsets into each text."""
    lw, rw = fl.spans, fr.spans
    ops: list[_RelOp] = []
    for tag, i1, i2, j1, j2 in word_opcodes(fl.words, fr.words):
        # An empty side sits where its neighbour ends.
        ls = lw[i1][1] if i1 < i2 else (lw[i1 - 1][2] if i1 > 0 else 0)
        le = lw[i2 - 1][2] if i1 < i2 else ls
        rs = rw[j1][1] if j1 < j2 else (rw[j1 - 1][2] if j1 > 0 else 0)
        re_ = rw[j2 - 1][2] if j1 < j2 else rs
        ops.append((tag, ls, le, rs, re_, lt[ls:le], rt[rs:re_]))
    return tuple(ops)


def _diff(
    left: Quote, right: Quote, table: dict[str, _Features], done: dict[tuple[str, str], Any]
) -> tuple[DiffOp, ...]:
    """Word diff of two quotes in body offsets. Outlets and refrains repeat quotes word for
    word, so the diff of each distinct pair of texts is taken once (in `done`, one call's
    table) and only moved to each pair's offsets."""
    key = (left.text, right.text)
    rel = done.get(key)
    if rel is None:
        fl, fr = features(left.text, table), features(right.text, table)
        rel = done[key] = _relative_diff(fl, fr, left.text, right.text)
    lo, ro = left.start, right.start
    return tuple(
        DiffOp(tag, lo + ls, lo + le, ro + rs, ro + re_, lt, rt)  # type: ignore[arg-type]
        for tag, ls, le, rs, re_, lt, rt in rel
    )


def _speaker_fits(a: Quote, b: Quote, people: dict[str, Person]) -> bool:
    """A source fits a person when it shares a word with the person's titles ("Kremlin
    officials" / "Kremlin aide")."""
    if a.speaker is None or b.speaker is None or a.speaker == b.speaker:
        return a.speaker is not None and a.speaker == b.speaker
    src, per = (a, b) if a.speaker_kind == "source" else (b, a)
    person = people.get(per.speaker or "")
    if src.speaker_kind != "source" or per.speaker_kind != "person" or person is None:
        return False
    src_words = {fold(w) for w in _NAME_WORD.findall(src.speaker or "") if w[:1].isupper()}
    title_words = {fold(w) for t in person.titles for w in _NAME_WORD.findall(t)}
    return bool(src_words & title_words)


# A candidate link: (score, quote index, other quote index, partial rendering).
_Candidate = tuple[float, int, int, bool]


class _Linker:
    """The candidate links of one comparison's quotes.

    Quotes repeated word for word within an article (a refrain, a syndicated paragraph) are
    compared once per distinct text; the verdict is then applied to each member pair. Only
    pairs from different articles that share a content word can render one statement: an
    inverted index per article keeps long articles from comparing every quote with every
    other, and counts the shared content words of each pair in one C-level pass.
    """

    def __init__(
        self, quotes: list[Quote], people: Sequence[Person], memo: dict[str, _Features]
    ) -> None:
        self.quotes = quotes
        self.by_name = {p.name: p for p in people}
        self.feats = [features(q.text, memo) for q in quotes]
        groups: dict[tuple[int, str], list[int]] = {}
        for i, q in enumerate(quotes):
            groups.setdefault((q.article, q.text), []).append(i)
        self.members = list(groups.values())
        self.reps = [members[0] for members in self.members]
        self.index: dict[int, dict[str, list[int]]] = {}
        for g, i in enumerate(self.reps):
            per = self.index.setdefault(quotes[i].article, {})
            for w in self.feats[i].content:
                per.setdefault(w, []).append(g)
        self.sizes = [(len(f.content), len(f.word_set), len(f.pairs)) for f in self.feats]
        self.word_sets = [self.feats[i].word_set for i in self.reps]
        self.pair_sets = [self.feats[i].pairs for i in self.reps]
        self.cands: list[_Candidate] = []
        self.fits: dict[tuple[str | None, ...], bool] = {}

    def candidates(self) -> list[_Candidate]:
        later = sorted(self.index)
        for g, i in enumerate(self.reps):
            content, art_i = self.feats[i].content, self.quotes[i].article
            for art in later:
                if art <= art_i:
                    continue
                per = self.index[art]
                shared: Counter[int] = Counter()
                for w in content:
                    hits = per.get(w)
                    if hits:
                        shared.update(hits)
                self._pairs(g, shared)
        return self.cands

    def _pairs(self, g: int, shared: Counter[int]) -> None:
        """Add the links of text `g` with each later text it shares content words with
        (`shared`: how many): full links when the score reaches the bar for their speakers,
        partial ones when the shorter text lies word for word inside the longer. One loop
        with the bounds inline: a long article has tens of thousands of such pairs."""
        reps, sizes = self.reps, self.sizes
        ci, wi, pi = sizes[reps[g]]
        ws, ps = self.word_sets[g], self.pair_sets[g]
        # In any order: link() sorts the candidates by score and quotes, a total order.
        for h, n_shared in shared.items():
            j = reps[h]
            cj, wj, pj = sizes[j]
            could_be_part = n_shared == (ci if ci < cj else cj)
            # The best possible score (exact content overlap, exact word overlap, word-pair
            # overlap capped by the two sizes) under the bar: no full link.
            c = 2 * n_shared / (ci + cj)
            p_cap = 2 * (pi if pi < pj else pj) / (pi + pj) if pi and pj else 0.0
            w_cap = 2 * (wi if wi < wj else wj) / (wi + wj)
            if (c + w_cap + p_cap) / 3 < _LOW and not could_be_part:
                continue
            wd = 2 * len(ws & self.word_sets[h]) / (wi + wj)
            if (c + wd + p_cap) / 3 < _LOW:
                score = 0.0
            else:
                pd = 2 * len(ps & self.pair_sets[h]) / (pi + pj) if pi and pj else 0.0
                score = (c + wd + pd) / 3
            if score >= _LINK_OTHER:
                self.cands.extend(
                    (score, x, y, False) for x in self.members[g] for y in self.members[h]
                )
            elif score >= _LOW or could_be_part:
                self._member_links(g, h, score, could_be_part)

    def _fits(self, a: Quote, b: Quote) -> bool:
        """`_speaker_fits`, once per pair of speakers (a refrain has one speaker)."""
        key = (a.speaker, a.speaker_kind, b.speaker, b.speaker_kind)
        found = self.fits.get(key)
        if found is None:
            found = self.fits[key] = _speaker_fits(a, b, self.by_name)
        return found

    def _member_links(self, g: int, h: int, score: float, could_be_part: bool) -> None:
        i, j = self.reps[g], self.reps[h]
        contained: bool | None = None
        for x in self.members[g]:
            for y in self.members[h]:
                a, b = self.quotes[x], self.quotes[y]
                same = a.speaker is not None and a.speaker == b.speaker
                if score >= (_LINK_SAME_SPEAKER if same else _LINK_OTHER):
                    self.cands.append((score, x, y, False))
                    continue
                if not could_be_part or not self._fits(a, b):
                    continue
                if contained is None:
                    contained = _partial(self.feats[i], self.feats[j])
                if contained:
                    score_part = min(_score(self.feats[i], self.feats[j]), 0.99)
                    self.cands.append((score_part, x, y, True))


def _partial(fi: _Features, fj: _Features) -> bool:
    """Whether the shorter quote is found word for word inside the longer one."""
    short, long_ = (fi, fj) if len(fi.words) <= len(fj.words) else (fj, fi)
    return (
        len(short.words) >= _MIN_PARTIAL_WORDS
        and len(short.words) < len(long_.words)
        and bool(short.content)
        and short.word_set <= long_.word_set
        and _contained(short.words, long_.words)
    )


def link(
    quotes: list[Quote], people: Sequence[Person], memo: dict[str, _Features] | None = None
) -> list[QuoteLink]:
    """The links between renderings of one statement: best score first, each quote in at
    most one full link per other article (partial renderings are not exclusive)."""
    table: dict[str, _Features] = {} if memo is None else memo
    cands = _Linker(quotes, people, table).candidates()
    # Best score first, then by the two quotes: two stable C-keyed passes, not a Python
    # key function per candidate (a long article has thousands).
    cands.sort(key=itemgetter(1, 2))
    cands.sort(key=itemgetter(0), reverse=True)
    used: set[tuple[int, int]] = set()  # (quote, other article) pairs taken by a full link
    links: list[QuoteLink] = []
    diffs: dict[tuple[str, str], Any] = {}
    for score, i, j, partial in cands:
        a, b = quotes[i], quotes[j]
        if not partial:
            if (i, b.article) in used or (j, a.article) in used:
                continue
            used.add((i, b.article))
            used.add((j, a.article))
        left, right = (a, b) if a.article < b.article else (b, a)
        mismatch = (
            left.speaker is not None and right.speaker is not None and left.speaker != right.speaker
        )
        diff = _diff(left, right, table, diffs)
        links.append(QuoteLink(left.id, right.id, round(score, 3), diff, mismatch))
    links.sort(key=lambda lk: (lk.left, lk.right))
    return links
