"""The word runs two aligned passages share, for highlighting (step 6).

Runs are maximal, found in any order (outlets reorder clauses), longest first, and trimmed of
stopwords at both ends, kept only when a content word remains: "the" or "of the" is never
highlighted, "Steve Witkoff" and "in the coming days" ("coming days") are. Two words are the
same word here when they are the same alignment term (numbers by value, names unstemmed).
"""

from __future__ import annotations

from collections import defaultdict

from ..model import SharedSpan
from ..tokens.text import Token, quote_regions
from .terms import WordTerms

# (-length, left position, right position): plain tuple order is longest first, then place.
_Run = tuple[int, int, int]


def span_kind(toks: list[Token], in_quote: bool, terms: WordTerms) -> str:
    info = terms.info
    kinds = {info(t.text)[1] for t in toks}
    if "date" in kinds:
        return "date"
    if "number" in kinds:
        return "number"
    content = [t for t in toks if not t.stop]
    if content and all(t.capital for t in content):
        return "name"
    if in_quote:
        return "quote"
    return "phrase"


def shared_spans(
    left_body: str,
    lt: list[Token],
    lfirst: set[int],
    right_body: str,
    rt: list[Token],
    rfirst: set[int],
    terms: WordTerms,
    lspan: tuple[int, int] | None = None,
) -> tuple[SharedSpan, ...]:
    """Maximal common word runs of two passages, in any order, longest first, as spans."""
    lk = terms.span_keys(lt, lfirst)
    rk = terms.span_keys(rt, rfirst)
    used_l: set[int] = set()
    used_r: set[int] = set()
    out: list[SharedSpan] = []
    # Quote regions of the left passage only (body offsets), for the "quote" span kind.
    lo, hi = lspan or ((lt[0].start, lt[-1].end) if lt else (0, 0))
    lq = [(lo + a, lo + b) for a, b in quote_regions(left_body[lo:hi])]
    for neg, i, j in _maximal_runs(lk, rk, lt):
        a, b = _trimmed(lt, i, -neg)
        if a >= b:
            continue
        li = range(i + a, i + b)
        ri = range(j + a, j + b)
        if not used_l.isdisjoint(li) or not used_r.isdisjoint(ri):
            continue
        used_l.update(li)
        used_r.update(ri)
        toks = lt[i + a : i + b]
        ls, le = toks[0].start, toks[-1].end
        rs, re_ = rt[j + a].start, rt[j + b - 1].end
        in_quote = bool(lq) and any(qa <= ls and le <= qb for qa, qb in lq)
        kind = span_kind(toks, in_quote, terms)
        out.append(SharedSpan(ls, le, rs, re_, left_body[ls:le], kind))
    out.sort(key=lambda s: (s.left_start, s.right_start))
    return tuple(out)


def _trimmed(lt: list[Token], i: int, n: int) -> tuple[int, int]:
    """The run of `n` words from lt[i] without the stopwords at either end, as offsets into
    the run (empty when it is stopwords only)."""
    a, b = 0, n
    while a < b and lt[i + a].stop:
        a += 1
    while b > a and lt[i + b - 1].stop:
        b -= 1
    return a, b


def _maximal_runs(lk: list[str], rk: list[str], lt: list[Token]) -> list[_Run]:
    """Every maximal run of equal keys in the two word lists, longest first."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, k in enumerate(rk):
        where[k].append(j)
    nl, nr = len(lk), len(rk)
    runs: list[_Run] = []
    for i, k in enumerate(lk):
        for j in where.get(k, ()):
            if i > 0 and j > 0 and lk[i - 1] == rk[j - 1]:
                continue  # not the start of a maximal run
            n = 1
            while i + n < nl and j + n < nr and lk[i + n] == rk[j + n]:
                n += 1
            if n == 1 and lt[i].stop:
                continue  # a lone stopword ("the"), which trimming would drop anyway
            runs.append((-n, i, j))
    runs.sort()
    return runs
