"""From a file on disk to an Article: read, decode, clean, front matter, Markdown, unwrap,
headline, boilerplate and sentences (`parse.py` runs the steps in that order)."""

from . import boilerplate_rules, segment_rules  # noqa: F401  (importing registers the rules)
from .clean import strip_escapes
from .parse import load_article, parse_article
from .read import MAX_BYTES

__all__ = ["MAX_BYTES", "load_article", "parse_article", "strip_escapes"]
