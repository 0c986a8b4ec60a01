"""Quote marks to quoted spans: which marks pair, which are apostrophes, and quotes that run on
over several paragraphs.

Curly double (“ ”) and straight double (") marks pair within a paragraph; single marks (‘ ’,
') only outside double quotes and only where they cannot be apostrophes ("Trump’s", "we’ve").
A paragraph that opens a quote without closing it continues into the next paragraph when that
one opens with a quote mark (the news convention for long quotes); each paragraph's piece is
its own span with a shared group, so offsets never cover a paragraph break.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..article import Article

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"

_OPEN_CONTEXT = " \t\n([{—–-:;,/"


@dataclass(slots=True)
class Piece:
    """A quoted span found in one paragraph: offsets of the words, without the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int | None  # offset of the closing mark, None when it continues in the next paragraph
    paragraph: int
    group: int  # pieces of one multi-paragraph quote share a group


_DOUBLE_MARK = re.compile('[“”„«»"]')
_SINGLE_MARK = re.compile("[‘’']")


def _is_word(c: str) -> bool:
    return c.isalnum()


def _double_pieces(body: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], bool]:
    """(open, close) pairs of double marks in body[start:end]; the bool says the paragraph
    opens a quote it does not close."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for m in _DOUBLE_MARK.finditer(body, start, end):
        i = m.start()
        c = body[i]
        if c in _DOUBLE_OPEN:
            open_at = i
        elif open_at is not None and (c in _DOUBLE_CLOSE or c == '"'):
            pairs.append((open_at, i))
            open_at = None
        elif c == '"' and (i == start or body[i - 1] in _OPEN_CONTEXT):
            open_at = i
    unclosed = open_at is not None
    if unclosed:
        pairs.append((open_at, None))  # type: ignore[arg-type]
    return pairs, unclosed


def _single_opens(c: str, prev: str, nxt: str) -> bool:
    return c in "‘'" and (prev in _OPEN_CONTEXT or prev in _DOUBLE_OPEN) and nxt.isalpha()


def _single_closes(c: str, prev: str, nxt: str) -> bool:
    return c in "’'" and not _is_word(nxt) and not prev.isspace()


def _inside_any(taken: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies inside one of the (open, close) spans."""
    spans = sorted(taken)
    opens = [a for a, _ in spans]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(opens, i) - 1
        return k >= 0 and spans[k][0] <= i <= spans[k][1]

    return inside


def _single_pieces(
    body: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Single-mark quotes outside double quotes, skipping apostrophes ("Trump’s", "’90s")."""
    out: list[tuple[int, int]] = []
    inside = _inside_any(taken)
    open_at: int | None = None
    fallback: int | None = None  # a "workers’ union" apostrophe, used only if nothing closes
    for m in _SINGLE_MARK.finditer(body, start, end):
        i = m.start()
        if inside(i):
            continue
        c = body[i]
        prev = body[i - 1] if i > start else " "
        nxt = body[i + 1] if i + 1 < end else " "
        if open_at is not None and i - open_at > _MAX_SINGLE:
            if fallback is not None:
                out.append((open_at, fallback))
            open_at = fallback = None
        if open_at is None:
            open_at = i if _single_opens(c, prev, nxt) else None
        elif _single_closes(c, prev, nxt):
            if prev in "sS" and _PLURAL_POSSESSIVE.match(body, i + 1):
                fallback = fallback or i
                continue
            out.append((open_at, i))
            open_at = fallback = None
    if open_at is not None and fallback is not None:
        out.append((open_at, fallback))
    return out


_MAX_SINGLE = 600
# After a plural possessive apostrophe comes the owned noun: "the workers’ union".
_PLURAL_POSSESSIVE = re.compile(r"\s+[a-z]")


def _trimmed(body: str, a: int, stop: int) -> tuple[int, int] | None:
    """The words between an opening mark and `stop`, without surrounding space; None when
    there are no words (a lone mark, "" or " ... ")."""
    s, e = a + 1, stop
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return (s, e) if any(ch.isalnum() for ch in body[s:e]) else None


def _paragraph_marks(body: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], bool]:
    """Every (open, close) pair of one paragraph in order of the opening mark, double and
    single marks together; the bool says a double quote is left open at its end."""
    pairs, unclosed = _double_pieces(body, start, end)
    taken = [(a, b if b is not None else end) for a, b in pairs]
    singles: list[tuple[int, int | None]] = list(_single_pieces(body, start, end, taken))
    return sorted(pairs + singles, key=lambda ab: ab[0]), unclosed


def _drop_dangling(pieces: list[Piece], group: int) -> list[Piece]:
    """Forget the open end of a quote whose next paragraph did not continue it."""
    return [x for x in pieces if not (x.group == group and x.close is None)]


def find_pieces(article: Article) -> list[Piece]:
    """Every quoted span of the article's fact paragraphs, in order."""
    body = article.body
    pieces: list[Piece] = []
    group = 0
    carrying: int | None = None  # group of a quote left open by the previous fact paragraph
    for p in article.paragraphs:
        if p.boilerplate:
            continue
        marks, unclosed = _paragraph_marks(body, p.start, p.end)
        if carrying is not None and body[p.start : p.start + 1] not in (_DOUBLE_OPEN + '"'):
            pieces = _drop_dangling(pieces, carrying)
            carrying = None
        for a, b in marks:
            span = _trimmed(body, a, b if b is not None else p.end)
            if span is None:
                continue
            if carrying is not None and a == p.start:
                g = carrying
            else:
                group += 1
                g = group
            pieces.append(Piece(a, span[0], span[1], b, p.index, g))
            carrying = None
        carrying = pieces[-1].group if unclosed and pieces and pieces[-1].close is None else None
    return _drop_dangling(pieces, carrying) if carrying is not None else pieces


def outside_quotes(body: str, start: int, end: int, pieces: list[Piece]) -> str:
    """The text of body[start:end] with every quoted span left out."""
    out = []
    pos = start
    lo = bisect.bisect_left(pieces, start, key=lambda p: p.open)
    for p in pieces[lo:]:
        if p.open >= end:
            break
        out.append(body[pos : p.open])
        pos = (p.close + 1) if p.close is not None else end
    out.append(body[pos:end])
    return " ".join(out)
