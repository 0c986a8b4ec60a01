"""A speaker phrase to a speaker: a person by mention or written form, or by one of the
reference rules (a pronoun to the nearest fitting person, "it" to the body that is the
subject before, a role to the one person introduced with it); anything else is a non-person
source kept as written ("Kremlin officials", "a White House official").

No speaker is better than a wrong one: a role that fits nobody, or several, is speech by
someone the article never ties to one person.
"""

from __future__ import annotations

import bisect
from typing import Literal

from ..article import Sentence
from ..lexicon.names import KINSHIP, PARTICLES, ROLE_HEADS, SPEECH_VERBS, fold
from ..model import Person
from ..people import Token, is_speech
from .context import ArticleContext, Speaker, event_pos
from .phrases import (
    MAX_NP,
    PRONOUNS,
    cut_listener,
    np_after,
    np_before,
    subject_np,
    unknown_subject,
    verb_like,
)
from .subjects import lead_subject
from .words import W

# How many earlier speakers and subjects a pronoun looks through: a hostile paragraph of
# thousands of "he said" must not make every pronoun scan all of them.
_MAX_PRONOUN_EVENTS = 64


def resolve_np(ctx: ArticleContext, np: list[Token], pos: int) -> Speaker | None:
    """A speaker phrase -> a person (by mention, written form, or a reference rule: pronoun,
    "it", role) or a non-person source as written."""
    np = _core(np)
    if not np:
        return None
    named = _named_person(ctx, np)
    if named is not None:
        return named
    if len(np) == 1 and (np[0].folded in PRONOUNS or np[0].folded == "it"):
        return _pronoun_or_it(ctx, np[0], pos)
    if not _can_speak(np):
        return None
    found = _known_form(ctx, np) or _by_role(ctx, np, pos)
    if found is not None:
        return found
    text = ctx.article.body[np[0].start : np[-1].end + (2 if np[-1].possessive else 0)]
    return Speaker(text, "source")


def _core(np: list[Token]) -> list[Token]:
    """The phrase without a leading "But"/"And" and without the outlet that listened; empty
    when it is too long to be a speaker phrase."""
    while np and np[0].folded in W.leading_fillers:
        np = np[1:]
    np = cut_listener(np)
    return np if len(np) <= MAX_NP else []


def _pronoun_or_it(ctx: ArticleContext, word: Token, pos: int) -> Speaker | None:
    """ "he"/"she" by the pronoun rule, "it" by the it-subject rule."""
    if word.folded == "it":
        sp = _it_source(ctx, pos) if ctx.allows("it-subject") else None
        return sp.named_by("it-subject") if sp is not None else None
    if not ctx.allows("pronoun"):
        return None
    name = pronoun(ctx, pos, PRONOUNS[word.folded])
    return Speaker(name, "person", "pronoun") if name else None


def _by_role(ctx: ArticleContext, np: list[Token], pos: int) -> Speaker | None:
    """The person a role phrase names; an "unresolved" speaker for a person's role that fits
    nobody or several (speech, but no speaker to name); None when the phrase is no role."""
    role = _role_person(ctx, np, pos)
    if role is False:
        return None
    if isinstance(role, Speaker) and role.rule is not None and not ctx.allows(role.rule):
        role = None
    return role if isinstance(role, Speaker) else Speaker("", "unresolved")


def _can_speak(np: list[Token]) -> bool:
    """Not "they", "we", "this": a phrase with a word that can name a speaker."""
    if all(t.folded in W.not_speakers for t in np):
        return False
    if any(t.folded in ("they", "we", "i", "it", "you") for t in np):
        return False
    return any(t.kind in ("word", "init") and t.folded not in W.not_speakers for t in np)


def _known_form(ctx: ArticleContext, np: list[Token]) -> Speaker | None:
    """A capitalised phrase that is exactly one written form of one person."""
    if not all(t.capitalised or (t.folded in PARTICLES and t.text.islower()) for t in np):
        return None
    known = ctx.forms.get(fold(" ".join(t.text for t in np)))
    return Speaker(known, "person") if known is not None else None


