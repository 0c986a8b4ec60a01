"""Who said what: direct quotes, their speakers, and the same quote told by two articles."""

from .engine import find_quotes, link_score

__all__ = ["find_quotes", "link_score"]
