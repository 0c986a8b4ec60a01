"""The one word diff of the engine: passage diffs, name swaps, quote wording, quote links."""

from __future__ import annotations

from .memo import Memo

Opcode = tuple[str, int, int, int, int]


def word_opcodes(
    a: tuple[str, ...], b: tuple[str, ...], memo: Memo | None = None
) -> tuple[Opcode, ...]:
    """difflib's opcodes turning word sequence `a` into `b` (no autojunk: news repeats "the").

    It depends only on the words, not on where they stand, so with the comparison's memo a
    pair of word sequences met again, the passage diff and then its conflicts, is matched
    once.

    difflib's result, not rapidfuzz's: rapidfuzz's `Indel.opcodes` and `Levenshtein.opcodes`
    are faster but choose other edits of equal cost (on the 289 aligned passage pairs of the
    annotated corpora they agree with difflib on 10 and 11), and the diff is public output.
    `_opcodes` is difflib's own algorithm, specialised to what the engine asks of it.
    """
    if memo is None:
        return _opcodes(a, b)
    table = memo.table("tokens.opcodes")
    key = (a, b)
    found = table.get(key)
    if found is None:
        found = table[key] = _opcodes(a, b)
    return found


def _opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Opcode, ...]:
    """`SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`, computed the same way.

    difflib's algorithm, with what it does for junk and popular elements left out, since
    without either they never apply: the longest block found is maximal already, so its
    extension steps find nothing. Two outlets often print one wire sentence word for word:
    equal non-empty sequences are one "equal" op, given without matching them.
    """
    la, lb = len(a), len(b)
    if a == b and la:
        return (("equal", 0, la, 0, lb),)
    b2j: dict[str, list[int]] = {}
    for j, w in enumerate(b):
        b2j.setdefault(w, []).append(j)
    blocks = []
    queue = [(0, la, 0, lb)]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = _longest(a, b2j, alo, ahi, blo, bhi)
        if k:
            blocks.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    blocks.sort()
    return _ops(_merged(blocks), la, lb)


def _longest(
    a: tuple[str, ...], b2j: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int, int]:
    """difflib's find_longest_match without junk: the longest common block of a[alo:ahi] and
    b[blo:bhi], the earliest in `a` of the longest, then the earliest in `b`."""
    besti, bestj, bestsize = alo, blo, 0
    none: dict[int, int] = {}  # the row of a word `b` lacks (never written)
    j2len = none
    for i in range(alo, ahi):
        js = b2j.get(a[i])
        if js is None:
            j2len = none
            continue
        get = j2len.get
        new: dict[int, int] = {}
        for j in js:
            if j < blo:
                continue
            if j >= bhi:
                break
            k = new[j] = get(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = new
    return besti, bestj, bestsize


def _merged(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Sorted matching blocks with adjacent ones joined (difflib's get_matching_blocks)."""
    i1 = j1 = k1 = 0
    out = []
    for i2, j2, k2 in blocks:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                out.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        out.append((i1, j1, k1))
    return out


def _ops(blocks: list[tuple[int, int, int]], la: int, lb: int) -> tuple[Opcode, ...]:
    """difflib's get_opcodes from merged matching blocks (and the final (la, lb, 0))."""
    i = j = 0
    out: list[Opcode] = []
    for ai, bj, size in (*blocks, (la, lb, 0)):
        if i < ai and j < bj:
            out.append(("replace", i, ai, j, bj))
        elif i < ai:
            out.append(("delete", i, ai, j, bj))
        elif j < bj:
            out.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return tuple(out)
