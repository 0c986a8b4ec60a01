"""Numbers two sides state differently, kind by kind, and details only one side gives.

A differing number is only reported against a number on the other side that counts the same
thing (the same unit word after it, or the same word before it), since a passage can hold
several numbers about different things; and never when the other side has the same value
anywhere ("three" and "3", "$2 billion" and "$2,000,000,000", "72 hours" and "three days" are
one value in `tokens.quantities`). Amounts of different kinds (a count, money, a percentage,
a duration, a rate move, an ordinal) never meet, so each kind is its own check.

A detail that only one side gives ("met for three hours" vs "met") is not a contradiction: it
is reported with the other side "" and a note starting "only one side", so the reader can
show it as an omission rather than as a clash.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Conflict
from ..tokens.quantities import Quantity
from ..tokens.text import CURRENCY, DAYS_PER
from .base import Check, Pair

_SIGNS = frozenset("%" + CURRENCY)


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts count the same thing: one unit (in one measure), or no unit and
    the same word before them. Implies the same `kind`."""
    if a.ordinal != b.ordinal:
        return False
    if a.unit and b.unit:
        return _measure(a.unit) == _measure(b.unit)
    return bool(a.prev) and a.prev == b.prev and not a.unit and not b.unit


def _measure(unit: str) -> str:
    """What a unit measures: every duration unit counts days (see tokens.quantities)."""
    return "day" if unit in DAYS_PER else unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _valued(n: Quantity, values: Sequence[float]) -> bool:
    """Whether the other side states this value anywhere (then it is not a disagreement)."""
    return any(_close(n.value, v) for v in values)


def _differing(kind: str, note: str | None) -> Callable[[Pair], list[Conflict]]:
    """The check for one kind of amount: each left number with no equal value on the right is
    paired with the first right number of the same quantity that has none on the left."""

    def test(pair: Pair) -> list[Conflict]:
        lnums, rnums = pair.left.numbers, pair.right.numbers
        if not lnums or not rnums:
            return []  # most pairs: no number on one side, nothing to differ
        lvals = [n.value for n in lnums]
        rvals = [n.value for n in rnums]
        free = [rn for rn in rnums if rn.kind == kind and not _valued(rn, lvals)]
        out: list[Conflict] = []
        for ln in lnums:
            if ln.kind != kind or _valued(ln, rvals):
                continue
            rn = next((rn for rn in free if same_quantity(ln, rn)), None)
            if rn is None:
                continue
            free.remove(rn)
            # A number with no unit word is noted "different amounts", as the reports have
            # always said it; "different figures" would read better, as a named change.
            what = ln.unit_text
            said = note or (f"different number of {what}" if what else "different amounts")
            out.append(
                Conflict("number", ln.text, rn.text, (ln.start, ln.end), (rn.start, rn.end), said)
            )
        return out

    return test


def _one_sided(n: Quantity, others: Sequence[Quantity], other_stems: frozenset[str]) -> bool:
    """A number the other side leaves out, about something the other side does mention."""
    if n.ordinal or any(same_quantity(n, o) for o in others):
        return False
    # "the two sides", "one of them": small counts in words are phrasing, not a detail.
    if (n.value if n.count is None else n.count) <= 2 and not n.text[:1].isdigit():
        return False
    anchors = {a for a in (n.unit, n.prev) if a and a not in _SIGNS}
    return bool(anchors & other_stems)


def _only_one_side(pair: Pair) -> list[Conflict]:
    lf, rf = pair.left, pair.right
    if not lf.numbers and not rf.numbers:
        return []
    lvals = [n.value for n in lf.numbers]
    rvals = [n.value for n in rf.numbers]
    out: list[Conflict] = []
    for ln in lf.numbers:
        if not _valued(ln, rvals) and _one_sided(ln, rf.numbers, rf.stems):
            note = f'only one side gives "{ln.text}"'
            out.append(Conflict("number", ln.text, "", (ln.start, ln.end), None, note))
    for rn in rf.numbers:
        if not _valued(rn, lvals) and _one_sided(rn, lf.numbers, lf.stems):
            note = f'only one side gives "{rn.text}"'
            out.append(Conflict("number", "", rn.text, None, (rn.start, rn.end), note))
    return out


