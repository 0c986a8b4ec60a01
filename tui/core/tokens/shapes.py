"""What a word's place and shape say: inside quotation marks, or looking like a name."""

from __future__ import annotations

import re

from .dates import MONTHS, WEEKDAYS
from .words import Token

_QUOTE_MARK_RE = re.compile('[“”"]')


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans (relative to `text`) of the words inside quotation marks.

    Curly quotes pair explicitly; straight double quotes pair in order. An opening mark with no
    closing one runs to the end of the text, because news often continues a quote over a
    sentence boundary and closes it later.
    """
    regions: list[tuple[int, int]] = []
    n = len(text)
    open_at = -1  # position after the opening mark of the quote being read, or -1
    straight = False
    for m in _QUOTE_MARK_RE.finditer(text):
        c = m.group()
        pos = m.start()
        if open_at < 0:
            if c == "”":
                # A closing mark with nothing open: the quote began in an earlier sentence.
                if not regions:
                    regions.append((0, pos))
                continue
            open_at, straight = pos + 1, c == '"'
        elif (straight and c == '"') or (not straight and c == "”"):
            regions.append((open_at, pos))
            open_at = -1
    if open_at >= 0:
        regions.append((open_at, n))
    return [(s, e) for s, e in regions if e > s]


def name_like(tokens: list[Token], i: int) -> bool:
    """Whether tokens[i] looks like (part of) a name: capitalised and not a stopword.

    The first word of a sentence is capitalised anyway, so it only counts when the next word
    is a capitalised non-stopword too (a multiword name such as "Vladimir Putin said").
    """
    t = tokens[i]
    if not t.capital or t.stop or t.text[:1].isdigit():
        return False
    if t.norm in WEEKDAYS or t.norm in MONTHS:
        return False
    if i == 0:
        nxt = tokens[1] if len(tokens) > 1 else None
        return bool(nxt and nxt.capital and not nxt.stop)
    return True
