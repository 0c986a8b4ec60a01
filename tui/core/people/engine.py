"""Who the articles talk about: person names, their titles, and every place each is mentioned.

No tagger is available offline, so the rules follow how news introduces people. A person's
first mention is a capitalised name with evidence around it: a title or role before it
("Kremlin aide Yuri Ushakov", "U.S. Secretary of State Marco Rubio", "Trump's envoy, Steve
Witkoff"), an honorific ("Sheikh Mohamed bin Zayed Al Nahyan"), a common given name (also as
the first half of "Anne-Laure"), a verb of speech after it together with a later surname-only
mention, an appositive to an opening role phrase ("The director of the charity, X Y, ..."), or
its place as the subject of a finite verb right after a quoted sentence ("“...” X Y had been
waiting"). A relative named by a given name alone ("her son Diego, 29,") is a one-word person
unless the article gives that given name in full for exactly one person. Initials alone ("J.
R") are never a name. Later mentions use the surname
("Ushakov"), sometimes a possessive ("Trump's envoy") or a role ("the Kremlin leader"), which is
resolved only when exactly one person's title fits. Organisations and places are kept out by
their last word ("State Department", "Truth Social"), by known place and nationality words, and
by "the" in front ("the Oval Office"). Precision comes first: a wrong name in the sidebar costs
the reader more trust than a missing one, so a capitalised word with no evidence is skipped.

The same person is merged across articles by surname (exact, or a close spelling such as
Zelensky/Zelenskyy when the given names agree), and named by the fullest form any article uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..article import Article, Sentence
from ..lexicon.names import (
    ACRONYMS,
    CAPITAL_PARTICLES,
    DEMONYMS,
    FAMILY_FIRST,
    FEMALE_NAMES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    KINSHIP,
    LEADER_HEADS,
    MALE_TITLES,
    NATION_OF,
    NOT_NAME_WORDS,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_WORDS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLE_WORDS,
    UNISEX_NAMES,
    fold,
)
from ..model import Mention, Person
from ..tokens.memo import Memo

# Honorific abbreviations, initials ("J.D.", "U.S.", "J."), words with inner apostrophes or
# hyphens ("O'Brien", "Jean-Noël", "Trump's"), numbers, then any other single character.
_TOKEN_RE = re.compile(
    r"(?<!\w)(?P<abbr>(?:Mrs|Mr|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Jr|Sr)\.)"
    r"|(?P<init>(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z]))"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<punct>\S)"
)
_POSSESSIVE = ("'s", "’s")
_PARTICLE_PREFIX = re.compile(
    r"(?:al|el|ad|ud|as|at|an|ar|az|ash|bin|ibn|abu|ben|da|de|di|du|van|von)-[^\W\d_]*[A-Z]"
)
_OPEN_QUOTES = "“\"‘'«"
# Plural role words are evidence that names follow ("presidents Putin and Trump") but are not
# a title of any one of them.
_PLURAL_ROLES = frozenset(
    w for w in ROLE_HEADS if (w.endswith("s") and w[:-1] in ROLE_HEADS) or w == "spokespeople"
)
_DETERMINERS = frozenset({"the", "a", "an"})
_MAX_NAME_WORDS = 5


@dataclass(slots=True)
class Token:
    """A word of a sentence with body offsets; a possessive "'s" is cut off and remembered.
    `folded` and `capitalised` are computed once: every rule asks them many times."""

    text: str
    start: int
    end: int
    kind: str  # "abbr" | "init" | "word" | "num" | "punct"
    possessive: bool = False
    initial: bool = False  # first word of its sentence (capitalised by grammar, not by name)
    folded: str = ""
    capitalised: bool = False


_WORDISH = frozenset({"word", "init", "abbr"})


@lru_cache(maxsize=65536)
def _word_shape(kind: str, raw: str) -> tuple[str, bool, str, bool]:
    """(text, possessive, folded, capitalised) of one matched token: a pure function of its
    kind and spelling, so each distinct word of a comparison is worked out once, not once
    per occurrence (news repeats its names and function words thousands of times)."""
    if kind == "punct":
        return raw, False, raw, False
    text, possessive = raw, False
    if kind == "word" and len(text) > 2 and text.endswith(_POSSESSIVE):
        text, possessive = text[:-2], True
    capital = kind in _WORDISH and (
        # "al-Otaibi", "el-Sissi": a lower-case particle joined to a capitalised surname.
        text[:1].isupper()
        or ("-" in text and kind == "word" and bool(_PARTICLE_PREFIX.match(text)))
    )
    return text, possessive, fold(text), capital


# Tokens per sentence, shared by the people and quotes stages (both read every sentence;
# tokenising twice was a third of their time) and kept across comparisons, like the
# alignment's sentence_tokens: comparing the same articles again re-reads nothing. Keyed by
# the sentence itself (frozen, compared by value, offsets included, since tokens carry body
# offsets); bounded, so a long session holds only recently compared sentences.
@lru_cache(maxsize=16384)
def tokenize(sentence: Sentence) -> list[Token]:
    """Split a sentence into tokens with body offsets (shared with the quotes stage). The list
    is shared: callers must not change it."""
    out: list[Token] = []
    append = out.append
    first_word_seen = False
    base = sentence.start
    wordish = _WORDISH
    shape = _word_shape
    for m in _TOKEN_RE.finditer(sentence.text):
        kind = m.lastgroup or "punct"
        start = base + m.start()
        text, possessive, folded, capital = shape(kind, m.group())
        tok = Token(text, start, start + len(text), kind, possessive, False, folded, capital)
        if not first_word_seen:
            if kind in wordish:
                tok.initial = True
                first_word_seen = True
            elif kind == "num":
                first_word_seen = True
        append(tok)
    return out


def _gap_is_space(body: str, a: Token, b: Token) -> bool:
    gap = body[a.end + (2 if a.possessive else 0) : b.start]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n\n" not in gap


@dataclass(slots=True)
class _Candidate:
    """One introduction or titled mention of a name found in one sentence."""

    words: tuple[str, ...]
    article: int
    sentence: int
    start: int
    end: int
    title: str | None = None
    title_start: int | None = None
    plural_title: bool = False
    kin: bool = False  # a relative named by a given name alone ("her son Diego")


@dataclass(slots=True)
class _Cluster:
    """A person being assembled from candidates across articles."""

    forms: list[tuple[str, ...]] = field(default_factory=list)
    candidates: list[_Candidate] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def name(self) -> str:
        counts: dict[tuple[str, ...], int] = {}
        for c in self.candidates:
            counts[c.words] = counts.get(c.words, 0) + 1
        # Fullest form: most words, then most used, then the spelling with its diacritics
        # ("Hildegard Müller" over the transliterated "Mueller"), then the longest.
        best = max(
            self.forms,
            key=lambda f: (
                len(f),
                counts.get(f, 0),
                sum(not c.isascii() for c in "".join(f)),
                len(" ".join(f)),
            ),
        )
        return " ".join(best)

    def short_forms(self) -> set[str]:
        out: set[str] = set()
        for f in self.forms:
            out |= _short_forms(f)
        return out


def _short_forms(words: tuple[str, ...]) -> set[str]:
    """How later mentions shorten a full name: the surname, with its particles, or a family
    name that comes first ("Xi" of "Xi Jinping")."""
    while len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        words = words[:-1]
    if len(words) == 1:
        return {words[0]}
    out = {words[-1]}
    if fold(words[0]) in PARTICLES:
        # "Van den Heuvel" opening a sentence is the surname alone, particles capitalised.
        out.add(" ".join(words))
    if "-" in words[-1] and fold(words[-1].split("-")[0]) not in PARTICLES | CAPITAL_PARTICLES:
        # "Sokolov-Mercier" is later "Sokolov" in some outlets: the first half alone.
        head = words[-1].split("-")[0]
        if len(head) >= 4:
            out.add(head)
    i = len(words) - 1
    while i > 1 and (fold(words[i - 1]) in PARTICLES or fold(words[i - 1]) in CAPITAL_PARTICLES):
        i -= 1
        out.add(" ".join(words[i:]))
    folded = [fold(w) for w in words]
    if folded[0] in FAMILY_FIRST:
        out.add(words[0])
    core = [w for w, f in zip(words, folded, strict=True) if f not in PARTICLES]
    if len(core) >= 3 and not any(f in _PATRONYMIC for f in folded):
        # "Luiz Inácio Lula da Silva" -> "Lula": a middle name that is not a given name.
        # Never inside "bin"/"ibn" chains, where the middle word names the father.
        out.update(w for w in core[1:-1] if fold(w) not in GIVEN_NAMES)
    return out


# Generational suffixes that end a name but are never its short form.
_SUFFIXES = frozenset({"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"})
# Courtesy honorifics are evidence of a person but say nothing about their role.
_COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})
_COMPASS = frozenset({"north", "south", "east", "west", "new", "central"})
_PATRONYMIC = frozenset({"bin", "bint", "ibn", "ben", "abu"})


def _name_capable(tok: Token) -> bool:
    if not tok.capitalised or tok.kind == "abbr":
        return False
    f = tok.folded
    return f not in TITLE_WORDS and f not in ROLE_HEADS and f not in _FUNCTION_WORDS


_FUNCTION_WORDS = FUNCTION_WORDS


def _is_particle(tok: Token) -> bool:
    f = tok.folded
    return (f in PARTICLES and tok.text.islower()) or (f in CAPITAL_PARTICLES and tok.capitalised)


def _runs(body: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (token index ranges), particles allowed inside."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        if not _name_capable(toks[i]) or _is_particle(toks[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and not toks[j - 1].possessive
            and _gap_is_space(body, toks[j - 1], toks[j])
            and (_name_capable(toks[j]) or _is_particle(toks[j]))
        ):
            j += 1
        while j > i + 1 and _is_particle(toks[j - 1]):
            j -= 1
        if (
            j < n
            and j > i + 1
            and toks[j].folded in _SUFFIXES
            and not toks[j - 1].possessive
            and _gap_is_space(body, toks[j - 1], toks[j])
        ):
            j += 1  # "Robert F. Kennedy Jr."
        runs.append((i, j))
        i = j
    return runs


def _title_before(body: str, toks: list[Token], i: int) -> tuple[str | None, int | None, bool]:
    """The role phrase right before token i ("Kremlin foreign policy adviser"), its start, and
    whether it is plural. An appositive comma is allowed ("Trump's envoy, Steve Witkoff")."""
    j = i - 1
    anchor: Token | None = toks[i]
    if j >= 1 and toks[j].text == "," and toks[j - 1].folded in ROLE_HEADS:
        j -= 1
        anchor = None  # the appositive comma: no space check between role and comma
    taken: list[int] = []
    while j >= 0:
        t = toks[j]
        nxt = toks[taken[-1]] if taken else anchor
        if t.possessive or (nxt is not None and not _gap_is_space(body, t, nxt)):
            break
        f = t.folded
        if t.kind in ("word", "init", "abbr"):
            if t.capitalised:
                if f in _FUNCTION_WORDS and f not in TITLE_WORDS and f not in ROLE_HEADS:
                    break
                # A sentence-initial word is a modifier only if it is a place/nation word or
                # the first word of a longer proper noun ("White House", "Los Angeles").
                nxt_cap = bool(taken) and (
                    (toks[taken[-1]].capitalised and toks[taken[-1]].folded not in TITLE_WORDS)
                    or not toks[taken[-1]].capitalised  # "Hezbollah leader", "Kremlin aide"
                    # "Mining Minister Valentina Soto": a portfolio before a capitalised title.
                    or (
                        toks[taken[-1]].folded in HONORIFICS
                        and f not in _FUNCTION_WORDS
                        and not f.endswith("ly")
                    )
                )
                if (
                    t.initial
                    and not nxt_cap
                    and f not in TITLE_WORDS
                    and f not in ROLE_HEADS
                    and f not in NATION_OF
                    and f not in DEMONYMS
                    and f not in PLACE_WORDS
                    and f not in _COMPASS
                ):
                    break
            elif not (f in ROLE_HEADS or f in ROLE_MODIFIERS or f == "of"):
                break
            taken.append(j)
            j -= 1
            continue
        break
    taken.reverse()
    while taken and toks[taken[0]].folded in ("of", "the", "and", "de"):
        taken.pop(0)
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
    plural = last.folded in _PLURAL_ROLES or last.folded in KINSHIP
    return text, start, plural


def _title_after(body: str, toks: list[Token], j: int) -> str | None:
    """An appositive role after a name: "Steve Witkoff, Trump's special envoy, said", "said
    Amira Khalil, a Sudan researcher at the Horn Policy Institute"."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    words: list[Token] = []
    k = j + 1
    while k < len(toks) and toks[k].text not in (",", ".", ";", ":", "(", ")") and len(words) < 9:
        words.append(toks[k])
        k += 1
    head = next((n for n, w in enumerate(words) if w.folded in ROLE_HEADS), None)
    while head is not None and head + 1 < len(words) and words[head + 1].folded in ROLE_HEADS:
        head += 1  # "chief economist": the head is the last role word of the run
    if head is None or words[head].folded in _PLURAL_ROLES or head > 6:
        return None
    lead = words[:head]
    while lead and (lead[0].folded in _DETERMINERS or lead[0].possessive):
        lead.pop(0)
    # Compound modifiers ("24-year-old", "sewing machine") are fine; a clause is not a role.
    if any(w.kind == "punct" or w.folded in _CLAUSE_WORDS or w.possessive for w in lead):
        return None
    first = lead[0] if lead else words[head]
    return body[first.start : words[head].end]


