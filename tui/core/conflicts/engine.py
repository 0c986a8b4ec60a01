"""The conflict checks in the order they run, and the one entry point that runs them.

Precision comes first: a false conflict accuses an outlet of an error it did not make, so each
check (numbers.py, dates.py, names.py, quotes.py) reports only what it can pin down. A wire
dateline ("WASHINGTON, Aug. 7 (Reuters) -") is when and where the copy was filed, not what it
states, so its words are never compared (facts.py).

Notes never say "left" or "right": `Alignment.flipped()` swaps the sides but keeps the note.
"""

from __future__ import annotations

from dataclasses import replace

from ..article import Article, Sentence
from ..model import Conflict, Passage
from ..rules import Registry
from ..tokens.memo import Memo
from . import dates, names, numbers, quotes
from .base import Check, Pair
from .facts import passage_facts

# Passages longer than this many words are not compared: not prose, and the checks that diff
# words are quadratic.
MAX_WORDS = 600


def _golden(check: Check, given: tuple[str, str]) -> list[tuple[str, str, str]]:
    """A golden example's output: every conflict of two one-sentence passages."""
    left, right = given
    ls = Sentence(0, 0, 0, len(left), left)
    rs = Sentence(0, 0, 0, len(right), right)
    return [(c.kind, c.left, c.right) for c in passage_conflicts(left, (ls,), right, (rs,))]


CONFLICTS: Registry[Check] = Registry("conflicts", _golden)
# The order is the order of the report's conflicts that start at one offset: amounts, then
# one-sided details, dates, names, quotes.
for _check in (*numbers.CHECKS, *dates.CHECKS, *names.CHECKS, *quotes.CHECKS):
    CONFLICTS.add(_check)


def find_conflicts(
    left_article: Article,
    left_passage: Passage,
    right_article: Article,
    right_passage: Passage,
    memo: Memo | None = None,
) -> tuple[Conflict, ...]:
    """Conflicts between two aligned passages (numbers, dates, names, quoted words).

    Pass the comparison's `memo`: a sentence is compared with each of its counterparts, and
    its facts are then read once per comparison instead of once per pair."""
    if not left_passage.sentences or not right_passage.sentences:
        return ()
    return passage_conflicts(
        left_article.body,
        tuple(left_article.sentences[i] for i in left_passage.sentences),
        right_article.body,
        tuple(right_article.sentences[i] for i in right_passage.sentences),
        memo,
    )


def passage_conflicts(
    lb: str,
    lsents: tuple[Sentence, ...],
    rb: str,
    rsents: tuple[Sentence, ...],
    memo: Memo | None = None,
) -> tuple[Conflict, ...]:
    """`find_conflicts` of two passages given as sentences of their articles' bodies: every
    check in registry order, each conflict named after its check, sorted by where it starts."""
    lf = passage_facts(lb, lsents, memo)
    rf = passage_facts(rb, rsents, memo)
    if len(lf.tokens) > MAX_WORDS or len(rf.tokens) > MAX_WORDS:
        return ()
    pair = Pair(lb, lf, rb, rf, memo)
    out: list[Conflict] = []
    for check in CONFLICTS:
        found = check.test(pair)
        if found:  # most checks find nothing in most pairs
            out += [replace(c, rule=check.name) for c in found]
    out.sort(key=_start)
    return tuple(out)


def _start(c: Conflict) -> tuple[int, int]:
    return c.left_span or c.right_span or (0, 0)
