"""News-register synonyms: the stock words outlets use for one fact, read as one term.

Outlets retell one fact in the stock vocabulary of news: "killed" / "died" / "death toll",
"truce" / "ceasefire", "jailed" / "imprisoned". Each class (tokens-concepts.txt) is general
news vocabulary, never the words of one story, whose members, once stemmed, are read as one
concept term, so two sentences that differ only in the choice of verb still share evidence.
The classes are kept narrow on purpose: a concept is a single shared word, and the aligner asks
for more evidence than one shared word before it calls two sentences the same fact. Multi-word
forms (tokens-phrases.txt) are matched on a sentence's word list by `phrase_concepts`.
"""

from __future__ import annotations

from ..lexicon import phrases
from .words import stem


def _classes(name: str) -> list[tuple[str, list[str]]]:
    """The "head: word word ..." lines of a data file, in order."""
    out = []
    for line in phrases(name):
        head, _sep, members = line.partition(":")
        out.append((head.strip(), members.split()))
    return out


CONCEPTS: dict[str, str] = {
    stem(w): "~" + concept for concept, members in _classes("tokens-concepts") for w in members
}
# Roles news names one actor by ("a judge jailed him" / "a court sentenced him") are read as
# the commonest word of the role itself (tokens-role-words.txt), not as a half-weight class.
for _role, _members in _classes("tokens-role-words"):
    CONCEPTS.update({stem(w): stem(_role) for w in _members})

# Multi-word forms of the same concepts, as lowercase word sequences ("*" is any one word).
PHRASES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(members), "~" + concept) for concept, members in _classes("tokens-phrases")
)
_PHRASE_FIRST = frozenset(p[0] for p, _c in PHRASES)


def phrase_concepts(norms: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, concept) for each multi-word news phrase in a sentence's word list."""
    out: list[tuple[int, int, str]] = []
    if _PHRASE_FIRST.isdisjoint(norms):
        return out  # most sentences: no word that starts a phrase (one pass in C)
    for k, n in enumerate(norms):
        if n not in _PHRASE_FIRST:
            continue
        for words, concept in PHRASES:
            end = k + len(words)
            if words[0] != n or end > len(norms):
                continue
            if all(w == "*" or w == norms[k + m] for m, w in enumerate(words)):
                out.append((k, end - 1, concept))
                break
    return out