# Words that show an appositive is a clause, not a role ("..., who said", "..., which is").
_CLAUSE_WORDS = frozenset(
    {"who", "which", "that", "is", "was", "has", "had", "have", "said", "says", "will", "would"}
    | {"and", "or", "but"}
)


def _names_a_thing(body: str, toks: list[Token], j: int) -> bool:
    """A name followed by more capitalised words that end in an organisation or place word
    is part of a thing's name: "Martin Luther King Jr. Day", "John F. Kennedy Airport"."""
    prev = toks[j - 1] if j else None
    k = j
    while k < len(toks) and k - j < 5 and prev is not None and _gap_is_space(body, prev, toks[k]):
        t = toks[k]
        if not (t.capitalised or t.kind == "abbr"):
            return False
        if t.folded in ORG_SUFFIXES:
            return True
        prev = t
        k += 1
    return False


def _ampersand(toks: list[Token], i: int, j: int) -> bool:
    """A name joined by "&" to another capitalised word names a firm ("Keller & Partners",
    "Procter & Gamble", "Johnson & Johnson"), never a person."""
    after = j + 1 < len(toks) and toks[j].text == "&" and toks[j + 1].capitalised
    return after or (i >= 2 and toks[i - 1].text == "&" and toks[i - 2].capitalised)


