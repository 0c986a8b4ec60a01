"""Who said each quote of an article: the rules of the "quotes" registry tried in their order.

A quote that opens its sentence tries the rules after the closing mark first, then those
before the opening mark; a quote inside a sentence tries the rules before it first (the verb
before it governs it) and takes an attribution after it only when that one follows the quote
directly or no earlier quote of the sentence has a speaker. Then the rules around the quote,
in order; the first rule whose shape is there decides, even when it names no one. The pieces
of one multi-paragraph quote share the speaker found for any of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Article
from ..model import Person
from ..tokens.memo import Memo
from .around import MULTI_PARAGRAPH, inherited
from .context import ArticleContext, Speaker
from .marks import Piece, find_pieces
from .resolve import record_events
from .site import Found, QuoteRule, Site

_WHERE = ("after", "before", "around", "group", "reference")


def _first(rules: Sequence[QuoteRule], site: Site) -> Found | None:
    for rule in rules:
        assert rule.find is not None
        found = rule.find(site)
        if found is not None:
            return Found(found.speaker, found.adjacent, rule.name)
    return None


def _sides(site: Site, rules: dict[str, list[QuoteRule]]) -> Found | None:
    """The attribution written next to the quote's own marks, if any."""
    if site.opens_sentence:
        found = _first(rules["after"], site)
        return found if found is not None else _first(rules["before"], site)
    left = _first(rules["before"], site)
    if left is not None and left.speaker is not None:
        return left
    right = _first(rules["after"], site)
    if (
        right is not None
        and right.speaker is not None
        and (right.adjacent or site.same_prev is None)
    ):
        return right
    return left


class _Attribution:
    """The state one article's attribution carries from quote to quote."""

    def __init__(self, ctx: ArticleContext, pieces: list[Piece]) -> None:
        self.ctx = ctx
        self.pieces = pieces
        self.speakers: list[Speaker | None] = []
        self.prev_by_para: dict[int, Speaker | None] = {}
        self.last_para_speaker: tuple[int, Speaker] | None = None

    def speaker_of(self, n: int, rules: dict[str, list[QuoteRule]]) -> Speaker | None:
        piece = self.pieces[n]
        found: Found | None = None
        if self.ctx.sentence_at(piece.start) is not None:
            site = Site(
                self.ctx, self.pieces, n, self.speakers, self.prev_by_para, self.last_para_speaker
            )
            found = _sides(site, rules)
            if found is None:
                found = _first(rules["around"], site)
        sp = found.speaker if found is not None else None
        if sp is not None and sp.rule is None:
            sp = sp.named_by(found.rule if found is not None else None)
        if sp is None and rules["group"]:
            sp = inherited(self.pieces, n, self.speakers)
        return sp

    def add(self, n: int, sp: Speaker | None) -> None:
        piece, pieces, speakers = self.pieces[n], self.pieces, self.speakers
        if sp is not None and n > 0 and pieces[n - 1].group == piece.group:
            # Earlier pieces of this quote that found no speaker of their own share this one.
            for k in range(n - 1, -1, -1):
                if pieces[k].group != piece.group:
                    break
                if speakers[k] is None:
                    speakers[k] = sp.named_by(MULTI_PARAGRAPH.name)
        speakers.append(sp)
        self.prev_by_para[piece.paragraph] = sp
        if sp is not None:
            self.last_para_speaker = (piece.paragraph, sp)
            if sp.kind == "person":
                self.ctx.add_event(piece.start, sp.name, piece.paragraph)


def _by_where(rules: Sequence[QuoteRule]) -> dict[str, list[QuoteRule]]:
    return {w: [r for r in rules if r.where == w] for w in _WHERE}


def attribute(
    ctx: ArticleContext,
    pieces: list[Piece],
    rules: Sequence[QuoteRule],
    solo: QuoteRule | None = None,
) -> list[Speaker | None]:
    """The speaker of each piece. With `solo`, the last piece is attributed by that rule
    alone (a reference rule: the shapes find the phrase, only that rule may resolve it), so a
    golden example tests one rule in the context the earlier quotes give it."""
    state = _Attribution(ctx, pieces)
    every = _by_where(rules)
    for n in range(len(pieces)):
        chosen = every
        if solo is not None and n == len(pieces) - 1:
            if solo.where == "reference":
                ctx.references = frozenset({solo.name})
            else:
                chosen = {w: [solo] if w == solo.where else [] for w in _WHERE}
        sp = state.speaker_of(n, chosen)
        ctx.references = None
        state.add(n, sp)
    return state.speakers


def attribute_article(
    index: int,
    article: Article,
    people: Sequence[Person],
    rules: Sequence[QuoteRule],
    solo: QuoteRule | None = None,
    memo: Memo | None = None,
) -> tuple[list[Piece], ArticleContext, list[Speaker | None]]:
    """The quoted pieces of one article, its context, and each piece's speaker."""
    pieces = find_pieces(article)
    spans = [(x.start, x.end) for x in pieces]
    ctx = ArticleContext(index, article, people, spans, memo=memo)
    record_events(ctx)
    return pieces, ctx, attribute(ctx, pieces, rules, solo)
