"""What two aligned passages state differently: numbers, dates, names and quoted words.

An aligned pair reports the same fact, so a number, a day or a name that differs between the
two sides is what a careful reader wants pointed out ("12 dead" vs "14 dead", Tuesday vs
Wednesday). The same value written two ways ("three" and "3", "Aug. 7" and "August 7",
"$2 billion" and "$2,000,000,000") is not a conflict.

Precision comes first: a false conflict accuses an outlet of an error it did not make. So a
differing number is only reported against a number on the other side that counts the same
thing (same unit word after it, or the same word before it), dates only when the two sides'
dates of one kind do not overlap at all, and a name only when it replaces another name in the
same slot of otherwise shared wording.

A wire dateline ("WASHINGTON, Aug. 7 (Reuters) -") is when and where the copy was filed, not
what it states, so its words are never compared; and "yesterday"/"today" never clash with a
weekday, since a morning paper's "yesterday" is the wire's "on Tuesday".

A detail that only one side gives ("met for three hours" vs "met") is not a contradiction. It
is reported as kind "number" with the other side "" and a note starting "only one side", so
the reader can show it as an omission rather than as a clash.

Notes never say "left" or "right": `Alignment.flipped()` swaps the sides but keeps the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..article import Article, Sentence
from ..model import Conflict, Passage
from ..tokens.text import (
    CURRENCY,
    DAYS_PER,
    MONTHS,
    MULTIPLIERS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    RELATIVE_DAYS,
    WEEKDAYS,
    Token,
    dateline_end,
    day_of_month,
    is_year,
    month_of,
    name_like,
    number_value,
    quote_regions,
    sentence_tokens,
    spelled_duration,
    weekday_of,
    word_opcodes,
)

# Passages longer than this many words are not compared (see find_conflicts).
MAX_WORDS = 600
# Number words that are too often not counts ("one of them", "no one", "half-hearted").
_WEAK_NUMBER_WORDS = frozenset({"one", "once", "half", "second"})
_SIGNS = frozenset("%" + CURRENCY)


@dataclass(frozen=True, slots=True)
class _Num:
    value: float
    text: str
    start: int
    end: int
    unit: str  # what is counted: stem of the next content word, "%" or a currency sign
    unit_text: str  # the unit word as the article writes it, for the note
    prev: str  # stem of the content word just before the number
    ordinal: bool
    count: float | None = None  # the number as written, when `value` is in days


@dataclass(frozen=True, slots=True)
class _Date:
    kind: str  # "weekday" | "monthday" | "month" | "year"
    value: tuple[int, ...]
    text: str
    start: int
    end: int
    anchor: str  # the word before it ("since", "on"), to tell two different dates apart


class _SentenceFacts(NamedTuple):
    """What the rules below read of one sentence, worked out once: an aligned sentence is
    compared with each of its counterparts, and again in every later comparison."""

    tokens: tuple[Token, ...]  # without a wire dateline
    dates: tuple[_Date, ...]
    numbers: tuple[_Num, ...]
    stems: frozenset[str]  # stems of the content words
    norms: frozenset[str]
    caps: frozenset[str]  # norms of the capitalised words
    relative_day: bool  # "yesterday", "today" ...


@lru_cache(maxsize=16384)
def _sentence_facts(body: str, sent: Sentence) -> _SentenceFacts:
    """Dates, numbers and words of one sentence of `body`. Each sentence is read on its own:
    a date's or number's words never run into the next sentence, and the token starts a
    sentence's dates use (which its numbers skip) are its own."""
    toks = sentence_tokens(sent.text, sent.start)
    cut = dateline_end(sent.text) if sent.index == 0 else 0
    # A wire dateline's place and filing date ("WASHINGTON, Aug. 7 (Reuters) -") are not
    # what the sentence states: its date is not the event's, so it never clashes.
    kept = [t for t in toks if t.start >= sent.start + cut] if cut else list(toks)
    dates, used = _dates(body, [kept])
    return _SentenceFacts(
        tuple(kept),
        tuple(dates),
        tuple(_numbers(body, [kept], used)),
        frozenset({t.stem for t in kept if not t.stop}),
        frozenset({t.norm for t in kept}),
        frozenset({t.norm for t in kept if t.capital}),
        _relative_day(kept),
    )


