"""TEMPORARY: no people yet; replaced by issue 3."""

from __future__ import annotations

from collections.abc import Sequence

from .article import Article
from .model import Person


def find_people(articles: Sequence[Article]) -> list[Person]:
    return []
