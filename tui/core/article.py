"""An article as the engine sees it: one normalised body string and offsets into it.

Every later stage (sentences, people, quotes, alignments) points back into `Article.body` by
character offsets, so the reader can highlight exactly what was matched and the JSON export can
be checked by slicing. Frozen dataclasses keep a loaded article safe to share between the UI
thread and workers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of boilerplate paragraph. They are shown (muted) but never treated as facts.
BOILERPLATE_KINDS = ("related", "read-more", "byline", "credit", "advert", "share", "other")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the body; `boilerplate` names its kind, or is None for a fact paragraph."""

    index: int
    start: int
    end: int
    boilerplate: str | None = None
    # The name of the boilerplate rule that marked it, so a wrong mark can be traced.
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a fact paragraph.

    `index` counts fact sentences only (boilerplate has none), so alignments, quotes and
    mentions can refer to sentences by a small stable integer. `text == body[start:end]`.
    """

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One loaded article. `body` is the cleaned text; paragraphs are separated by a blank line."""

    path: str
    title: str
    source: str
    date: str
    body: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    url: str = ""
    # Front-matter keys Parallax does not know; kept so exports lose nothing.
    extra: dict[str, Any] = field(default_factory=dict)
    # Non-fatal problems met while loading (broken front matter, replaced bytes ...).
    warnings: tuple[str, ...] = ()

    @property
    def boilerplate(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.boilerplate)

    def text_of(self, start: int, end: int) -> str:
        return self.body[start:end]

    @property
    def label(self) -> str:
        """What the UI and reports call this article when space is short."""
        return self.source or self.title or self.path.rsplit("/", 1)[-1]
