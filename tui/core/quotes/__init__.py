"""Who said what: direct quotes, their speakers, and the same quote told by two articles.

Importing the stage registers its attribution rules (the "quotes" registry in `rules`)."""

from .engine import find_quotes
from .linking import link_score
from .rules import RULES

__all__ = ["RULES", "find_quotes", "link_score"]
