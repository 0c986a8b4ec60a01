"""Quantities in a sentence's words: the one parser that alignment and conflicts read.

Outlets write one number many ways: "three" and "3", "$2.1 billion" and "$2,100,000,000",
"72 hours" and "three days", "half a percentage point" and "50 basis points", "79 per cent"
and "79%". Alignment needs to know what a number counts, so two sides counting the same thing
with another value keep part of their evidence; conflicts need each value in one measure, to
tell a real disagreement from one value written two ways. Read in two places, the two stages
would disagree about what "5 km" is, so both read numbers here.

`read_quantities` turns a sentence's tokens into `Quantity`s: amounts (counts, money,
percentages, durations in days, rate moves in basis points, ordinals) and date parts
(weekdays, month-days, months, years). Each shape of quantity is a named rule in the
"quantities" registry with golden examples, tried in order at each word; a quantity names the
shape that read it, so a wrong value can be traced. `counts(tokens, k)` is the looser reading
alignment gives a single number word: what it counts within the next few words.
"""

from . import shapes as _shapes  # registers the shapes
from .read import (
    AMOUNT_KINDS,
    DATE_KINDS,
    QUANTITIES,
    Quantity,
    amount_kind,
    counts,
    fractions,
    point_words,
    rate_move,
    read_quantities,
    token_value,
)

del _shapes

__all__ = [
    "AMOUNT_KINDS",
    "DATE_KINDS",
    "QUANTITIES",
    "Quantity",
    "amount_kind",
    "counts",
    "fractions",
    "point_words",
    "rate_move",
    "read_quantities",
    "token_value",
]
