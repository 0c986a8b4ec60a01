"""Regular expressions compiled on first use, and word lists from the lexicon as alternations.

Every run of Parallax imports the loader, but not every run meets Markdown, front matter or a
broken encoding. Compiling all of the loader's patterns at import cost each run about 20 ms, so
a pattern here is only source text until its first use; after that, its methods are the
compiled pattern's own (no wrapper call in the hot loops). The word lists inside the patterns
(months, agencies, advert labels) are data in `tui/core/lexicon/data/`, read on that first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from .. import lexicon


class LazyRegex:
    """A regular expression built and compiled the first time it is used.

    `source` is the pattern text, or a function that builds it (from lexicon word lists) so
    that even the data files are read only when the pattern is needed.
    """

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    @property
    def flags(self) -> int:
        return self._flags

    def source(self) -> str:
        """The pattern text (built from the lexicon if need be), without compiling it."""
        return self._source if isinstance(self._source, str) else self._source()

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; also rebinds this object's methods to it for later calls."""
        found: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if found is not None:
            return found
        rx = re.compile(self.source(), self._flags)
        self.__dict__["_compiled"] = rx
        for name in ("match", "fullmatch", "search", "sub", "finditer", "findall"):
            self.__dict__[name] = getattr(rx, name)
        return rx

    # Until the first call these compile the pattern; after it, the instance attributes set by
    # `compiled()` shadow them and calls go straight to the compiled pattern.
    def match(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = 2**63 - 1
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = 2**63 - 1) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)


def word_list(name: str) -> list[str]:
    """The words of `data/NAME.txt` in file order (order keeps a built pattern reproducible)."""
    return [w for line in lexicon.phrases(name) for w in line.split()]


def alternation(*names: str, phrases: bool = False) -> str:
    """A non-capturing group matching any entry of the named lists, each taken literally.

    With `phrases`, each line is one entry ("story continues below"), else each word is.
    """
    entries: list[str] = []
    for name in names:
        entries.extend(lexicon.phrases(name) if phrases else word_list(name))
    return "(?:" + "|".join(re.escape(e) for e in entries) + ")"


class LazyWords:
    """A word list from the lexicon as a set, read on the first membership test."""

    __slots__ = ("_name", "_words")

    def __init__(self, name: str) -> None:
        self._name = name
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        words = self._words
        if words is None:
            words = self._words = lexicon.words(self._name)
        return word in words
