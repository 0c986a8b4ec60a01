"""Which scored pairs are kept, and how kept pairs become passages (steps 4 and 5).

A pair is kept when its score reaches THRESHOLD and it is close to the best pair of *both* its
sentences (within MARGIN): mutual-best pairs always qualify, and a sentence gets a second
counterpart only when that one is nearly as strong and prefers it back; never more than
MAX_COUNTERPARTS. A shorter sentence at least CONT_STRONG contained in a longer one that is its
best counterpart is kept without the margin rule, so a lede takes each fact's sentence. When
both outlets tell a fact in two neighbouring sentences, the crosswise pairs are kept at the
lower SQUARE_THRESHOLD (`cross_pairs`). Order is not a constraint (outlets reorder freely);
relative position only breaks near ties. A sentence whose kept counterparts are consecutive
becomes one passage with them (`group`).
"""

from __future__ import annotations

from collections import defaultdict

from .candidates import candidates, index
from .features import Sent
from .params import (
    MARGIN,
    MAX_COUNTERPARTS,
    POSITION_WEIGHT,
    SQUARE_MARGIN,
    SQUARE_THRESHOLD,
    THRESHOLD,
)
from .scoring import pair_score

# (left position, right position, score, mutual best) and (left, right, score, mutual).
Edge = tuple[int, int, float, bool]
Group = tuple[list[int], list[int], float, bool]


Pair = tuple[int, int]
# Each sentence's best counterpart: position -> (score with the position bonus, counterpart).
Best = dict[int, tuple[float, int]]


def match(left: list[Sent], right: list[Sent]) -> list[Edge]:
    """Scored candidate pairs -> the kept edges (left position, right position, score,
    whether each is the other's best counterpart)."""
    scores, strong = _scores(left, right)
    best_l, best_r = _best(scores, left, right)
    edges = [
        (i, j, min(1.0, s), best_l[i][1] == j and best_r[j][1] == i)
        for (i, j), s in sorted(scores.items())
        if s >= THRESHOLD and _kept(i, j, s, scores, (i, j) in strong, best_l, best_r, left, right)
    ]
    best = (
        {i: scores[(i, j)] for i, (_r, j) in best_l.items()},
        {j: scores[(i, j)] for j, (_r, i) in best_r.items()},
    )
    edges.extend(cross_pairs(edges, scores, best, left, right))
    edges.sort()
    return cap(cap(edges, left, right, 0), left, right, 1)


def _scores(left: list[Sent], right: list[Sent]) -> tuple[dict[Pair, float], set[Pair]]:
    """The score of every candidate pair that can matter, and the strongly contained ones."""
    scores: dict[Pair, float] = {}
    strong: set[Pair] = set()
    # Pairs further below THRESHOLD than the position bonus can never be kept or decide
    # which pair is a sentence's best, so they are not stored.
    floor = THRESHOLD - POSITION_WEIGHT
    for i, js in enumerate(candidates(left, index(right))):
        a = left[i]
        for j, cos in js:
            s, contained = pair_score(a, right[j], cos)
            if s >= floor:
                scores[(i, j)] = s
                if contained:
                    strong.add((i, j))
    return scores, strong


def _best(scores: dict[Pair, float], left: list[Sent], right: list[Sent]) -> tuple[Best, Best]:
    """Each sentence's best counterpart; relative position only breaks near ties here."""
    best_l: Best = {}
    best_r: Best = {}
    for (i, j), s in scores.items():
        ranked = s + POSITION_WEIGHT * (1.0 - abs(left[i].pos - right[j].pos))
        if ranked > best_l.get(i, (-1.0, -1))[0]:
            best_l[i] = (ranked, j)
        if ranked > best_r.get(j, (-1.0, -1))[0]:
            best_r[j] = (ranked, i)
    return best_l, best_r


def _kept(
    i: int,
    j: int,
    s: float,
    scores: dict[Pair, float],
    strong: bool,
    best_l: Best,
    best_r: Best,
    left: list[Sent],
    right: list[Sent],
) -> bool:
    """Whether a pair at THRESHOLD or above is kept (the module docstring's rules)."""
    jl, il = best_l[i][1], best_r[j][1]
    if strong:
        # The shorter sentence is told almost whole by the longer one: keep the pair when
        # the longer one is the shorter one's best counterpart, however many other short
        # sentences the longer one (a packed lede) also contains.
        short_is_left = left[i].mass <= right[j].mass
        if (jl == j) if short_is_left else (il == i):
            return True
    # A pair that is the best of neither of its sentences is a weaker echo of others.
    if jl != j and il != i:
        return False
    # A second counterpart must be nearly as strong as the sentence's best one.
    return not (s < scores[(i, jl)] - MARGIN or s < scores[(il, j)] - MARGIN)


