"""The word diff of two aligned passages, as ops that cover both passages whole (step 6)."""

from __future__ import annotations

from ..model import DiffOp
from ..tokens.memo import Memo
from ..tokens.text import Token, word_opcodes


def word_diff(
    left_body: str,
    lt: list[Token],
    lspan: tuple[int, int],
    right_body: str,
    rt: list[Token],
    rspan: tuple[int, int],
    memo: Memo | None = None,
) -> tuple[DiffOp, ...]:
    """A word-level diff that covers both passages completely and in order.

    Each op owns its words plus the punctuation and spaces up to the next op, so the
    concatenated left texts of all ops are exactly the left passage (and likewise right).
    """

    def cut(toks: list[Token], span: tuple[int, int], k: int) -> int:
        if k <= 0:
            return span[0]
        if k >= len(toks):
            return span[1]
        return toks[k].start

    ops: list[DiffOp] = []
    opcodes = word_opcodes(tuple([t.norm for t in lt]), tuple([t.norm for t in rt]), memo)
    for tag, i1, i2, j1, j2 in opcodes:
        ls, le = cut(lt, lspan, i1), cut(lt, lspan, i2)
        rs, re_ = cut(rt, rspan, j1), cut(rt, rspan, j2)
        ops.append(DiffOp(tag, ls, le, rs, re_, left_body[ls:le], right_body[rs:re_]))  # type: ignore[arg-type]
    if not ops:
        ls, le = lspan
        rs, re_ = rspan
        ops.append(DiffOp("replace", ls, le, rs, re_, left_body[ls:le], right_body[rs:re_]))
    return tuple(ops)
