"""Which sentence pairs are worth scoring (step 2): an inverted index of rare terms.

An inverted index over each article's terms is walked from the rarest term of a sentence up,
within a fixed budget of postings, which yields the few sentences worth scoring in full. Pairs
that share no rare term are never scored (they cannot be the same fact without sharing a name,
number or rare word).
"""

from __future__ import annotations

from collections import defaultdict
from heapq import nsmallest

from .features import Sent
from .params import CANDIDATES, POSTING_BUDGET


def index(sents: list[Sent]) -> dict[str, list[tuple[int, float]]]:
    """Term -> (sentence position, weight) for every sentence of one article, in order."""
    idx: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for k, s in enumerate(sents):
        for t, w in s.terms.items():
            idx[t].append((k, w))
    return idx


def candidates(
    left: list[Sent], right_index: dict[str, list[tuple[int, float]]]
) -> list[list[tuple[int, float | None]]]:
    """For each left sentence, the right sentences worth scoring in full, by position.

    Each comes with its cosine when every shared term was walked (then the partial dot
    product is the whole one), or None when the posting budget cut the walk short.
    """
    plen = {t: len(p) for t, p in right_index.items()}
    out: list[list[tuple[int, float | None]]] = []
    for s in left:
        weights = s.terms
        # Rarest first; sort is stable and term order is the sentence's, so deterministic.
        terms = sorted((t for t in weights if t in plen), key=plen.__getitem__)
        acc: dict[int, float] = {}
        get = acc.get
        budget = POSTING_BUDGET
        complete = True
        for n, t in enumerate(terms):
            postings = right_index[t]
            if len(postings) > budget:
                complete = False
                if n > 0:
                    break
                postings = postings[:budget]
            w = weights[t]
            for k, rw in postings:
                acc[k] = get(k, 0.0) + w * rw
            budget -= len(postings)
        if len(acc) > CANDIDATES:
            # The strongest partial dot products, ties to the earlier sentence: every sentence
            # at or above the CANDIDATES-th strongest value (found by sorting the floats alone),
            # and of those, when ties at that value make them more, the first by
            # (-value, position).
            floor = sorted(acc.values(), reverse=True)[CANDIDATES - 1]
            top = [(-v, k) for k, v in acc.items() if v >= floor]
            if len(top) > CANDIDATES:
                top = nsmallest(CANDIDATES, top)
            ks = sorted([k for _v, k in top])
        else:
            ks = sorted(acc)
        out.append([(k, acc[k] if complete else None) for k in ks])
    return out