CHECKS = (
    Check(
        "number",
        'A count that differs ("12 dead" / "14 dead"): the same counted word after it, or '
        "the same word before it.",
        (
            (
                (
                    "At least 12 people were killed when the building collapsed on Monday.",
                    "At least 14 people were killed when the building collapsed on Monday.",
                ),
                [("number", "12 people", "14 people")],
            ),
            (
                (
                    "A dozen soldiers were wounded in the attack.",
                    "Twelve soldiers were wounded in the attack.",
                ),
                [],
            ),
            (
                (
                    "They met five times during his first term, including a summit in Helsinki.",
                    "The two leaders held 3 rounds of talks over the phone last year.",
                ),
                [],
            ),
        ),
        _differing("count", None),
    ),
    Check(
        "money",
        'An amount of money that differs, however it is written ("$2 billion" is '
        '"$2,000,000,000").',
        (
            (
                (
                    "The European Commission fined Nimbus $2.1 billion for abusing its dominance.",
                    "The European Commission fined Nimbus $2 billion for abusing its dominance.",
                ),
                [("number", "$2.1 billion", "$2 billion")],
            ),
            (("The fine was $2 billion.", "The fine was $2,000,000,000."), []),
        ),
        _differing("money", "different amounts"),
    ),
    Check(
        "percent",
        'A percentage that differs; "%", "percent" and "per cent" are one unit.',
        (
            (
                ("Prices rose 14% in March, the agency said.", "Prices rose 16 percent in March."),
                [("number", "14%", "16 percent")],
            ),
            (("Unemployment fell to 4 per cent in May.", "Unemployment fell to 4% in May."), []),
        ),
        _differing("percent", "different percentages"),
    ),
    Check(
        "duration",
        'A duration that differs, compared in days ("72 hours" is "a three-day" one).',
        (
            (
                (
                    "Dockers began a three-day strike at Gothenburg on Monday.",
                    "Dockers began a four-day strike at Gothenburg on Monday.",
                ),
                [("number", "three-day", "four-day")],
            ),
            (
                (
                    "Dockers began a three-day strike at Gothenburg on Monday.",
                    "Dockers began a 72-hour strike at Gothenburg on Monday.",
                ),
                [],
            ),
        ),
        _differing("duration", None),
    ),
    Check(
        "rate",
        'A rate move that differs, compared in basis points ("half a percentage point" is '
        '"50 basis points").',
        (
            (
                (
                    "The Riksbank raised its policy rate by half a percentage point on Thursday.",
                    "The Riksbank raised its policy rate by a quarter-point on Thursday.",
                ),
                [("number", "half a percentage point", "quarter-point")],
            ),
            (
                (
                    "The Riksbank raised its policy rate by half a percentage point on Thursday.",
                    "The Riksbank raised its policy rate by 50 basis points on Thursday.",
                ),
                [],
            ),
        ),
        _differing("rate", None),
    ),
    Check(
        "ordinal",
        'An ordinal that differs ("the second summit" / "the third summit"); ordinals only '
        "meet ordinals.",
        (
            (
                (
                    "It was the second summit between the leaders.",
                    "It was the third summit between the leaders.",
                ),
                [("number", "second summit", "third summit")],
            ),
        ),
        _differing("ordinal", None),
    ),
    Check(
        "one-sided",
        'A number only one side gives, about something both mention ("met for three hours" '
        '/ "met"): an omission, not a clash.',
        (
            (
                (
                    "Trump's envoy Steve Witkoff met for three hours Wednesday with Putin.",
                    "News came hours after Trump's special envoy Steve Witkoff met with Putin.",
                ),
                [("number", "three hours", "")],
            ),
        ),
        _only_one_side,
    ),
)