def _vetoed(words: Sequence[Token]) -> bool:
    """Organisation, place, outlet or calendar word in the sequence: not a person."""
    return _vetoed_form(tuple((w.text, w.folded) for w in words))


@lru_cache(maxsize=65536)
def _vetoed_form(words: tuple[tuple[str, str], ...]) -> bool:
    """`_vetoed` of (text, folded) pairs: it reads nothing else, and news repeats its names,
    so each distinct spelling of a run is judged once."""
    if any(
        f in ORG_SUFFIXES and not (n == 0 and f in GIVEN_NAMES) for n, (_t, f) in enumerate(words)
    ):
        return True  # "Major League Soccer", "Safe Work Alliance" (but "Bill Gates")
    joined = " ".join(f for _t, f in words)
    if joined in PLACE_WORDS:
        return True
    given_first = len(words) >= 2 and words[0][1] in GIVEN_NAMES
    for n, (text, f) in enumerate(words):
        if text in ACRONYMS:
            return True
        if f in GIVEN_NAMES or (given_first and n == len(words) - 1 and f in PLACE_WORDS):
            continue  # "George Washington", "Jack London": a place word as a surname
        if f in PLACE_WORDS or f in DEMONYMS or f in NOT_NAME_WORDS or f in NATION_OF:
            return True
        if any(c.isdigit() for c in text):
            return True
    return False