def _passage_facts(body: str, sents: tuple[Sentence, ...]) -> _SentenceFacts:
    """The facts of a passage's sentences in order, as one (most passages are one sentence)."""
    facts = [_sentence_facts(body, s) for s in sents]
    if len(facts) == 1:
        return facts[0]
    return _SentenceFacts(
        tuple(t for f in facts for t in f.tokens),
        tuple(d for f in facts for d in f.dates),
        tuple(n for f in facts for n in f.numbers),
        frozenset().union(*(f.stems for f in facts)),
        frozenset().union(*(f.norms for f in facts)),
        frozenset().union(*(f.caps for f in facts)),
        any(f.relative_day for f in facts),
    )


def _name_flags(body: str, sents: tuple[Sentence, ...]) -> list[bool]:
    """name_like() of each word of a passage, sentence by sentence (a sentence's first word
    is judged by the word after it)."""
    out: list[bool] = []
    for s in sents:
        toks = list(_sentence_facts(body, s).tokens)
        out += [name_like(toks, k) for k in range(len(toks))]
    return out


def _after(body: str, tok: Token) -> str:
    return body[tok.end : tok.end + 1]


def _dates(body: str, sentences: list[list[Token]]) -> tuple[list[_Date], set[int]]:
    """Weekdays, month-days, months and years; also which token starts are used by dates."""
    out: list[_Date] = []
    used: set[int] = set()
    for toks in sentences:
        for k, t in enumerate(toks):
            if t.text[:1].isdigit():
                if not is_year(t.text):
                    continue
            elif not t.capital or (t.norm not in WEEKDAYS and t.norm not in MONTHS):
                continue
            anchor = toks[k - 1].norm if k > 0 else ""
            wd = weekday_of(t, _after(body, t))
            if wd is not None:
                out.append(_Date("weekday", (wd,), t.text, t.start, t.end, anchor))
                used.add(t.start)
                continue
            month = month_of(toks, k, _after(body, t))
            if month is not None:
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                prv = toks[k - 1] if k > 0 else None
                nday = day_of_month(nxt.text) if nxt is not None else None
                pday = day_of_month(prv.text) if prv is not None else None
                if nxt is not None and nday is not None:
                    used.add(nxt.start)
                    text = body[t.start : nxt.end]
                    out.append(_Date("monthday", (month, nday), text, t.start, nxt.end, anchor))
                elif prv is not None and pday is not None:
                    used.add(prv.start)
                    text = body[prv.start : t.end]
                    before = toks[k - 2].norm if k > 1 else ""
                    out.append(_Date("monthday", (month, pday), text, prv.start, t.end, before))
                else:
                    out.append(_Date("month", (month,), t.text, t.start, t.end, anchor))
                used.add(t.start)
                continue
            if is_year(t.text):
                out.append(_Date("year", (int(t.text),), t.text, t.start, t.end, anchor))
                used.add(t.start)
    return out, used


_FRACTIONS = {"half": 0.5, "quarter": 0.25}
_POINT_WORDS = {"half-point": 50.0, "quarter-point": 25.0}


def _rate_move(toks: list[Token], k: int) -> tuple[float, int] | None:
    """(basis points, last token) when toks[k] starts a rate move: "50 basis points",
    "half a percentage point", "a quarter of a percentage point", "a quarter-point". News
    writes one move all these ways; in basis points they compare as one number."""
    t = toks[k]
    if t.norm in _POINT_WORDS:
        return _POINT_WORDS[t.norm], k
    value = _FRACTIONS.get(t.norm)
    if value is None:
        if not t.text[:1].isdigit() or t.text.endswith("%"):
            return None
        value = _token_value(t)
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
    if w.startswith("point") and t.norm in _FRACTIONS:
        return value * 100, j
    return None


