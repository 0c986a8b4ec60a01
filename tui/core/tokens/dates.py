"""Day and month names, day numbers, and the wire dateline that opens a first sentence.

News dates an event by weekday ("on Thursday"), by month and day ("March 18"), or relative to
its own publication ("yesterday"); the names are data (tokens-weekdays.txt,
tokens-months.txt, tokens-relative-days.txt). Several short forms are also ordinary words
("sat", "may", "march", "Jan" the first name), so the readers below ask for the context that
makes them dates.
"""

from __future__ import annotations

import re

from ..lexicon import phrases, words
from .numerals import is_year
from .words import Token


def _numbered(name: str, first: int) -> dict[str, int]:
    """Each name of a data file whose lines are numbered from `first` -> its line's number."""
    return {w: i for i, line in enumerate(phrases(name), first) for w in line.split()}


WEEKDAYS: dict[str, int] = _numbered("tokens-weekdays", 0)
# Short weekday forms collide with ordinary words ("sat", "sun", "wed"); they only count when
# capitalised and followed by a period, which `weekday_of` checks.
_AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon", "fri", "thu", "tue"})

# Days news names relative to its own publication ("yesterday" in a morning paper is the wire's
# "on Tuesday"): the same slot as a weekday, whose value the reader cannot check.
RELATIVE_DAYS: frozenset[str] = words("tokens-relative-days")

MONTHS: dict[str, int] = _numbered("tokens-months", 1)


def weekday_of(token: Token, next_text: str = "") -> int | None:
    """Weekday index 0..6 when the token names a day ("Thursday", "Thu.")."""
    if not token.capital:
        return None
    n = token.norm
    if n not in WEEKDAYS:
        return None
    if n in _AMBIGUOUS_WEEKDAYS and not next_text.startswith("."):
        return None
    return WEEKDAYS[n]


def month_of(tokens: list[Token], k: int, next_text: str = "") -> int | None:
    """Month 1..12 when tokens[k] names a month ("August", "Aug.", "March 18").

    "May" and "March" are also a modal and a verb, and "Jan" a first name, so those and the
    short forms count only next to a day number or a year, or (short forms only) before a
    period; `next_text` is the body text right after the token.
    """
    t = tokens[k]
    if not t.capital or t.norm not in MONTHS:
        return None
    if (len(t.norm) > 4 and t.norm != "march") or t.norm in ("june", "july"):
        return MONTHS[t.norm]
    near = [tokens[j].text for j in (k - 1, k + 1) if 0 <= j < len(tokens)]
    if any(day_of_month(w) is not None or is_year(w) for w in near):
        return MONTHS[t.norm]
    if t.norm not in ("may", "march") and next_text.startswith("."):
        return MONTHS[t.norm]
    return None


def day_of_month(text: str) -> int | None:
    """1..31 for "7" or "7th"; None otherwise."""
    digits = text[:-2] if text[-2:].lower() in ("st", "nd", "rd", "th") else text
    if digits.isdecimal() and 1 <= int(digits) <= 31:
        return int(digits)
    return None


# --- Datelines -------------------------------------------------------------------------------
# Wire copy opens its first sentence with where (and often when and through whom) it was
# filed: "THE HAGUE, Oct 29 (Continental Wire) - ", "COPIAPO, Chile, March 17 (Andes Wire) -",
# "LONDON (Reuters) —". Those words are filing metadata, not the fact: the other outlet's lede
# does not repeat them, and a filing date is not the date of the event. A dateline is an
# upper-case place (a city, "SAN FRANCISCO/NEW YORK"), then optionally title-case region or
# country, a month and day (and year), and a parenthesised agency, then a dash. An upper-case
# acronym that starts a sentence ("NATO said ...", "UN officials ...") has no dash after it.
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE_RE = re.compile(
    r"(?P<place>[^\W\d_](?:[^\W\d_]|['’.\-])*(?:[ /][^\W\d_](?:[^\W\d_]|['’.\-])*){0,3})"
    r"(?:,\s*[^\W\d_](?:[^\W\d_]|[.\-])*(?:\s[^\W\d_](?:[^\W\d_]|[.\-])*){0,2}){0,2}?"
    rf"(?:,?\s*(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?)?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"(?:\s*[—–]\s*|\s+--?\s+)",
    re.IGNORECASE,
)


_DATELINE_MAX = 200


def dateline_end(text: str) -> int:
    """Length of the wire dateline that opens `text` (through the dash and the space after
    it), or 0 when it has none. Callers apply it to an article's first sentence only, so it
    runs once or twice per article and is not memoised."""
    m = _DATELINE_RE.match(text, 0, _DATELINE_MAX)  # a dateline is short: never scan a page
    if m is None:
        return 0
    place = m.group("place")
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return 0
    if m.end("place") == len(m.group().rstrip("-—– ")) and len(letters) < 4:
        return 0  # a bare "US - China talks": short acronyms need a date or an agency
    if m.end() >= len(text) or not any(c.isalpha() for c in text[m.end() :]):
        return 0  # nothing after the dash: a heading, not a dateline
    return m.end()
