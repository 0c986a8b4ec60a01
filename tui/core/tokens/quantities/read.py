"""The quantity parser: the shapes news writes amounts and dates in, read word by word.

Each shape is a reader tried at each word in registry order (see `shapes.py` for the shapes
and their golden examples); the first that reads something wins, so the order is part of the
rules: dates before amounts, a rate move before the plain number that starts it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...lexicon import values, words
from ...rules import Registry, Rule
from ..text import (
    CONCEPTS,
    CURRENCY,
    DAYS_PER,
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PEOPLE,
    PERCENT_WORDS,
    WEEKDAYS,
    Token,
    day_of_month,
    is_year,
    month_of,
    number_value,
    sentence_tokens,
    spelled_duration,
    weekday_of,
)

DATE_KINDS = ("weekday", "monthday", "month", "year")
AMOUNT_KINDS = ("count", "money", "percent", "duration", "rate", "ordinal")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One amount or date part as the sentence writes it, with its value in one measure."""

    kind: str  # one of AMOUNT_KINDS or DATE_KINDS
    # Amounts: the value in the unit's measure (durations in days, rate moves in basis
    # points). Dates: the last of `parts` (the year, the month, the weekday, the day).
    value: float
    text: str
    start: int
    end: int
    first: int  # index of the first token of `text` among the tokens read
    last: int  # index of its last token
    rule: str  # the shape (rule name) that read it
    unit: str = ""  # what is counted: stem of the next content word, "%", a currency sign, "bp"
    unit_text: str = ""  # the unit word as the article writes it
    prev: str = ""  # stem of the content word just before an amount
    ordinal: bool = False
    count: float | None = None  # the number as written, when `value` is in days
    parts: tuple[int, ...] = ()  # a date's parts: (weekday,), (month, day), (month,), (year,)
    anchor: str = ""  # the word before a date ("since", "on"): tells two dates apart


# --- the tables (lexicon data, read once per process) ----------------------------------------


def fractions() -> Mapping[str, float]:
    """Fraction words that are quantities only before a unit ("half a percentage point")."""
    return values("quantities-fractions")


def point_words() -> Mapping[str, float]:
    """One-word rate moves in basis points ("quarter-point")."""
    return values("quantities-point-words")


def _weak_numbers() -> frozenset[str]:
    return words("quantities-weak-numbers")


def _agent_endings() -> tuple[str, ...]:
    return tuple(sorted(words("quantities-agent-endings")))


# --- small readings shared by the shapes -----------------------------------------------------


def token_value(t: Token) -> float | None:
    """The value of one number token: digits (not clock times), a number word, "twenty-five"."""
    if t.text[:1].isdigit() or t.text[:1] in CURRENCY:
        if ":" in t.text:
            return None
        return number_value(t.text.rstrip("stndrh") if not t.text.endswith("%") else t.text)
    if t.norm in NUMBER_WORDS:
        return float(NUMBER_WORDS[t.norm])
    if "-" in t.norm:
        parts = t.norm.split("-")
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
            if a >= 20 and a % 10 == 0 and 0 < b < 10:
                return float(a + b)
    return None