def _named_person(ctx: ArticleContext, np: list[Token]) -> Speaker | None:
    """The person a mention inside the phrase names, unless the phrase is about someone else:
    "Smith's lawyer", or "a spokesman for Putin" where a preposition governs the name
    ("Secretary of State Marco Rubio" is not: "of" does not touch the name)."""
    start, end = np[0].start, np[-1].end
    hit = ctx.person_in(start, end + 2) or ctx.covering(start)
    if hit is None:
        return None
    m, p = hit
    after = [t for t in np if t.start >= m.end]
    ends_possessive = any(t.possessive and t.end == m.end for t in np)
    lead = [t.folded for t in np if t.end <= m.start]
    while lead and lead[-1] in ("the", "a", "an"):
        lead.pop()
    governed = bool(lead) and lead[-1] in W.of_words
    if (ends_possessive and after) or governed:
        return None
    return Speaker(p.name, "person")


def _role_person(ctx: ArticleContext, np: list[Token], pos: int) -> Speaker | bool | None:
    """A definite role phrase ("the outgoing prime minister", "the head of state", "his son
    Marcel") -> the one person of this article it fits; None when it is a person's role that
    fits nobody or several (never the role as if it were a name); False when not a role."""
    words = [t for t in np if t.kind in ("word", "init")]
    if len(words) < 2:
        return False
    # "his son Marcel": a given name after the role names the one person called so.
    named = [t for t in words[1:] if t.capitalised]
    if named and words[0].folded in W.definite and any(t.folded in KINSHIP for t in words):
        return _kin(ctx, named[0], pos)
    if not (words[0].folded in W.definite or words[0].possessive):
        return False
    folded = [t.folded for t in words[1:]]
    if len(folded) == 1 and words[0].folded == "the" and folded[0] in W.anaphor_nouns:
        # "the mother said", "the 52-year-old said", "the woman said": the person the
        # sentence before is about, when the gender fits.
        return _role_anaphor(ctx, pos, W.anaphor_nouns[folded[0]])
    found = _wanted(folded)
    if found is None:
        return False
    wanted, mods = found
    return _titled(ctx, pos, wanted, mods, definite=words[0].folded == "the")


def _wanted(folded: list[str]) -> tuple[list[frozenset[str]], list[str]] | None:
    """The title words a role asks for (each a set of alternatives: "head of state" is any
    of president, king ...) and its modifiers; None when the head is no single person's role."""
    wanted: list[frozenset[str]]
    if len(folded) >= 3 and folded[-3:-1] == ["head", "of"] and folded[-1] in W.head_of:
        wanted, mods = [W.head_of[folded[-1]]], folded[:-3]
    else:
        head = folded[-1]
        if head not in ROLE_HEADS or head in W.plural_heads or head in KINSHIP:
            return None
        wanted, mods = [frozenset({head})], folded[:-1]
    skip = W.temporal | W.past_roles | W.definite
    return wanted + [frozenset({m}) for m in mods if m not in skip], mods


def _kin(ctx: ArticleContext, given: Token, pos: int) -> Speaker | None:
    """The one person introduced before `pos` whose given name this is."""
    kin = [
        p
        for p in ctx.local
        if fold(p.name.split()[0]) == given.folded and ctx.introduced_before(p, pos)
    ]
    return Speaker(kin[0].name, "person", "role-kinship") if len(kin) == 1 else None


