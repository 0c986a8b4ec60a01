"""Attribution before the opening mark, in the same sentence: `X said (that) "..."`, `X told
Y (that) "..."`, `quoted X as saying "..."`, `according to X, "..."`, `X, who called it "..."`,
the gerunds `adding/noting that "..."` that continue the sentence's speaker, and a colon after
a named subject (`X was blunt: "..."`).

The subject of a clause reported by an earlier verb ("X said the company had promised ...
and accused them of "..."") is not the speaker: X is.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from ..lexicon.names import CONTINUATION_VERBS
from ..model import Mention, Person
from ..people import Token, is_speech
from .context import ArticleContext, Speaker, words_in
from .phrases import HARD_STOPS, np_after, np_before, np_plain, reported_clause, subject_limit
from .resolve import resolve_np, resolved_subject
from .site import Found, QuoteRule, Site
from .subjects import subject_of
from .words import W

# Words between a subject and the colon that hands it the quote: "Luca Bernardi, 52, fumed:".
_COLON_TAIL = 6


def _marker(before: list[Token]) -> tuple[str, int, int]:
    """The nearest "quoted X as saying" (("quoted", i of "saying", k of "quoted")) or
    "according to" (("according", i, 0)) before the quote; ("", -1, 0) for neither."""
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.folded == "saying" and i >= 2 and before[i - 1].folded == "as":
            for k in range(i - 2, -1, -1):
                if before[k].folded == "quoted":
                    return "quoted", i, k
        if t.folded == "according" and i + 1 < len(before) and before[i + 1].folded == "to":
            return "according", i, 0
    return "", -1, 0


class _Verb(NamedTuple):
    kind: str  # "adding" (a continuing gerund), "who" (a relative clause), "said"
    i: int
    np: list[Token]
    speaker: Speaker | None = None


def _verb(site: Site) -> _Verb | None:
    """The nearest verb before the quote that governs it, with its subject phrase (found
    once per quote: four rules ask)."""
    if "verb" not in site.memo:
        site.memo["verb"] = _find_verb(site)
    verb: _Verb | None = site.memo["verb"]
    return verb


def _find_verb(site: Site) -> _Verb | None:
    ctx, before, floor = site.ctx, site.before, site.floor
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.folded in CONTINUATION_VERBS and t.text.islower():
            return _Verb("adding", i, [])
        if not is_speech(t):
            continue
        np = np_before(ctx, before, i, floor)
        k = i - 1
        while k >= 0 and before[k].folded in W.aux:
            k -= 1
        if not np and k >= 1 and before[k].folded == "who" and before[k - 1].text == ",":
            # "Jan Kowalski, who called the proceedings "a show trial", ...": the name the
            # relative clause hangs on.
            np = np_plain(before, k - 1, floor)
            hit = ctx.person_in(np[0].start, np[-1].end + 2) if np else None
            if hit is not None:
                return _Verb("who", i, np, Speaker(hit[1].name, "person"))
            continue
        if not np or np[0].folded in W.prepositions:
            continue  # "said in a message posted on Telegram": a participle, not the verb
        if reported_clause(before, np):
            continue
        return _Verb("said", i, np)
    return None


def _marked(site: Site) -> tuple[str, int, int]:
    if "marker" not in site.memo:
        site.memo["marker"] = _marker(site.before)
    found: tuple[str, int, int] = site.memo["marker"]
    return found


def _quoted_as_saying(site: Site) -> Found | None:
    kind, i, k = _marked(site)
    if kind != "quoted":
        return None
    before = site.before
    return Found(resolve_np(site.ctx, before[k + 1 : i - 1], before[i].start))


def _according_to(site: Site) -> Found | None:
    kind, i, _ = _marked(site)
    if kind != "according":
        return None
    np = np_after(site.before, i + 2, site.piece.open)
    return Found(resolve_np(site.ctx, np, site.before[i].start))


def main_speaker(ctx: ArticleContext, toks: list[Token], floor: int, before: int) -> Speaker | None:
    """The subject of the first verb of speech of the sentence ("Rubio told Fox ...")."""
    lo = bisect.bisect_left(toks, floor, key=lambda t: t.start)
    hi = bisect.bisect_left(toks, before, key=lambda t: t.start)
    for i in range(lo, hi):
        t = toks[i]
        if is_speech(t):
            sp = resolve_np(ctx, np_before(ctx, toks, i, floor), t.start)
            if sp is not None:
                return sp
    return _main_subject(ctx, toks, floor, before)


def _main_subject(
    ctx: ArticleContext, toks: list[Token], floor: int, before: int
) -> Speaker | None:
    """ "Lund congratulated Berg in a post on X, saying ...": the subject of the main verb, a
    person or ("But the Athletics Integrity Unit slammed her excuse, saying ...") a body."""
    sent = ctx.sentence_at(before)
    if sent is None or sent.start < floor:
        return None
    hit = subject_of(ctx, sent, toks)
    if hit is not None:
        return Speaker(hit[1].name, "person") if hit[0].end <= before else None
    found = resolved_subject(ctx, words_in(toks, sent.start, before))
    return found[1] if found is not None else None


def _adding_that(site: Site) -> Found | None:
    verb = _verb(site)
    if verb is None or verb.kind != "adding":
        return None
    at = site.before[verb.i].start
    main = main_speaker(site.ctx, site.toks, site.floor, at)
    if main is not None:
        return Found(main)
    return Found(Speaker(site.same_prev.name, site.same_prev.kind) if site.same_prev else None)


def _who_said(site: Site) -> Found | None:
    verb = _verb(site)
    return Found(verb.speaker) if verb is not None and verb.kind == "who" else None


def _said_verb(site: Site, tell: bool) -> Found | None:
    verb = _verb(site)
    if verb is None or verb.kind != "said":
        return None
    t = site.before[verb.i]
    if (t.folded in W.tell_verbs) != tell:
        return None
    return Found(resolve_np(site.ctx, verb.np, t.start))


def _x_told_y(site: Site) -> Found | None:
    return _said_verb(site, tell=True)


def _x_said(site: Site) -> Found | None:
    return _said_verb(site, tell=False)


def _colon(site: Site) -> tuple[list[Token], int, tuple[Mention, Person] | None] | None:
    """Before a colon that ends the words before the quote: the clause after the last comma,
    that comma's index, and the first person the clause names."""
    before = site.before
    if not before or before[-1].text != ":":
        return None
    clause = before[:-1]
    cut = max((k for k, t in enumerate(clause) if t.text == ","), default=-1)
    clause = clause[cut + 1 :]
    hit = site.ctx.first_person_in(clause[0].start, clause[-1].end) if clause else None
    return clause, cut, hit


