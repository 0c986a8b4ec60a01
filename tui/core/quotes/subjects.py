"""Who a sentence is about: the person named as its subject, also behind an introductory
phrase or in apposition to an opening role phrase. Pronouns, role anaphora and quotes that
open a paragraph all ask this; each sentence is asked once per comparison."""

from __future__ import annotations

from ..article import Sentence
from ..lexicon.names import ROLE_HEADS
from ..model import Mention, Person
from ..people import Token
from .context import ArticleContext, words_in
from .phrases import (
    HARD_STOPS,
    LEAD_WINDOW,
    POSSESSIVE_MARKS,
    QUOTE_CHARS,
    subject_limit,
    verb_like,
)
from .words import W


def lead_subject(
    ctx: ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[Mention, Person] | None:
    """The person a sentence is about, also behind a leading phrase: the plain subject
    ("Smith arrived"), the name in an appositive subject ("The director of the charity,
    Anne-Laure de Villiers, never gave up hope"), or the subject after an introductory
    phrase ending in a comma ("In Rotterdam, Joost van den Heuvel reacted angrily",
    "Standing behind the police tape, María Elena Rojas clutches a photograph")."""
    if sent.index in ctx.lead_subjects:
        return ctx.lead_subjects[sent.index]
    hit = _lead_subject_uncached(ctx, sent, toks)
    ctx.lead_subjects[sent.index] = hit
    return hit


def _lead_subject_uncached(
    ctx: ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[Mention, Person] | None:
    hit = subject_of(ctx, sent, toks)
    if hit is not None:
        return hit
    # The patterns lie at the sentence start: a hostile sentence of a million words is not
    # copied for them.
    words = words_in(toks[:LEAD_WINDOW], sent.start, sent.end)
    found = _name_after_lead(ctx, words)
    if found is None:
        return None
    lead, hit = found
    rest = [t for t in words if t.start >= hit[0].end]
    first = lead[0].folded
    if _role_lead(lead) and len(rest) > 1 and rest[0].text == "," and verb_like(rest[1]):
        return hit  # "The <role> of <Org>, <Name>, <verb>": the name in apposition
    if not _intro_word(first):
        return None
    # Introductory phrase: "In Rotterdam, Joost van den Heuvel reacted angrily", also over
    # an appositive after the name ("Back in the village, Yusuf Demir, 63, sweeps ...").
    if rest and rest[0].text == ",":
        close = next((k for k, t in enumerate(rest[1:15], 1) if t.text == ","), None)
        if close is None or any(t.text in HARD_STOPS for t in rest[1:close]):
            return None
        rest = rest[close + 1 :]
    return hit if rest and verb_like(rest[0]) else None


def _intro_word(first: str) -> bool:
    return first in W.intro_words or first.endswith("ing") or first.endswith("ed")


def _role_lead(lead: list[Token]) -> bool:
    """Whether the phrase before the first comma is a role ("The director of the charity")."""
    first = lead[0]
    definite = first.folded in W.definite or first.folded in ("a", "an") or first.possessive
    return definite and any(t.folded in ROLE_HEADS for t in lead)


def _name_after_lead(
    ctx: ArticleContext, words: list[Token]
) -> tuple[list[Token], tuple[Mention, Person]] | None:
    """The phrase before the sentence's first comma, and the person mention that starts
    right after that comma (not as a possessive: "In Paris, Smith's lawyers ...")."""
    comma = _first_comma(words)
    if comma is None:
        return None
    lead = words[:comma]
    if lead[0].text[:1] in QUOTE_CHARS:
        return None
    hit = ctx.covering(words[comma + 1].start)
    if hit is None or hit[0].start != words[comma + 1].start:
        return None
    m = hit[0]
    if ctx.article.body[m.end : m.end + 2] in POSSESSIVE_MARKS:
        return None
    return lead, hit


def _first_comma(words: list[Token]) -> int | None:
    """The index of a comma among the first 20 words, before any hard stop, with words on
    both sides."""
    comma = next(
        (k for k, t in enumerate(words[:20]) if t.text == "," or t.text in HARD_STOPS), None
    )
    if comma is None or comma == 0 or comma + 1 >= len(words):
        return None
    return comma if words[comma].text == "," else None


def subject_of(
    ctx: ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[Mention, Person] | None:
    """The person a sentence is about: named in its subject, not as a possessive ("Smith's
    lawyers") nor as the object of a preposition."""
    if not toks:
        return None
    hit = ctx.first_person_in(sent.start, subject_limit(toks))
    if hit is None:
        return None
    m = hit[0]
    if ctx.article.body[m.end : m.end + 2] in POSSESSIVE_MARKS:
        return None
    for t in toks:  # the words before the name (tokens are in order: stop at the name)
        if t.end > m.start:
            break
        if t.folded in W.prepositions or t.folded in W.of_words:
            return None
    return hit


def after_intro(ctx: ArticleContext, sent: Sentence, toks: list[Token], m: Mention) -> bool:
    """Whether a mention is the subject right after the sentence's introductory phrase (a
    preposition or participle up to the first comma), not inside a role phrase."""
    words = words_in(toks, sent.start, m.start)
    if len(words) < 2 or words[-1].text != ",":
        return False
    if not _intro_word(words[0].folded):
        return False
    return not any(t.text == "," or t.text in HARD_STOPS for t in words[:-1])
