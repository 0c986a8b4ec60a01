"""The headline: a Markdown `# heading` or a plain headline line that opens the body.

A page copied from a browser starts with its headline on a line of its own, often after a
section label, a timestamp or a byline. When the front matter gives no title, that line is the
title; when it gives one, only the same headline repeated is taken out of the body (it is not a
fact the article reports twice).
"""

from __future__ import annotations

import itertools

from .boilerplate import BoilerplateRule
from .lazy import LazyRegex
from .markdown import Line
from .unwrap import CONTINUES_END_RE, TERMINAL_END_RE

# "Storm hits coast. Thousands flee": two sentences are text, not a headline.
_SENTENCE_INSIDE_RE = LazyRegex(r"[.!?][”\"’']?\s+[A-Z“\"]")
_WORD_RE = LazyRegex(r"\w+")


def take_leading_heading(lines: list[Line]) -> str | None:
    """A level-one heading that opens a Markdown body is the article's headline."""
    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        if ln.heading:
            del lines[i]
            return ln.text
        return None
    return None


def take_leading_headline(
    texts: list[str], marks: list[BoilerplateRule | None], title: str
) -> str | None:
    """The headline a page copied from a browser opens with, taken out of the paragraphs.

    A headline is a line of its own that is not a sentence: a few words with no full stop,
    the first text that is not page furniture (a section label, a timestamp, a byline), right
    before the article's first sentence. Only a single such line is taken: two or more
    ("Gazeta Poranna, Lodz" over the headline) could be an outlet, a section or a kicker in
    any order, and are left as text rather than guessed at; this also keeps a loaded body a
    fixed point (loading it again takes nothing more out). With a title from the front
    matter, only the same headline repeated is taken out. `marks` are the rules that
    mark each paragraph as boilerplate (None for facts); the headline's is taken out with it.
    """
    facts = list(itertools.islice((i for i, m in enumerate(marks) if m is None), 2))
    if len(facts) < 2 or not _headline_like(texts[facts[0]]) or _headline_like(texts[facts[1]]):
        return None
    if title and not same_words(texts[facts[0]], title):
        return None
    marks.pop(facts[0])
    return texts.pop(facts[0])


def _headline_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 20
        and len(text) <= 160
        and "\n" not in text
        and TERMINAL_END_RE.search(text) is None
        and CONTINUES_END_RE.search(text) is None
        and _SENTENCE_INSIDE_RE.search(text) is None
        and any(c.isalpha() for c in text)
    )


def same_words(a: str, b: str) -> bool:
    """The same words in the same order, whatever the case and punctuation."""
    return _WORD_RE.findall(a.lower()) == _WORD_RE.findall(b.lower())
