"""Evidence around a capitalised run that it names a person: a title or role before it, a
role after it in commas, a known given name, a verb of speech, an age, a relative noun, its
place as the subject after a quote or as the appositive of an opening role phrase.

Each function reads one sentence's tokens around the run (token indexes `i`..`j`, `j`
exclusive) and nothing else; `rules.py` names them as the stage's rules.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Sentence
from ..lexicon import words
from ..lexicon.names import (
    DEMONYMS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    KINSHIP,
    NATION_OF,
    NOT_NAME_WORDS,
    PLACE_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from .tokens import Token, gap_is_space

# Plural role words are evidence that names follow ("presidents Putin and Trump") but are not
# a title of any one of them.
PLURAL_ROLES = frozenset(
    w for w in ROLE_HEADS if (w.endswith("s") and w[:-1] in ROLE_HEADS) or w == "spokespeople"
)
DETERMINERS = frozenset({"the", "a", "an"})
_COMPASS = words("people-compass")
_CLAUSE_WORDS = words("people-clause-words")
_KIN_OWNERS = words("people-kin-owners")
_FINITE = words("people-finite-verbs")
_NAME_PARTICLES = words("people-name-particles")
_WORDISH = ("word", "init", "abbr")

Title = tuple[str | None, int | None, bool]


def is_speech(tok: Token) -> bool:
    """A verb of speech: lower-case, so "the United States" never "states" anything."""
    return tok.folded in SPEECH_VERBS and tok.text[:1].islower()


def _modifier_stops(toks: list[Token], taken: list[int], t: Token) -> bool:
    """Whether a capitalised word ends a role phrase read right to left: a function word, or a
    sentence-initial word that is not a place, nation or title word nor the first word of a
    longer proper noun ("White House", "Los Angeles")."""
    f = t.folded
    if f in FUNCTION_WORDS and f not in TITLE_WORDS and f not in ROLE_HEADS:
        return True
    if not t.initial:
        return False
    nxt = toks[taken[-1]] if taken else None
    nxt_cap = nxt is not None and (
        (nxt.capitalised and nxt.folded not in TITLE_WORDS)
        or not nxt.capitalised  # "Hezbollah leader", "Kremlin aide"
        # "Mining Minister Valentina Soto": a portfolio before a capitalised title.
        or (nxt.folded in HONORIFICS and f not in FUNCTION_WORDS and not f.endswith("ly"))
    )
    return not nxt_cap and not (
        f in TITLE_WORDS
        or f in ROLE_HEADS
        or f in NATION_OF
        or f in DEMONYMS
        or f in PLACE_WORDS
        or f in _COMPASS
    )


def _role_words_before(body: str, toks: list[Token], i: int) -> list[int]:
    """Indexes of the role-phrase words right before token i, in reading order."""
    j = i - 1
    anchor: Token | None = toks[i]
    if j >= 1 and toks[j].text == "," and toks[j - 1].folded in ROLE_HEADS:
        j -= 1
        anchor = None  # the appositive comma: no space check between role and comma
    taken: list[int] = []
    while j >= 0:
        t = toks[j]
        nxt = toks[taken[-1]] if taken else anchor
        if t.possessive or (nxt is not None and not gap_is_space(body, t, nxt)):
            break
        if t.kind not in _WORDISH:
            break
        if t.capitalised:
            if _modifier_stops(toks, taken, t):
                break
        elif not (t.folded in ROLE_HEADS or t.folded in ROLE_MODIFIERS or t.folded == "of"):
            break
        taken.append(j)
        j -= 1
    taken.reverse()
    while taken and toks[taken[0]].folded in ("of", "the", "and", "de"):
        taken.pop(0)
    return taken


def title_before(body: str, toks: list[Token], i: int) -> Title:
    """The role phrase right before token i ("Kremlin foreign policy adviser"), its start, and
    whether it is plural. An appositive comma is allowed ("Trump's envoy, Steve Witkoff")."""
    taken = _role_words_before(body, toks, i)
    if not taken:
        return None, None, False
    last = toks[taken[-1]]
    if (
        last.folded not in HONORIFICS
        and last.folded not in ROLE_HEADS
        and (last.folded not in TITLE_WORDS)
    ):
        return None, None, False
    if not any(toks[k].folded in HONORIFICS or toks[k].folded in ROLE_HEADS for k in taken):
        return None, None, False
    start = toks[taken[0]].start
    text = body[start : last.end]
    plural = last.folded in PLURAL_ROLES or last.folded in KINSHIP
    return text, start, plural


def _role_head(words: list[Token]) -> int | None:
    """Where the role noun of an appositive ends ("chief economist": at its last role word);
    None when there is none, or it is plural, or comes too late to be the appositive's head."""
    head = next((n for n, w in enumerate(words) if w.folded in ROLE_HEADS), None)
    while head is not None and head + 1 < len(words) and words[head + 1].folded in ROLE_HEADS:
        head += 1
    if head is None or words[head].folded in PLURAL_ROLES or head > 6:
        return None
    return head