@dataclass(slots=True)
class _ArticleTokens:
    article: int
    sentences: list[tuple[Sentence, list[Token]]]


def _tokenize_all(articles: Sequence[Article]) -> list[_ArticleTokens]:
    out = []
    for ai, art in enumerate(articles):
        out.append(_ArticleTokens(ai, [(s, tokenize(s)) for s in art.sentences]))
    return out


def _initial_name(body: str, toks: list[Token], i: int, j: int) -> bool:
    """Whether a sentence-initial run keeps its first word: "Marc-Antoine Duval, an analyst
    ..., said" is a name by its structure even though its first word starts the sentence."""
    first = toks[i]
    f = first.folded
    if j - i < 2 or f in NOT_NAME_WORDS or f in PLACE_WORDS or f in DEMONYMS:
        return False
    if "-" in first.text and all(p[:1].isupper() for p in first.text.split("-")):
        return True
    return (
        _title_after(body, toks, j) is not None or _speech_follows(toks, j) or _age_follows(toks, j)
    )


def _given(tok: Token) -> bool:
    """A known given name, also as the first half of a compound one ("Anne-Laure",
    "Jean-Baptiste", "María-José"): the first half carries the evidence."""
    f = tok.folded
    if f in GIVEN_NAMES:
        return True
    head, sep, _ = f.partition("-")
    return bool(sep) and head in GIVEN_NAMES


# Possessive determiners before a relative noun: "her son Diego", "his sister Lucia".
_KIN_OWNERS = frozenset({"his", "her", "their", "my", "our"})


def _kin_named(toks: list[Token], i: int, j: int, title: str | None) -> bool:
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
    return toks[i].folded in GIVEN_NAMES or _age_follows(toks, j) or _speech_follows(toks, j)


# Finite verbs that follow a subject: "Hélène Sokolov-Mercier had been waiting".
_FINITE = frozenset(
    {
        "has",
        "had",
        "is",
        "was",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "does",
        "did",
        "says",
        "said",
        "tells",
        "told",
        "remembers",
        "recalls",
        "clutches",
        "holds",
        "stands",
        "sits",
        "waits",
        "lives",
        "works",
        "knows",
        "keeps",
        "wants",
        "hopes",
    }
)