def _colon_subject(site: Site) -> Found | None:
    """ "Ms. MacGuineas was blunt: "I doubt it."": a colon hands the quote to the subject."""
    found = _colon(site)
    if found is None:
        return None
    clause, _cut, hit = found
    if hit is not None and hit[0].start <= subject_limit(clause):
        return Found(Speaker(hit[1].name, "person"))
    return None


def _colon_appositive(site: Site) -> Found | None:
    """ "The club's president, Luca Ferri, backed him: "...": the name in the appositive
    right before the clause is its subject."""
    found = _colon(site)
    if found is None:
        return None
    clause, cut, hit = found
    if hit is not None or cut <= 0 or not clause or not clause[0].text[:1].islower():
        return None
    before = site.before
    prev_cut = max((k for k, t in enumerate(before[:cut]) if t.text == ","), default=-1)
    seg = before[prev_cut + 1 : cut]
    app = site.ctx.first_person_in(seg[0].start, seg[-1].end) if seg else None
    if app is not None and app[0].start == seg[0].start and app[0].end == seg[-1].end:
        return Found(Speaker(app[1].name, "person"))
    return None


def _colon_sentence_subject(site: Site) -> Found | None:
    """ "Café owner Luca Bernardi, 52, fumed: "..."": the person the sentence is about, when
    only commas and the verb stand between them and the colon."""
    found = _colon(site)
    if found is None or found[2] is not None:
        return None
    ctx, colon = site.ctx, site.before[-1]
    sent = ctx.sentence_at(site.piece.open)
    hit = subject_of(ctx, sent, site.toks) if sent is not None else None
    if hit is None or hit[0].end > colon.start:
        return None
    tail = words_in(site.toks, hit[0].end, colon.start)
    if len(tail) <= _COLON_TAIL and not any(t.text in HARD_STOPS for t in tail):
        return Found(Speaker(hit[1].name, "person"))
    return None


