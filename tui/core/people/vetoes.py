"""What keeps a capitalised run out of the people list even when evidence points at a person:
an organisation or place word in it, an acronym, a digit, more capitalised words that end in
a thing's name, a firm's ampersand, or grammar that shows the run acting as a company.

Precision comes first (a wrong name in the sidebar costs more trust than a missing one), so
each veto is cheap to trigger; `rules.py` names them as the stage's rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon.names import (
    ACRONYMS,
    DEMONYMS,
    GIVEN_NAMES,
    NATION_OF,
    NOT_NAME_WORDS,
    ORG_SUFFIXES,
    PLACE_WORDS,
)
from .evidence import is_speech
from .tokens import Token, gap_is_space


def org_word(words: Sequence[Token]) -> bool:
    """An organisation, place or thing word anywhere in the run: "Major League Soccer", "Safe
    Work Alliance" (but a given name opening it is a person: "Bill Gates")."""
    return any(
        w.folded in ORG_SUFFIXES and not (n == 0 and w.folded in GIVEN_NAMES)
        for n, w in enumerate(words)
    )


def place_name(words: Sequence[Token]) -> bool:
    """The whole run is a known place: "Saudi Arabia", "New York"."""
    return " ".join(w.folded for w in words) in PLACE_WORDS


def acronym(words: Sequence[Token]) -> bool:
    """An organisation's acronym, in its exact case ("UN", not the "Un" of Kim Jong Un)."""
    return any(w.text in ACRONYMS for w in words)


def not_name_word(words: Sequence[Token]) -> bool:
    """A place, nationality, institution or grammar word that is not a given name: "Kremlin
    Palace", "Russian Orthodox". A place word as the surname of a given name is a person
    ("George Washington", "Jack London")."""
    given_first = len(words) >= 2 and words[0].folded in GIVEN_NAMES
    last = len(words) - 1
    for n, w in enumerate(words):
        f = w.folded
        if f in GIVEN_NAMES or (given_first and n == last and f in PLACE_WORDS):
            continue
        if f in PLACE_WORDS or f in DEMONYMS or f in NOT_NAME_WORDS or f in NATION_OF:
            return True
    return False


def digit(words: Sequence[Token]) -> bool:
    """A digit in a word: ASCII digits are tokens of their own, so a superscript mark. (No
    letter is a digit, so an all-letter word needs no look at its characters.)"""
    return any(not w.text.isalpha() and any(c.isdigit() for c in w.text) for w in words)


def names_a_thing(body: str, toks: list[Token], j: int) -> bool:
    """A name followed by more capitalised words that end in an organisation or place word
    is part of a thing's name: "Martin Luther King Jr. Day", "John F. Kennedy Airport"."""
    prev = toks[j - 1] if j else None
    k = j
    while k < len(toks) and k - j < 5 and prev is not None and gap_is_space(body, prev, toks[k]):
        t = toks[k]
        if not (t.capitalised or t.kind == "abbr"):
            return False
        if t.folded in ORG_SUFFIXES:
            return True
        prev = t
        k += 1
    return False


def ampersand(toks: list[Token], i: int, j: int) -> bool:
    """A name joined by "&" to another capitalised word names a firm ("Keller & Partners",
    "Procter & Gamble", "Johnson & Johnson"), never a person."""
    after = j + 1 < len(toks) and toks[j].text == "&" and toks[j + 1].capitalised
    return after or (i >= 2 and toks[i - 1].text == "&" and toks[i - 2].capitalised)


def org_evidence(
    toks: list[Token], runs: Sequence[tuple[int, int]], orgs: set[tuple[str, ...]]
) -> None:
    """Record capitalised runs that the grammar shows to be organisations (`_acts_as_org`),
    also without a sentence-initial first word, which may be grammar's capital."""
    for i, j in runs:
        if _acts_as_org(toks, i, j):
            key = tuple(t.folded for t in toks[i:j])
            orgs.add(key)
            if toks[i].initial and len(key) > 1:
                orgs.add(key[1:])


_OWNED_BY = frozenset({("shares", "in"), ("shares", "of"), ("stake", "in")})


def _acts_as_org(toks: list[Token], i: int, j: int) -> bool:
    """The object of "shares in/of" or "stake in", the owner of "'s shares", the antecedent
    of ", which", or the subject of a verb (not of speech, where "its" may be anything's)
    followed by "its"."""
    if i >= 2 and (toks[i - 2].folded, toks[i - 1].folded) in _OWNED_BY:
        return True
    if j >= len(toks):
        return False
    nxt = toks[j]
    after = toks[j + 1] if j + 1 < len(toks) else nxt
    return (
        (toks[j - 1].possessive and nxt.folded == "shares")
        or (nxt.text == "," and after.folded == "which")
        or (
            after.folded == "its"
            and nxt.kind == "word"
            and nxt.text.islower()
            and not is_speech(nxt)
        )
    )
