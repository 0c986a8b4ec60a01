"""Numbers as news writes them: digits with separators, number words, years, durations and the
nouns that count people.

The tables are data (tui/core/lexicon/data/tokens-*.txt). The one quantity parser that
conflicts and alignment will share is `tokens/quantities.py`; this module keeps the word-level
readings both already use.
"""

from __future__ import annotations

import math
import re

from ..lexicon import phrases, words
from .words import normalise, stem


def _pairs(name: str) -> list[tuple[str, str]]:
    """The "word value" lines of a data file, in order."""
    out = []
    for line in phrases(name):
        word, value = line.split()
        out.append((word, value))
    return out


# Integral values stay ints, as the tables were written in code: conflicts print them.
NUMBER_WORDS: dict[str, float] = {
    w: (float(v) if "." in v else int(v)) for w, v in _pairs("tokens-number-words")
}
# Ordinals and "once"/"twice" count as numbers for conflicts ("first summit" vs "second
# summit") but "second" is also a unit of time and "one" a pronoun, so the numbers stage treats
# these as weaker than digits.
ORDINAL_WORDS: frozenset[str] = words("tokens-ordinal-words")

MULTIPLIERS: dict[str, float] = {w: float(v) for w, v in _pairs("tokens-multipliers")}

_NUM_RE = re.compile(r"^[$€£¥]?(\d+(?:[.,]\d+)*)(%|st|nd|rd|th)?$")


def number_value(word: str) -> float | None:
    """The value of a digit token ("1,200" -> 1200.0, "$2.1" -> 2.1, "14%" -> 14.0) or a
    number word ("three" -> 3.0); None when the word is not a number.

    A comma followed by exactly three digits is a thousands separator; otherwise it is read as
    a decimal comma, as European outlets write it.
    """
    w = normalise(word)
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    m = _NUM_RE.match(w)
    if not m:
        return None
    digits = m.group(1)
    if "," in digits:
        parts = digits.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            digits = "".join(parts)
        elif len(parts) == 2 and "." not in digits:
            digits = parts[0] + "." + parts[1]
        else:
            digits = digits.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    # A run of hundreds of digits overflows to infinity: no article states such a number, and
    # every later stage (terms, conflicts) needs a finite value.
    return value if math.isfinite(value) else None


def is_year(word: str) -> bool:
    """A four-digit number in the range news writes as a year (1900-2099)."""
    return len(word) == 4 and word.isdecimal() and 1900 <= int(word) <= 2099


# Units a number is a count of, folded so outlets' spellings meet: "%", "percent", "per cent";
# durations in days ("30-day" = "month-long"); rate moves in basis points ("half a percentage
# point" = "50 basis points"). Anything else takes the stem of the next content word as its
# unit ("420 metres" / "400 metres", "nine miners" / "nine workers" do not meet: see PEOPLE).
PERCENT_WORDS: frozenset[str] = words("tokens-percent-words")
# Durations count days, so "72-hour" meets "three-day" and "month-long" meets "30-day".
DAYS_PER: dict[str, float] = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
DURATION_WORDS: dict[str, float] = {f"{unit}-long": days for unit, days in DAYS_PER.items()}


def spelled_duration(norm: str) -> float | None:
    """Days in a spelled-out count joined to its unit ("three-day", "two-week"), which the
    tokeniser keeps as one word, unlike "30-day" (a number, then the unit)."""
    head, sep, tail = norm.partition("-")
    if not sep or head not in NUMBER_WORDS:
        return None
    per = DAYS_PER.get(stem(tail))
    return None if per is None else round(NUMBER_WORDS[head] * per, 6)


# Nouns news counts people with: a number before any of them counts people, so "two miners"
# and "three workers" are one kind of quantity (a death toll that disagrees).
PEOPLE: frozenset[str] = frozenset(stem(w) for w in words("tokens-people-nouns"))
