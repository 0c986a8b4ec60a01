"""Unwrapping: source lines joined back into paragraphs.

Paragraphs are separated by a blank line, but many files are hard-wrapped at a fixed width
(e-mail, wire feeds, terminals) and others put one paragraph on each line. The break between
two lines is a wrap point when the sentence visibly goes on, or when the file is wrapped and the
next word would not have fitted on the line; otherwise it starts a new paragraph.
"""

from __future__ import annotations

import itertools

from .boilerplate import is_boilerplate_line
from .lazy import LazyRegex, LazyWords
from .markdown import Line

TERMINAL_END_RE = LazyRegex(r"[.?!…:][”\"’'»)\]]*$")
CONTINUES_END_RE = LazyRegex(r"(?:[,;(\[/&–—-]|“|‘)$")


# Words a sentence does not end on ("the", "of", "and"): a line ending on one goes on.
_FUNCTION_WORDS = LazyWords("ingest-unwrap-function-words")


def paragraph_texts(lines: list[Line], markdown: bool) -> list[str]:
    """The paragraphs of the body, each one line of text, in order."""
    width = _wrap_width(lines)
    texts: list[str] = []
    current: list[str] = []
    prev: Line | None = None
    blocked = any(ln.blank for ln in lines[_first_text(lines) : _last_text(lines)])
    for ln in lines:
        if ln.blank:
            if current:
                texts.append(_join(current))
                current = []
            prev = None
            continue
        if prev is not None and not _continues(prev, ln, width, markdown and blocked):
            texts.append(_join(current))
            current = []
        current.append(ln.text)
        prev = ln
    if current:
        texts.append(_join(current))
    return [t for t in texts if t]


def _first_text(lines: list[Line]) -> int:
    return next((i for i, ln in enumerate(lines) if not ln.blank), 0)


def _last_text(lines: list[Line]) -> int:
    return next((i for i in range(len(lines) - 1, -1, -1) if not lines[i].blank), 0)


def _join(parts: list[str]) -> str:
    out = parts[0]
    for part in parts[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and part[:1].islower():
            out += part  # "build-" + "up": a hyphenated word broken at the wrap
        else:
            out += " " + part
    return out


def _wrap_width(lines: list[Line]) -> int:
    """The column a hard-wrapped file was wrapped at, or 0 if its lines are not wrapped.

    Wrapped prose has inner lines (lines followed by another line of the same block) that
    cluster just under one width and mostly end mid-sentence; a file with one paragraph per
    line has lines of every length that end with a full stop.
    """
    inner: list[Line] = []
    for a, b in itertools.pairwise(lines):
        if not a.blank and not b.blank and not a.heading and not b.list_item:
            inner.append(a)
    if len(inner) < 3:
        return 0
    widths = sorted(ln.width for ln in inner)
    width = widths[int(0.9 * (len(widths) - 1))]
    if width > 160 or width < 20:
        return 0
    near = sum(1 for w in widths if w >= 0.75 * width)
    ends = sum(1 for ln in inner if TERMINAL_END_RE.search(ln.text))
    if near < 0.6 * len(inner) or ends > 0.5 * len(inner):
        return 0
    return width


def _continues(prev: Line, line: Line, width: int, markdown_block: bool) -> bool:
    """Is the line break between prev and line a wrap point (same paragraph)?"""
    if prev.heading or line.heading:
        return False
    mid_sentence = _mid_sentence(prev, line)
    if line.list_item and (not line.text[:1].isdigit() or not mid_sentence):
        return False
    if markdown_block:
        return True  # Markdown: a single newline inside a block is a space
    if mid_sentence:
        return True
    if is_boilerplate_line(line.text) or is_boilerplate_line(prev.text, whole=True):
        return False  # a byline or "Advertisement" on its own line never joins the text
    if line.indent >= 2 and line.indent > prev.indent:
        return False  # an indented first line starts a paragraph (typewriter style)
    if width:
        first_word = line.text.split(" ", 1)[0]
        # A wrapper breaks a line only when the next word does not fit: if it would have
        # fitted, the break was made on purpose.
        return prev.width + 1 + len(first_word) > width
    return False


def _mid_sentence(prev: Line, line: Line) -> bool:
    first_word = line.text.split(" ", 1)[0]
    if first_word[:1].islower() and first_word == first_word.lower():
        return True  # ("iPhone" and "eBay" can start a sentence, "and" cannot)
    if CONTINUES_END_RE.search(prev.text):
        return True
    last = prev.text.rsplit(" ", 1)[-1]
    return last in _FUNCTION_WORDS
