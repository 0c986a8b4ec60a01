"""TEMPORARY minimal loader, replaced by the loading work of issue 2."""

from __future__ import annotations

from pathlib import Path

from .article import Article, Paragraph
from .errors import LoadError
from .segment import segment


def load_article(path: str | Path) -> Article:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise LoadError(f"{p}: cannot read ({exc.strerror})") from None
    return parse_article(raw, str(p))


def parse_article(raw: bytes | str, path: str = "<text>") -> Article:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    chunks = [c.strip() for c in text.splitlines() if c.strip()]
    body = "\n\n".join(chunks)
    if not body:
        raise LoadError(f"{path}: the article is empty")
    paragraphs = []
    pos = 0
    for i, c in enumerate(chunks):
        paragraphs.append(Paragraph(i, pos, pos + len(c)))
        pos += len(c) + 2
    paras = tuple(paragraphs)
    return Article(path, "", "", "", body, paras, segment(body, paras))
