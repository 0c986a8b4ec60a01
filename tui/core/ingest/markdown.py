"""Lines: Markdown syntax, list markers and separators, before lines become paragraphs.

A Markdown file (or text that plainly uses Markdown) loses its formatting here: a link keeps its
words, HTML tags and reference lines go, entities become characters, a `# heading` is marked so
it can become the title. Plain text keeps its words exactly; only what every outlet uses as
layout (bullets, numbered items, `* * *` separators) is read as layout.
"""

from __future__ import annotations

import re

from .clean import SPACE_RUN, inline
from .lazy import LazyRegex


class Line:
    """One non-blank source line (or a blank marker) with what paragraph building needs."""

    __slots__ = ("blank", "heading", "indent", "list_item", "text", "width")

    def __init__(
        self,
        text: str,
        *,
        width: int = 0,
        indent: int = 0,
        heading: bool = False,
        list_item: bool = False,
        blank: bool = False,
    ) -> None:
        self.text = text
        self.width = width
        self.indent = indent
        self.heading = heading
        self.list_item = list_item
        self.blank = blank


BLANK = Line("", blank=True)
_ATX_RE = LazyRegex(r" {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT_RE = LazyRegex(r" {0,3}(=+|-+)[ \t]*")
_RULE_RE = LazyRegex(r" {0,3}(?:[-*_=~#•·+][ \t]*){3,}")
_REFDEF_RE = LazyRegex(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+.*")
_RULE_CHARS = frozenset("-*_=~#•·+")
_BULLET_CHARS = frozenset("-*+•◦▪‣·–—")
_BULLET_RE = LazyRegex(r"[ \t]*(?:[-*+•◦▪‣·]|[–—](?=\s))[ \t]+(?=\S)")
_NUMBERED_RE = LazyRegex(r"[ \t]*\(?\d{1,3}[.)][ \t]+(?=\S)")
_QUOTE_PREFIX_RE = LazyRegex(r" {0,3}(?:>[ \t]?)+")
_LINK_RE = LazyRegex(
    r"!?\[([^\[\]\n]{0,500})\]"
    r"\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)"
)
_AUTOLINK_RE = LazyRegex(r"<((?:https?|mailto|ftp):[^<>\s]+)>")
_CODE_RE = LazyRegex(r"(?<!`)(`{1,3})([^`\n]{1,1000})\1(?!`)")
_STRONG_RE = LazyRegex(r"(?<![\w*])(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1(?![\w*])")
_EM_RE = LazyRegex(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![\w*])")
_STRIKE_RE = LazyRegex(r"~~(?=\S)([^~\n]+?)(?<=\S)~~")
_TAG_RE = LazyRegex(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,300})?/?>")
_ENTITY_RE = LazyRegex(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")
_ESCAPED_RE = LazyRegex(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_SNIFF_RE = LazyRegex(
    r"^ {0,3}#{1,6}[ \t]+\S|\[[^\[\]\n]{1,300}\]\((?:https?://|mailto:|/|#)|^ {0,3}(?:\*\*|__)\S",
    re.MULTILINE,
)


def sniff_markdown(text: str) -> bool:
    """Text that plainly uses Markdown (a heading, a link, bold) is read as Markdown whatever
    its file name, so a note saved as .txt loses its syntax too; the look is bounded."""
    # Each branch of the pattern needs a "#", a "[", or "**" or "__": text with none of them
    # (most plain text) cannot match, and `in` tells without running the regex. (A search
    # for one character is a memchr; for two it can take a millisecond, so "*" goes first.)
    if (
        "#" not in text
        and "[" not in text
        and ("*" not in text or "**" not in text)
        and ("_" not in text or "__" not in text)
    ):
        return False
    return _MD_SNIFF_RE.search(text, 0, min(len(text), 200_000)) is not None


def prepare_lines(text: str, markdown: bool) -> list[Line]:
    """The source lines with their layout read: headings, list items, separators as blanks."""
    out: list[Line] = []
    raw_lines = text.split("\n")
    for i, raw in enumerate(raw_lines):
        line = raw.rstrip()
        width = len(line)
        if not line.strip():
            out.append(BLANK)
            continue
        heading = False
        if markdown:
            block = _markdown_block(line, out)
            if block is None:
                continue
            line, heading = block
        if _is_separator(line, i, raw_lines, markdown, out):
            out.append(BLANK)
            continue
        line, list_item = _list_marker(line)
        if markdown:
            line = _strip_markdown_inline(line)
        if "  " in line:
            line = SPACE_RUN.sub(" ", line)
        line = line.strip()
        if not line:
            out.append(BLANK)
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        out.append(Line(line, width=width, indent=indent, heading=heading, list_item=list_item))
    return out


def _markdown_block(line: str, out: list[Line]) -> tuple[str, bool] | None:
    """A Markdown line without its block syntax, and whether it is a heading; None: no text.

    A setext underline ("=====") makes the line before it a heading; a reference definition
    ("[1]: https://...") is not text; a quote's ">" goes, its words stay.
    """
    if _SETEXT_RE.fullmatch(line) and out and not out[-1].blank and not out[-1].heading:
        out[-1].heading = True  # "Title\n=====": the underline is not text
        return None
    if _REFDEF_RE.fullmatch(line):
        return None
    q = _QUOTE_PREFIX_RE.match(line)
    if q:
        line = line[q.end() :]
    m = _ATX_RE.fullmatch(line)
    if m:
        return m.group(2), True
    return line, False


def _is_separator(line: str, i: int, raw_lines: list[str], markdown: bool, out: list[Line]) -> bool:
    """ "* * *", "-----", "###": a visual separator between paragraphs, not words.

    In plain text such a line between two lines of text is left to them (it may be part of
    the text); it separates only with a blank line, or the start or end, on one side.
    """
    first = line.lstrip()[:1]
    if first not in _RULE_CHARS or not _RULE_RE.fullmatch(line) or _has_alnum(line):
        return False
    next_blank = i + 1 >= len(raw_lines) or not raw_lines[i + 1].strip()
    return markdown or next_blank or not out or out[-1].blank


def _list_marker(line: str) -> tuple[str, bool]:
    """The line without its bullet, and whether it is a list item (numbered items keep theirs)."""
    first = line.lstrip()[:1]
    m = _BULLET_RE.match(line) if first in _BULLET_CHARS else None
    if m:
        return line[m.end() :], True
    if (first.isdigit() or first == "(") and _NUMBERED_RE.match(line):
        return line, True
    return line, False


def _strip_markdown_inline(line: str) -> str:
    line = _LINK_RE.sub(r"\1", line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _CODE_RE.sub(r"\2", line)
    line = _TAG_RE.sub("", line)
    line = _STRIKE_RE.sub(r"\1", line)
    line = _STRONG_RE.sub(r"\2", line)
    line = _EM_RE.sub(r"\2", line)
    line = _ESCAPED_RE.sub(r"\1", line)
    line = _ENTITY_RE.sub(_entity, line)
    return line


def _entity(m: re.Match[str]) -> str:
    import html

    text = html.unescape(m.group())
    # An entity may not smuggle back what cleaning removed (&#27; is ESC, &#0; NUL).
    return inline(text) if text != m.group() else text


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)
