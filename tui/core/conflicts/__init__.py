"""Where two aligned passages disagree: numbers, dates, names and quoted wording.

An aligned pair reports the same fact, so a number, a day or a name that differs between the
two sides is what a careful reader wants pointed out ("12 dead" vs "14 dead", Tuesday vs
Wednesday). The same value written two ways ("three" and "3", "Aug. 7" and "August 7",
"$2 billion" and "$2,000,000,000") is not a conflict. Each kind of disagreement is a named
check in the "conflicts" registry (engine.py), and every conflict names the check that found
it (`Conflict.rule`).
"""

from .engine import CONFLICTS, find_conflicts, passage_conflicts

__all__ = ["CONFLICTS", "find_conflicts", "passage_conflicts"]
