"""Saved web pages: from an HTML page to article text and its metadata, with trafilatura.

A page is mostly not the article: menus, share widgets, related links, comments, scripts.
trafilatura (the best open-source Python extractor on the public article-extraction
benchmark) finds the article's body, title, author, date and site name; Parallax turns them
into paragraphs separated by a blank line, the title and source, and a leading "By ..."
byline paragraph, which the boilerplate rules then mute like any other byline. When it finds no
article, the page's `<title>` and visible text are used instead, with a warning.

The bytes are decoded here, not by trafilatura, by the order browsers use: a byte-order mark,
then the charset the server sent, then the page's own `<meta charset>`, then UTF-8, then
Windows-1252 (so a page saved in a legacy encoding reads right). trafilatura is imported only
when a page is read (it costs more than comparing two text files), and is only ever handed a
string: it fetches nothing. Its loggers are silenced, since a warning of its own on stderr
would not be Parallax's one line.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LoadError
from .clean import clean
from .decode import article_text
from .frontmatter import Meta
from .lazy import LazyRegex

HTML_EXTS = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# Text that is plainly a web page: a doctype or an <html>/<head>/<body> tag first, perhaps after
# comments. Fragments (a <b> in prose, a Markdown note with tags) are not pages.
_PAGE_RE = LazyRegex(r"(?:\s|\ufeff|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
_SNIFF = 4096
# WHATWG: these labels mean Windows-1252 in a browser, and pages are written for browsers.
_AS_CP1252 = frozenset({"iso8859-1", "latin-1", "ascii", "iso8859-15"})
_QUIET = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
# trafilatura's time grows with the page (its metadata search most: 9,000 paragraphs took 5.7 s,
# 3.3 s of it for metadata). The largest of the benchmark's 181 real pages has 1,709 elements;
# past this many "<" (about 10k elements) the page is read as visible text at once, so the
# worst 2 MB page stays a matter of seconds.
MAX_TAGS = 20_000
_FIELDS = ("text", "author", "title", "sitename", "date", "url")
_BLOCKS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "section", "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PageText:
    """What a page gives the article: body text (paragraphs split by blank lines) and meta."""

    text: str
    title: str = ""
    source: str = ""
    date: str = ""
    url: str = ""


def is_page(raw: bytes | str, path: str) -> bool:
    """True for a `.html`/`.htm` file or text that opens like a web page."""
    if Path(path).suffix.lower() in HTML_EXTS:
        return True
    if isinstance(raw, str):
        head = raw[:_SNIFF]
    else:
        data = bytes(raw[:_SNIFF])
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = data.decode("utf-16", "ignore")
        else:
            head = data.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return _PAGE_RE.match(head) is not None


def read_page(raw: bytes | str, name: str, warnings: list[str], charset: str = "") -> PageText:
    """The article in a web page; `charset` is the one an HTTP server declared, if any."""
    if isinstance(raw, str):
        markup = article_text(raw, name, warnings, page=True)  # binary junk is refused alike
    else:
        markup = decode_page(bytes(raw), name, warnings, charset)
    if not markup.strip():
        raise LoadError(f"{name}: the article is empty (only whitespace)")
    crowded = markup.count("<") > MAX_TAGS
    page = None if crowded else _extract(markup)
    if page is not None and page.text.strip():
        return page
    page = _visible_text(markup)
    if not page.text.strip():
        raise LoadError(f"{name}: an HTML page with no readable text")
    why = f"too many tags to look for the article (over {MAX_TAGS:,})" if crowded else ""
    warnings.append(f"{name}: {why or 'no article found in the page'}; showing its visible text")
    return page


def decode_page(data: bytes, name: str, warnings: list[str], charset: str = "") -> str:
    """The page as text: BOM, then the server's charset, then `<meta charset>`, then sniffing."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return article_text(data, name, warnings, page=True)
    for label in (charset, _meta_charset(data)):
        codec = _codec(label)
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            text = data.decode(codec, "replace")
            bad = text.count("\ufffd") - data.decode(codec, "ignore").count("\ufffd")
            if bad:
                warnings.append(f"{name}: {bad} byte(s) that are not valid {label} were replaced")
            return article_text(text, name, [], page=True)  # refuses binary junk alike
        if codec:
            break
    return article_text(data, name, warnings, page=True)


def _meta_charset(data: bytes) -> str:
    found = _meta_charset_re().search(data, 0, 16 * 1024)
    return found.group(1).decode("ascii", "replace") if found else ""


@functools.cache
def _meta_charset_re() -> re.Pattern[bytes]:
    return re.compile(_META_CHARSET, re.I)


def _codec(label: str) -> str:
    """The Python codec for a charset label, or "" when it names none."""
    if not label:
        return ""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return ""
    return "cp1252" if name in _AS_CP1252 else name


def _quiet() -> None:
    for logger in _QUIET:
        log = logging.getLogger(logger)
        if not log.handlers:
            log.addHandler(logging.NullHandler())
        log.propagate = False


def _extract(markup: str) -> PageText | None:
    """trafilatura's reading of the page: its body lines as paragraphs, and its metadata."""
    _quiet()
    import trafilatura  # lazily: only a page needs it

    try:
        doc: Any = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            # Measured on the benchmark: F1 0.960 against 0.954 by default (fewer stray lines,
            # and a stray line would become a "fact").
            favor_precision=True,
            include_tables=True,
            deduplicate=False,
        )
    except Exception:  # a page the parser chokes on is read as visible text instead
        return None
    return None if doc is None else _page_of(doc)


def _page_of(doc: Any) -> PageText:
    """trafilatura's lines become paragraphs; its author a leading "By ..." byline."""
    fields = [str(getattr(doc, f, None) or "").strip() for f in _FIELDS]
    text, author, title, source, date, url = fields
    paras = [line.strip() for line in text.splitlines() if line.strip()]
    authors = [a.strip() for a in author.split(";") if a.strip()]
    if authors and paras:
        paras.insert(0, "By " + " and ".join(authors))
    return PageText("\n\n".join(paras), title, source, date, url)


def _visible_text(markup: str) -> PageText:
    """The page's `<title>` and the text a browser would show, one block per paragraph."""
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(
            markup.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except Exception:
        return PageText("")
    title = " ".join((root.findtext(".//title") or "").split())
    paras = [p for p in _visible_lines(root) if p != title]
    return PageText("\n\n".join(paras), title=title)


def _visible_lines(root: Any) -> list[str]:
    """The text of the page's body, a line for every block element, without code or styles."""
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    body = root.find("body")
    text = (body if body is not None else root).text_content()
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


def page_parts(
    raw: bytes | str, name: str, warnings: list[str], charset: str = ""
) -> tuple[str, Meta]:
    """The page's article text and metadata, cleaned as every article's text is."""
    page = read_page(raw, name, warnings, charset)
    title, source, date, url = (
        " ".join(clean(v).split()) for v in (page.title, page.source, page.date, page.url)
    )
    return clean(page.text), Meta(title, source, date, url, {})
