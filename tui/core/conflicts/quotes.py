"""The same statement quoted in different words: the wording diff of the quoted parts.

Two quotes are the same statement when most of the shorter one's words match in order and
they share two content words. Identical wording, a shorter excerpt of the same quote, and a
change of function words alone ("that" / "which") are the same wording.
"""

from __future__ import annotations

from ..lexicon import words
from ..model import Conflict
from ..tokens.memo import Memo
from ..tokens.text import Opcode, Token, quote_regions, word_opcodes
from .base import Check, Pair

# Changes listed in a note, at most; more are shown as "…".
_MAX_PARTS = 3

_Quoted = tuple[int, int, list[Token]]


def _quotes(body: str, span: tuple[int, int], toks: tuple[Token, ...]) -> list[_Quoted]:
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


def _counterpart(
    lt: list[Token], rquotes: list[_Quoted], used: set[int], memo: Memo | None
) -> tuple[int, int, tuple[Opcode, ...]] | None:
    """(matched words, index, opcodes) of the right quote that best renders left words `lt`."""
    best = None
    for k, (_rs, _re, rt) in enumerate(rquotes):
        if k in used:
            continue
        ln, rn = tuple(t.norm for t in lt), tuple(t.norm for t in rt)
        ops = word_opcodes(ln, rn, memo)
        matched = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")
        shared_content = len({t.norm for t in lt if not t.stop} & {t.norm for t in rt})
        if matched < 0.5 * min(len(ln), len(rn)) or shared_content < 2:
            continue
        if best is None or matched > best[0]:
            best = (matched, k, ops)
    return best


def _changes(pair: Pair, lt: list[Token], rt: list[Token], ops: tuple[Opcode, ...]) -> list[str]:
    """The changed words of two renderings, as the note lists them."""
    parts = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal" or all(t.stop for t in (*lt[i1:i2], *rt[j1:j2])):
            continue  # "that" / "which": function words alone are the same wording
        # "an" -> "a preliminary" is about "preliminary": articles at the ends go.
        a = _words_text(pair.left_body, _trim_articles(lt[i1:i2]))
        b = _words_text(pair.right_body, _trim_articles(rt[j1:j2]))
        if a and b:
            parts.append(f'"{a}" or "{b}"')
        elif a or b:
            parts.append(f'"{a or b}" on one side only')
    return parts


def _reworded(pair: Pair) -> list[Conflict]:
    lb, rb = pair.left_body, pair.right_body
    out: list[Conflict] = []
    lquotes = _quotes(lb, pair.left.span, pair.left.tokens)
    if not lquotes:
        return out
    rquotes = _quotes(rb, pair.right.span, pair.right.tokens)
    used: set[int] = set()
    for ls, le, lt in lquotes:
        best = _counterpart(lt, rquotes, used, pair.memo)
        if best is None:
            continue
        matched, k, ops = best
        rs, re_, rt = rquotes[k]
        used.add(k)
        # Identical wording, or one quote is simply a shorter excerpt of the other.
        if all(op[0] == "equal" for op in ops) or matched == min(len(lt), len(rt)):
            continue
        parts = _changes(pair, lt, rt, ops)
        if not parts:
            continue  # only function words differ: the same wording
        more = "; …" if len(parts) > _MAX_PARTS else ""
        note = "same quote, different words: " + "; ".join(parts[:_MAX_PARTS]) + more
        # Quote spans exclude a trailing comma/period inside the marks.
        lq = (lt[0].start, le if lb[le - 1 : le].isalnum() else _trim(lb, ls, le))
        rq = (rt[0].start, re_ if rb[re_ - 1 : re_].isalnum() else _trim(rb, rs, re_))
        out.append(Conflict("quote", lb[lq[0] : lq[1]], rb[rq[0] : rq[1]], lq, rq, note))
    return out


def _trim_articles(toks: list[Token]) -> list[Token]:
    articles = words("conflicts-articles")
    a, b = 0, len(toks)
    while a < b and toks[a].norm in articles:
        a += 1
    while b > a and toks[b - 1].norm in articles:
        b -= 1
    return toks[a:b]


def _words_text(body: str, toks: list[Token]) -> str:
    return body[toks[0].start : toks[-1].end] if toks else ""


def _trim(body: str, start: int, end: int) -> int:
    while end > start and not body[end - 1].isalnum():
        end -= 1
    return end


CHECKS = (
    Check(
        "quote",
        'The same quote in different words ("an agreement essentially reached" / "a '
        'preliminary agreement"); not a shorter excerpt, not function words alone.',
        (
            (
                (
                    'Ushakov said the sides had "reached an agreement on the venue," he said.',
                    'Ushakov said the sides had "reached a preliminary agreement on the venue."',
                ),
                [
                    (
                        "quote",
                        "reached an agreement on the venue",
                        "reached a preliminary agreement on the venue",
                    )
                ],
            ),
            (
                (
                    'Ushakov said Russia had left the proposal "completely without comment."',
                    'Ushakov said Russia had left the proposal "without comment," Interfax said.',
                ),
                [],
            ),
            (
                (
                    '"The truce is a step that we welcome," the envoy said on Sunday.',
                    '"The truce is a step which we welcome," the envoy said on Sunday.',
                ),
                [],
            ),
        ),
        _reworded,
    ),
)
