"""Dates two sides state differently: a weekday, a day of a month, a month, a year.

Kinds are compared separately: a bare month ("in August") never clashes with a day ("on
Sept. 3"), since one side may simply be less precise; and only when the two sides' dates of a
kind do not overlap at all, since a passage can mention several. "Yesterday" and "today" never
clash with a weekday: a morning paper's "yesterday" is the wire's "on Tuesday".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Conflict
from ..tokens.quantities import Quantity
from .base import Check, Pair


def _clash(ls: Sequence[Quantity], rs: Sequence[Quantity]) -> tuple[Quantity, Quantity] | None:
    """The two dates of one kind that clash: one each, or two with the same word before them
    ("since 2021" / "since 2022"); none when the sides share a value."""
    if not ls or not rs or {d.parts for d in ls} & {d.parts for d in rs}:
        return None
    if len(ls) == 1 and len(rs) == 1:
        return ls[0], rs[0]
    return next(((a, b) for a in ls for b in rs if a.anchor and a.anchor == b.anchor), None)


def _differing(kind: str, note: str) -> Callable[[Pair], list[Conflict]]:
    def test(pair: Pair) -> list[Conflict]:
        lf, rf = pair.left, pair.right
        if not lf.dates or not rf.dates:
            return []  # a clash needs a date on both sides
        if kind == "weekday" and (lf.relative_day or rf.relative_day):
            return []  # "yesterday" on one side, "on Tuesday" on the other can both be right
        found = _clash(
            [d for d in lf.dates if d.kind == kind], [d for d in rf.dates if d.kind == kind]
        )
        if found is None:
            return []
        a, b = found
        return [Conflict("date", a.text, b.text, (a.start, a.end), (b.start, b.end), note)]

    return test


CHECKS = (
    Check(
        "weekday",
        'A different day of the week for one event; not against "yesterday" or "today".',
        (
            (
                (
                    "Kremlin aide Yuri Ushakov said on Tuesday that the leaders would meet.",
                    "Kremlin aide Yuri Ushakov said on Wednesday that the leaders would meet.",
                ),
                [("date", "Tuesday", "Wednesday")],
            ),
            (
                (
                    "A Dutch judge yesterday jailed the former hospital boss.",
                    "A Dutch court on Wednesday sentenced the hospital's former director.",
                ),
                [],
            ),
        ),
        _differing("weekday", "different day of the week"),
    ),
    Check(
        "date",
        'A different day of a month ("Aug. 7" is "August 7").',
        (
            (
                (
                    "The talks are due to resume on Aug. 7 in Geneva.",
                    "The talks are due to resume on August 8 in Geneva.",
                ),
                [("date", "Aug. 7", "August 8")],
            ),
            (
                (
                    "The talks are due to resume on Aug. 7 in Geneva.",
                    "The talks are due to resume on August 7 in Geneva.",
                ),
                [],
            ),
            (
                (
                    "LISBON, March 12 (Iberia Wire) - Portugal's ruling party lost its majority.",
                    "Portugal's ruling party lost its majority in the vote of March 10.",
                ),
                [],
            ),
        ),
        _differing("monthday", "different date"),
    ),
    Check(
        "month",
        'A different month; "may" the verb is not May.',
        (
            (
                ("The plant closed in August, the union said.", "The plant closed in September."),
                [("date", "August", "September")],
            ),
            (
                (
                    "The summit may take place in the Emirates, officials said in June.",
                    "The summit could take place in the Emirates, officials said in June.",
                ),
                [],
            ),
        ),
        _differing("month", "different month"),
    ),
    Check(
        "year",
        'A different year ("since 2021" / "since 2022"); overlapping years do not clash.',
        (
            (
                (
                    "It would be the first summit between the two leaders since 2021.",
                    "It would be the first in-person meeting of the two leaders since 2022.",
                ),
                [("date", "2021", "2022")],
            ),
            (
                (
                    "They met five times between 2017 and 2021.",
                    "It would be their first meeting since 2021.",
                ),
                [],
            ),
        ),
        _differing("year", "different year"),
    ),
)