def _prev_word(toks: Sequence[Token], k: int) -> str:
    """Stem of the nearest content word (not a number) within three words before toks[k]."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if not toks[j].stop and token_value(toks[j]) is None:
            return toks[j].stem
    return ""


def _counts_something(toks: Sequence[Token], k: int) -> bool:
    """Whether a weak number word ("one", "second") is followed by a counted noun."""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return not nxt.stop and not nxt.capital and nxt.norm not in ("of",)


def amount_kind(unit: str, ordinal: bool) -> str:
    """The kind of an amount from what it counts: two amounts of different kinds never meet."""
    if ordinal:
        return "ordinal"
    if unit == "%":
        return "percent"
    if unit and unit in CURRENCY:
        return "money"
    if unit == "bp":
        return "rate"
    if unit in DAYS_PER:
        return "duration"
    return "count"


def rate_move(
    toks: Sequence[Token], k: int, fr: Mapping[str, float], points: Mapping[str, float]
) -> tuple[float, int] | None:
    """(basis points, last token) when toks[k] starts a rate move: "50 basis points",
    "half a percentage point", "a quarter of a percentage point", "a quarter-point". News
    writes one move all these ways; in basis points they compare as one number."""
    t = toks[k]
    if t.norm in points:
        return points[t.norm], k
    value = fr.get(t.norm)
    if value is None:
        if not t.text[:1].isdigit() or t.text.endswith("%"):
            return None
        value = token_value(t)
        if value is None:
            return None
    j = k + 1
    while j < len(toks) and j <= k + 3 and toks[j].norm in ("a", "an", "of"):
        j += 1
    if j >= len(toks):
        return None
    w = toks[j].norm
    if w.startswith("basis"):
        end = j + 1 if w == "basis" and j + 1 < len(toks) else j
        return value, end
    if w in ("bp", "bps"):
        return value, j
    if w.startswith("percentage") and j + 1 < len(toks) and toks[j + 1].norm.startswith("point"):
        return value * 100, j + 1
    if w.startswith("point") and t.norm in fr:
        return value * 100, j
    return None


def counts(toks: Sequence[Token], k: int) -> tuple[str, float] | None:
    """(unit, factor) for the number at toks[k] as alignment reads it: what it counts, and
    what multiplies it into that unit, so "79.4%" / "78.9 percent" / "79 per cent" all count
    percent, "30-day" and "a month" count days, "50 basis points" and "half a percentage
    point" count basis points, "nine miners" and "two climbers" count people. Looser than
    `read_quantities` (the counted word may stand three function words on); None when no
    unit follows (the number then weighs only as itself)."""
    t = toks[k]
    if t.text.endswith("%"):
        return "pct", 1.0
    n = len(toks)
    j = k + 1
    if j < n and toks[j].norm == "per" and j + 1 < n and toks[j + 1].norm == "cent":
        return "pct", 1.0
    while j < n and j <= k + 3 and toks[j].stop:
        j += 1  # "half a percentage point", "a quarter of a point", "nine of the miners"
    if j >= n or toks[j].stop or toks[j].text[:1].isdigit():
        return None
    return _counted_word(toks[j], t.norm in fractions())


def _counted_word(u: Token, fraction: bool) -> tuple[str, float] | None:
    """`counts` of a number whose counted word is `u` (`fraction`: the number is "half"...)."""
    w = u.norm
    if w in PERCENT_WORDS:
        return "pct", 1.0
    if w.startswith("percentage") or (fraction and w in ("point", "points")):
        return "bp", 100.0  # "a quarter point" is how news writes a rate move
    if w.startswith("basis") or w in ("bp", "bps"):
        return "bp", 1.0
    st = u.stem
    unit = st.split("-", 1)[0]
    if unit in DAYS_PER:
        return "day", DAYS_PER[unit]
    if st in PEOPLE or (w.endswith("s") and st.endswith(_agent_endings())):
        return "people", 1.0  # counted agent nouns ("climbers", "protesters") count people
    if u.capital:
        return None  # "2 Cheetah" is a label, not a quantity
    return CONCEPTS.get(st, st), 1.0


# --- the shapes ------------------------------------------------------------------------------


class Reading:
    """One sentence being read: its tokens, the text their offsets index, what dates used."""

    __slots__ = ("base", "fractions", "points", "skip", "text", "toks")

    def __init__(self, toks: Sequence[Token], text: str, base: int) -> None:
        self.fractions = fractions()
        self.points = point_words()
        self.toks = list(toks)
        self.text = text
        self.base = base
        self.skip: set[int] = set()  # starts of the tokens dates used (amounts skip them)

    def slice(self, start: int, end: int) -> str:
        return self.text[start - self.base : end - self.base]

    def after(self, t: Token) -> str:
        """The character right after a token ("Aug." is a month, "Aug" a name)."""
        return self.slice(t.end, t.end + 1)


@dataclass(frozen=True, slots=True)
class Shape(Rule):
    """One way news writes a quantity; `read` is tried at each word, in registry order.

    A date shape's `read(reading, k)` gives the date at word k or None. An amount shape's gives
    None (not this shape), or what it read (None when the word is not a quantity after all)
    with the index of the next word to read: an amount may take several words."""

    read: Callable[[Reading, int], Any]
    dates: bool = False  # a date part (read first: amounts skip the words dates used)


def _date(r: Reading, kind: str, parts: tuple[int, ...], first: int, last: int) -> Quantity:
    t0, t1 = r.toks[first], r.toks[last]
    anchor = r.toks[first - 1].norm if first > 0 else ""
    return Quantity(
        kind, float(parts[-1]), r.slice(t0.start, t1.end), t0.start, t1.end, first, last,
        kind, parts=parts, anchor=anchor,
    )  # fmt: skip


def read_weekday(r: Reading, k: int) -> Quantity | None:
    t = r.toks[k]
    wd = weekday_of(t, r.after(t))
    return None if wd is None else _date(r, "weekday", (wd,), k, k)


def read_monthday(r: Reading, k: int) -> Quantity | None:
    toks = r.toks
    month = month_of(toks, k, r.after(toks[k]))
    if month is None:
        return None
    nday = day_of_month(toks[k + 1].text) if k + 1 < len(toks) else None
    if nday is not None:
        return _date(r, "monthday", (month, nday), k, k + 1)
    pday = day_of_month(toks[k - 1].text) if k > 0 else None
    if pday is not None:
        return _date(r, "monthday", (month, pday), k - 1, k)
    return None


def read_month(r: Reading, k: int) -> Quantity | None:
    month = month_of(r.toks, k, r.after(r.toks[k]))
    return None if month is None else _date(r, "month", (month,), k, k)


def read_year(r: Reading, k: int) -> Quantity | None:
    t = r.toks[k]
    return _date(r, "year", (int(t.text),), k, k) if is_year(t.text) else None


def read_rate_move(r: Reading, k: int) -> tuple[Quantity | None, int] | None:
    toks, t = r.toks, r.toks[k]
    fr = r.fractions
    if not (t.text[:1].isdigit() or t.norm in fr or t.norm in r.points):
        return None
    move = rate_move(toks, k, fr, r.points)
    if move is None:
        return None
    bp, end_k = move
    first = k - 1 if t.norm in fr and k > 0 and toks[k - 1].norm in ("a", "an") else k
    start, end = toks[first].start, toks[end_k].end
    q = Quantity(
        "rate", bp, r.slice(start, end), start, end, first, end_k, "rate-move",
        "bp", "basis points", _prev_word(toks, k),
    )  # fmt: skip
    return q, end_k + 1


def read_spelled_duration(r: Reading, k: int) -> tuple[Quantity | None, int] | None:
    t = r.toks[k]
    if "-" not in t.norm or t.start in r.skip:
        return None
    days = spelled_duration(t.norm)
    if days is None:
        return None
    count = NUMBER_WORDS[t.norm.partition("-")[0]]
    q = Quantity(
        "duration", days, t.text, t.start, t.end, k, k, "spelled-duration", "day", "days",
        count=count,
    )  # fmt: skip
    return q, k + 1


def read_weak_number(r: Reading, k: int) -> tuple[Quantity | None, int] | None:
    t = r.toks[k]
    if t.norm not in _weak_numbers() or t.start in r.skip or token_value(t) is None:
        return None
    return None if _counts_something(r.toks, k) else (None, k + 1)


def read_amount(r: Reading, k: int) -> tuple[Quantity | None, int] | None:
    toks, t = r.toks, r.toks[k]
    c = t.text[:1]
    if not (c.isdigit() or c in CURRENCY or t.norm in NUMBER_WORDS or "-" in t.norm):
        return None
    value = None if t.start in r.skip else token_value(t)
    if value is None:
        return None
    first = k - 1 if t.norm == "dozen" and k > 0 and toks[k - 1].norm in ("a", "one") else k
    digit_ordinal = c.isdigit() and t.norm.endswith(("st", "nd", "rd", "th"))
    ordinal = t.norm in ORDINAL_WORDS or digit_ordinal
    value, end_k = _multiplied(toks, k, value)
    count = value
    unit, unit_text, value, end_k = _unit(toks, k, end_k, value)
    # The unit word belongs in the text ("three hours"); a noun after a sign need not.
    last = end_k + 1 if unit and unit not in _SIGNS and end_k + 1 < len(toks) else end_k
    start, end = toks[first].start, toks[last].end
    q = Quantity(
        amount_kind(unit, ordinal), value, r.slice(start, end), start, end, first, last,
        "amount", unit, unit_text, _prev_word(toks, k), bool(ordinal),
        count if count != value else None,
    )  # fmt: skip
    return q, end_k + 1


_SIGNS = frozenset("%" + CURRENCY)


def _multiplied(toks: list[Token], k: int, value: float) -> tuple[float, int]:
    """ "two dozen", "2.1 billion", "three hundred": the multipliers right after a number."""
    end_k = k
    digits = toks[k].text[:1].isdigit()
    while end_k + 1 < len(toks):
        nxt = toks[end_k + 1].norm
        mult = MULTIPLIERS.get(nxt) or (12.0 if nxt in ("dozen", "dozens") else None)
        if mult is None or (nxt in ("m", "k") and not digits):
            break
        value *= mult
        end_k += 1
    return value, end_k


def _unit(toks: list[Token], k: int, end_k: int, value: float) -> tuple[str, str, float, int]:
    """(unit, unit word, value in the unit's measure, last token of the number) for the
    number toks[k:end_k + 1]: its sign, a percent word after it, or the next content word."""
    t = toks[k]
    unit = unit_text = ""
    if t.text[:1] in CURRENCY:
        unit = t.text[:1]
    elif t.text.endswith("%"):
        unit = "%"
    if end_k + 1 < len(toks):
        nxt = toks[end_k + 1]
        after = toks[end_k + 2].norm if end_k + 2 < len(toks) else ""
        if nxt.norm in ("percent", "pct"):
            return "%", unit_text, value, end_k + 1
        if nxt.norm == "per" and after == "cent":
            return "%", unit_text, value, end_k + 2
        if not unit and not nxt.stop and not nxt.capital:
            unit, unit_text = nxt.stem, nxt.text
            if unit in DAYS_PER:
                value *= DAYS_PER[unit]  # durations compare in days: "72 hours" is three days
    return unit, unit_text, value, end_k


def _golden(rule: Shape, text: str) -> list[tuple[Any, ...]]:
    """A golden example's output: every quantity of one sentence, briefly."""
    return [
        (q.kind, q.text, q.parts if q.kind in DATE_KINDS else q.value, q.unit)
        for q in read_quantities(sentence_tokens(text), text)
    ]


QUANTITIES: Registry[Shape] = Registry("quantities", _golden)


def read_quantities(tokens: Sequence[Token], text: str, base: int = 0) -> tuple[Quantity, ...]:
    """Every amount and date part of a sentence's tokens, in text order.

    `text[start - base:end - base]` is the text of a token (pass the sentence and its start,
    or the whole body and 0). Dates are read first: the words they use ("Aug. 7") are not
    amounts. At each word the shapes are tried in registry order and the first that reads
    something wins; an amount shape may consume several words ("$2.1 billion")."""
    r = Reading(tokens, text, base)
    shapes = list(QUANTITIES)
    out = _dates(r, [s for s in shapes if s.dates])
    out += _amounts(r, [s for s in shapes if not s.dates])
    out.sort(key=lambda q: q.start)
    return tuple(out)


def _dates(r: Reading, shapes: list[Shape]) -> list[Quantity]:
    out: list[Quantity] = []
    for k, t in enumerate(r.toks):
        if t.text[:1].isdigit():
            if not is_year(t.text):
                continue
        elif not t.capital or (t.norm not in WEEKDAYS and t.norm not in MONTHS):
            continue
        for shape in shapes:
            q = shape.read(r, k)
            if q is not None:
                out.append(q)
                r.skip.update(r.toks[i].start for i in range(q.first, q.last + 1))
                break
    return out


def _amounts(r: Reading, shapes: list[Shape]) -> list[Quantity]:
    out: list[Quantity] = []
    fr = r.fractions
    toks = r.toks
    k = 0
    while k < len(toks):
        t = toks[k]
        c = t.text[:1]
        n = t.norm
        # Most words start no number: the union of every shape's first test, checked once.
        if not (c.isdigit() or c in CURRENCY or "-" in n or n in NUMBER_WORDS or n in fr):
            k += 1
            continue
        got = None
        for shape in shapes:
            got = shape.read(r, k)
            if got is not None:
                break
        if got is None:
            k += 1
            continue
        q, k = got
        if q is not None:
            out.append(q)
    return out
