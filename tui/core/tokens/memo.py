"""The memo tables of one comparison, handed down to every stage.

A module-level cache makes a second comparison in the same process a different program from a
user's first run, and it hides the cost the user pays. So work that is worth doing once per
comparison (a sentence's tokens, its features, a pair's word diff) is kept here, in an object
that `pipeline.compare()` creates and drops with the comparison.
"""

from __future__ import annotations

from typing import Any


class Memo:
    """Named memo tables that live exactly as long as one comparison."""

    __slots__ = ("_tables",)

    def __init__(self) -> None:
        self._tables: dict[str, dict[Any, Any]] = {}

    def table(self, name: str) -> dict[Any, Any]:
        """The dict called `name`, made empty on first use; stages key it as they need."""
        found = self._tables.get(name)
        if found is None:
            found = self._tables[name] = {}
        return found

    def sizes(self) -> dict[str, int]:
        """How many entries each table holds (for benchmarks and tests)."""
        return {name: len(t) for name, t in self._tables.items()}
