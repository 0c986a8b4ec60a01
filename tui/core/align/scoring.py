"""How alike two sentences are (step 3): shared evidence first, then the mixed score.

A pair must share real evidence before it is scored (`evidence`): a fact besides the names
both write as names, and two pieces in all (a synonym class or a bare weekday is half a piece),
or one word that is most of the shorter sentence, or two entities. The score mixes rapidfuzz
`token_set_ratio` on the raw lowercase sentences (weight W_TSR, rescaled above TSR_FLOOR and
damped below MIN_CONTENT content words) with the cosine of the weighted term bags, and is at
least CONT_SCALE times the containment of the shorter sentence in the longer one, because a
lede packs several facts that the other outlet tells one sentence each.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .features import Sent
from .params import (
    CONT_FULL_CONTENT,
    CONT_MIN_CONTENT,
    CONT_SCALE,
    CONT_STRONG,
    MIN_CONTENT,
    SOLE_WORD_SHARE,
    TSR_FLOOR,
    W_TSR,
)


def evidence(a: Sent, b: Sent, shared: list[str]) -> bool:
    """Whether two sentences share more than one entity or one word.

    Two sentences about one company ("X did not answer questions" / "Shares in X fell") or
    one politician share a name and nothing of the fact; two sentences sharing one common
    word ("government") share nothing at all. A fact needs a shared predicate, number, date
    or content word besides the names, and two pieces of shared evidence in all, unless the
    sentences name two entities in common ("Putin" and "Trump" to meet). A synonym class or
    a unit without its value ("killed" ~ "died", "a count of people", "a weekday") is half a
    piece: "killed ... in the capital" and "killed in parliament in the capital" are two
    different facts. A unit with a value on both sides ("71.2%" / "70 per cent") is a whole
    piece: the same quantity told with a disagreement.
    """
    if not shared:
        return False
    # A word is a name only when both write it as one ("the General Court" / "in court").
    an, bn = a.names, b.names
    facts = 0.0
    plain: list[str] = []
    for t in shared:
        if t in an and t in bn:
            continue
        if t[0] == "~" or t in ("@d", "@m"):
            facts += 0.5
        else:
            facts += 1.0
            plain.append(t)
        if facts >= 2.0:
            return True  # two pieces already: what the entities below add is never negative
    if facts >= 1.0 and facts + len(a.heads & b.heads & set(shared)) >= 2.0:
        return True
    if len(plain) == 1 and facts == 1.0:
        # One shared word is enough only when it is most of what the shorter sentence says
        # ("Nimbus said it would appeal." / "The company will appeal to the court").
        small = a if a.mass <= b.mass else b
        return small.raw[plain[0]] >= SOLE_WORD_SHARE * small.mass
    return len(a.heads & b.heads) >= 2


def pair_score(a: Sent, b: Sent, cos: float | None = None) -> tuple[float, bool]:
    """Similarity of two sentences in 0..1 (see the module docstring, step 3), and whether
    the shorter one is strongly contained in the longer one (step 4)."""
    small, big = (a, b) if a.mass <= b.mass else (b, a)
    braw = big.raw
    shared = [t for t in small.raw if t in braw]
    if not evidence(a, b, shared):
        return 0.0, False
    if cos is None:
        st, bt = small.terms, big.terms
        cos = sum([st[t] * bt[t] for t in shared])
    tsr = fuzz.token_set_ratio(a.lower, b.lower) / 100.0
    # Raw text shares stopwords, so unrelated news sentences already reach ~0.5: rescale so
    # that TSR_FLOOR counts as nothing.
    tsr = max(0.0, (tsr - TSR_FLOOR) / (1.0 - TSR_FLOOR))
    fewest = min(a.content, b.content)
    if fewest < MIN_CONTENT:
        tsr *= fewest / MIN_CONTENT
    score = W_TSR * tsr + (1.0 - W_TSR) * cos
    # Containment: how much of the shorter sentence's weighted content the longer one tells.
    # A lede packs several facts that the other outlet tells one sentence each; against each
    # of them the symmetric score is diluted by everything else the lede says.
    contained = False
    if small.content >= CONT_MIN_CONTENT and small.mass > 0:
        sraw = small.raw
        cont = sum([sraw[t] for t in shared]) / small.mass
        cont *= min(1.0, small.content / CONT_FULL_CONTENT)
        contained = cont >= CONT_STRONG
        score = max(score, CONT_SCALE * cont)
    return min(1.0, score), contained
