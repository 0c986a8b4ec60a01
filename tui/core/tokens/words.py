"""Words with offsets and the normal forms every stage compares them by.

News prose is compared word by word, so every stage needs the same idea of a word: where it is
in the body (offsets, for highlighting), what it normalises to (lowercase, curly apostrophes
folded, accents stripped, a light stem so "meets"/"meeting" meet), and whether it carries
content (stopwords and reporting verbs like "said" say nothing about the fact).

The rules are deliberately light (no model download is possible at run time): a suffix stripper
rather than a lemmatiser, capitalisation rather than a tagger.

Nothing here is cached per process. A comparison hands its `Memo` to `sentence_tokens`, which
keeps each distinct word's forms and each sentence's tokens in the memo's tables, so a word is
normalised and stemmed once per comparison and a sentence scanned once, and a second comparison
pays exactly what the first did. Called without a memo, they compute afresh: every stage
passes the comparison's memo down explicitly.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from ..lexicon import words
from .memo import Memo

# Abbreviations with dots (U.S., U.K.), money/numbers with separators, decimals and a percent
# sign, then ordinary words with inner apostrophes or hyphens. Order matters: the first
# alternative that matches wins. A word is written as runs of word characters joined by one
# apostrophe or hyphen (the same words as one character at a time, in half the time: the
# tokenizer reads every word of every article).
WORD_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[$€£¥]?\d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th)\b)?"
    r"|[^\W\d_]\w*(?:['’‘-](?=\w)\w*)*",
    re.UNICODE,
)

STOPWORDS: frozenset[str] = words("tokens-stopwords")

# Currency signs written before an amount; the amount's unit in conflicts.
CURRENCY = "$€£¥"


class Token(NamedTuple):
    """One word of a text with its body offsets and the normal forms the engine compares."""

    text: str
    start: int
    end: int
    norm: str  # lowercase, curly apostrophes folded, trailing possessive kept
    stem: str  # light stem of norm, possessive dropped
    stop: bool
    capital: bool  # starts with an uppercase letter


# Latin letters that are letters of their own in Unicode, not a base letter with a mark, so
# NFKD leaves them whole; wires and English-language outlets write them as these ASCII
# letters ("Łukasz Zieliński" -> "Lukasz Zielinski", "Søren" -> "Soren", "Straße").
_UNDECOMPOSED = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
     "Ħ": "H", "ħ": "h", "ı": "i", "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
     "Þ": "Th", "þ": "th"}
)  # fmt: skip
_UNDECOMPOSED_CHARS = frozenset(chr(c) for c in _UNDECOMPOSED)


def fold(text: str) -> str:
    """Text with accents removed and typographic apostrophes made straight (same length is not
    guaranteed: use it for comparing, never for offsets)."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text
    if not _UNDECOMPOSED_CHARS.isdisjoint(text):
        text = text.translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed == text:  # curly quotes and dashes: nothing to strip
        return text
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(word: str) -> str:
    """Lowercase, fold typographic apostrophes and strip accents, so “Trump’s” and "Trump's",
    or "Tomáš Halvík" and "Tomas Halvik" (outlets differ on diacritics), compare equal."""
    return fold(word).lower()


# (suffix, replacement, minimum letters left before the suffix), tried in order.
_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("ies", "y", 3),
    ("ness", "", 4),
    ("ments", "", 4),
    ("ment", "", 4),
    ("ings", "", 3),
    ("ing", "", 3),
    ("edly", "", 3),
    ("ed", "", 3),
    ("ly", "", 4),
    ("es", "e", 3),
    ("s", "", 3),
)


def stem(word: str) -> str:
    """A light English suffix stripper: plural, possessive, -ing, -ed, -ly, final -e.

    It only has to make inflections of one word meet ("meetings" ~ "meeting", "agreed" ~
    "agree", "announces" ~ "announced"); over-stemming two different words together costs
    little because names and numbers carry most of the alignment evidence.
    """
    return _stem_normal(normalise(word))


def _stem_normal(w: str) -> str:
    """`stem` of a word already normalised (the tokenizer has the normal form to hand)."""
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) <= 3 or not w.isalpha():
        return w
    base = w
    for suffix, repl, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and (w[-2] in "su" or w.endswith("is")):
                break
            base = w[: len(w) - len(suffix)] + repl
            # "stopped" -> "stop", "planning" -> "plan": undo a doubled final consonant.
            doubled = len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz"
            if suffix in ("ing", "ed", "ings") and doubled:
                base = base[:-1]
            break
    if len(base) > 4 and base.endswith("e"):
        base = base[:-1]
    return base


def is_stopword(word: str) -> bool:
    return normalise(word) in STOPWORDS


Forms = tuple[str, str, bool, bool]


def word_forms(w: str) -> Forms:
    """(norm, stem, is_stop, capital) of one word as written: a Token without its place."""
    n = normalise(w)
    return n, _stem_normal(n), n in STOPWORDS, w[:1].isupper()


def tokenize(text: str, base: int = 0, memo: Memo | None = None) -> list[Token]:
    """All words of `text` as Tokens; `base` is added to offsets (pass the sentence start)."""
    return list(sentence_tokens(text, base, memo))


def sentence_tokens(text: str, base: int = 0, memo: Memo | None = None) -> tuple[Token, ...]:
    """`tokenize` as a tuple, kept in the comparison's memo when one is given: alignment,
    shared spans, diff and conflicts all read the same sentences, so each is scanned once.
    Without one, the sentence is scanned afresh."""
    if memo is None:
        return _scan(text, base, {})
    table = memo.table("tokens.sentences")
    key = (text, base)
    found = table.get(key)
    if found is None:
        found = table[key] = _scan(text, base, memo.table("tokens.forms"))
    return found


# WORD_RE as a splitter: [gap, word, gap, word, ..., gap] in one call, so offsets come from
# the lengths of the pieces instead of a match object per word (the same matches finditer finds).
_SPLIT_RE = re.compile(f"({WORD_RE.pattern})", WORD_RE.flags)


def _scan(text: str, base: int, forms: dict[str, Forms]) -> tuple[Token, ...]:
    # tuple.__new__ skips NamedTuple's Python-level constructor: this runs once per word, and
    # so does the forms look-up (a few hundred distinct words make up most of any article).
    new, get = tuple.__new__, forms.get
    out = []
    pieces = iter(_SPLIT_RE.split(text))
    pos = base + len(next(pieces))
    for w in pieces:
        f = get(w)
        if f is None:
            f = forms[w] = word_forms(w)
        end = pos + len(w)
        out.append(new(Token, (w, pos, end) + f))  # noqa: RUF005 (concatenating is faster)
        pos = end + len(next(pieces))
    return tuple(out)
