"""What the reader shows for one pair of articles, worked out once, without any widget.

The two panes, the pair view and the status line all ask the same questions (which alignment
holds this sentence, what colour is it, where is the next conflict), so the answers live here
as plain data. Keeping it free of Textual lets the tests check colouring and navigation rules
directly, and keeps a cursor move down to a few dictionary look-ups.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePath

from tui.core.model import Alignment, Comparison

PALETTE_SIZE = 8


def assign_colours(alignments: Sequence[Alignment], size: int = PALETTE_SIZE) -> list[int]:
    """A palette slot per alignment such that neighbours in either article never share one.

    Neighbours are the alignments just before and after in each article's reading order: those
    are the passages a reader sees next to each other, so equal colours there would blur which
    passage matches which. Colours otherwise rotate so the palette is used evenly.
    """
    n = len(alignments)
    colours = [-1] * n
    if n == 0:
        return colours
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for side in (0, 1):
        spans = [
            (min(p.sentences), max(p.sentences), i)
            for i, p in enumerate(al.left if side == 0 else al.right for al in alignments)
        ]
        order = [i for *_, i in sorted(spans)]
        for a, b in pairwise(order):
            neighbours[a].add(b)
            neighbours[b].add(a)
    start = 0
    for i in range(n):
        taken = {colours[j] for j in neighbours[i] if colours[j] >= 0}
        for step in range(size):
            c = (start + step) % size
            if c not in taken:
                colours[i] = c
                break
        else:  # more neighbours than colours: impossible with 4 neighbours and 8 colours
            colours[i] = start % size
        start = colours[i] + 1
    return colours


@dataclass(slots=True)
class SideInfo:
    """Per-article facts of the pair: sentence -> alignments, and the sorted stops for n/o/c."""

    article: int
    by_sentence: dict[int, list[int]] = field(default_factory=dict)
    aligned_starts: list[int] = field(default_factory=list)
    only_here: list[int] = field(default_factory=list)
    conflict_sentences: list[int] = field(default_factory=list)
    total: int = 0

    @property
    def coverage(self) -> float:
        """Share of this article's fact sentences that the other article also reports."""
        return len(self.by_sentence) / self.total if self.total else 0.0


class PairState:
    """The alignments between the article on the left and the one on the right, oriented."""

    def __init__(self, comparison: Comparison, left: int, right: int) -> None:
        self.comparison = comparison
        self.articles = (left, right)
        self.alignments: list[Alignment] = comparison.between(left, right)
        self.colours = assign_colours(self.alignments)
        self.sides = (self._side(left, 0), self._side(right, 1))
        order = sorted(range(len(self.alignments)), key=lambda j: min(self.passage(j, 0)))
        self._ordinal = {j: k + 1 for k, j in enumerate(order)}

    def _side(self, article: int, side: int) -> SideInfo:
        info = SideInfo(article, total=len(self.comparison.articles[article].sentences))
        starts: set[int] = set()
        conflicts: set[int] = set()
        for i, al in enumerate(self.alignments):
            passage = al.left if side == 0 else al.right
            for s in passage.sentences:
                info.by_sentence.setdefault(s, []).append(i)
            starts.add(min(passage.sentences))
            if al.conflicts:
                conflicts.update(passage.sentences)
        info.aligned_starts = sorted(starts)
        info.conflict_sentences = sorted(conflicts)
        info.only_here = [
            s.index
            for s in self.comparison.articles[article].sentences
            if s.index not in info.by_sentence
        ]
        return info

    def passage(self, i: int, side: int) -> tuple[int, ...]:
        al = self.alignments[i]
        return (al.left if side == 0 else al.right).sentences

    def alignments_at(self, side: int, sentence: int) -> list[int]:
        return self.sides[side].by_sentence.get(sentence, [])

    def colour_of(self, side: int, sentence: int) -> int | None:
        """The palette slot of the first alignment holding `sentence`, or None if only here."""
        found = self.sides[side].by_sentence.get(sentence)
        return self.colours[found[0]] if found else None

    def current(self, side: int, sentence: int) -> tuple[set[int], set[int], list[int]]:
        """Sentences to mark on this side and the other for a cursor, and the alignments."""
        ids = self.alignments_at(side, sentence)
        here: set[int] = {sentence}
        there: set[int] = set()
        for i in ids:
            here.update(self.passage(i, side))
            there.update(self.passage(i, 1 - side))
        return here, there, ids

    def ordinal(self, i: int) -> int:
        """1-based position of alignment `i` in the reading order of the left article."""
        return self._ordinal[i]


def step(stops: Sequence[int], current: int, forward: bool) -> int | None:
    """The next stop after (or before) `current` in a sorted list, or None at the end."""
    if forward:
        k = bisect_right(stops, current)
        return stops[k] if k < len(stops) else None
    k = bisect_left(stops, current)
    return stops[k - 1] if k > 0 else None


def run_starts(sentences: Iterable[int]) -> list[int]:
    """First sentence of every run of consecutive sentences (so o/O stop once per passage)."""
    out: list[int] = []
    prev = None
    for s in sorted(sentences):
        if prev is None or s != prev + 1:
            out.append(s)
        prev = s
    return out


def letter(index: int) -> str:
    """A, B, C ... for the articles in the order given (numbers after Z)."""
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def short_labels(comparison: Comparison, width: int = 18) -> list[str]:
    """A short, distinct name per article for tight places (sidebar, pair view, status).

    The outlet when the front matter names it, else the file name without extension: a
    headline is too long to repeat in every sidebar row. Duplicates get their position.
    """
    out: list[str] = []
    for art in comparison.articles:
        name = art.source.strip() or PurePath(art.path).stem or art.label
        if len(name) > width:
            name = name[: width - 1].rstrip() + "…"
        out.append(name)
    repeated = {name for name in out if out.count(name) > 1}
    return [f"{name} ({i + 1})" if name in repeated else name for i, name in enumerate(out)]
