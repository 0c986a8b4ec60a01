"""Boilerplate: paragraphs that are page furniture, not reporting, as named rules.

"Related article: ...", "Read more", bylines, photo credits, "Advertisement": they are kept in
the body (a reader sees the page as saved) but never matched as facts. Boilerplate is short and
formulaic, so every rule is anchored (at the paragraph start, or as the whole paragraph) and
limited in length: a news sentence that merely starts with "By" or "Read" is not matched.

Each shape is a `BoilerplateRule` in the "boilerplate" registry (`boilerplate_rules.py`), tried
in order; the first that marks a paragraph gives its kind, and its name goes into
`Paragraph.rule` (the JSON's `rule` key), so a wrong mark can be traced to the rule that made
it. The patterns are compiled on first use and their word lists are lexicon data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..rules import Registry, Rule
from .lazy import LazyRegex


@dataclass(frozen=True, slots=True)
class BoilerplateRule(Rule):
    """One boilerplate shape: a paragraph of at most `limit` characters that `pattern` fits.

    `how` says how the pattern must fit: `match` (it opens the paragraph), `fullmatch` (it is
    the whole paragraph) or `search` (a caption's credit at its end). Opening rules are also
    tried together, as one alternation, so a fact paragraph costs one regex call for all of them.
    """

    kind: str
    pattern: LazyRegex
    limit: int
    how: Literal["match", "fullmatch", "search"] = "match"
    needs_digit: bool = False  # a timestamp without a digit is a sentence ("Updated figures")

    def marks(self, text: str) -> bool:
        if len(text) > self.limit:
            return False
        if getattr(self.pattern, self.how)(text) is None:
            return False
        return not self.needs_digit or any(c.isdigit() for c in text)


def _example(rule: BoilerplateRule, text: str) -> str | None:
    return rule.kind if rule.marks(text) else None


BOILERPLATE: Registry[BoilerplateRule] = Registry("boilerplate", _example)


class _Opening:
    """All opening rules as one alternation: one call rules out a fact paragraph."""

    def __init__(self) -> None:
        self.rx = LazyRegex(self._source)

    @staticmethod
    def _source() -> str:
        parts = []
        for rule in BOILERPLATE:
            if rule.how == "match":
                rx = rule.pattern.compiled()
                flagged = rx.flags & re.IGNORECASE
                parts.append(f"(?i:{rx.pattern})" if flagged else f"(?:{rx.pattern})")
        return "|".join(parts)


_OPENING = _Opening()


def classify(text: str) -> BoilerplateRule | None:
    """The rule that marks a paragraph as boilerplate, or None for a paragraph of facts."""
    opening = None
    for rule in BOILERPLATE:
        if rule.how == "match":
            if opening is None:
                opening = _OPENING.rx.match(text) is not None
            if not opening:
                continue
        if rule.marks(text):
            return rule
    return None


def kind_of(text: str) -> str | None:
    """The boilerplate kind of a paragraph, or None for a paragraph that carries facts."""
    rule = classify(text)
    return rule.kind if rule else None


def is_byline(text: str) -> bool:
    return BOILERPLATE.get("byline-by").marks(text) or BOILERPLATE.get("byline-role").marks(text)


def is_boilerplate_line(text: str, whole: bool = False) -> bool:
    """A line that is boilerplate by itself (whole) or that opens a boilerplate paragraph.

    A byline or "Advertisement" on its own line never joins the text around it when
    hard-wrapped lines are joined into paragraphs.
    """
    if is_byline(text) or BOILERPLATE.get("advert-label").marks(text):
        return True
    return not whole and _OPENING.rx.match(text) is not None
