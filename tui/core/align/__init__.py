"""Which sentences of two articles state the same fact, and what they share."""

from .engine import align_articles

__all__ = ["align_articles"]
