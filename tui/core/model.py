"""The results of a comparison: alignments, conflicts, people and quotes.

All character offsets are into the owning article's `body` (not into a sentence), so one
convention serves highlighting, JSON and tests. Articles are referred to by their position in
`Comparison.articles`; sentences by `Sentence.index`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from .article import Article

DiffTag = Literal["equal", "delete", "insert", "replace"]
ConflictKind = Literal["number", "date", "name", "quote"]


@dataclass(frozen=True, slots=True)
class Passage:
    """One or more consecutive sentences of one article."""

    article: int
    sentences: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SharedSpan:
    """A run of words both sides of a pair share (a name, a number, a phrase), for highlighting."""

    left_start: int
    left_end: int
    right_start: int
    right_end: int
    text: str
    kind: str = "phrase"  # "name" | "number" | "date" | "quote" | "phrase"


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of the word-level diff between the two sides of a pair (body offsets)."""

    tag: DiffTag
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    left: str
    right: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something the two sides of an aligned pair state differently.

    `left`/`right` hold the differing text as each side writes it; one may be "" when only one
    side states it (e.g. "three hours" only on the left). Spans are body offsets or None.
    """

    kind: ConflictKind
    left: str
    right: str
    left_span: tuple[int, int] | None
    right_span: tuple[int, int] | None
    note: str
    # The name of the conflict check that found it.
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """A passage of one article that reports the same fact(s) as a passage of another."""

    left: Passage
    right: Passage
    score: float  # 0..1
    shared: tuple[SharedSpan, ...] = ()
    diff: tuple[DiffOp, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def flipped(self) -> Alignment:
        """The same alignment seen from the other article (for swapped panes)."""
        return replace(
            self,
            left=self.right,
            right=self.left,
            shared=tuple(
                SharedSpan(s.right_start, s.right_end, s.left_start, s.left_end, s.text, s.kind)
                for s in self.shared
            ),
            diff=tuple(_flip_op(op) for op in self.diff),
            conflicts=tuple(
                Conflict(c.kind, c.right, c.left, c.right_span, c.left_span, c.note, c.rule)
                for c in self.conflicts
            ),
        )


def _flip_op(op: DiffOp) -> DiffOp:
    tag: DiffTag = {"delete": "insert", "insert": "delete"}.get(op.tag, op.tag)  # type: ignore[assignment]
    return DiffOp(tag, op.right_start, op.right_end, op.left_start, op.left_end, op.right, op.left)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an article names (or titles) a person."""

    article: int
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Person:
    """A person merged across articles; `name` is the fullest form any article uses."""

    name: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote. `speaker` is a Person.name, a non-person source as written, or None."""

    id: str
    article: int
    sentence: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_kind: Literal["person", "source"] | None = None
    same_as: tuple[str, ...] = ()
    # The name of the attribution rule that gave the speaker (None when no rule gave one).
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteLink:
    """Two renderings of the same statement in different articles, with their wording diff."""

    left: str  # Quote.id
    right: str  # Quote.id
    score: float
    diff: tuple[DiffOp, ...] = ()
    speaker_mismatch: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """The one result object the UI, JSON and Markdown reports render."""

    articles: tuple[Article, ...]
    alignments: tuple[Alignment, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_links: tuple[QuoteLink, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def between(self, a: int, b: int) -> list[Alignment]:
        """Alignments between articles `a` and `b`, oriented so `left` is in article `a`."""
        out: list[Alignment] = []
        for al in self.alignments:
            if al.left.article == a and al.right.article == b:
                out.append(al)
            elif al.left.article == b and al.right.article == a:
                out.append(al.flipped())
        out.sort(key=lambda al: (al.left.sentences[0], al.right.sentences[0]))
        return out

    def quote(self, quote_id: str) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)
