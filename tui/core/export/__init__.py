"""The comparison as a JSON or Markdown report, written atomically."""

from .engine import check_output, one_line, to_dict, to_json, to_markdown, write_atomic

__all__ = ["check_output", "one_line", "to_dict", "to_json", "to_markdown", "write_atomic"]
