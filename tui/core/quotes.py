"""TEMPORARY: no quotes yet; replaced by issue 3."""

from __future__ import annotations

from collections.abc import Sequence

from .article import Article
from .model import Person, Quote, QuoteLink


def find_quotes(
    articles: Sequence[Article], people: Sequence[Person]
) -> tuple[list[Quote], list[QuoteLink]]:
    return [], []