def _subject_after_quote(
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


def _role_appositive(toks: list[Token], i: int, j: int) -> bool:
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


def _age_follows(toks: list[Token], j: int) -> bool:
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


def _midsentence_caps(arts: list[_ArticleTokens]) -> set[str]:
    """Words seen capitalised away from a sentence start: proper nouns, not grammar."""
    out: set[str] = set()
    for at in arts:
        for _, toks in at.sentences:
            for t in toks:
                if t.capitalised and not t.initial:
                    out.add(t.text)
    return out


def _find_candidates(
    articles: Sequence[Article], arts: list[_ArticleTokens]
) -> tuple[list[_Candidate], set[str]]:
    midcaps = _midsentence_caps(arts)
    # Surnames seen alone (a one-word run): "a sequence whose later mentions are its surname".
    alone: set[str] = set()
    orgs: set[tuple[str, ...]] = set()
    runs_by_sentence: list[list[tuple[Sentence, list[Token], list[tuple[int, int]]]]] = []
    for at in arts:
        body = articles[at.article].body
        per: list[tuple[Sentence, list[Token], list[tuple[int, int]]]] = []
        for sent, toks in at.sentences:
            runs, sent_orgs = _sentence_runs(body, sent)
            orgs |= sent_orgs
            trimmed: list[tuple[int, int]] = []
            for i, j in runs:
                if (
                    toks[i].initial
                    and toks[i].kind != "init"  # an initial is never grammar's capital
                    and not _given(toks[i])
                    and toks[i].text not in midcaps
                    and not _initial_name(body, toks, i, j)
                    and not _subject_after_quote(body, sent, toks, i, j, j - i)
                ):
                    i += 1
                    while i < j and _is_particle(toks[i]):
                        i += 1
                if i < j:
                    trimmed.append((i, j))
                    if j - i == 1 and not toks[i].initial:
                        alone.add(toks[i].text)
                    for t in toks[i:j]:
                        if "-" in t.text:
                            alone.update(t.text.split("-"))
            per.append((sent, toks, trimmed))
        runs_by_sentence.append(per)

    cands: list[_Candidate] = []
    for at, per in zip(arts, runs_by_sentence, strict=True):
        body = articles[at.article].body
        for sent, toks, runs in per:
            for i, j in runs:
                # Leading nation/place words are modifiers of the name ("Russian Vladimir
                # Putin"), not part of it.
                while j - i > 1 and (toks[i].folded in DEMONYMS or toks[i].folded in NATION_OF):
                    i += 1
                words = toks[i:j]
                if len(words) > _MAX_NAME_WORDS + 2:
                    continue
                core = [w for w in words if not _is_particle(w)]
                if len(core) > _MAX_NAME_WORDS:
                    continue
                if len(core[-1].text.rstrip(".")) < 2:
                    continue  # "J. R" or "signed by J. R.": initials without a surname
                title, title_start, plural = _title_before(body, toks, i)
                prev = toks[i - 1] if i > 0 else None
                if prev is not None and prev.folded in _DETERMINERS and title is None:
                    continue  # "the Oval Office", "a Fox Business interview"
                if _vetoed(words) or _names_a_thing(body, toks, j) or _ampersand(toks, i, j):
                    continue
                if title is None:
                    after = _title_after(body, toks, j)
                    if after is not None:
                        title, title_start = after, None
                speech = _speech_follows(toks, j) or (prev is not None and is_speech(prev))
                kin = False
                if len(core) >= 2:
                    given = _given(core[0]) or core[0].kind == "init" or _inner_particle(words)
                    surname_alone = words[-1].text in alone
                    # A capitalised sequence alone is not enough: it needs a role, a known
                    # given name, or a verb of speech together with a later surname-only use.
                    if not (
                        title
                        or given
                        or (speech and surname_alone)
                        or _age_follows(toks, j)
                        or _subject_after_quote(body, sent, toks, i, j, len(core))
                        or _role_appositive(toks, i, j)
                    ):
                        continue
                elif _kin_named(toks, i, j, title):
                    kin = True  # "her son Diego, 29,": a relative named by the given name
                else:
                    # One word is a person only right after a capitalised title or honorific.
                    if title is None or title_start is None or plural:
                        continue
                    if prev is None or not prev.capitalised:
                        continue
                    if words[0].kind == "init":
                        continue
                cands.append(
                    _Candidate(
                        words=tuple(w.text for w in words),
                        article=at.article,
                        sentence=sent.index,
                        start=words[0].start,
                        end=words[-1].end,
                        title=title if not plural else None,
                        title_start=title_start,
                        plural_title=plural,
                        kin=kin,
                    )
                )
    if orgs:
        # A name that anywhere acts as a company ("shares in X", "X, which", "X cut its")
        # is that company wherever it appears: "Marcus Wenger Logistics" is no person.
        cands = [c for c in cands if tuple(fold(w) for w in c.words) not in orgs]
    return cands, alone


@lru_cache(maxsize=16384)
def _sentence_runs(
    body: str, sent: Sentence
) -> tuple[tuple[tuple[int, int], ...], frozenset[tuple[str, ...]]]:
    """The name-like runs of a sentence (`_runs`) and the organisations its grammar shows
    (`_org_evidence`). Both read the sentence alone, so they are worked out once per sentence
    and kept, like its tokens, for the next comparison."""
    toks = tokenize(sent)
    runs = _runs(body, toks)
    orgs: set[tuple[str, ...]] = set()
    _org_evidence(toks, runs, orgs)
    return tuple(runs), frozenset(orgs)


def _org_evidence(
    toks: list[Token], runs: Sequence[tuple[int, int]], orgs: set[tuple[str, ...]]
) -> None:
    """Record capitalised runs that the grammar shows to be organisations: the object of
    "shares in/of", the owner of "'s shares", the antecedent of ", which", or the subject of
    a verb (not of speech, where "its" may be anything's) followed by "its"."""
    for i, j in runs:
        words = toks[i:j]
        key = tuple(t.folded for t in words)
        before = [t.folded for t in toks[max(0, i - 2) : i]]
        org = before[-2:] in (["shares", "in"], ["shares", "of"], ["stake", "in"])
        if not org and j < len(toks):
            nxt = toks[j]
            after = toks[j + 1] if j + 1 < len(toks) else None
            after = after if after is not None else nxt
            org = (
                (words[-1].possessive and nxt.folded == "shares")
                or (nxt.text == "," and after.folded == "which")
                or (
                    after.folded == "its"
                    and nxt.kind == "word"
                    and nxt.text.islower()
                    and not is_speech(nxt)
                )
            )
        if org:
            orgs.add(key)
            if toks[i].initial and len(key) > 1:
                orgs.add(key[1:])


# Lower-case particles that only ever sit inside a family name ("Joost van den Heuvel",
# "Ursula von der Leyen"); Romance "de"/"da" also build organisation names ("Banco de Chile").
_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "ter", "zu", "vom", "zum"})


def _inner_particle(words: Sequence[Token]) -> bool:
    """A lower-case name particle between capitalised words: a family name, not a thing."""
    return any(
        0 < k < len(words) - 1 and w.text in _NAME_PARTICLES and not words[0].initial
        for k, w in enumerate(words)
    )


def is_speech(tok: Token) -> bool:
    """A verb of speech: lower-case, so "the United States" never "states" anything."""
    return tok.folded in SPEECH_VERBS and tok.text[:1].islower()


def _speech_follows(toks: list[Token], j: int) -> bool:
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