QUOTED_AS_SAYING_BEFORE = QuoteRule(
    "quoted-as-saying-before",
    "An outlet quotes the speaker before the words: the one quoted speaks, not the outlet.",
    (
        (
            'Interfax quoted Kremlin spokesman Dmitry Peskov as saying "the talks were useful."',
            "Dmitry Peskov",
        ),
        (
            "Foreign Minister Aisha Al-Mansoori arrived in Geneva on Sunday. State television "
            'quoted the minister as saying that Oman had acted "at the request of both parties".',
            "Aisha Al-Mansoori",
        ),
    ),
    "before",
    _quoted_as_saying,
)
ACCORDING_TO_BEFORE = QuoteRule(
    "according-to-before",
    'The source named before the words: "according to X, "..."".',
    (
        (
            "Fire chief Andrés Molina inspected the warehouse. According to Andrés Molina, "
            'the blaze was "almost certainly arson".',
            "Andrés Molina",
        ),
    ),
    "before",
    _according_to,
)
ADDING_THAT = QuoteRule(
    "adding-that",
    'A gerund ("adding that", "noting that", "saying") continues the sentence\'s speaker, or the '
    "subject of its main verb.",
    (
        (
            '"We are working on the details," Kremlin aide Yuri Ushakov said, adding that the '
            'venue would be "revealed soon."',
            "Yuri Ushakov",
        ),
        (
            "Chancellor Ruth Becker congratulated the winner in a post on X, saying she wanted "
            '"a government that lasts".',
            "Ruth Becker",
        ),
    ),
    "before",
    _adding_that,
)
WHO_SAID = QuoteRule(
    "who-said",
    "A relative clause holds the verb: the name it hangs on speaks.",
    (
        (
            'Defence lawyer Omar Haddad, who called the verdict "a political decision", said '
            "he would appeal.",
            "Omar Haddad",
        ),
    ),
    "before",
    _who_said,
)
X_TOLD_Y_BEFORE = QuoteRule(
    "x-told-y-before",
    "A verb of telling: the subject speaks, the listener after the verb does not.",
    (
        (
            'Governor Irena Dvorakova told reporters in Lensk that the decision was "necessary."',
            "Irena Dvorakova",
        ),
        (
            'Governor Irena Dvorakova told the committee "we will act again if we must."',
            "Irena Dvorakova",
        ),
    ),
    "before",
    _x_told_y,
)
X_SAID_BEFORE = QuoteRule(
    "x-said-before",
    'The subject of the verb of speech before the quote: "X said (that) "..."" (also wrote, '
    "posted, over an appositive or a relative clause).",
    (
        (
            'Finance Minister Tomas Halvik said "we will not back down" after the vote.',
            "Tomas Halvik",
        ),
        (
            'French Foreign Minister Jean-Noël Barrot wrote on X that the truce was "a first '
            'step that must lead to a lasting ceasefire."',
            "Jean-Noël Barrot",
        ),
        (
            "RSF commander Mohamed Hamdan Dagalo, widely known as Hemedti, said in a message "
            'posted on Telegram that his forces would "respect the truce."',
            "Mohamed Hamdan Dagalo",
        ),
        (
            "Lt. Gen. Idris Osman Taha, who headed the army team, said the military had come "
            '"to save lives."',
            "Idris Osman Taha",
        ),
    ),
    "before",
    _x_said,
)
COLON_SUBJECT = QuoteRule(
    "colon-subject",
    "A colon hands the quote to the person named as the clause's subject.",
    (
        (
            "Asked whether a deal was possible by Friday, Ms. Maya MacGuineas was blunt: "
            '"I doubt it."',
            "Maya MacGuineas",
        ),
    ),
    "before",
    _colon_subject,
)
COLON_APPOSITIVE = QuoteRule(
    "colon-appositive",
    "A colon after a clause whose subject is the name in apposition before it.",
    (
        (
            "The union's treasurer, Kwame Asante, backed the strike: \"We have the money to hold "
            'out."',
            "Kwame Asante",
        ),
    ),
    "before",
    _colon_appositive,
)
COLON_SENTENCE_SUBJECT = QuoteRule(
    "colon-sentence-subject",
    "A colon after a verb whose subject, with only an age or commas between, is the person.",
    (
        (
            'Allotment holder Greta Lindholm, 71, fumed: "The council never asked us."',
            "Greta Lindholm",
        ),
    ),
    "before",
    _colon_sentence_subject,
)
