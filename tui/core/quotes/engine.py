"""The quotes stage in order: find each article's quoted spans, attribute them by the rules
of the "quotes" registry, drop scare quotes, then link renderings of one statement across
articles.

Speaker names resolve through the people stage's mentions (so "Kremlin foreign policy adviser
Yuri Ushakov" and "the Kremlin leader" work); anything else ("Kremlin officials", "a White
House official") is kept as written as a non-person source. No speaker is better than a
wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..article import Article
from ..model import Person, Quote, QuoteLink
from ..tokens.memo import Memo
from .attribute import attribute_article
from .linking import link
from .rules import RULES


def _quotes_of(index: int, article: Article, people: Sequence[Person], memo: Memo) -> list[Quote]:
    pieces, ctx, speakers = attribute_article(index, article, people, list(RULES), memo=memo)
    quotes: list[Quote] = []
    for piece, sp in zip(pieces, speakers, strict=True):
        text = article.body[piece.start : piece.end]
        if sp is None and _looks_like_scare_quote(text):
            continue
        if sp is not None and sp.kind == "unresolved":
            sp = None  # speech by a role the article never ties to one person
        sent = ctx.sentence_at(piece.start)
        quotes.append(
            Quote(
                id=f"q{index}-{len(quotes) + 1}",
                article=index,
                sentence=sent.index if sent else 0,
                start=piece.start,
                end=piece.end,
                text=text,
                speaker=sp.name if sp else None,
                speaker_kind=sp.kind if sp else None,  # type: ignore[arg-type]
                rule=sp.rule if sp else None,
            )
        )
    return quotes


def find_quotes(
    articles: Sequence[Article], people: Sequence[Person], memo: Memo | None = None
) -> tuple[list[Quote], list[QuoteLink]]:
    """Every direct quote with its speaker, and links between renderings across articles."""
    memo = memo if memo is not None else Memo()
    quotes: list[Quote] = []
    for ai, art in enumerate(articles):
        if art.sentences:
            quotes.extend(_quotes_of(ai, art, people, memo))
    links = link(quotes, people, memo.table("quotes.features"))
    same: dict[str, list[str]] = {}
    for lk in links:
        same.setdefault(lk.left, []).append(lk.right)
        same.setdefault(lk.right, []).append(lk.left)
    quotes = [replace(q, same_as=tuple(same[q.id])) if q.id in same else q for q in quotes]
    return quotes, links


def _looks_like_scare_quote(text: str) -> bool:
    """An unattributed short or mid-sentence quote is a scare quote or a title, not speech."""
    words = text.split()
    if len(words) <= 4:
        return True
    return text[:1].islower()