def _first_compatible(a: str, b: str) -> bool:
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    if fuzz.ratio(fa, fb) >= 85:
        return True
    # Transliterations of one given name: "Oleksandr"/"Alexandre", "Yevgeny"/"Evgeny",
    # "Mohammed"/"Muhammad" keep their consonants in order once spelling habits are undone.
    if (fa in FEMALE_NAMES) != (fb in FEMALE_NAMES) and fa in GIVEN_NAMES and fb in GIVEN_NAMES:
        return False  # "Karl"/"Carol": siblings, not spellings
    ka, kb = _skeleton(fa), _skeleton(fb)
    return len(ka) >= 3 and ka == kb


_TRANSLIT = (("ks", "x"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("j", "y"))


def _skeleton(name: str) -> str:
    """The consonants of a folded given name, doubled letters and spelling variants undone."""
    for a, b in _TRANSLIT:
        name = name.replace(a, b)
    out: list[str] = []
    for ch in name:
        if ch in "aeiouy" or not ch.isalpha():
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _bare(surname: str) -> str:
    """A folded surname without a joined particle: "al-sisi" and "el-sissi" compare as names."""
    head, sep, rest = surname.partition("-")
    return rest if sep and head in PARTICLES | CAPITAL_PARTICLES else surname


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) < 2 or len(b) < 2:
        return False
    fa = [fold(w) for w in a]
    fb = [fold(w) for w in b]
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if set(short) <= set(long_) and (short[0] == long_[0] or short[-1] == long_[-1]):
        return True
    if fa[-1] == fb[-1]:
        return _first_compatible(a[0], b[0])
    la, lb = _bare(fa[-1]), _bare(fb[-1])
    close = min(len(la), len(lb)) >= 4 and fuzz.ratio(la, lb) >= 85
    return close and fa[0] == fb[0]


def _cluster(cands: list[_Candidate]) -> list[_Cluster]:
    """Merge candidates into people. Clusters are found through an index of first and last
    words, so an article naming thousands of people stays fast: two forms of one name always
    share their first or their last word (or the first word and a close surname)."""
    clusters: list[_Cluster] = []
    by_word: dict[str, list[_Cluster]] = {}
    for c in (c for c in cands if len(c.words) >= 2):
        keys = {fold(c.words[0]), fold(c.words[-1])}
        near = {id(cl): cl for k in keys for cl in by_word.get(k, [])}
        home = next(
            (cl for cl in near.values() if any(_same_person(c.words, f) for f in cl.forms)),
            None,
        )
        if home is None:
            home = _Cluster()
            clusters.append(home)
        if c.words not in home.forms:
            home.forms.append(c.words)
            for k in keys:
                if home not in by_word.setdefault(k, []):
                    by_word[k].append(home)
        home.candidates.append(c)
    short: dict[str, list[_Cluster]] = {}
    first: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        for x in {fold(x) for x in cl.short_forms()}:
            short.setdefault(x, []).append(cl)
        for x in {fold(f[0]) for f in cl.forms}:
            first.setdefault(x, []).append(cl)
    singles: dict[str, _Cluster] = {}
    for c in (c for c in cands if len(c.words) == 1):
        word = fold(c.words[0])
        # "his son Marcel" is a given name: never merged into a person by surname.
        fits = [] if c.kin else short.get(word, [])
        if not fits and c.kin:
            # "Diego Rojas, 29, ... her son Diego": the one person of this article with that
            # given name; with none, the relative is a one-word person; with several, which
            # one is unknown, so none.
            fits = [
                cl
                for cl in first.get(word, [])
                if any(x.article == c.article for x in cl.candidates)
            ]
            if len(fits) > 1:
                continue
        elif not fits:
            # "Sheikh Mohamed" after "Sheikh Mohamed bin Zayed Al Nahyan": honorific + given
            # name, only when one person of this article has that given name.
            fits = [
                cl
                for cl in first.get(word, [])
                if any(x.article == c.article for x in cl.candidates)
            ]
            if len(fits) > 1:
                continue
        if len(fits) > 1:
            local = [cl for cl in fits if any(x.article == c.article for x in cl.candidates)]
            fits = local if len(local) == 1 else []
            if not fits:
                continue
        if fits:
            fits[0].candidates.append(c)
            continue
        single = singles.get(c.words[0])
        if single is None:
            single = _Cluster(forms=[c.words])
            singles[c.words[0]] = single
            clusters.append(single)
        single.candidates.append(c)
    return clusters


def _pick(
    clusters: list[_Cluster], fits: list[_Cluster], article: int, pos: int
) -> _Cluster | None:
    """Resolve a surname that fits several people: the one last introduced before it here."""
    if len(fits) == 1:
        return fits[0]
    best: tuple[int, _Cluster] | None = None
    for cl in fits:
        for c in cl.candidates:
            if c.article == article and c.start <= pos and (best is None or c.start > best[0]):
                best = (c.start, cl)
    return best[1] if best else None


def _nation_of_tokens(words: Sequence[str]) -> str | None:
    joined = " ".join(fold(w) for w in words)
    if "white house" in joined:
        return "us"
    if "downing street" in joined:
        return "uk"
    for w in words:
        key = NATION_OF.get(fold(w))
        if key:
            return key
    return None


