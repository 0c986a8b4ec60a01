"""The speaker phrase on the tokens of a sentence: where it starts and ends, read backwards
from a verb of speech ("Taha, who headed the army team, said"), forwards after one ("said
Kremlin spokesman Dmitry Peskov, ..."), or as the short subject that opens a sentence.

Nothing here decides who a phrase names (that is `resolve`); these are the shapes of news
English on plain tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon.names import (
    CONTINUATION_VERBS,
    DEMONYMS,
    FUNCTION_WORDS,
    NOT_NAME_WORDS,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_WORDS,
    ROLE_HEADS,
    fold,
)
from ..people import Token, is_speech
from .words import W

if TYPE_CHECKING:
    from .context import ArticleContext

PRONOUNS = {"he": "m", "she": "f"}
MAX_NP = 8
LEAD_WINDOW = 80
QUOTE_CHARS = frozenset("“”\"‘’'«»„")
HARD_STOPS = frozenset('.;:?!“”"‘’()')
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
APPOSITIVE_WORDS = 16


def cut_listener(np: list[Token]) -> list[Token]:
    """ "a security source reached by Le Courrier", "an official speaking to Reuters": what
    follows the participle is the outlet that listened, not the speaker."""
    for k in range(1, len(np) - 1):
        t, nxt = np[k], np[k + 1]
        if t.text.islower() and (
            (t.folded.endswith("ed") and nxt.folded == "by")
            or (t.folded in W.listening and nxt.folded in ("to", "with"))
        ):
            return np[:k]
    return np


def np_before(ctx: ArticleContext | None, toks: list[Token], k: int, floor: int) -> list[Token]:
    """The speaker phrase that ends right before token k (skipping "had", "also" ...). Over an
    appositive or a relative clause between commas: "Taha, who headed the army team, said" ->
    "Taha"; "France's foreign minister, Jean-Noel Barrot, called" -> "Jean-Noel Barrot"."""
    j = k - 1
    if j >= 0 and toks[j].folded in W.passive:
        return []  # "Smith was told ...": the subject is the listener, not the speaker
    while j >= 0 and toks[j].start >= floor and toks[j].folded in W.aux:
        j -= 1
    j = _before_parenthesis(toks, j, floor)
    # Up to three appositives: "Van den Heuvel, 52, a former finance minister, told ...".
    for _ in range(3):
        if not (j >= 0 and toks[j].text == "," and toks[j].start >= floor):
            break
        m = _opening_comma(toks, j, floor)
        if m is None:
            return []
        seg = toks[m + 1 : j]
        if seg and ctx is not None and ctx.person_in(seg[0].start, seg[-1].end + 2):
            return seg
        np = np_plain(toks, m, floor)
        if np or m == 0 or toks[m - 1].kind != "num":
            return np
        j = m  # an age between commas: the name is before it
    return np_plain(toks, j + 1, floor)


def _before_parenthesis(toks: list[Token], j: int, floor: int) -> int:
    """ "Rep. Alexandria Ocasio-Cortez (D-N.Y.) called it ...": the token before a
    parenthesis that ends at j (j itself when there is none)."""
    if j < 0 or toks[j].text != ")":
        return j
    m = j - 1
    while m >= 0 and toks[m].text != "(" and j - m <= 12:
        m -= 1
    if m >= 0 and toks[m].text == "(" and toks[m].start >= floor:
        return m - 1
    return j


def _opening_comma(toks: list[Token], j: int, floor: int) -> int | None:
    """The comma that opens the appositive the comma at j closes; None when a hard stop comes
    first or no comma is in reach."""
    m = j - 1
    while m >= 0 and toks[m].start >= floor and toks[m].text != "," and j - m <= 16:
        if toks[m].text in HARD_STOPS:
            return None
        m -= 1
    if m < 0 or toks[m].text != "," or toks[m].start < floor:
        return None
    return m


def np_plain(toks: list[Token], k: int, floor: int) -> list[Token]:
    """The speaker phrase read backwards from token k: a name with the lower-case role words
    before it ("Kremlin foreign policy adviser Yuri Ushakov", "a spokesman for Putin"), up to
    a stop word, a verb, punctuation or a lower-case word that is no role."""
    j = k - 1
    np: list[Token] = []
    while j >= 0 and toks[j].start >= floor and len(np) <= MAX_NP:
        t = toks[j]
        if _ends_phrase(t):
            break
        # "a spokesman for Putin", "an aide to Trump": the role before "for" is the speaker.
        governed = (
            t.folded in W.of_words and j > 0 and toks[j - 1].start >= floor and _role(toks[j - 1])
        )
        if np and not governed and _breaks_name(t, np[0]):
            break
        np.insert(0, t)
        j -= 1
    return np


def _ends_phrase(t: Token) -> bool:
    if t.kind == "punct" or t.kind == "num" or t.folded in W.np_stop or is_speech(t):
        return True
    return t.folded in CONTINUATION_VERBS and t.text.islower()


def _role(t: Token) -> bool:
    return t.folded in ROLE_HEADS or t.folded in W.role_lower


def _breaks_name(t: Token, first: Token) -> bool:
    """A lower-case word before a capitalised phrase that is neither an article, a role word
    nor a particle of the name ("von der Leyen")."""
    if t.text[:1].isupper() or not first.text[:1].isupper():
        return False
    if t.folded in ("the", "a", "an") or t.folded in W.role_lower:
        return False
    return not (t.folded in PARTICLES and t.text.islower())


def np_after(toks: list[Token], k: int, limit: int) -> list[Token]:
    """The speaker phrase after a verb ("said Kremlin spokesman Dmitry Peskov, ...")."""
    np: list[Token] = []
    j = k
    if j < len(toks) and toks[j].folded in W.clause_subjects:
        return np  # "..., said he would appeal": a reported clause, not a speaker
    while j < len(toks) and toks[j].end <= limit and len(np) <= MAX_NP:
        t = toks[j]
        if t.kind in ("punct", "num"):
            break
        if t.folded in W.np_after_stop:
            break
        np.append(t)
        j += 1
    return np


def unknown_subject(toks: list[Token]) -> bool:
    """Whether the sentence's subject has the shape of a personal name (two or three
    capitalised words, then a verb), at its start, after an introductory phrase, or in
    apposition to an opening role phrase ("The director of the charity, Aurelio Banfi,
    never gave up hope")."""
    words = [t for t in toks[:LEAD_WINDOW] if t.kind in ("word", "init", "abbr", "punct")]
    starts = [0]
    comma = next((k for k, t in enumerate(words[:20]) if t.text == ","), None)
    role_lead = comma is not None and comma > 1 and _role_phrase(words[:comma])
    if comma is not None and (role_lead or _introductory(words[0].folded)):
        starts.append(comma + 1)
    for i in starts:
        n = _name_run(words, i)
        if n is None:
            continue
        nxt = words[n]
        if verb_like(nxt) or (role_lead and i > 0 and nxt.text == ","):
            return True
    return False


def _role_phrase(lead: list[Token]) -> bool:
    """ "The director of the charity", "Its chief executive": a lower-case role after an
    article or a possessive."""
    opens = lead[0].folded in ("the", "a", "an") or lead[0].possessive
    return opens and any(t.folded in ROLE_HEADS and t.text.islower() for t in lead[1:])


def _introductory(first: str) -> bool:
    return first in W.intro_words or first.endswith("ing") or first.endswith("ed")


def _name_run(words: list[Token], i: int) -> int | None:
    """The index after two or three name-shaped words starting at i (particles such as "van"
    allowed inside), when a word follows them; None otherwise."""
    n = 0
    core = 0
    while i + n < len(words) and core < 4:
        t = words[i + n]
        if _name_shaped(t):
            core += 1
        elif not (core and t.folded in PARTICLES and t.text.islower()):
            break
        n += 1
    if not 2 <= core <= 3 or i + n >= len(words):
        return None
    return i + n


def _name_shaped(t: Token) -> bool:
    f = t.folded
    return (
        t.kind == "word"
        and t.capitalised
        and f not in FUNCTION_WORDS
        and f not in NOT_NAME_WORDS
        and f not in ORG_SUFFIXES
        and f not in PLACE_WORDS
        and f not in DEMONYMS
        and f not in ROLE_HEADS
    )


def verb_like(t: Token) -> bool:
    """A lower-case word that can be a finite verb or its adverb ("reacted", "clutches",
    "never"), not a function word that continues a noun phrase ("of", "and")."""
    return (
        t.kind == "word"
        and t.text.islower()
        and t.folded not in FUNCTION_WORDS
        and t.folded not in W.of_words
        and t.folded not in W.prepositions
        and t.folded not in ("and", "or", "who", "which", "whose")
    ) or t.folded in W.verb_function


def subject_limit(toks: list[Token]) -> int:
    """End of the sentence's subject: before its first lower-case word that is not a role.
    Lower-case nouns right before a name are its role ("Union steward Klaus Weber", "Green
    party leader Sofie Lindqvist"), unless they look like a verb ("Police arrested Karl ...")."""
    for k, t in enumerate(toks):
        if t.kind == "word" and t.text[:1].islower() and t.folded not in W.role_lower:
            m = k
            while m < len(toks) and m - k < 3 and _role_like(toks[m]):
                m += 1
            if m > k and m < len(toks) and toks[m].capitalised and not toks[m].initial:
                continue
            return t.start
    return toks[-1].end if toks else 0


def _role_like(t: Token) -> bool:
    """A lower-case noun that can stand in a role before a name ("steward", "party leader"),
    not a verb form, a function word or a verb of speech."""
    f = t.folded
    if t.kind != "word" or not t.text[:1].islower() or f in W.not_role:
        return False
    return f in ROLE_HEADS or f in W.role_lower or not (f.endswith("ed") or f.endswith("ing"))


def subject_np(words: list[Token]) -> tuple[list[Token], int] | None:
    """A short subject at the start of a sentence's words ("The company", "Baltic Shipping",
    after a leading "But"/"And") and the index of the past-tense verb right after it."""
    lead = 1 if words and words[0].folded in W.sentence_conjunctions else 0
    k = _subject_end(words, lead)
    if k == lead or k >= len(words):
        return None
    if words[k - 1].capitalised and k + 1 < len(words) and past_verb(words[k + 1]):
        k += 1  # "The AIU panel rejected", "Rival Nordport's management decided"
    np = words[lead:k]
    if words[k].text == "," and words[k - 1].capitalised:
        # "Autovia Nord, the company that manages the road, expressed": over one appositive.
        after = _after_appositive(words, k)
        if after is None:
            return None
        k = after
    return (np, k) if past_verb(words[k]) else None


def _subject_end(words: list[Token], lead: int) -> int:
    """The index after "The company" / "The" + capitalised words (at most five) from lead."""
    k = lead
    if k < len(words) and words[k].folded in ("the", "a", "an"):
        k += 1
        if k < len(words) and words[k].text.islower():
            k += 1  # "The company", "The ministry"
    while k < len(words) and words[k].capitalised and k < lead + 5:
        k += 1
    return k


def _after_appositive(words: list[Token], k: int) -> int | None:
    """The index after the comma that closes an appositive opened by the comma at k; None
    when none closes within reach, a hard stop comes first, or nothing follows."""
    reach = min(len(words), k + APPOSITIVE_WORDS)
    close = next((m for m in range(k + 1, reach) if words[m].text == ","), None)
    if close is None or any(t.text in HARD_STOPS for t in words[k + 1 : close]):
        return None
    return close + 1 if close + 1 < len(words) else None


def past_verb(t: Token) -> bool:
    return t.text.islower() and t.folded.endswith("ed") and t.folded not in W.passive


def reported_clause(before: list[Token], np: list[Token]) -> bool:
    """Whether a verb's subject phrase opens a clause reported by an earlier verb of speech
    ("said (that) the company had promised"): then that earlier verb's subject speaks."""
    first = next((k for k, t in enumerate(before) if t is np[0]), None)
    if first is None or first == 0:
        return False
    prev = before[first - 1]
    if prev.folded == "that" and first >= 2:
        prev = before[first - 2]
    return is_speech(prev)


def title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and fold(w) not in W.link_stopwords]
    return bool(words) and all(w[:1].isupper() for w in words)
