"""From a file on disk to an Article: read, decode, clean, front matter, Markdown, unwrap,
headline, boilerplate and sentences."""

from .loading import MAX_BYTES, load_article, parse_article, strip_escapes

__all__ = ["MAX_BYTES", "load_article", "parse_article", "strip_escapes"]
