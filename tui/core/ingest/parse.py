"""Turn a file of news text into an `Article`: the ingest steps, in order.

Articles arrive as whatever people saved from a browser, an e-mail or a wire feed: UTF-8 or
UTF-16 or Windows-1252, hard-wrapped or one paragraph per line, with terminal escape codes,
zero-width characters and boilerplate ("Related article: ...", bylines, photo credits) mixed in.
Everything downstream works on character offsets into one clean `body`, so all of that is
settled here, once, and the body is built as paragraphs joined by exactly one blank line.

Text is data: nothing in it is interpreted (no markup, no escapes, no YAML tags beyond
`yaml.safe_load`), and every step is linear in the size of the input. Files that cannot be an
article are refused with a one-line `LoadError` that names the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..article import Article, Paragraph
from ..errors import LoadError
from .boilerplate import BoilerplateRule, classify
from .clean import clean
from .decode import SAMPLE, article_text
from .frontmatter import Meta, meta_fields, split_front_matter
from .headline import same_words, take_leading_heading, take_leading_headline
from .html import is_page, page_parts
from .markdown import Line, prepare_lines, sniff_markdown
from .read import display_name, read_bytes
from .segment import segment
from .unwrap import paragraph_texts

_MARKDOWN_EXTS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})


def load_article(path: str | bytes | os.PathLike[str]) -> Article:
    """Read one article file. Never writes to it; refuses non-files and oversized files early."""
    name = display_name(os.fsdecode(path))
    return _parse(read_bytes(path, name), os.fsdecode(path), name)


def parse_article(
    raw: bytes | str, path: str = "<text>", charset: str = "", html: bool = False
) -> Article:
    """Build an article from bytes or text already in memory (tests, paste, stdin, links).

    `html`: read it as a web page whatever it looks like (a server said text/html);
    `charset` is the one the server declared for it, if any.
    """
    return _parse(raw, path, display_name(path), charset, html)


def _parse(
    raw: bytes | str, path: str, name: str, charset: str = "", html: bool = False
) -> Article:
    """The steps in order; `name` is the path made safe to print, for every message."""
    warnings: list[str] = []
    page = html or is_page(raw, path)
    if page:  # a web page: html.py extracts the article, already cleaned
        rest, meta = page_parts(raw, name, warnings, charset)
        nuls, had_front_matter = 0, False
    else:
        text = article_text(raw, name, warnings)
        nuls = text.count("\x00", 0, SAMPLE)
        text = clean(text)
        meta_block, rest, had_front_matter = split_front_matter(text, name, warnings)
        meta = meta_fields(meta_block, name, warnings)
    texts, marks = _body_paragraphs(rest, path, meta, page=page)
    if not texts:
        if had_front_matter:
            raise LoadError(f"{name}: no article text after the front matter")
        raise LoadError(f"{name}: no readable text")
    if nuls:
        warnings.append(f"{name}: removed {nuls} NUL byte(s)")
    body = "\n\n".join(texts)
    paras = _paragraphs(texts, marks)
    return Article(
        path=path,
        title=meta.title,
        source=meta.source,
        date=meta.date,
        body=body,
        paragraphs=paras,
        sentences=segment(body, paras),
        url=meta.url,
        extra=meta.extra,
        warnings=tuple(warnings),
    )


def _body_paragraphs(
    rest: str, path: str, meta: Meta, page: bool = False
) -> tuple[list[str], list[BoilerplateRule | None]]:
    """The paragraphs after the front matter and the rule marking each as boilerplate (or None).

    Sets `meta.title` from a leading heading or headline, which is not a paragraph.
    """
    # Text extracted from a page is never Markdown: a `<b>` the article prints stays literal.
    markdown = not page and (Path(path).suffix.lower() in _MARKDOWN_EXTS or sniff_markdown(rest))
    lines = prepare_lines(rest, markdown)
    heading_title = take_leading_heading(lines)
    if heading_title is not None:
        if not meta.title:
            meta.title = heading_title
        elif same_words(heading_title, meta.title):
            pass  # the headline repeated under the front matter: not a fact of the body
        else:
            lines.insert(0, Line(heading_title, heading=True))
    texts = paragraph_texts(lines, markdown)
    marks = [classify(t) for t in texts]
    if heading_title is None:
        headline = take_leading_headline(texts, marks, meta.title)
        if headline is not None and not meta.title:
            meta.title = headline
    return texts, marks


def _paragraphs(texts: list[str], marks: list[BoilerplateRule | None]) -> tuple[Paragraph, ...]:
    """Paragraph offsets in the body (texts joined by one blank line), boilerplate marked."""
    out: list[Paragraph] = []
    pos = 0
    for i, (t, rule) in enumerate(zip(texts, marks, strict=True)):
        if rule is None:
            out.append(Paragraph(i, pos, pos + len(t)))
        else:
            out.append(Paragraph(i, pos, pos + len(t), rule.kind, rule.name))
        pos += len(t) + 2
    return tuple(out)
