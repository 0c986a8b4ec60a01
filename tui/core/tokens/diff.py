"""The one word diff of the engine: passage diffs, name swaps, quote wording, quote links."""

from __future__ import annotations

from difflib import SequenceMatcher

from .memo import Memo

Opcode = tuple[str, int, int, int, int]


def word_opcodes(
    a: tuple[str, ...], b: tuple[str, ...], memo: Memo | None = None
) -> tuple[Opcode, ...]:
    """difflib's opcodes turning word sequence `a` into `b` (no autojunk: news repeats "the").

    It depends only on the words, not on where they stand, so with the comparison's memo a
    pair of word sequences met again, the passage diff and then its conflicts, is matched
    once.

    difflib, not rapidfuzz: rapidfuzz's `Indel.opcodes` and `Levenshtein.opcodes` are faster
    but choose other edits of equal cost (on the 289 aligned passage pairs of the annotated
    corpora they agree with difflib on 10 and 11), and the diff is public output.
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
    # Two outlets often print one wire sentence word for word: difflib's answer for equal,
    # non-empty sequences is one "equal" op, so it is given without matching them.
    if a == b and a:
        return (("equal", 0, len(a), 0, len(b)),)
    return tuple(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
