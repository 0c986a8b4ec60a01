"""Attribution from around the quote, when its own sentence names no speaker around the marks:
an earlier quote of the same sentence, the subject whose verb frames a partial quote, the
subject of the next sentence, the quote before it in the paragraph, the `X said:` that ends
the previous paragraph, the previous paragraph's speaker, and the other pieces of one quote
that runs over several paragraphs."""

from __future__ import annotations

import re

from ..lexicon.names import CONTINUATION_VERBS, SPEECH_VERBS, fold
from ..people import Token, is_speech
from .context import Speaker, words_in
from .marks import Piece, outside_quotes
from .phrases import HARD_STOPS, LEAD_WINDOW, POSSESSIVE_MARKS, np_before, title_case
from .resolve import resolve_np, resolved_subject
from .site import Found, QuoteRule, Site
from .subjects import after_intro, lead_subject, subject_of
from .words import W

_WORD = re.compile(r"\w+")
_NOT_PLAIN = re.compile("[^ “\"‘']")


def _tagged(sp: Speaker | None, rule: str) -> Found:
    return Found(sp.named_by(rule) if sp is not None else None)


def _same_sentence(site: Site) -> Found | None:
    if site.same_prev is None:
        return None
    return _tagged(site.same_prev, "same-sentence")


def _framing_subject(site: Site) -> Found | None:
    """A partial quote framed by a verb that is not one of speech ("Hofmann thanked Qatar for
    its "tireless efforts""): the words are the sentence subject's, when that is a person who
    acts in the sentence (not "Smith's lawyers", not "Smith was described by ... as")."""
    ctx, piece = site.ctx, site.piece
    if site.opens_sentence or title_case(ctx.article.body[piece.start : piece.end]):
        return None  # "starred in "The Long Road"": a title or a name, not words spoken
    hit = subject_of(ctx, site.sent, site.toks)
    if hit is None or hit[0].end > piece.open:
        return None
    if ctx.has_token(site.k, "framing-veto", _vetoes_framing, hit[0].end, piece.open):
        return None
    return Found(Speaker(hit[1].name, "person"))


def _vetoes_framing(t: Token) -> bool:
    """ "by", a passive auxiliary or a hard stop between a subject and its partial quote."""
    return t.folded == "by" or t.folded in W.passive or t.text in HARD_STOPS


def _clause_break(t: Token) -> bool:
    return t.text in HARD_STOPS or t.text == ","


def _source_subject(site: Site) -> Found | None:
    """ "Baltic Shipping expressed "its deepest solidarity"", "The company called the sinking
    "a tragedy"": a short subject at the sentence start that names no person, then a
    past-tense verb, then the quote later in the same clause."""
    ctx, piece = site.ctx, site.piece
    if site.opens_sentence or title_case(ctx.article.body[piece.start : piece.end]):
        return None
    if subject_of(ctx, site.sent, site.toks) is not None:
        return None
    # The subject lies in the sentence's first words (see `subject_np`): a hostile sentence
    # of a million words is not copied for each of its quotes.
    words = words_in(site.toks[:LEAD_WINDOW], site.sent.start, piece.open)
    found = resolved_subject(ctx, words)
    if found is None:
        return None
    if ctx.has_token(site.k, "clause-break", _clause_break, words[found[2]].start, piece.open):
        return None
    return Found(found[1])


def _next_subject(site: Site) -> Found | None:
    """A quote that is a whole sentence at the start of its paragraph, with the speaker named
    as the subject of the next sentence: ""My husband is still down there." Marta Rojas, 41,
    has not left the gate since Tuesday."."""
    ctx, piece = site.ctx, site.piece
    para = ctx.paragraph.get(piece.paragraph)
    if not site.opens_sentence or para is None or piece.open != para.start or piece.close is None:
        return None
    end_sent = ctx.sentence_at(piece.close)
    if end_sent is None or ctx.article.body[piece.close + 1 : end_sent.end].strip(" .!?"):
        return None
    k = ctx.position[end_sent.index] + 1
    if k >= len(ctx.sentences) or ctx.sentences[k].paragraph != piece.paragraph:
        return None
    nxt, toks = ctx.sentences[k], ctx.tokens[k]
    first = next((t for t in toks if t.kind in ("word", "init", "abbr")), None)
    hit = ctx.first_person_in(nxt.start, nxt.end)
    if first is None or hit is None:
        return None
    if hit[0].start != first.start:
        # "Standing behind the police tape at the gate, María Elena Rojas clutches a
        # photograph": the subject after an introductory phrase.
        hit = lead_subject(ctx, nxt, toks)
        if hit is None or not after_intro(ctx, nxt, toks, hit[0]):
            return None
    if ctx.article.body[hit[0].end : hit[0].end + 2] in POSSESSIVE_MARKS:
        return None
    return Found(Speaker(hit[1].name, "person"))


def _opens_sentence_plainly(site: Site) -> bool:
    """Nothing but spaces and quote marks between the sentence start and the quote."""
    return _NOT_PLAIN.search(site.ctx.article.body, site.sent.start, site.piece.open) is None


def _same_paragraph(site: Site) -> Found | None:
    """A quote with no verb of its own, opening its sentence: the paragraph's last speaker."""
    if not _opens_sentence_plainly(site) or site.piece.paragraph not in site.prev_by_para:
        return None
    return _tagged(site.prev_by_para[site.piece.paragraph], "same-paragraph")