def _numbers(body: str, sentences: list[list[Token]], skip: set[int]) -> list[_Num]:
    """Counts and amounts with what they count (a unit word) and the word before them."""
    out: list[_Num] = []
    for toks in sentences:
        k = 0
        while k < len(toks):
            t = toks[k]
            c = t.text[:1]
            n = t.norm
            if not (
                c.isdigit() or c in CURRENCY or "-" in n or n in NUMBER_WORDS or n in _FRACTIONS
            ):
                # Most words start no number: the union of both tests below, checked once.
                k += 1
                continue
            if (c.isdigit() or n in _FRACTIONS or n in _POINT_WORDS) and (
                move := _rate_move(toks, k)
            ):
                bp, end_k = move
                start_tok = toks[k - 1] if t.norm in _FRACTIONS and k > 0 else t
                if start_tok.norm not in ("a", "an"):
                    start_tok = t
                prev = ""
                for j in range(k - 1, max(-1, k - 4), -1):
                    if not toks[j].stop and _token_value(toks[j]) is None:
                        prev = toks[j].stem
                        break
                end = toks[end_k].end
                text = body[start_tok.start : end]
                out.append(_Num(bp, text, start_tok.start, end, "bp", "basis points", prev, False))
                k = end_k + 1
                continue
            if not (c.isdigit() or c in CURRENCY or t.norm in NUMBER_WORDS or "-" in t.norm):
                k += 1
                continue
            if t.start in skip:
                k += 1
                continue
            days = spelled_duration(t.norm) if "-" in t.norm else None
            if days is not None:
                # "a three-day strike": the count and its unit are one word.
                count = NUMBER_WORDS[t.norm.partition("-")[0]]
                out.append(_Num(days, t.text, t.start, t.end, "day", "days", "", False, count))
                k += 1
                continue
            value = _token_value(t)
            if value is None:
                k += 1
                continue
            start_tok, end_k = t, k
            digit_ordinal = t.text[:1].isdigit() and t.norm.endswith(("st", "nd", "rd", "th"))
            ordinal = t.norm in ORDINAL_WORDS or digit_ordinal
            if t.norm in _WEAK_NUMBER_WORDS and not _counts_something(toks, k):
                k += 1
                continue
            if t.norm == "dozen" and k > 0 and toks[k - 1].norm in ("a", "one"):
                start_tok = toks[k - 1]
            # "two dozen", "2.1 billion", "three hundred": a multiplier right after.
            while end_k + 1 < len(toks):
                nxt = toks[end_k + 1].norm
                mult = MULTIPLIERS.get(nxt) or (12.0 if nxt in ("dozen", "dozens") else None)
                if mult is None or (nxt in ("m", "k") and not t.text[:1].isdigit()):
                    break
                value *= mult
                end_k += 1
            unit = unit_text = ""
            count = value
            if t.text[:1] in CURRENCY:
                unit = t.text[:1]
            elif t.text.endswith("%"):
                unit = "%"
            if end_k + 1 < len(toks):
                nxt_tok = toks[end_k + 1]
                after = toks[end_k + 2].norm if end_k + 2 < len(toks) else ""
                if nxt_tok.norm in ("percent", "pct"):
                    unit = "%"
                    end_k += 1
                elif nxt_tok.norm == "per" and after == "cent":
                    unit = "%"
                    end_k += 2
                elif not unit and not nxt_tok.stop and not nxt_tok.capital:
                    unit, unit_text = nxt_tok.stem, nxt_tok.text
                    if unit in DAYS_PER:
                        # Durations compare in days: "72 hours" is "three days".
                        value *= DAYS_PER[unit]
            prev = ""
            for j in range(k - 1, max(-1, k - 4), -1):
                if not toks[j].stop and _token_value(toks[j]) is None:
                    prev = toks[j].stem
                    break
            end_tok = toks[end_k]
            # The unit word belongs in the text ("three hours"), a following noun does not
            # need to be there when the unit is a symbol.
            text_end = end_tok.end
            if unit and unit not in _SIGNS and end_k + 1 < len(toks):
                text_end = toks[end_k + 1].end
            out.append(
                _Num(
                    value,
                    body[start_tok.start : text_end],
                    start_tok.start,
                    text_end,
                    unit,
                    unit_text,
                    prev,
                    bool(ordinal),
                    count if count != value else None,
                )
            )
            k = end_k + 1
    return out


def _token_value(t: Token) -> float | None:
    if t.text[:1].isdigit() or t.text[:1] in CURRENCY:
        if ":" in t.text:
            return None
        return number_value(t.text.rstrip("stndrh") if not t.text.endswith("%") else t.text)
    if t.norm in NUMBER_WORDS:
        return float(NUMBER_WORDS[t.norm])
    if "-" in t.norm:  # "twenty-five"
        parts = t.norm.split("-")
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            a, b = NUMBER_WORDS[parts[0]], NUMBER_WORDS[parts[1]]
            if a >= 20 and a % 10 == 0 and 0 < b < 10:
                return float(a + b)
    return None


def _counts_something(toks: list[Token], k: int) -> bool:
    """Whether a weak number word ("one", "second") is followed by a counted noun."""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return not nxt.stop and not nxt.capital and nxt.norm not in ("of",)


def _same_quantity(a: _Num, b: _Num) -> bool:
    if a.ordinal != b.ordinal:
        return False
    if a.unit and b.unit:
        return _measure(a.unit) == _measure(b.unit)
    return bool(a.prev) and a.prev == b.prev and not a.unit and not b.unit


