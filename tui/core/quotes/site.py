"""One quote as the attribution rules see it, and the shape every quotes rule takes.

A rule is tried on a `Site` and answers `None` when its shape is not there (the next rule is
tried), or a `Found` when it is: with a speaker, or with `speaker=None` when the shape is
there but names no one ("...," he said, with no "he" in sight), which ends the search: no
speaker is better than a guess from a shape that does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..people import Token
from ..rules import Rule
from .context import ArticleContext, Speaker, words_in
from .marks import Piece

# Anything but space, commas, dashes and quote marks: text that stands before a quote in its
# sentence, so the quote does not open it.
_NOT_OPENING = re.compile("[^ ,“\"‘'—–-]")


@dataclass(frozen=True, slots=True)
class Found:
    """A rule's shape was found. `adjacent`: the attribution follows the closing mark
    directly ("...," X said), rather than trailing at the end of the sentence."""

    speaker: Speaker | None
    adjacent: bool = True
    rule: str = ""


@dataclass(frozen=True, slots=True)
class QuoteRule(Rule):
    """A quotes rule. `where` says when it is tried: "after" (the words after the closing
    mark), "before" (the words before the opening mark, same sentence), "around" (earlier
    quotes, the next sentence, the paragraph before), "group" (the other paragraphs of one
    long quote), or "reference" (what a speaker phrase such as "he" or "the minister"
    names). Golden examples are (text, the speaker of its last quote)."""

    where: str
    find: Callable[[Site], Found | None] | None = None


class Site:
    """A quote in its sentence: the tokens on each side, the quote before it, what earlier
    paragraphs said. Built per quote; the token windows are cut once, when a rule asks."""

    def __init__(
        self,
        ctx: ArticleContext,
        pieces: list[Piece],
        n: int,
        speakers: list[Speaker | None],
        prev_by_para: dict[int, Speaker | None],
        last_para_speaker: tuple[int, Speaker] | None,
    ) -> None:
        body = ctx.article.body
        piece = pieces[n]
        sent = ctx.sentence_at(piece.start)
        assert sent is not None
        self.ctx, self.pieces, self.n, self.piece, self.sent = ctx, pieces, n, piece, sent
        self.speakers = speakers
        self.prev_by_para = prev_by_para
        self.last_para_speaker = last_para_speaker
        self.toks = ctx.tokens[ctx.position[sent.index]]
        end_sent = (ctx.sentence_at(piece.close) if piece.close is not None else sent) or sent
        self.end_toks = ctx.tokens[ctx.position[end_sent.index]]
        nxt_open = pieces[n + 1].open if n + 1 < len(pieces) else len(body)
        self.limit = min(end_sent.end, nxt_open)
        self.more_quotes = nxt_open < end_sent.end
        # The previous quote in this sentence: the words before this one start after it.
        prev = pieces[n - 1] if n > 0 else None
        self.floor = sent.start
        self.same_prev: Speaker | None = None
        if prev is not None and prev.close is not None and prev.close >= sent.start:
            self.floor = prev.close + 1
            self.same_prev = speakers[-1]
        self.opens_sentence = _NOT_OPENING.search(body, self.floor, piece.open) is None
        self.k = ctx.position[sent.index]
        # What several rules ask of this quote (the nearest verb before it ...), found once.
        self.memo: dict[str, Any] = {}

    @cached_property
    def after(self) -> list[Token]:
        """The sentence's words after the closing mark, without a leading comma or dash."""
        if self.piece.close is None:
            return []
        after = words_in(self.end_toks, self.piece.close + 1, self.limit)
        while after and after[0].text in (",", "—", "–", "-"):
            after = after[1:]
        return after

    @cached_property
    def before(self) -> list[Token]:
        """The sentence's words before the opening mark (after any earlier quote of it)."""
        return words_in(self.toks, self.floor, self.piece.open)