def _leader_nation(title: str) -> str | None:
    words = title.split()
    folded = [fold(w) for w in words]
    if not any(w in LEADER_HEADS for w in folded) and "prime" not in folded:
        return None
    if any(fold(w) in ("former", "ex", "late", "vice", "deputy") for w in words):
        return None
    return _nation_of_tokens(words)


def _role_mentions(body: str, art: _ArticleTokens, clusters: list[_Cluster]) -> None:
    """'the Kremlin leader' / 'the Russian president' -> the one person whose title fits."""
    # People of this article who lead a country, with the countries their titles name.
    leaders: list[tuple[_Cluster, set[str]]] = []
    for cl in clusters:
        if any(m.article == art.article for m in cl.mentions):
            nations = {n for t in cl.titles if (n := _leader_nation(t)) is not None}
            if nations:
                leaders.append((cl, nations))
    for sent, toks in art.sentences:
        for i in range(len(toks) - 2):
            if toks[i].folded != "the":
                continue
            k = i + 1
            mods: list[Token] = []
            while k < len(toks) and toks[k].capitalised and len(mods) < 2:
                mods.append(toks[k])
                k += 1
            if not mods or k >= len(toks) or toks[k].folded not in LEADER_HEADS:
                continue
            if toks[k].possessive is False and k + 1 < len(toks) and toks[k + 1].text == "of":
                continue
            nation = _nation_of_tokens([m.text for m in mods])
            if nation is None:
                continue
            fits = [cl for cl, nations in leaders if nation in nations]
            if len(fits) != 1:
                continue
            start, end = mods[0].start, toks[k].end
            text = body[start:end]
            cl = fits[0]
            cl.mentions.append(Mention(art.article, sent.index, start, end, text))
            if text not in cl.titles:
                cl.titles.append(text)


def find_people(articles: Sequence[Article], memo: Memo | None = None) -> list[Person]:
    """People named in the articles, most mentioned first, merged across articles."""
    arts = _tokenize_all(articles)
    cands, _alone = _find_candidates(articles, arts)
    clusters = _cluster(cands)
    if not clusters:
        return []

    for cl in clusters:
        for c in cl.candidates:
            if (
                c.title
                and fold(c.title) not in _COURTESY
                and c.title not in cl.titles
                and not c.plural_title
                and fold(c.title.split()[-1]) not in KINSHIP
            ):
                cl.titles.append(c.title)

    fuzzy = _FuzzySurnames(clusters)
    short_index: dict[str, list[_Cluster]] = {}
    for cl in clusters:
        # One entry per folded form: "Van der Linde" and "van der Linde" are one key.
        for key in {fold(x) for x in cl.short_forms()}:
            short_index.setdefault(key, []).append(cl)
    multi_index: dict[tuple[str, ...], list[_Cluster]] = {}
    for key, fits in short_index.items():
        if " " in key:
            multi_index[tuple(key.split())] = fits
    # Span -> (cluster, candidate) in one dict: looking the candidate up again per mention was
    # quadratic on long articles that repeat a name thousands of times.
    # (Same choice as before: the last cluster holding a span, its first candidate there.)
    # Per article, keyed by start: no key tuple to build for each of the article's words.
    full_spans: dict[int, dict[int, tuple[_Cluster, _Candidate]]] = {}
    for cl in clusters:
        for c in reversed(cl.candidates):
            full_spans.setdefault(c.article, {})[c.start] = (cl, c)

    for at in arts:
        body = articles[at.article].body
        spans = full_spans.get(at.article, {})
        for sent, toks in at.sentences:
            i = 0
            while i < len(toks):
                t = toks[i]
                hit = spans.get(t.start)
                if hit is not None:
                    cl, cand = hit
                    cl.mentions.append(
                        Mention(
                            at.article,
                            sent.index,
                            cand.start,
                            cand.end,
                            body[cand.start : cand.end],
                        )
                    )
                    while i < len(toks) and toks[i].start < cand.end:
                        i += 1
                    continue
                if t.kind == "word" and (t.capitalised or _is_particle(t)):
                    span = _match_multi(toks, i, multi_index)
                    if span is not None:
                        k, fits = span
                        cl = _pick(clusters, fits, at.article, t.start)
                        if cl is not None:
                            s, e = t.start, toks[k - 1].end
                            cl.mentions.append(Mention(at.article, sent.index, s, e, body[s:e]))
                            i = k
                            continue
                if t.kind == "word" and t.capitalised:
                    _match_single(body, at.article, sent, toks, i, clusters, short_index, fuzzy)
                i += 1
    for at in arts:
        _role_mentions(articles[at.article].body, at, clusters)

    for cl in clusters:
        # "Chancellor" adds nothing next to "German Chancellor".
        cl.titles = [
            t
            for t in cl.titles
            if not any(o != t and fold(o).endswith(" " + fold(t)) for o in cl.titles)
        ]
    people: list[tuple[tuple[int, int, int, int], Person]] = []
    for cl in clusters:
        if not cl.mentions:
            continue
        mentions = sorted(set(cl.mentions), key=lambda m: (m.article, m.start))
        aliases: list[str] = []
        for c in sorted(cl.candidates, key=lambda c: (c.article, c.start)):
            if c.title and c.title_start is not None and not c.plural_title:
                form = articles[c.article].body[c.title_start : c.end]
                if "," not in form:
                    aliases.append(form)
        for m in mentions:
            aliases.append(m.text)
        name = cl.name()
        seen: dict[str, None] = {name: None}
        for a in aliases:
            if a not in seen and not any(
                fold(a) == fold(t) for t in cl.titles if fold(t) == fold(a)
            ):
                seen[a] = None
        n_articles = len({m.article for m in mentions})
        first = mentions[0]
        key = (-len(mentions), -n_articles, first.article, first.start)
        people.append(
            (
                key,
                Person(
                    name=name,
                    aliases=tuple(seen),
                    titles=tuple(cl.titles),
                    mentions=tuple(mentions),
                ),
            )
        )
    people.sort(key=lambda kp: kp[0])
    return [p for _, p in people]


