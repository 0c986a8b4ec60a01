"""What the conflict checks read of a sentence, worked out once per sentence per comparison.

An aligned sentence is compared with each of its counterparts, so its tokens, dates and numbers
are read once and kept in the comparison's memo (never in a module cache). Each sentence is
read on its own: a date's or number's words never run into the next sentence.
"""

from __future__ import annotations

from typing import NamedTuple

from ..article import Sentence
from ..tokens.memo import Memo
from ..tokens.quantities import DATE_KINDS, Quantity, read_quantities
from ..tokens.text import RELATIVE_DAYS, Token, dateline_end, name_like, sentence_tokens


class Facts(NamedTuple):
    """The words, dates and numbers of a sentence, or of a passage's sentences in order."""

    tokens: tuple[Token, ...]  # without a wire dateline
    parts: tuple[tuple[Token, ...], ...]  # `tokens` sentence by sentence
    span: tuple[int, int]  # body offsets from the first sentence's start to the last's end
    dates: tuple[Quantity, ...]
    numbers: tuple[Quantity, ...]
    stems: frozenset[str]  # stems of the content words
    norms: frozenset[str]
    caps: frozenset[str]  # norms of the capitalised words
    relative_day: bool  # "yesterday", "today" ...


def sentence_facts(body: str, sent: Sentence, memo: Memo | None) -> Facts:
    """The facts of one sentence of `body`, from the memo when the comparison has them."""
    table = memo.table("conflicts.facts") if memo is not None else None
    key = (body, sent)
    if table is not None and (found := table.get(key)) is not None:
        return found
    toks = sentence_tokens(sent.text, sent.start, memo)
    cut = dateline_end(sent.text) if sent.index == 0 else 0
    # A wire dateline's place and filing date ("WASHINGTON, Aug. 7 (Reuters) -") are not
    # what the sentence states: its date is not the event's, so it never clashes.
    kept = tuple(t for t in toks if t.start >= sent.start + cut) if cut else toks
    found_q = read_quantities(kept, body)
    norms = frozenset({t.norm for t in kept})
    facts = Facts(
        kept,
        (kept,),
        (sent.start, sent.end),
        tuple([q for q in found_q if q.kind in DATE_KINDS]),
        tuple([q for q in found_q if q.kind not in DATE_KINDS]),
        frozenset({t.stem for t in kept if not t.stop}),
        norms,
        frozenset({t.norm for t in kept if t.capital}),
        not norms.isdisjoint(RELATIVE_DAYS),
    )
    if table is not None:
        table[key] = facts
    return facts


def passage_facts(body: str, sents: tuple[Sentence, ...], memo: Memo | None) -> Facts:
    """The facts of a passage's sentences in order, as one (most passages are one sentence)."""
    facts = [sentence_facts(body, s, memo) for s in sents]
    if len(facts) == 1:
        return facts[0]
    return Facts(
        tuple(t for f in facts for t in f.tokens),
        tuple(p for f in facts for p in f.parts),
        (sents[0].start, sents[-1].end),
        tuple(d for f in facts for d in f.dates),
        tuple(n for f in facts for n in f.numbers),
        frozenset().union(*(f.stems for f in facts)),
        frozenset().union(*(f.norms for f in facts)),
        frozenset().union(*(f.caps for f in facts)),
        any(f.relative_day for f in facts),
    )


def name_flags(facts: Facts) -> list[bool]:
    """name_like() of each word of a passage, sentence by sentence (a sentence's first word
    is judged by the word after it)."""
    out: list[bool] = []
    for part in facts.parts:
        toks = list(part)
        out += [name_like(toks, k) for k in range(len(toks))]
    return out
