"""The people stage's view of a sentence: word tokens with body offsets and name features.

A name rule asks the same questions of a word many times (its folded form, whether it is
capitalised, whether it carries a possessive "'s"), so a token answers them once. Tokens are
kept in the comparison's `Memo` (table `people.tokens`, shared with the quotes stage, which
reads the same sentences), never in a module cache: a second comparison in the same process
must cost what the first did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..article import Article, Sentence
from ..lexicon import words
from ..lexicon.names import CAPITAL_PARTICLES, PARTICLES, fold
from ..tokens.memo import Memo

# Honorific abbreviations, initials ("J.D.", "U.S.", "J."), words with inner apostrophes or
# hyphens ("O'Brien", "Jean-Noël", "Trump's"), numbers, then any other single character. Each
# match takes the spaces before its token with it, so consecutive matches tile the text and
# a token's offset is the running sum of the lengths; the text of a match alone says which
# kind it is (the lookarounds only decide where a token ends), so one look-up per match in
# the comparison's table of matches gives everything but the offset.
_ABBR = r"(?:Mrs|Mr|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Jr|Sr)\."
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_NUM = r"\d+(?:[.,]\d+)*"
# A word that opens with a lower-case ASCII letter is tried first: neither an abbreviation
# nor an initial can start there, so it is the match the word alternative would give, found
# without trying the others (most tokens of news are such words).
_TOKEN_RE = re.compile(
    rf"\s*(?:[a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*|(?<!\w){_ABBR}|(?:[A-Z]\.){{2,}}"
    rf"|[A-Z]\.(?=\s+[A-Z])|{_WORD}|{_NUM}|\S)"
)
# Which kind a match is, read from its text alone (the order of the alternatives is the
# tokenizer's, so the same alternative wins).
_KIND_RE = re.compile(
    rf"\s*(?:(?P<abbr>{_ABBR})|(?P<init>(?:[A-Z]\.)+)|(?P<word>{_WORD})|(?P<num>{_NUM})"
    r"|(?P<punct>\S))"
)
_POSSESSIVE = ("'s", "’s")
_PARTICLE_PREFIX = re.compile(
    r"(?:al|el|ad|ud|as|at|an|ar|az|ash|bin|ibn|abu|ben|da|de|di|du|van|von)-[^\W\d_]*[A-Z]"
)
_WORDISH = frozenset({"word", "init", "abbr"})
SUFFIXES = words("people-suffixes")

# (spaces before the token, token length, kind, text, possessive, folded, capitalised, how
# it moves the "first word of the sentence" mark: 2 a word that takes it, 1 a number that
# ends the search for it, 0 neither; and whether it is notable: see `SentenceTokens`).
Shape = tuple[int, int, str, str, bool, str, bool, int, bool]


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


def _match_shape(match: str) -> Shape:
    """What one match of `_TOKEN_RE` says: a pure function of its text, so each distinct
    match of a comparison is worked out once, not once per occurrence (news repeats its
    names and function words thousands of times)."""
    lead, kind = _kind_of(match)
    raw = match[lead:]
    if kind == "punct":
        return lead, len(raw), kind, raw, False, raw, False, 0, False
    text, possessive = raw, False
    if kind == "word" and len(text) > 2 and text.endswith(_POSSESSIVE):
        text, possessive = text[:-2], True
    capital = _capital(kind, text)
    mark = 2 if kind in _WORDISH else 1 if kind == "num" else 0
    folded = fold(text)
    notable = _notable(text, folded, capital)
    return lead, len(raw), kind, text, possessive, folded, capital, mark, notable


def _capital(kind: str, text: str) -> bool:
    """A capitalised word, initial or abbreviation; also "al-Otaibi", "el-Sissi": a
    lower-case particle joined to a capitalised surname."""
    return kind in _WORDISH and (
        text[:1].isupper()
        or ("-" in text and kind == "word" and bool(_PARTICLE_PREFIX.match(text)))
    )


def _kind_of(match: str) -> tuple[int, str]:
    """Where a match's token starts (after its spaces), and its kind."""
    m = _KIND_RE.fullmatch(match)
    assert m is not None and m.lastgroup is not None, match
    return m.start(m.lastgroup), m.lastgroup


def _notable(text: str, folded: str, capital: bool) -> bool:
    """A capitalised word, a name particle, or a generational suffix (which ends a run and,
    after a run's leading nation words are dropped, could in principle open a candidate's
    span): see `SentenceTokens`."""
    particle = (folded in PARTICLES and text.islower()) or (folded in CAPITAL_PARTICLES and capital)
    return capital or particle or folded in SUFFIXES


def tokenize(sentence: Sentence, memo: Memo | None = None) -> list[Token]:
    """Split a sentence into tokens with body offsets (shared with the quotes stage). With a
    memo, a sentence is tokenised once per comparison and the list is shared: callers must
    not change it."""
    if memo is None:
        return _tokens(sentence, {}, [])
    return sentence_tokens(sentence, memo).toks


def sentence_tokens(sentence: Sentence, memo: Memo) -> SentenceTokens:
    """A sentence's tokens and which of them are notable, once per comparison (the token
    list is the one `tokenize` gives the quotes stage: the memo table `people.tokens`)."""
    found = memo.table("people.notable").get(sentence)
    if found is None:
        notable: list[int] = []
        toks = _tokens(sentence, memo.table("people.shapes"), notable)
        memo.table("people.tokens")[sentence] = toks
        found = memo.table("people.notable")[sentence] = SentenceTokens(sentence, toks, notable)
    return found


def _tokens(sentence: Sentence, shapes: dict[str, Shape], notable: list[int]) -> list[Token]:
    out: list[Token] = []
    append = out.append
    first_word_seen = False
    pos = sentence.start
    for match in _TOKEN_RE.findall(sentence.text):
        shape = shapes.get(match)
        if shape is None:
            shape = shapes[match] = _match_shape(match)
        lead, width, kind, text, possessive, folded, capital, mark, note = shape
        start = pos + lead
        pos = start + width
        initial = False
        if mark and not first_word_seen:
            first_word_seen = True
            initial = mark == 2
        if note:
            notable.append(len(out))
        append(Token(text, start, start + len(text), kind, possessive, initial, folded, capital))
    return out


def gap_is_space(body: str, a: Token, b: Token) -> bool:
    """Whether only a short run of spaces (no paragraph break) separates two tokens."""
    if b.start == a.end + 1 and not a.possessive:
        return body[a.end].isspace()  # the common case: one character between them
    gap = body[a.end + (2 if a.possessive else 0) : b.start]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n\n" not in gap


@dataclass(slots=True)
class SentenceTokens:
    """A sentence, its tokens, and the indexes of its notable tokens: the capitalised words,
    the name particles ("van", "Al") and generational suffixes, the only tokens that can
    open a name, a mention or a role reference's modifiers, so the stage's scans step
    through those alone."""

    sent: Sentence
    toks: list[Token]
    notable: list[int]


@dataclass(slots=True)
class ArticleTokens:
    """The tokens of every sentence of one article, read once for the whole stage."""

    article: int
    sentences: list[SentenceTokens]


def tokenize_all(articles: Sequence[Article], memo: Memo) -> list[ArticleTokens]:
    return [
        ArticleTokens(ai, [sentence_tokens(s, memo) for s in art.sentences])
        for ai, art in enumerate(articles)
    ]
