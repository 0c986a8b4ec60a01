"""One word as alignment evidence: its term, its kind (number, date or plain), its name form.

Numbers fold to their value ("three" meets "3"), years, weekdays and months to one term each,
relative days ("yesterday") to the weekday slot with no value, names stay unstemmed; every
other content word is its light stem. A word reads the same wherever it stands, so its reading
is kept per comparison in a `WordTerms` built from the comparison's `Memo`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..article import Sentence
from ..lexicon import words
from ..tokens.memo import Memo
from ..tokens.text import (
    CURRENCY,
    MONTHS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    STOPWORDS,
    WEEKDAYS,
    Token,
    dateline_end,
    is_year,
    normalise,
    number_value,
    stem,
)

# Lowercase particles inside names: "Mohammed bin Salman", "Charles de Gaulle".
NAME_PARTICLES: frozenset[str] = words("align-name-particles")
_DOUBLED = re.compile(r"(\w)\1+")

WordInfo = tuple[str, str, bool]


def word_info(word: str) -> WordInfo:
    """(term, kind, is_stop) for one raw word; kind is '', 'number' or 'date'."""
    n = normalise(word)
    if n in STOPWORDS:
        return n, "", True
    if word[:1].isdigit() or word[:1] in CURRENCY:
        v = number_value(word)
        if v is not None:
            if is_year(word):
                return "#" + word, "date", False
            return "#" + fmt(v), "number", False
    if n in NUMBER_WORDS and n not in ("first", "second", "once", "half"):
        return "#" + fmt(NUMBER_WORDS[n]), "number", False
    if n in RELATIVE_DAYS:
        # "yesterday" / "on Tuesday": the same day slot, with no value to compare.
        return "@d", "date", False
    if word[:1].isupper():
        if n in WEEKDAYS and len(n) > 3:
            return "@d" + str(WEEKDAYS[n]), "date", False
        if n in MONTHS and len(n) > 3:
            return "@m" + str(MONTHS[n]), "date", False
    return stem(word), "", False


def name_term(word: str) -> str:
    """A name as a term: unstemmed, possessive dropped, doubled letters made single, because
    transliterations differ in exactly that way ("Zelenskyy" / "Zelensky")."""
    n = normalise(word)
    n = n[:-2] if n.endswith("'s") else n
    return _DOUBLED.sub(r"\1", n)


class WordTerms:
    """The word readings of one comparison: each distinct word is read once, in the memo."""

    __slots__ = ("_first", "_info", "_names", "_rest", "memo")

    def __init__(self, memo: Memo) -> None:
        self.memo = memo
        self._info: dict[str, WordInfo] = memo.table("align.word-info")
        self._names: dict[str, str] = memo.table("align.name-term")
        # Span keys of words that start a sentence, and of all others.
        self._first: dict[str, str] = memo.table("align.span-key-first")
        self._rest: dict[str, str] = memo.table("align.span-key")

    def info(self, word: str) -> WordInfo:
        found = self._info.get(word)
        if found is None:
            found = self._info[word] = word_info(word)
        return found

    def name(self, word: str) -> str:
        found = self._names.get(word)
        if found is None:
            found = self._names[word] = name_term(word)
        return found

    def key(self, word: str, first: bool) -> str:
        """What two words must share to count as the same word in a shared run: the
        alignment term (numbers by value, names unstemmed), or the plain word for stopwords."""
        table = self._first if first else self._rest
        found = table.get(word)
        if found is None:
            term, kind, is_stop = self.info(word)
            if is_stop:
                found = normalise(word)
            elif word[:1].isupper() and not first and not kind:
                found = self.name(word)
            else:
                found = term
            table[word] = found
        return found

    def span_keys(self, toks: Sequence[Token], first: set[int]) -> list[str]:
        """`key` of every token of a passage; `first` holds the positions that start a
        sentence. One look-up per word: a passage pair reads some sixty words."""
        get, key = self._rest.get, self.key
        out = [get(t.text) for t in toks]
        n = len(out)
        for k in first:
            if k < n:
                out[k] = key(toks[k].text, True)
        if None in out:  # words met for the first time in this comparison
            out = [key(toks[k].text, False) if v is None else v for k, v in enumerate(out)]
        return out  # type: ignore[return-value]


def name_continues(toks: Sequence[Token], k: int) -> bool:
    """Whether toks[k] is followed, one space on, by more of the same name (through any
    lowercase particles: "Joost van den Heuvel", "Mohammed bin Salman")."""
    j = k + 1
    while j < len(toks) and toks[j].start == toks[j - 1].end + 1:
        if toks[j].capital:
            return True
        if toks[j].norm not in NAME_PARTICLES:
            return False
        j += 1
    return False


def dateline(sent: Sentence) -> int:
    """Length of the wire dateline opening the article's first sentence (0 elsewhere)."""
    return dateline_end(sent.text) if sent.index == 0 else 0


def fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"