def title_after(body: str, toks: list[Token], j: int) -> str | None:
    """An appositive role after a name: "Steve Witkoff, Trump's special envoy, said", "said
    Amira Khalil, a Sudan researcher at the Horn Policy Institute"."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    words: list[Token] = []
    k = j + 1
    while k < len(toks) and toks[k].text not in (",", ".", ";", ":", "(", ")") and len(words) < 9:
        words.append(toks[k])
        k += 1
    head = _role_head(words)
    if head is None:
        return None
    lead = words[:head]
    while lead and (lead[0].folded in DETERMINERS or lead[0].possessive):
        lead.pop(0)
    # Compound modifiers ("24-year-old", "sewing machine") are fine; a clause is not a role.
    if any(w.kind == "punct" or w.folded in _CLAUSE_WORDS or w.possessive for w in lead):
        return None
    first = lead[0] if lead else words[head]
    return body[first.start : words[head].end]


def initial_name(body: str, toks: list[Token], i: int, j: int) -> bool:
    """Whether a sentence-initial run keeps its first word: "Marc-Antoine Duval, an analyst
    ..., said" is a name by its structure even though its first word starts the sentence."""
    first = toks[i]
    f = first.folded
    if j - i < 2 or f in NOT_NAME_WORDS or f in PLACE_WORDS or f in DEMONYMS:
        return False
    if "-" in first.text and all(p[:1].isupper() for p in first.text.split("-")):
        return True
    return title_after(body, toks, j) is not None or speech_follows(toks, j) or age_follows(toks, j)


def given(tok: Token) -> bool:
    """A known given name, also as the first half of a compound one ("Anne-Laure",
    "Jean-Baptiste", "María-José"): the first half carries the evidence."""
    f = tok.folded
    if f in GIVEN_NAMES:
        return True
    head, sep, _ = f.partition("-")
    return bool(sep) and head in GIVEN_NAMES


def kin_named(toks: list[Token], i: int, j: int, title: str | None) -> bool:
    """ "her son Diego, 29," / "his son Marcel said": a relative noun owned by someone, then
    one capitalised given name. News names private relatives by the given name alone, so the
    one word is a person when it is a known given name or has an age or a verb of speech."""
    if j - i != 1 or i < 2 or title is None or toks[i].kind != "word":
        return False
    kin = toks[i - 1]
    owner = toks[i - 2]
    if kin.folded not in KINSHIP or not kin.text.islower():
        return False
    if not (owner.folded in _KIN_OWNERS or owner.possessive):
        return False
    return toks[i].folded in GIVEN_NAMES or age_follows(toks, j) or speech_follows(toks, j)


def subject_after_quote(
    body: str, sent: Sentence, toks: list[Token], i: int, j: int, n_core: int
) -> bool:
    """ "“I heard his voice at five in the morning.” Hélène Sokolov-Mercier had been waiting
    ...": a two- or three-word capitalised name opening the sentence right after a quoted
    sentence of the same paragraph, then a finite verb, is the grammatical subject named as
    the quote's speaker, a person even without a known given name."""
    if i != 0 or n_core > 3 or j >= len(toks):
        return False
    verb = toks[j]
    if verb.kind != "word" or not verb.text.islower() or verb.folded not in _FINITE:
        return False
    before = body[max(0, sent.start - 6) : sent.start].rstrip(" \t")
    return len(before) >= 2 and before[-1] in '”"' and before[-2] in ".!?"


def role_appositive(toks: list[Token], i: int, j: int) -> bool:
    """ "The former minister of finance, Olu Adebayo, was arrested": a name between commas
    right after a sentence-opening role phrase (a determiner, then a role noun, perhaps "of"
    an organisation) is the person holding that role."""
    if i < 3 or toks[i - 1].text != "," or j >= len(toks) or toks[j].text != ",":
        return False
    lead = toks[: i - 1]
    if len(lead) > 12 or any(t.kind == "punct" for t in lead):
        return False
    first = lead[0]
    if not (first.folded in ("the", "a", "an") or first.possessive):
        return False
    return any(t.folded in ROLE_HEADS and t.text.islower() for t in lead[1:])


def age_follows(toks: list[Token], j: int) -> bool:
    """ "Greta Lindholm, 71, said", "said Mikael Strand, a 47-year-old crane operator": news
    gives a private person's age in commas after the name, which no place ever has (nor an
    organisation, unless it is "a 150-year-old company", whose age no person reaches)."""
    if j + 2 >= len(toks) or toks[j].text != ",":
        return False
    k = j + 1
    if toks[k].folded in ("a", "an"):
        k += 1
        if not (k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].folded == "year-old"):
            return False
    elif toks[k + 1].text != ",":
        return False
    age = toks[k]
    return age.kind == "num" and age.text.isdigit() and 0 < int(age.text) < 120


def inner_particle(words: Sequence[Token]) -> bool:
    """A lower-case name particle between capitalised words: a family name, not a thing."""
    return any(
        0 < k < len(words) - 1 and w.text in _NAME_PARTICLES and not words[0].initial
        for k, w in enumerate(words)
    )


def speech_follows(toks: list[Token], j: int) -> bool:
    """A verb of speech right after the name, or after one appositive between commas."""
    if j < len(toks) and is_speech(toks[j]):
        return True
    if j + 1 < len(toks) and toks[j].folded == "of":
        # "Farida Yasmin of the Safe Work Alliance said"
        k = j + 1
        if toks[k].folded == "the":
            k += 1
        n = 0
        while k < len(toks) and toks[k].capitalised and n < 6:
            k += 1
            n += 1
        return n > 0 and k < len(toks) and is_speech(toks[k])
    if j < len(toks) and toks[j].text == ",":
        for k in range(j + 1, min(len(toks), j + 16)):
            if toks[k].text == ",":
                return k + 1 < len(toks) and is_speech(toks[k + 1])
            if toks[k].text in ".;:":
                return False
    return False


# Nation and nationality words that open a run modify the name ("Russian Vladimir Putin").
DEMONYMS_OR_NATIONS = DEMONYMS | frozenset(NATION_OF)