def _verbless_opening(site: Site) -> int | None:
    """The previous fact paragraph, when this quote opens its paragraph, the paragraph has
    no quote before it and no verb of speech anywhere outside its quotes."""
    ctx, piece = site.ctx, site.piece
    if not _opens_sentence_plainly(site) or piece.paragraph in site.prev_by_para:
        return None
    para = ctx.paragraph.get(piece.paragraph)
    if para is None or piece.open != para.start:
        return None
    outside = outside_quotes(ctx.article.body, para.start, para.end, site.pieces)
    if any(
        fold(w) in SPEECH_VERBS or fold(w) in CONTINUATION_VERBS for w in _WORD.findall(outside)
    ):
        return None
    return ctx.previous_fact.get(piece.paragraph)


def _colon_paragraph(site: Site) -> Found | None:
    """ "Smith said in a statement on Monday:" then the quote as its own paragraph."""
    prev_para = _verbless_opening(site)
    if prev_para is None:
        return None
    ctx = site.ctx
    before = ctx.paragraph[prev_para]
    if not ctx.article.body[before.start : before.end].rstrip().endswith(":"):
        return None
    intro = ctx.sentence_at(before.end - 1)
    if intro is None:
        return None
    toks = ctx.tokens[ctx.position[intro.index]]
    for i in range(len(toks) - 1, -1, -1):
        if is_speech(toks[i]):
            return Found(resolve_np(ctx, np_before(ctx, toks, i, intro.start), toks[i].start))
    return None


def _previous_paragraph(site: Site) -> Found | None:
    """A verbless paragraph that opens with a quote continues the previous paragraph's
    speaker (the news convention for a long statement), never one from further back."""
    prev_para = _verbless_opening(site)
    last = site.last_para_speaker
    if prev_para is None or last is None or last[0] != prev_para:
        return None
    return _tagged(last[1], "previous-paragraph")


def inherited(pieces: list[Piece], n: int, speakers: list[Speaker | None]) -> Speaker | None:
    """The speaker of the piece before, when it belongs to the same multi-paragraph quote."""
    if n > 0 and pieces[n - 1].group == pieces[n].group and speakers[-1] is not None:
        return speakers[-1].named_by(MULTI_PARAGRAPH.name)
    return None


def _multi_paragraph(site: Site) -> Found | None:
    sp = inherited(site.pieces, site.n, site.speakers)
    return Found(sp) if sp is not None else None


SAME_SENTENCE = QuoteRule(
    "same-sentence",
    "A second quote of a sentence without its own attribution is the first one's speaker.",
    (
        (
            'Mayor Lena Fisk said the plan was "bold" and the budget "realistic".',
            "Lena Fisk",
        ),
    ),
    "around",
    _same_sentence,
)
FRAMING_SUBJECT = QuoteRule(
    "framing-subject",
    "A partial quote framed by the subject's own verb (not one of speech) is the subject's.",
    (
        ('Foreign Minister Ines Carvalho thanked Oman for its "quiet diplomacy".', "Ines Carvalho"),
        ('Nurse Agnieszka Wolska was described by colleagues as "tireless and kind".', None),
    ),
    "around",
    _framing_subject,
)
SOURCE_SUBJECT = QuoteRule(
    "source-subject",
    "A named body as the subject whose verb frames a partial quote: the body, as written.",
    (
        (
            'Nordlys Ferries expressed "its deepest sympathy" with the families on Sunday.',
            "Nordlys Ferries",
        ),
    ),
    "around",
    _source_subject,
)
NEXT_SENTENCE_SUBJECT = QuoteRule(
    "next-sentence-subject",
    "A whole-sentence quote opening its paragraph belongs to the next sentence's subject.",
    (
        (
            '"I still set a plate for him every night." Amal Haddad, 52, has waited at the '
            "harbour since the ferry sank.",
            "Amal Haddad",
        ),
    ),
    "around",
    _next_subject,
)
SAME_PARAGRAPH = QuoteRule(
    "same-paragraph",
    "A sentence that is only a quote continues the speaker of the paragraph's quote before.",
    (
        (
            'Dock worker Rui Almeida stood by the gate. "We were promised contracts," he '
            'said. "Nobody signed anything."',
            "Rui Almeida",
        ),
    ),
    "around",
    _same_paragraph,
)
COLON_PARAGRAPH = QuoteRule(
    "colon-paragraph",
    'A paragraph ending "X said:" introduces the quote that is the next paragraph.',
    (
        (
            "Labour Minister Nasreen Chowdhury said in a statement on Monday:\n\n"
            '"Anyone found negligent will face the full force of the law."',
            "Nasreen Chowdhury",
        ),
    ),
    "around",
    _colon_paragraph,
)
PREVIOUS_PARAGRAPH = QuoteRule(
    "previous-paragraph",
    "A paragraph that is only a quote, with no verb, continues the previous paragraph's "
    "speaker; never across a paragraph without one.",
    (
        (
            '"We are now beginning concrete preparations," Kremlin aide Yuri Ushakov said.\n\n'
            '"The location will be announced later."',
            "Yuri Ushakov",
        ),
        (
            '"We are ready," Kremlin aide Yuri Ushakov said.\n\n'
            "The talks were adjourned until Friday.\n\n"
            '"Nobody expected the talks to end so abruptly last night."',
            None,
        ),
    ),
    "around",
    _previous_paragraph,
)
MULTI_PARAGRAPH = QuoteRule(
    "multi-paragraph-quote",
    "The pieces of a quote that runs over several paragraphs share one speaker.",
    (
        (
            '"The American people deserve better than this," Senator Chuck Schumer said. '
            '"They were promised a budget.\n\n"We will not give in to these demands."',
            "Chuck Schumer",
        ),
    ),
    "group",
    _multi_paragraph,
)