def _measure(unit: str) -> str:
    """What a unit measures: every duration unit counts days (see `_numbers`)."""
    return "day" if unit in DAYS_PER else unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _number_conflicts(
    lnums: list[_Num], rnums: list[_Num], lstems: frozenset[str], rstems: frozenset[str]
) -> list[Conflict]:
    out: list[Conflict] = []
    lvals = [n.value for n in lnums]
    rvals = [n.value for n in rnums]
    used_r: set[int] = set()
    for ln in lnums:
        if any(_close(ln.value, v) for v in rvals):
            continue
        partner = next(
            (
                j
                for j, rn in enumerate(rnums)
                if j not in used_r
                and _same_quantity(ln, rn)
                and not any(_close(rn.value, v) for v in lvals)
            ),
            None,
        )
        if partner is not None:
            used_r.add(partner)
            rn = rnums[partner]
            what = ln.unit_text
            note = f"different number of {what}" if what else "different figures"
            if ln.unit == "%":
                note = "different percentages"
            elif ln.unit in CURRENCY:
                note = "different amounts"
            out.append(
                Conflict("number", ln.text, rn.text, (ln.start, ln.end), (rn.start, rn.end), note)
            )
        elif _one_sided(ln, rnums, rstems):
            out.append(
                Conflict(
                    "number",
                    ln.text,
                    "",
                    (ln.start, ln.end),
                    None,
                    f'only one side gives "{ln.text}"',
                )
            )
    for j, rn in enumerate(rnums):
        if j in used_r or any(_close(rn.value, v) for v in lvals):
            continue
        if any(_same_quantity(ln, rn) for ln in lnums):
            continue
        if _one_sided(rn, lnums, lstems):
            out.append(
                Conflict(
                    "number",
                    "",
                    rn.text,
                    None,
                    (rn.start, rn.end),
                    f'only one side gives "{rn.text}"',
                )
            )
    return out


def _one_sided(n: _Num, others: list[_Num], other_stems: frozenset[str]) -> bool:
    """A number the other side leaves out, about something the other side does mention."""
    if n.ordinal or any(_same_quantity(n, o) for o in others):
        return False
    # "the two sides", "one of them": small counts in words are phrasing, not a detail.
    if (n.value if n.count is None else n.count) <= 2 and not n.text[:1].isdigit():
        return False
    anchors = {a for a in (n.unit, n.prev) if a and a not in _SIGNS}
    return bool(anchors & other_stems)


def _relative_day(toks: list[Token]) -> bool:
    return any(t.norm in RELATIVE_DAYS for t in toks)


def _date_conflicts(ldates: list[_Date], rdates: list[_Date]) -> list[Conflict]:
    out: list[Conflict] = []
    notes = {
        "weekday": "different day of the week",
        "monthday": "different date",
        "month": "different month",
        "year": "different year",
    }
    for kind in ("weekday", "monthday", "month", "year"):
        ls = [d for d in ldates if d.kind == kind]
        rs = [d for d in rdates if d.kind == kind]
        # Kinds are compared separately: a bare month ("in August") never clashes with a
        # day ("on Sept. 3"), since one side may simply be less precise.
        if not ls or not rs:
            continue
        lv = {d.value for d in ls}
        rv = {d.value for d in rs}
        if lv & rv:
            continue
        # One date each: they clash. Several: only two with the same word before them
        # ("since 2021" / "since 2022"), since a passage can mention several dates.
        if len(ls) == 1 and len(rs) == 1:
            pair = (ls[0], rs[0])
        else:
            pair = next(((a, b) for a in ls for b in rs if a.anchor and a.anchor == b.anchor), None)
        if pair is None:
            continue
        a, b = pair
        out.append(
            Conflict("date", a.text, b.text, (a.start, a.end), (b.start, b.end), notes[kind])
        )
    return out


