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
_WORDISH = frozenset({"word", "init", "abbr"})

Shape = tuple[str, bool, str, bool]


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


def _word_shape(kind: str, raw: str) -> Shape:
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


def _tokens(sentence: Sentence, shapes: dict[tuple[str, str], Shape]) -> list[Token]:
    out: list[Token] = []
    append = out.append
    first_word_seen = False
    base = sentence.start
    for m in _TOKEN_RE.finditer(sentence.text):
        kind = m.lastgroup or "punct"
        start = base + m.start()
        raw = m.group()
        shape = shapes.get((kind, raw))
        if shape is None:
            shape = shapes[(kind, raw)] = _word_shape(kind, raw)
        text, possessive, folded, capital = shape
        tok = Token(text, start, start + len(text), kind, possessive, False, folded, capital)
        if not first_word_seen and kind in _WORDISH:
            tok.initial = first_word_seen = True
        elif kind == "num":
            first_word_seen = True
        append(tok)
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
