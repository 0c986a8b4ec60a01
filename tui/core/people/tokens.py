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
from ..lexicon.names import fold
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
_TOKEN_RE = re.compile(
    rf"\s*(?:(?<!\w){_ABBR}|(?:[A-Z]\.){{2,}}|[A-Z]\.(?=\s+[A-Z])|{_WORD}|{_NUM}|\S)"
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

# (spaces before the token, token length, kind, text, possessive, folded, capitalised, and
# how it moves the "first word of the sentence" mark: 2 a word that takes it, 1 a number
# that ends the search for it, 0 neither).
Shape = tuple[int, int, str, str, bool, str, bool, int]


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
    m = _KIND_RE.fullmatch(match)
    assert m is not None and m.lastgroup is not None, match
    kind = m.lastgroup
    lead = m.start(kind)
    raw = match[lead:]
    if kind == "punct":
        return lead, len(raw), kind, raw, False, raw, False, 0
    text, possessive = raw, False
    if kind == "word" and len(text) > 2 and text.endswith(_POSSESSIVE):
        text, possessive = text[:-2], True
    capital = kind in _WORDISH and (
        # "al-Otaibi", "el-Sissi": a lower-case particle joined to a capitalised surname.
        text[:1].isupper()
        or ("-" in text and kind == "word" and bool(_PARTICLE_PREFIX.match(text)))
    )
    mark = 2 if kind in _WORDISH else 1 if kind == "num" else 0
    return lead, len(raw), kind, text, possessive, fold(text), capital, mark


def tokenize(sentence: Sentence, memo: Memo | None = None) -> list[Token]:
    """Split a sentence into tokens with body offsets (shared with the quotes stage). With a
    memo, a sentence is tokenised once per comparison and the list is shared: callers must
    not change it."""
    if memo is None:
        return _tokens(sentence, {})
    cached = memo.table("people.tokens")
    found = cached.get(sentence)
    if found is None:
        found = cached[sentence] = _tokens(sentence, memo.table("people.shapes"))
    return found


def _tokens(sentence: Sentence, shapes: dict[str, Shape]) -> list[Token]:
    out: list[Token] = []
    append = out.append
    first_word_seen = False
    pos = sentence.start
    for match in _TOKEN_RE.findall(sentence.text):
        shape = shapes.get(match)
        if shape is None:
            shape = shapes[match] = _match_shape(match)
        lead, width, kind, text, possessive, folded, capital, mark = shape
        start = pos + lead
        pos = start + width
        initial = False
        if mark and not first_word_seen:
            first_word_seen = True
            initial = mark == 2
        append(Token(text, start, start + len(text), kind, possessive, initial, folded, capital))
    return out


def gap_is_space(body: str, a: Token, b: Token) -> bool:
    """Whether only a short run of spaces (no paragraph break) separates two tokens."""
    gap = body[a.end + (2 if a.possessive else 0) : b.start]
    return 0 < len(gap) <= 3 and gap.isspace() and "\n\n" not in gap


@dataclass(slots=True)
class ArticleTokens:
    """The tokens of every sentence of one article, read once for the whole stage."""

    article: int
    sentences: list[tuple[Sentence, list[Token]]]


def tokenize_all(articles: Sequence[Article], memo: Memo) -> list[ArticleTokens]:
    return [
        ArticleTokens(ai, [(s, tokenize(s, memo)) for s in art.sentences])
        for ai, art in enumerate(articles)
    ]