def _name_conflicts(
    body_l: str,
    lt: list[Token],
    lnames: list[bool],
    body_r: str,
    rt: list[Token],
    rnames: list[bool],
) -> list[Conflict]:
    """A name replaced by a different name between shared words ("aide Yuri Ushakov said" vs
    "aide Dmitry Peskov said")."""
    out: list[Conflict] = []
    lnorm = [t.norm for t in lt]
    rnorm = [t.norm for t in rt]
    lset, rset = set(lnorm), set(rnorm)
    # Cheap exit (most pairs): a swap needs a name on each side that the other side lacks.
    lonly = any(f and w not in rset for f, w in zip(lnames, lnorm, strict=True))
    if not lonly or not any(f and w not in lset for f, w in zip(rnames, rnorm, strict=True)):
        return out
    ops = word_opcodes(tuple(lnorm), tuple(rnorm))
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > 4 or j2 - j1 > 4:
            continue
        if not all(lnames[i1:i2]) or not all(rnames[j1:j2]):
            continue
        # The slot must be framed by shared content words: a role before it or after it.
        before = ops[n - 1] if n > 0 else None
        after = ops[n + 1] if n + 1 < len(ops) else None
        framed = False
        for op in (before, after):
            if op and op[0] == "equal" and any(not t.stop for t in lt[op[1] : op[2]]):
                framed = True
        if not framed:
            continue
        lw, rw = lnorm[i1:i2], rnorm[j1:j2]
        # Either name appearing elsewhere on the other side means it is not a swap.
        if any(w in rset for w in lw) or any(w in lset for w in rw):
            continue
        # Spelling variants (Zelenskyy / Zelensky) and initials are the same person.
        if _similar_names(lw, rw):
            continue
        ls, le = lt[i1].start, lt[i2 - 1].end
        rs, re_ = rt[j1].start, rt[j2 - 1].end
        out.append(
            Conflict(
                "name",
                body_l[ls:le],
                body_r[rs:re_],
                (ls, le),
                (rs, re_),
                "a different name in the same place",
            )
        )
    return out


def _similar_names(a: list[str], b: list[str]) -> bool:
    from rapidfuzz import fuzz

    la = "".join(ch for w in a for ch in w.removesuffix("'s") if ch.isalpha())
    lb = "".join(ch for w in b for ch in w.removesuffix("'s") if ch.isalpha())
    if fuzz.ratio(" ".join(a), " ".join(b)) >= 80 or la == lb:
        return True  # "R.J." / "R. J", "Zelenskyy" / "Zelensky"
    # "Egypt's" / "Egyptian": a country and its adjective are one name.
    if min(len(la), len(lb)) >= 4 and (la.startswith(lb) or lb.startswith(la)):
        return True
    # "Zelenskyy" vs "Volodymyr Zelensky": any pair of parts that are near-identical.
    return any(len(x) > 3 and fuzz.ratio(x, y) >= 85 for x in a for y in b)


def _quotes(
    body: str, span: tuple[int, int], toks: list[Token]
) -> list[tuple[int, int, list[Token]]]:
    """Quoted parts of a passage with their words, taken from the passage's own tokens (a
    quote mark never falls inside a word, so this is what tokenising each region gives)."""
    start, end = span
    text = body[start:end]
    if '"' not in text and "“" not in text and "”" not in text:
        return []
    out = []
    k = 0
    for a, b in quote_regions(text):
        lo, hi = start + a, start + b
        while k < len(toks) and toks[k].start < lo:
            k += 1
        inside = []
        while k < len(toks) and toks[k].end <= hi:
            inside.append(toks[k])
            k += 1
        if len(inside) >= 3:
            out.append((lo, hi, inside))
    return out