def _titled(
    ctx: ArticleContext, pos: int, wanted: list[frozenset[str]], mods: list[str], definite: bool
) -> Speaker | None:
    """The one person introduced, before `pos`, with a title holding every wanted word."""
    fits: list[tuple[Person, bool]] = []
    for p in ctx.local:
        title_words = {fold(w) for t in p.titles for w in t.replace("-", " ").split()}
        if title_words and all(w & title_words for w in wanted) and ctx.introduced_before(p, pos):
            fits.append((p, bool(title_words & W.past_roles)))
    if not fits and definite and not (wanted[0] & W.relational_roles):
        # Not "his party leader": a possessive role belongs to someone else.
        role = next(iter(wanted[0]))
        return _role_anaphor(
            ctx, pos, "f" if role.endswith("woman") else "m" if role.endswith("man") else None
        )
    if len(fits) > 1:
        # "the former minister" next to a sitting one: the one introduced as former (or
        # outgoing); plain "the minister" is then the sitting one.
        past = any(m in W.past_roles for m in mods)
        fits = [f for f in fits if f[1] == past]
    return Speaker(fits[0][0].name, "person", "role-title") if len(fits) == 1 else None


def _role_anaphor(ctx: ArticleContext, pos: int, gender: str | None) -> Speaker | None:
    """ "In Rotterdam, Joost van den Heuvel reacted angrily. "...," the party leader said.":
    a role no one was introduced with names the one person the sentence before (in the same
    paragraph) is about, when that person carries no other title. Two candidates or none: no
    speaker."""
    sent = ctx.sentence_at(pos)
    k = ctx.before_in_paragraph(sent) if sent is not None else None
    if k is None:
        return None
    prev = ctx.sentences[k]
    names = {p.name for _, p in ctx.within(prev.start, prev.end)}
    hit = lead_subject(ctx, prev, ctx.tokens[k]) if len(names) == 1 else None
    if hit is None or hit[1].name not in names or hit[1].titles:
        return None
    if not ctx.gender_fits(hit[1].name, gender):
        return None
    return Speaker(hit[1].name, "person", "role-anaphor")


def _it_source(ctx: ArticleContext, pos: int) -> Speaker | None:
    """ "The AIU panel rejected that explanation. "...," it said.": "it" is the body that is
    the subject of the sentence before, in the same paragraph; never a person, and nothing
    when that sentence opens otherwise."""
    sent = ctx.sentence_at(pos)
    k = ctx.before_in_paragraph(sent) if sent is not None else None
    found = resolved_subject(ctx, ctx.tokens[k]) if k is not None else None
    if found is None:
        return None
    np, sp, _verb = found
    if sp.kind != "source" or ctx.first_person_in(np[0].start, np[-1].end + 2) is not None:
        return None
    return sp


def pronoun(ctx: ArticleContext, pos: int, gender: str) -> str | None:
    """He/she: who news means by it, nearest first. A person seen earlier in the same
    sentence; else the subject (or the one person) of the sentence right before, in the same
    paragraph ("The director of the charity, Anne-Laure de Villiers, never gave up hope.
    "...," she told Le Monde."); else the latest speaker or subject earlier in this
    paragraph or the one before. A name from further back is a guess, and a wrong speaker
    costs more than none."""
    sent = ctx.sentence_at(pos)
    if sent is None:
        return None
    hi = bisect.bisect_left(ctx.events, pos, key=event_pos)
    recent = ctx.events[max(0, hi - _MAX_PRONOUN_EVENTS) : hi]
    for at, name, _p in reversed(recent):
        if at < sent.start:
            break
        if ctx.gender_fits(name, gender):
            return name
    k = ctx.before_in_paragraph(sent)
    found = _previous_sentence(ctx, k, gender) if k is not None else False
    if found is not False:
        return found
    # Earlier in this paragraph, then in the previous one (ending, say, with "Ushakov said
    # Witkoff had raised ..." before "But he said ..."), never further back.
    para = sent.paragraph
    prev_para = ctx.previous_fact.get(para)
    for _at, name, p in reversed(recent):
        if p != para and p != prev_para:
            break
        if ctx.gender_fits(name, gender):
            return name
    return None


