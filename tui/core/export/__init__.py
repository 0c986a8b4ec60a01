"""The comparison as a JSON or Markdown report, written atomically."""

from .atomic import check_output, write_atomic
from .common import article_id, one_line
from .report_json import SCHEMA_VERSION, coverage, encode_json, to_dict, to_json
from .report_markdown import to_markdown

__all__ = [
    "SCHEMA_VERSION",
    "article_id",
    "check_output",
    "coverage",
    "encode_json",
    "one_line",
    "to_dict",
    "to_json",
    "to_markdown",
    "write_atomic",
]