def _quote_conflicts(
    body_l: str,
    lspan: tuple[int, int],
    ltoks: list[Token],
    body_r: str,
    rspan: tuple[int, int],
    rtoks: list[Token],
) -> list[Conflict]:
    """The same statement quoted in different words: the wording diff of the quoted parts."""
    out: list[Conflict] = []
    lquotes = _quotes(body_l, lspan, ltoks)
    if not lquotes:
        return out
    rquotes = _quotes(body_r, rspan, rtoks)
    used: set[int] = set()
    for ls, le, lt in lquotes:
        best = None
        for k, (_rs, _re, rt) in enumerate(rquotes):
            if k in used:
                continue
            ln, rn = tuple(t.norm for t in lt), tuple(t.norm for t in rt)
            ops = word_opcodes(ln, rn)
            matched = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")
            shared_content = len({t.norm for t in lt if not t.stop} & {t.norm for t in rt})
            shorter = min(len(ln), len(rn))
            if matched < 0.5 * shorter or shared_content < 2:
                continue
            if best is None or matched > best[0]:
                best = (matched, k, ops)
        if best is None:
            continue
        matched, k, ops = best
        rs, re_, rt = rquotes[k]
        used.add(k)
        changes = [op for op in ops if op[0] != "equal"]
        # Identical wording, or one quote is simply a shorter excerpt of the other.
        if not changes or matched == min(len(lt), len(rt)):
            continue
        parts = []
        for _tag, i1, i2, j1, j2 in changes:
            if all(t.stop for t in (*lt[i1:i2], *rt[j1:j2])):
                continue  # "that" / "which": function words alone are the same wording
            # "an" -> "a preliminary" is about "preliminary": articles at the ends go.
            a = _words_text(body_l, _trim_articles(lt[i1:i2]))
            b = _words_text(body_r, _trim_articles(rt[j1:j2]))
            if a and b:
                parts.append(f'"{a}" or "{b}"')
            elif a or b:
                parts.append(f'"{a or b}" on one side only')
        if not parts:
            continue  # only function words differ: the same wording
        more = "; …" if len(parts) > 3 else ""
        parts = parts[:3]
        # Quote spans exclude a trailing comma/period inside the marks.
        lq = (lt[0].start, le if body_l[le - 1 : le].isalnum() else _trim(body_l, ls, le))
        rq = (rt[0].start, re_ if body_r[re_ - 1 : re_].isalnum() else _trim(body_r, rs, re_))
        out.append(
            Conflict(
                "quote",
                body_l[lq[0] : lq[1]],
                body_r[rq[0] : rq[1]],
                lq,
                rq,
                "same quote, different words: " + "; ".join(parts) + more,
            )
        )
    return out


_ARTICLES = frozenset({"a", "an", "the"})


def _trim_articles(toks: list[Token]) -> list[Token]:
    a, b = 0, len(toks)
    while a < b and toks[a].norm in _ARTICLES:
        a += 1
    while b > a and toks[b - 1].norm in _ARTICLES:
        b -= 1
    return toks[a:b]


def _words_text(body: str, toks: list[Token]) -> str:
    return body[toks[0].start : toks[-1].end] if toks else ""


def _trim(body: str, start: int, end: int) -> int:
    while end > start and not body[end - 1].isalnum():
        end -= 1
    return end


def find_conflicts(
    left_article: Article, left_passage: Passage, right_article: Article, right_passage: Passage
) -> tuple[Conflict, ...]:
    """Conflicts between two aligned passages (numbers, dates, names, quoted words)."""
    if not left_passage.sentences or not right_passage.sentences:
        return ()
    return passage_conflicts(
        left_article.body,
        tuple(left_article.sentences[i] for i in left_passage.sentences),
        right_article.body,
        tuple(right_article.sentences[i] for i in right_passage.sentences),
    )


@lru_cache(maxsize=4096)
def passage_conflicts(
    lb: str, lsents: tuple[Sentence, ...], rb: str, rsents: tuple[Sentence, ...]
) -> tuple[Conflict, ...]:
    """`find_conflicts` of two passages given as their sentences of their articles' bodies.

    A pure function of what it reads (the passages' sentences in their bodies), so it is
    memoised: comparing the same articles again re-checks nothing.
    """
    lf = _passage_facts(lb, lsents)
    rf = _passage_facts(rb, rsents)
    if len(lf.tokens) > MAX_WORDS or len(rf.tokens) > MAX_WORDS:
        return ()  # not a passage of prose; the comparisons below are quadratic
    lflat, rflat = list(lf.tokens), list(rf.tokens)
    out: list[Conflict] = []
    out += _number_conflicts(list(lf.numbers), list(rf.numbers), lf.stems, rf.stems)
    ldates, rdates = list(lf.dates), list(rf.dates)
    if lf.relative_day or rf.relative_day:
        # "yesterday" on one side and "on Tuesday" on the other can both be right (the day
        # before publication), so weekdays are not compared when either side counts that way.
        ldates = [d for d in ldates if d.kind != "weekday"]
        rdates = [d for d in rdates if d.kind != "weekday"]
    out += _date_conflicts(ldates, rdates)
    # Names only matter when each side has a capitalised word the other lacks (most pairs
    # share all their names, and the check below is much cheaper than the name rules).
    if lf.caps - rf.norms and rf.caps - lf.norms:
        lnames = _name_flags(lb, lsents)
        rnames = _name_flags(rb, rsents)
        out += _name_conflicts(lb, lflat, lnames, rb, rflat, rnames)
    out += _quote_conflicts(
        lb,
        (lsents[0].start, lsents[-1].end),
        lflat,
        rb,
        (rsents[0].start, rsents[-1].end),
        rflat,
    )
    out.sort(key=lambda c: c.left_span or c.right_span or (0, 0))
    return tuple(out)
