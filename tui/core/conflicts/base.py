"""What every conflict check is given and what it is: a named rule over two passages' facts.

A check reads the facts of both sides of an aligned pair (worked out once per sentence, see
`facts.py`) and returns the conflicts it finds. Each is a `Check` in the "conflicts" registry
(`engine.py`), tried in order; the engine stamps each conflict with its check's name, so the
JSON's `conflicts[].rule` traces a false conflict to the rule that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Conflict
from ..rules import Rule
from ..tokens.memo import Memo
from .facts import Facts


@dataclass(frozen=True, slots=True)
class Pair:
    """Both sides of an aligned pair: the bodies their offsets index and their facts."""

    left_body: str
    left: Facts
    right_body: str
    right: Facts
    # The comparison's memo, for the word diffs a check asks for (None: computed afresh).
    memo: Memo | None = None


@dataclass(frozen=True, slots=True)
class Check(Rule):
    """One kind of disagreement. Golden examples: (left sentence, right sentence) in, every
    conflict the engine finds in them as (kind, left, right) out."""

    test: Callable[[Pair], list[Conflict]]