def _previous_sentence(ctx: ArticleContext, k: int, gender: str) -> str | Literal[False] | None:
    """The person the sentence at position k (the one before the pronoun's, same paragraph)
    is about: its subject, else the one fitting person it names; None when its subject is a
    name the people stage did not recognise (anyone earlier is wrong); False: look further."""
    prev = ctx.sentences[k]
    hit = lead_subject(ctx, prev, ctx.tokens[k])
    if hit is not None and ctx.gender_fits(hit[1].name, gender):
        return hit[1].name
    # "Police detained Karl Weber on Monday. "I am innocent," he said.": the one fitting
    # person the sentence before names, as an object or after "according to".
    names = {p.name for _, p in ctx.within(prev.start, prev.end) if ctx.gender_fits(p.name, gender)}
    if len(names) == 1:
        return names.pop()
    if hit is None and not names and unknown_subject(ctx.tokens[k]):
        # "Outside the hall, Tervo Haapala handed out leaflets. "...," he said."
        return None
    return False


def resolved_subject(
    ctx: ArticleContext, words: list[Token]
) -> tuple[list[Token], Speaker, int] | None:
    """The subject phrase opening `words` (see `subject_np`), what it names, and the index
    of its verb; None when there is no such subject or it names no one."""
    found = subject_np(words)
    if found is None:
        return None
    np, k = found
    sp = resolve_np(ctx, np, words[k].start)
    return None if sp is None else (np, sp, k)


def record_events(ctx: ArticleContext) -> None:
    """Who speaks or is the subject in each sentence, for resolving later pronouns. A "she"
    that is a subject or a speaker is resolved on the spot and recorded too, so "Labour
    Minister Nasreen Chowdhury visited the site. / She said ... / "...," she said." carries
    the minister from paragraph to paragraph, one step at a time."""
    # Only "according" and verbs of speech can start a speech event: the rest of the
    # article's tokens are passed over by one set look-up each.
    opens = SPEECH_VERBS | {"according"}
    for sent, toks in zip(ctx.sentences, ctx.tokens, strict=True):
        found = _subject_event(ctx, sent, toks)
        if found is not None:
            ctx.add_event(found[0], found[1], sent.paragraph)
        for i in [i for i, t in enumerate(toks) if t.folded in opens]:
            found = _speech_event(ctx, sent, toks, i)
            if found is not None:
                ctx.add_event(found[0], found[1], sent.paragraph)


def _subject_event(
    ctx: ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[int, str] | None:
    """The sentence's subject: a person, or a "he"/"she" that opens it before a verb."""
    hit = lead_subject(ctx, sent, toks)
    if hit is not None:
        return hit[0].start, hit[1].name
    if len(toks) > 1 and toks[0].folded in PRONOUNS and verb_like(toks[1]):
        name = pronoun(ctx, toks[0].start, PRONOUNS[toks[0].folded])
        return (toks[0].start, name) if name is not None else None
    return None


def _speech_event(
    ctx: ArticleContext, sent: Sentence, toks: list[Token], i: int
) -> tuple[int, str] | None:
    """Who token i says is speaking: the subject of a verb of speech, or a source named by
    "..., according to fire chief Andrés Molina." (who a following "he said" most likely
    means)."""
    t = toks[i]
    if t.folded == "according" and i + 1 < len(toks) and toks[i + 1].folded == "to":
        np = np_after(toks, i + 2, sent.end)
        hit = ctx.person_in(np[0].start, np[-1].end + 2) if np else None
        return (hit[0].start, hit[1].name) if hit is not None else None
    if not is_speech(t):
        return None
    np = np_before(ctx, toks, i, sent.start)
    if not np:
        return None
    hit = ctx.person_in(np[0].start, np[-1].end + 2)
    if hit is not None:
        return t.start, hit[1].name
    if len(np) == 1 and np[0].folded in PRONOUNS:
        name = pronoun(ctx, np[0].start, PRONOUNS[np[0].folded])
        return (t.start, name) if name is not None else None
    return None
