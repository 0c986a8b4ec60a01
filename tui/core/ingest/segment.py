"""Sentence boundaries in news prose, as character offsets into the article body.

News copy is dense with periods that do not end sentences: titles ("Sen. Graham"), acronyms
("U.S. President"), initials ("George W. Bush", "J.D. Vance"), dates ("Aug. 7"), times
("10 p.m. Thursday"), list numbers and decimals. A sentence boundary is therefore decided per
candidate (terminal punctuation followed by whitespace) by looking at the word before it and
the word after it, never by a single regular expression over the whole text. Every step looks
at a bounded window around a candidate, so the whole pass is linear in the length of the body
(a 1 MB line without spaces has no candidate at all).

Abbreviations fall into three classes:
- never final: titles and words that always introduce something ("Mr.", "Gen.", "St.", "vs.",
  "e.g.", "No." before a number); the sentence never ends there;
- possibly final: acronyms, initials, company and date abbreviations ("U.S.", "Inc.", "a.m.",
  "W.", "Aug."); the sentence ends there only when the next word visibly starts a sentence
  (a function word such as "The", "He", "But", or an opening quote), not when it continues a
  name ("U.S. President Donald Trump", "J.D. Vance", "p.m. Thursday");
- ordinary words: a period followed by a word that does not start in lowercase ends a sentence.

Quotes: a closing quote after terminal punctuation belongs to the sentence (`.”`, `?”`), a
comma inside a quote never ends one (`,” Ushakov said.`), and a short attribution after a
closed quote (`“Why now?” Ushakov asked.`) stays attached to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..article import Paragraph, Sentence
from ..rules import Registry, Rule
from .lazy import LazyRegex, LazyWords

# Terminal punctuation, then any closing quotes or brackets that belong to the same sentence.
_CANDIDATE = LazyRegex(r"[.?!…。！？]+[”\"’'»›)\]]*")
_CJK_TERMINALS = frozenset("。！？")
_QUOTE_CLOSERS = frozenset("”\"’'»›")
_OPENERS = frozenset("“\"‘'([{«‹¿¡")
_MAX_LOOK = 64  # characters to look at around a candidate: words are never longer in news

# Verbs that make a short clause after a closed quote its attribution.
_SPEECH_VERBS = LazyWords("ingest-segment-speech-verbs")
_TERMINAL_CHARS = frozenset(".?!…")


def segment(body: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """Split every fact paragraph into sentences; boilerplate paragraphs get none."""
    out: list[Sentence] = []
    for para in paragraphs:
        if para.boilerplate:
            continue
        for start, end in _paragraph_spans(body, para.start, para.end):
            out.append(Sentence(len(out), para.index, start, end, body[start:end]))
    return tuple(out)


def _paragraph_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed (start, end) spans of the sentences of body[start:end]."""
    cuts: list[int] = []
    sentence_start = start
    for m in _CANDIDATE.finditer(body, start, end):
        if m.end() >= end:
            break
        if _is_boundary(body, m, start, end, sentence_start):
            cuts.append(m.end())
            sentence_start = m.end()
    spans: list[tuple[int, int]] = []
    prev = start
    for cut in [*cuts, end]:
        s, e = _trim(body, prev, cut)
        prev = cut
        if s >= e:
            continue
        if spans and not _has_word(body, s, e):
            # A stray fragment ("…", "—") is not a sentence: it stays with the one before.
            spans[-1] = (spans[-1][0], e)
        elif spans and not _has_word(body, *spans[-1]):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _trim(body: str, s: int, e: int) -> tuple[int, int]:
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return s, e


def _has_word(body: str, s: int, e: int) -> bool:
    # A sentence nearly always opens with a letter or digit: that answers without a scan.
    return body[s].isalnum() or any(c.isalnum() for c in body[s:e])


def _is_boundary(
    body: str, m: re.Match[str], para_start: int, para_end: int, sentence_start: int
) -> bool:
    run = m.group()
    punct = run.rstrip("”\"’'»›)]")
    closers = run[len(punct) :]
    if punct[-1] in _CJK_TERMINALS:
        return True
    if not body[m.end()].isspace():
        return False  # "3.5", "U.S.-Russia", "example.com/path": not an end
    nxt = _next_word(body, m.end(), para_end)
    if nxt is None:
        return True
    start, opened, first, word = nxt
    if first.islower() and word == word.lower():
        return False  # "“We are ready.” he said", "e.g. the ...": the sentence goes on
    # ("iPhone", "eBay": a lowercase first letter with capitals later still starts a sentence.)

    quoted = bool(closers) and any(c in _QUOTE_CLOSERS for c in closers)
    if (
        quoted
        and not opened
        and _quote_opens_sentence(body, sentence_start, m.start())
        and _attribution_follows(body, start, para_end)
    ):
        return False

    if "?" in punct or "!" in punct:
        return True
    if "…" in punct or ".." in punct:
        # An ellipsis marks an omission inside a sentence, unless a quote closes after it.
        return bool(closers) and not first.islower()
    if closers:
        return True
    token = _word_before(body, m.start(), para_start)
    return period_ends(Period(body, m.start(), sentence_start, token, first, word, opened))


