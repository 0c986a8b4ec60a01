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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..rules import Registry, Rule
from .lazy import LazyRegex


@dataclass(frozen=True, slots=True)
class BoilerplateRule(Rule):
    """One boilerplate shape: a paragraph of at most `limit` characters that `pattern` fits.

    `how` says how the pattern must fit: `match` (it opens the paragraph), `fullmatch` (it is
    the whole paragraph) or `search` (a caption's credit at its end).
    """

    kind: str
    pattern: LazyRegex
    limit: int
    how: Literal["match", "fullmatch", "search"] = "match"
    needs_digit: bool = False  # a timestamp without a digit is a sentence ("Updated figures")
    # A small pattern that every text the rule marks contains (searched for): text without it
    # cannot fit `pattern`, so the long pattern is only compiled once some paragraph could.
    gate: LazyRegex | None = None

    def admits(self, text: str) -> bool:
        """The conditions besides the pattern: short enough, a digit where one is needed."""
        return len(text) <= self.limit and (not self.needs_digit or any(c.isdigit() for c in text))

    def fits(self, text: str) -> bool:
        """Does the pattern fit `text` (as `how` says)? The gate is asked first."""
        if self.gate is not None and self.gate.search(text) is None:
            return False
        return getattr(self.pattern, self.how)(text) is not None

    def marks(self, text: str) -> bool:
        # The cheap tests first: this runs on every paragraph of a 2 MB article.
        if len(text) > self.limit or not self.fits(text):
            return False
        return not self.needs_digit or any(c.isdigit() for c in text)


def _example(rule: BoilerplateRule, text: str) -> str | None:
    return rule.kind if rule.marks(text) else None


BOILERPLATE: Registry[BoilerplateRule] = Registry("boilerplate", _example)


class _Opening:
    """The opening rules (`how="match"`) merged into one alternation, a named group per rule.

    A fact paragraph costs one regex call for all of them. An alternation tries its branches in
    order, so the group that matched names the first opening rule whose pattern fits, the one
    the registry's order picks; only when that rule refuses the paragraph (too long) are the
    later ones asked one by one. So most runs compile the opening patterns once, merged.
    """

    def __init__(self) -> None:
        self.rx = LazyRegex(self._source)
        self._rules: list[BoilerplateRule] = []
        self._index: dict[str, int] = {}

    def rules(self) -> list[BoilerplateRule]:
        if not self._rules:
            rules = [rule for rule in BOILERPLATE if rule.how == "match"]
            self._index = {rule.name: i for i, rule in enumerate(rules)}
            self._rules = rules
        return self._rules

    def _source(self) -> str:
        parts = []
        for i, rule in enumerate(self.rules()):
            flags = "i" if rule.pattern.flags & re.IGNORECASE else ""
            parts.append(f"(?P<r{i}>(?{flags}:{rule.pattern.source()}))")
        return "|".join(parts)

    def first_fit(self, text: str) -> int:
        """The index of the first opening rule whose pattern fits `text`, or -1."""
        m = self.rx.match(text)
        return -1 if m is None else int(str(m.lastgroup)[1:])

    def first(self, text: str) -> BoilerplateRule | None:
        """The first opening rule that marks `text`."""
        i = self.first_fit(text)
        if i < 0:
            return None
        rules = self.rules()
        if rules[i].admits(text):
            return rules[i]
        return next((rule for rule in rules[i + 1 :] if rule.marks(text)), None)

    def marks(self, rule: BoilerplateRule, text: str) -> bool:
        """Whether one opening rule marks `text`, without compiling it alone if it can."""
        self.rules()  # builds the index
        i, j = self.first_fit(text), self._index[rule.name]
        if i < 0 or i > j:
            return False
        return rule.admits(text) if i == j else rule.marks(text)


_OPENING = _Opening()


class _Plan:
    """The registry's rules as the steps `classify` runs, built on its first call.

    A 2 MB article can hold 600,000 one-word paragraphs, so the loop over the rules is kept
    tight: each plain rule as (limit, the compiled pattern's own method, needs a digit, rule),
    and the opening rules as one step (None) where the first of them stands.
    """

    def __init__(self) -> None:
        self._steps: list[tuple[int, Callable[[str], object] | None, bool, BoilerplateRule]] = []

    def steps(self) -> list[tuple[int, Callable[[str], object] | None, bool, BoilerplateRule]]:
        if not self._steps:
            # Built whole and then published: a second loading thread never sees half a plan.
            steps: list[tuple[int, Callable[[str], object] | None, bool, BoilerplateRule]] = []
            opening = False
            for rule in BOILERPLATE:
                if rule.how != "match":
                    # A gated rule's pattern is compiled when its gate first lets a text by.
                    test = rule.fits if rule.gate else getattr(rule.pattern.compiled(), rule.how)
                    steps.append((rule.limit, test, rule.needs_digit, rule))
                elif not opening:
                    opening = True
                    steps.append((0, None, False, rule))
            self._steps = steps
        return self._steps


_PLAN = _Plan()


def classify(text: str) -> BoilerplateRule | None:
    """The rule that marks a paragraph as boilerplate, or None for a paragraph of facts."""
    size = len(text)
    for limit, test, digit, rule in _PLAN.steps():
        if test is None:
            found = _OPENING.first(text)
            if found is not None:
                return found
        elif size <= limit and test(text) and (not digit or any(c.isdigit() for c in text)):
            return rule
    return None


def is_byline(text: str) -> bool:
    """A byline with or without "By": the one shape that also ends a hard-wrapped paragraph."""
    return BOILERPLATE.get("byline-by").marks(text) or BOILERPLATE.get("byline-role").marks(text)


def is_boilerplate_line(text: str, whole: bool = False) -> bool:
    """A line that is boilerplate by itself (whole) or that opens a boilerplate paragraph.

    A byline or "Advertisement" on its own line never joins the text around it when
    hard-wrapped lines are joined into paragraphs.
    """
    if is_byline(text):
        return True
    if not whole:
        return _OPENING.first_fit(text) >= 0
    return _OPENING.marks(BOILERPLATE.get("advert-label"), text)
