"""A name that replaces another name in the same slot of otherwise shared wording.

"Kremlin aide Yuri Ushakov said" vs "Kremlin aide Dmitry Peskov said" is a disagreement about
who said it. Spelling variants ("Zelenskyy" / "Zelensky"), initials and a country with its
adjective ("Egypt's" / "Egyptian") are one name; a name that appears anywhere on the other
side is not a swap; and the slot must be framed by shared content words, since two outlets
naming different extra people is not a clash.
"""

from __future__ import annotations

from ..model import Conflict
from ..tokens.text import Token, word_opcodes
from .base import Check, Pair
from .facts import name_flags

# A replaced run longer than this many words on either side is not a name.
_MAX_NAME_WORDS = 4


def _swaps(pair: Pair) -> list[Conflict]:
    lf, rf = pair.left, pair.right
    # Names only matter when each side has a capitalised word the other lacks (most pairs
    # share all their names, and this is much cheaper than the name rules).
    if lf.caps <= rf.norms or rf.caps <= lf.norms:
        return []
    lt, rt = list(lf.tokens), list(rf.tokens)
    lnames, rnames = name_flags(lf), name_flags(rf)
    lnorm = [t.norm for t in lt]
    rnorm = [t.norm for t in rt]
    lset, rset = set(lnorm), set(rnorm)
    # Cheap exit: a swap needs a name on each side that the other side lacks.
    lonly = any(f and w not in rset for f, w in zip(lnames, lnorm, strict=True))
    if not lonly or not any(f and w not in lset for f, w in zip(rnames, rnorm, strict=True)):
        return []
    out: list[Conflict] = []
    ops = word_opcodes(tuple(lnorm), tuple(rnorm), pair.memo)
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "replace" or i2 - i1 > _MAX_NAME_WORDS or j2 - j1 > _MAX_NAME_WORDS:
            continue
        if not all(lnames[i1:i2]) or not all(rnames[j1:j2]) or not _framed(ops, n, lt):
            continue
        lw, rw = lnorm[i1:i2], rnorm[j1:j2]
        # Either name appearing elsewhere on the other side means it is not a swap.
        if any(w in rset for w in lw) or any(w in lset for w in rw) or _similar_names(lw, rw):
            continue
        ls, le = lt[i1].start, lt[i2 - 1].end
        rs, re_ = rt[j1].start, rt[j2 - 1].end
        left, right = pair.left_body[ls:le], pair.right_body[rs:re_]
        note = "a different name in the same place"
        out.append(Conflict("name", left, right, (ls, le), (rs, re_), note))
    return out


def _framed(ops: tuple[tuple[str, int, int, int, int], ...], n: int, lt: list[Token]) -> bool:
    """Whether the replaced slot ops[n] has shared content words (a role) before or after."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(ops) and ops[m][0] == "equal" and _content(lt[ops[m][1] : ops[m][2]]):
            return True
    return False


def _content(toks: list[Token]) -> bool:
    return any(not t.stop for t in toks)


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


CHECKS = (
    Check(
        "name",
        'A different name in the same slot of shared wording ("spokesman Dmitry Peskov '
        'said" / "spokesman Yuri Ushakov said").',
        (
            (
                (
                    "Kremlin spokesman Dmitry Peskov said the meeting would take place next week.",
                    "Kremlin spokesman Yuri Ushakov said the meeting would take place next week.",
                ),
                [("name", "Dmitry Peskov", "Yuri Ushakov")],
            ),
            (
                (
                    "Trump may also meet Ukrainian President Volodymyr Zelenskyy, the aide said.",
                    "Trump may also meet Ukrainian President Volodymyr Zelensky, the aide said.",
                ),
                [],
            ),
            (
                (
                    "Egyptian President Abdel Fattah al-Sisi welcomed the truce on Sunday.",
                    "Egypt's President Abdel Fattah al-Sisi welcomed the truce on Sunday.",
                ),
                [],
            ),
        ),
        _swaps,
    ),
)
