"""Attribution after the closing mark: `"...," X said`, `"...," said X`, `"...," A quoted X as
saying`, `"...," according to X`, and a trailing `..., X said.` at the end of the sentence."""

from __future__ import annotations

from ..people import Token, is_speech
from .phrases import HARD_STOPS, np_after
from .resolve import resolve_np
from .site import Found, QuoteRule, Site
from .words import W

# How far after the closing mark an attribution verb may stand.
_WINDOW = 25


def _scan(after: list[Token]) -> tuple[str, int, int]:
    """What follows the quote, up to the first hard stop: ("quoted", i, k) for "quoted X as
    saying" (the gerund k words after "quoted"), ("according", i, 0), ("verb", i, 0) for the
    first verb of speech, or ("", -1, 0) for none of them. The markers win over a verb
    wherever they stand: "...," said X, according to Y names Y."""
    verb: int | None = None
    for i, t in enumerate(after[:_WINDOW]):
        if t.text in HARD_STOPS:
            break
        if t.folded == "quoted":
            rest = after[i + 1 :]
            for k in range(len(rest) - 1):
                if rest[k].folded == "as" and rest[k + 1].folded in W.as_saying:
                    return "quoted", i, k
        if t.folded == "according" and i + 1 < len(after) and after[i + 1].folded == "to":
            return "according", i, 0
        if verb is None and is_speech(t):
            verb = i
    return ("verb", verb, 0) if verb is not None else ("", -1, 0)


def _scanned(site: Site) -> tuple[str, int, int]:
    """`_scan` of the quote's words after it, once per quote (five rules ask)."""
    if "after" not in site.memo:
        site.memo["after"] = _scan(site.after) if site.after else ("", -1, 0)
    found: tuple[str, int, int] = site.memo["after"]
    return found


def _quoted_as_saying(site: Site) -> Found | None:
    kind, i, k = _scanned(site)
    if kind != "quoted":
        return None
    after = site.after
    return Found(resolve_np(site.ctx, after[i + 1 : i + 1 + k], after[i].start), i == 0)


def _according_to(site: Site) -> Found | None:
    kind, i, _ = _scanned(site)
    if kind != "according":
        return None
    after = site.after
    np = np_after(after, i + 2, site.limit)
    return Found(resolve_np(site.ctx, np, after[i].start), i == 0)


def _said_x(site: Site) -> Found | None:
    kind, verb, _ = _scanned(site)
    if kind != "verb" or verb != 0:
        return None
    after = site.after
    return Found(resolve_np(site.ctx, np_after(after, 1, site.limit), after[0].start))


def _segments(site: Site, verb: int) -> list[list[Token]]:
    """The comma-separated phrases between the quote and its verb (auxiliaries left out)."""
    after = site.after
    j = verb
    while j > 0 and after[j - 1].folded in W.aux:
        j -= 1
    segments: list[list[Token]] = [[]]
    for t in after[:j]:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    return [seg for seg in segments if seg]


def _names_person(site: Site, seg: list[Token]) -> bool:
    return site.ctx.person_in(seg[0].start, seg[-1].end + 2) is not None


def _x_said(site: Site) -> Found | None:
    kind, verb, _ = _scanned(site)
    if kind != "verb" or verb <= 0:
        return None
    segments = _segments(site, verb)
    if not segments:
        return None
    first = segments[0]
    if len(segments) == 1 or _names_person(site, first):
        return Found(resolve_np(site.ctx, first, site.after[verb].start))
    return None


def _trailing(site: Site) -> Found | None:
    """A trailing ", X said" after more of the sentence. Not when the verb introduces a later
    quote ("... won awards, and critics called it "a masterpiece"") or opens a new clause."""
    kind, verb, _ = _scanned(site)
    if kind != "verb" or verb <= 0:
        return None
    segments = _segments(site, verb)
    if len(segments) < 2 or _names_person(site, segments[0]):
        return None
    last = segments[-1]
    if site.more_quotes or last[0].folded in W.clause_openers:
        return None
    named = [seg for seg in segments[1:] if _names_person(site, seg)]
    if not named and any(t.folded in W.clause_openers for seg in segments for t in seg[:1]):
        return None
    at = site.after[verb].start
    return Found(resolve_np(site.ctx, named[-1] if named else last, at), adjacent=False)


QUOTED_AS_SAYING_AFTER = QuoteRule(
    "quoted-as-saying-after",
    "An agency quotes the speaker: the speaker is the one quoted, never the agency.",
    (
        (
            '"The talks were useful," the Interfax news agency quoted Kremlin spokesman '
            "Dmitry Peskov as saying.",
            "Dmitry Peskov",
        ),
    ),
    "after",
    _quoted_as_saying,
)
ACCORDING_TO_AFTER = QuoteRule(
    "according-to-after",
    'A partial quote sourced with a trailing "according to X".',
    (
        (
            'The truce was "a real chance for peace," according to Saudi mediator '
            "Nasser al-Otaibi.",
            "Nasser al-Otaibi",
        ),
    ),
    "after",
    _according_to,
)
SAID_X_AFTER = QuoteRule(
    "said-x-after",
    'The verb right after the quote, the speaker after it: "...," said X, his role.',
    (
        (
            '"The bank has shown it will move faster than the market thought," said Petra '
            "Lindqvist, chief economist at Halden Capital.",
            "Petra Lindqvist",
        ),
    ),
    "after",
    _said_x,
)
X_SAID_AFTER = QuoteRule(
    "x-said-after",
    'The speaker right after the quote, then the verb: "...," X said (over an appositive).',
    (
        ('"We will not back down," Finance Minister Tomas Halvik said.', "Tomas Halvik"),
        (
            '"Both sides have committed to stop all attacks," Nasser al-Otaibi, the Saudi '
            "diplomat who led the mediation, told a news conference.",
            "Nasser al-Otaibi",
        ),
    ),
    "after",
    _x_said,
)
TRAILING_X_SAID = QuoteRule(
    "trailing-x-said",
    'A mid-sentence quote whose sentence ends with ", X said".',
    (
        (
            'The sides committed to "open safe corridors" for food and medicine, chief '
            "mediator Nasser al-Otaibi said.",
            "Nasser al-Otaibi",
        ),
    ),
    "after",
    _trailing,
)
