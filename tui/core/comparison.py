"""compare(): the one entry point from loaded articles to the Comparison everything renders."""

from __future__ import annotations

from collections.abc import Sequence

from .align import align_articles
from .article import Article
from .errors import ParallaxError
from .model import Comparison
from .people import find_people
from .quotes import find_quotes


def compare(articles: Sequence[Article]) -> Comparison:
    """Align every pair of articles and find the people and quotes across all of them."""
    if len(articles) < 2:
        raise ParallaxError("need at least two readable articles to compare")
    arts = tuple(articles)
    alignments = align_articles(arts)
    people = find_people(arts)
    quotes, links = find_quotes(arts, people)
    # Loader warnings already name their file.
    warnings = tuple(w for a in arts for w in a.warnings)
    return Comparison(
        articles=arts,
        alignments=tuple(alignments),
        people=tuple(people),
        quotes=tuple(quotes),
        quote_links=tuple(links),
        warnings=warnings,
    )