def _next_word(body: str, after: int, para_end: int) -> tuple[int, bool, str, str] | None:
    """What follows a candidate: (where it starts, whether an opening quote or bracket comes
    first, the first character after those, the word there); None at the paragraph's end."""
    nxt = after
    limit = min(para_end, after + _MAX_LOOK)
    while nxt < limit and body[nxt].isspace():
        nxt += 1
    if nxt >= para_end:
        return None
    opener_end = nxt
    while opener_end < limit and body[opener_end] in _OPENERS:
        opener_end += 1
    first = body[opener_end] if opener_end < limit else ""
    return nxt, opener_end > nxt, first, _word_at(body, opener_end, limit)


class Period:
    """A plain period followed by space and a word that could start a sentence.

    `token` is the word before it (without quotes or brackets), `first` the next visible
    character, `word` the next word, `opened` whether an opening quote or bracket comes between.
    """

    __slots__ = ("body", "dot", "first", "opened", "sentence_start", "token", "word")

    def __init__(
        self,
        body: str,
        dot: int,
        sentence_start: int,
        token: str,
        first: str,
        word: str,
        opened: bool,
    ) -> None:
        self.body, self.dot, self.sentence_start = body, dot, sentence_start
        self.token, self.first, self.word, self.opened = token, first, word, opened

    def token_opens_sentence(self) -> bool:
        """Is the word before the period the first word of its sentence ("1. The ...")?"""
        return self.body[self.sentence_start : self.dot - len(self.token)].strip() == ""


@dataclass(frozen=True, slots=True)
class PeriodRule(Rule):
    """A class of word before a period: `decide` says whether the period ends the sentence
    (True or False), or None when the word is not of its class and the next rule decides."""

    decide: Callable[[Period], bool | None]


def _example(rule: PeriodRule, text: str) -> bool | None:
    """Apply one rule to the first period of `text` that is followed by a space and a word."""
    m = next(m for m in _CANDIDATE.finditer(text) if text[m.end() : m.end() + 1].isspace())
    assert m.group() == ".", text
    nxt = _next_word(text, m.end(), len(text))
    assert nxt is not None, text
    _, opened, first, word = nxt
    token = _word_before(text, m.start(), 0)
    return rule.decide(Period(text, m.start(), 0, token, first, word, opened))


# The classes of word before a period, tried in order (`segment_rules.py`); the first that
# recognises the word decides.
PERIODS: Registry[PeriodRule] = Registry("segment", _example)


def period_ends(period: Period) -> bool:
    """Does a plain period end the sentence? The first rule that knows the word decides."""
    for rule in PERIODS:
        decision = rule.decide(period)
        if decision is not None:
            return decision
    return True  # an ordinary word: "... the talks ended. Officials said"


def _word_before(body: str, dot: int, para_start: int) -> str:
    """The word that ends at the period at `dot`, without quotes or brackets around it."""
    i = dot
    lo = max(para_start, dot - _MAX_LOOK)
    while i > lo and not body[i - 1].isspace():
        i -= 1
    token = body[i:dot]
    token = token.lstrip("“\"‘'([{«‹—–-")
    return token.rstrip("”\"’'»›)]}")


def _word_at(body: str, i: int, limit: int) -> str:
    j = i
    while j < limit and (body[j].isalnum() or body[j] in "'’-"):
        j += 1
    return body[i:j]


def _quote_opens_sentence(body: str, sentence_start: int, dot: int) -> bool:
    """Did the quote that closes at `dot` open the sentence (or an earlier one)?

    `“Why now?” Ushakov asked.` keeps its attribution; in `He called it “a disaster.” Officials
    said.` the quote opened mid-sentence, so what follows is a sentence of its own.
    """
    lo = max(sentence_start, dot - 4 * _MAX_LOOK)
    while lo < dot and body[lo].isspace():
        lo += 1
    opener = max(body.rfind(q, lo, dot) for q in '“"«‘')
    return opener <= lo


def _attribution_follows(body: str, start: int, para_end: int) -> bool:
    """True for a short speech clause after a closed quote: `” Ushakov said on Thursday.`"""
    limit = min(para_end, start + 2 * _MAX_LOOK)
    end = start
    while end < limit and body[end] not in _TERMINAL_CHARS:
        end += 1
    if end >= limit and limit < para_end:
        return False
    words = [w.strip(",;:").lower() for w in body[start:end].split()]
    if not 1 <= len(words) <= 6:
        return False
    return any(w in _SPEECH_VERBS for w in words)
