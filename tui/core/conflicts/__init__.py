"""Where two aligned passages disagree: numbers, dates, names and quoted wording."""

from .engine import find_conflicts

__all__ = ["find_conflicts"]