def _match_multi(
    toks: list[Token], i: int, multi_index: dict[tuple[str, ...], list[_Cluster]]
) -> tuple[int, list[_Cluster]] | None:
    """A several-word short form at token i ("von der Leyen", "da Silva"): (end index, fits)."""
    best: tuple[int, list[_Cluster]] | None = None
    for key, fits in multi_index.items():
        n = len(key)
        if i + n <= len(toks) and tuple(t.folded for t in toks[i : i + n]) == key:
            if not toks[i + n - 1].capitalised:
                continue
            if best is None or i + n > best[0]:
                best = (i + n, fits)
    return best


def _match_single(
    body: str,
    article: int,
    sent: Sentence,
    toks: list[Token],
    i: int,
    clusters: list[_Cluster],
    short_index: dict[str, list[_Cluster]],
    fuzzy: _FuzzySurnames,
) -> None:
    """A capitalised word that is a known surname (or both halves of "Putin-Trump")."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt is not None
        and not t.possessive
        and nxt.capitalised
        and nxt.folded in ORG_SUFFIXES
        and _gap_is_space(body, t, nxt)
    ):
        return  # "Trump Tower": a thing named after the person
    parts: list[tuple[str, int]] = []
    if t.folded in short_index or "-" not in t.text:
        parts.append((t.text, t.start))
    else:
        off = t.start
        for p in t.text.split("-"):
            parts.append((p, off))
            off += len(p) + 1
    before = toks[i - 1].folded if i > 0 else ""
    if before in _LOCATIVE and (t.folded in PLACE_WORDS or t.folded in NATION_OF):
        return  # "officials in Washington" is the city, even with a George Washington about
    for text, start in parts:
        fits = short_index.get(fold(text), [])
        if not fits and len(text) >= 5 and not (t.initial and t.folded not in GIVEN_NAMES):
            fits = fuzzy.fits(text)
        if not fits:
            continue
        cl = _pick(clusters, fits, article, start)
        if cl is None:
            continue
        cl.mentions.append(Mention(article, sent.index, start, start + len(text), text))


_LOCATIVE = frozenset({"in", "to", "from", "at", "into", "near", "across", "around", "toward"})


class _FuzzySurnames:
    """Close spellings of known surnames ("Zelensky" for "Zelenskyy"), matched in C by
    rapidfuzz over all surnames at once and remembered per word."""

    def __init__(self, clusters: list[_Cluster]) -> None:
        self.choices: list[str] = []
        self.owners: list[_Cluster] = []
        for cl in clusters:
            for sf in cl.short_forms():
                if len(sf) >= 5 and " " not in sf:
                    self.choices.append(fold(sf))
                    self.owners.append(cl)
        self.cache: dict[str, list[_Cluster]] = {}

    def fits(self, text: str) -> list[_Cluster]:
        key = fold(text)
        if key not in self.cache:
            hits = process.extract(
                key, self.choices, scorer=fuzz.ratio, score_cutoff=90, limit=None
            )
            out: list[_Cluster] = []
            for _, _, k in hits:
                if self.owners[k] not in out:
                    out.append(self.owners[k])
            self.cache[key] = out
        return self.cache[key]


def gender_of(person: Person) -> str | None:
    """'m', 'f' or None, from a title or a given name: enough for "he said"/"she said"."""
    for t in person.titles:
        words = {fold(w) for w in t.split()}
        if words & FEMALE_TITLES:
            return "f"
        if words & MALE_TITLES:
            return "m"
    words = person.name.split()
    first = fold(words[0]) if words else ""
    head, sep, _ = first.partition("-")
    if sep and head not in UNISEX_NAMES:
        first = head  # "Anne-Laure": the first half carries the gender ("Jean-Marie" does not)
    if first in UNISEX_NAMES:
        return None  # "Sasha", "Andrea", "Jean": he in one country, she in another
    if first in FEMALE_NAMES:
        return "f"
    if first in GIVEN_NAMES:
        return "m"
    last = fold(words[-1]) if len(words) > 1 else ""
    if last.endswith(_FEMALE_SURNAME_ENDINGS):
        return "f"  # "Petrova", "Kowalska": Slavic surnames agree with the bearer
    if last.endswith(_MALE_SURNAME_ENDINGS):
        return "m"
    return None


_FEMALE_SURNAME_ENDINGS = ("ova", "eva", "ovna", "evna", "skaya", "ska", "cka", "ckaya")
_MALE_SURNAME_ENDINGS = ("ov", "ev", "ovich", "evich", "sky", "ski", "cki", "skiy")