def cross_pairs(
    edges: list[Edge],
    scores: dict[tuple[int, int], float],
    best: tuple[dict[int, float], dict[int, float]],
    left: list[Sent],
    right: list[Sent],
) -> list[Edge]:
    """The crosswise pairs of two adjacent sentences aligned to two adjacent sentences.

    News tells a fact twice in a row: the lede says it in the reporter's words and the next
    sentence backs it with the quote or the detail ("X and Y will meet, an aide said." /
    "'An agreement was reached to hold a meeting,' he said."). When two outlets both do that,
    lede aligns with lede and quote with quote, and each crosswise pair (one's lede, the
    other's quote) states the same fact too, but scores lower: it is neither sentence's best
    counterpart, and its words are diluted by the other half of the pair. Two aligned
    neighbours on both sides are the evidence the best-counterpart rule cannot see, so a
    crosswise pair needs only SQUARE_THRESHOLD, and may be SQUARE_MARGIN below the best pair
    of each of its sentences (twice what a second counterpart may). Two copies of one article
    are the limit case: every sentence's best is its twin at 1.0, and a neighbour that merely
    shares a name with it (0.2) is not a second telling of its fact. The pairs stay separate
    alignments (none of the four sentences aligns only to one other), so each keeps its own
    focused word diff: the quote against the quote shows how its wording differs.
    """
    kept = {(i, j) for i, j, _s, _m in edges}
    out: list[Edge] = []
    seen: set[tuple[int, int]] = set()
    for i, j in sorted(kept):
        # The diagonal square (i, j) (i+1, j+1) and the anti-diagonal one (i, j) (i+1, j-1).
        for j2 in (j + 1, j - 1):
            if (i + 1, j2) not in kept:
                continue
            for pair in ((i, j2), (i + 1, j)):
                if pair in kept or pair in seen:
                    continue
                seen.add(pair)
                a, b = pair
                s = scores.get(pair)
                if s is None:
                    s = pair_score(left[a], right[b])[0]
                if s >= SQUARE_THRESHOLD and max(best[0][a], best[1][b]) - s <= SQUARE_MARGIN:
                    out.append((a, b, min(1.0, s), False))
    return out


def cap(edges: list[Edge], left: list[Sent], right: list[Sent], side: int) -> list[Edge]:
    """At most MAX_COUNTERPARTS edges per sentence of one side, the strongest (then the
    nearest in position) first.

    A lead sentence carries two or three facts, not more; without a cap, an article that
    repeats one sentence thousands of times would align all of them to one counterpart (and
    merge them into one passage whose word diff never ends).
    """
    by: dict[int, list[Edge]] = defaultdict(list)
    for e in edges:
        by[e[1] if side else e[0]].append(e)
    if all(len(es) <= MAX_COUNTERPARTS for es in by.values()):
        return edges
    kept: list[Edge] = []
    for es in by.values():
        es.sort(key=lambda e: (-e[2], abs(left[e[0]].pos - right[e[1]].pos), e[0], e[1]))
        kept.extend(es[:MAX_COUNTERPARTS])
    kept.sort()
    return kept


def _runs(positions: list[int]) -> list[list[int]]:
    """Split sorted positions into runs of consecutive integers."""
    runs: list[list[int]] = []
    for p in positions:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def group(edges: list[Edge]) -> list[Group]:
    """Edges -> passages: a sentence with consecutive counterparts becomes one passage pair.

    Each group keeps its best score and whether any of its edges is a mutual-best pair (a
    group made only of second counterparts shares part of a fact, not all of it).
    """
    by_l: dict[int, list[int]] = defaultdict(list)
    by_r: dict[int, list[int]] = defaultdict(list)
    info: dict[tuple[int, int], tuple[float, bool]] = {}
    for i, j, s, mutual in edges:
        by_l[i].append(j)
        by_r[j].append(i)
        info[(i, j)] = (s, mutual)
    out: list[Group] = []
    done: set[tuple[int, int]] = set()

    def add(li: list[int], ri: list[int]) -> None:
        keys = [(i, j) for i in li for j in ri]
        out.append((li, ri, max(info[k][0] for k in keys), any(info[k][1] for k in keys)))
        done.update(keys)

    # One left sentence, several right sentences that each align only to it.
    for i, js in sorted(by_l.items()):
        for run in _runs(sorted(j for j in js if len(by_r[j]) == 1)):
            if len(run) > 1:
                add([i], run)
    # One right sentence, several left sentences that each align only to it.
    for j, is_ in sorted(by_r.items()):
        exclusive = sorted(i for i in is_ if len(by_l[i]) == 1 and (i, j) not in done)
        for run in _runs(exclusive):
            if len(run) > 1:
                add(run, [j])
    for i, j, _s, _m in edges:
        if (i, j) not in done:
            add([i], [j])
    out.sort(key=lambda g: (g[0][0], g[1][0]))
    return out
