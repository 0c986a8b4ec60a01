"""Direct quotes, who said them, and the same statement quoted by several articles.

Quote marks: curly double (“ ”) and straight double (") marks pair within a paragraph; single
marks (‘ ’, ') only outside double quotes and only where they cannot be apostrophes ("Trump’s",
"we’ve"). A paragraph that opens a quote without closing it continues into the next paragraph
when that one opens with a quote mark (the news convention for long quotes); each paragraph's
piece is its own Quote with the shared speaker, so offsets never cover a paragraph break.

Attribution follows the small grammar of news English:
1. after the closing mark: `"...," X said`, `"...," said X`, `"...," X, the Saudi diplomat who
   led the talks, told ...`, `"...," A quoted X as saying` (X, never the agency), `"...,"
   according to X`, and a trailing `..., X said.` at the end of the sentence;
2. before the opening mark in the same sentence: `X said (that) "..."`, `X told Y (that) "..."`,
   `X posted on ... that "..."`, `X, who ..., said`, `according to X, "..."`, `X was blunt:
   "..."`, and the gerunds `adding/noting that "..."` that continue the current speaker (or
   the named body that is the sentence's subject: "The unit slammed it, saying "...""). The
   subject of a clause reported by an earlier verb ("X said the company had promised ... and
   accused them of "..."") is not the speaker: X is.
   A quote that opens its sentence tries 1 first; a quote inside a sentence tries 2 first
   (the verb before it governs it) and takes a trailing attribution only when no earlier quote
   of the sentence has a speaker;
3. an earlier quote of the same sentence, then of the same paragraph, then (for a paragraph
   that opens with a quote and has no verb of its own) the previous paragraph's speaker or the
   `X said:` that ends the previous paragraph.
X is resolved to a person through the people stage's mentions (so "Kremlin foreign policy
adviser Yuri Ushakov" and "the Kremlin leader" work), and anything else ("Kremlin officials",
"a White House official") is kept as written as a non-person source. A pronoun goes to the
nearest fitting person: earlier in its sentence, else the subject (or the one person) of the
sentence before in the same paragraph ("it" only to a body that is that sentence's subject:
"The panel rejected it. "...," it said."), including an appositive subject ("The director of
the charity, Anne-Laure de Villiers, never gave up hope") and a subject after an introductory
phrase ("In Rotterdam, Joost van den Heuvel reacted"); else the latest speaker or subject of
this paragraph or the one before, never further back. A role no one was introduced with ("the
party leader said") is the one untitled person the sentence before is about. A quote that opens
its paragraph is the next sentence's subject's. No speaker is better than a wrong one.

Linking: two quotes in different articles are the same statement when they share enough words
(content words, all words and word pairs, so a re-translation such as "an agreement was
essentially reached" / "a preliminary agreement was reached" still links), with the bar lower
when the speakers agree. A short quote found word for word inside another article's longer quote
is linked as a partial rendering when its speaker fits.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from ..article import Article, Sentence
from ..lexicon.names import (
    CONTINUATION_VERBS,
    DEMONYMS,
    FUNCTION_WORDS,
    KINSHIP,
    NOT_NAME_WORDS,
    ORG_SUFFIXES,
    PARTICLES,
    PLACE_WORDS,
    ROLE_HEADS,
    SPEECH_VERBS,
    fold,
)
from ..model import DiffOp, Mention, Person, Quote, QuoteLink
from ..people import Token, gender_of, is_speech, tokenize
from ..tokens.memo import Memo
from ..tokens.text import word_opcodes

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_OPEN_CONTEXT = " \t\n([{—–-:;,/"
# Words allowed between a speaker and the verb: "Trump had said", "Putin also told".
_AUX = _set(
    """
    had has have also later earlier then previously again reportedly once would will since
    already further repeatedly publicly separately
    """
)
# Words that end a speaker phrase when read backwards from the verb.
_NP_STOP = _set(
    """
    that which who whom whose and but or because while as if when where after before
    although though since so than said says told
    """
)
_NOT_SPEAKERS = _set(
    """
    it this that these those which what there here we i you us me one
    """
)
_PRONOUNS = {"he": "m", "she": "f"}
_LEADING_FILLERS = _set("but and so yet however also then")
_MAX_NP = 8

# Function words that say nothing about which statement a quote is.
_STOP = _set(
    """
    a an the and or but of to in on at for with by from as is are was were be been being it
    its this that these those we our us you your they their them he his him she her i me my
    not no so very will would can could should has have had do does did there here than then
    now also just all any some such into about over more most one
    """
)


@dataclass(slots=True)
class _Piece:
    """A quoted span found in one paragraph: offsets of the words, without the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int | None  # offset of the closing mark, None when it continues in the next paragraph
    paragraph: int
    group: int  # pieces of one multi-paragraph quote share a group


_DOUBLE_MARK = re.compile('[“”„«»"]')
_SINGLE_MARK = re.compile("[‘’']")


def _is_word(c: str) -> bool:
    return c.isalnum()


def _double_pieces(body: str, start: int, end: int) -> tuple[list[tuple[int, int | None]], bool]:
    """(open, close) pairs of double marks in body[start:end]; the bool says the paragraph
    opens a quote it does not close."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for m in _DOUBLE_MARK.finditer(body, start, end):
        i = m.start()
        c = body[i]
        if c in _DOUBLE_OPEN:
            open_at = i
        elif c in _DOUBLE_CLOSE:
            if open_at is not None:
                pairs.append((open_at, i))
                open_at = None
        elif c == '"':
            prev = body[i - 1] if i > start else " "
            if open_at is None:
                if prev in _OPEN_CONTEXT or i == start:
                    open_at = i
            else:
                pairs.append((open_at, i))
                open_at = None
    unclosed = open_at is not None
    if unclosed:
        pairs.append((open_at, None))  # type: ignore[arg-type]
    return pairs, unclosed


def _single_pieces(
    body: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Single-mark quotes outside double quotes, skipping apostrophes ("Trump’s", "’90s")."""
    out: list[tuple[int, int]] = []

    spans = sorted(taken)
    opens = [a for a, _ in spans]

    def inside(i: int) -> bool:
        k = bisect.bisect_right(opens, i) - 1
        return k >= 0 and spans[k][0] <= i <= spans[k][1]

    open_at: int | None = None
    fallback: int | None = None  # a "workers’ union" apostrophe, used only if nothing closes
    for m in _SINGLE_MARK.finditer(body, start, end):
        i = m.start()
        c = body[i]
        if inside(i):
            continue
        prev = body[i - 1] if i > start else " "
        nxt = body[i + 1] if i + 1 < end else " "
        if open_at is not None and i - open_at > _MAX_SINGLE:
            if fallback is not None:
                out.append((open_at, fallback))
            open_at = fallback = None
        if open_at is None:
            if c in "‘'" and (prev in _OPEN_CONTEXT or prev in _DOUBLE_OPEN) and nxt.isalpha():
                open_at = i
        elif c in "’'" and not _is_word(nxt) and not prev.isspace():
            if prev in "sS" and _PLURAL_POSSESSIVE.match(body, i + 1):
                fallback = fallback or i
                continue
            out.append((open_at, i))
            open_at = fallback = None
    if open_at is not None and fallback is not None:
        out.append((open_at, fallback))
    return out


_MAX_SINGLE = 600
# After a plural possessive apostrophe comes the owned noun: "the workers’ union".
_PLURAL_POSSESSIVE = re.compile(r"\s+[a-z]")


def _find_pieces(article: Article) -> list[_Piece]:
    body = article.body
    pieces: list[_Piece] = []
    group = 0
    carrying: int | None = None  # group of a quote left open by the previous fact paragraph
    for p in article.paragraphs:
        if p.boilerplate:
            continue
        pairs, unclosed = _double_pieces(body, p.start, p.end)
        opens_with_mark = body[p.start : p.start + 1] in (_DOUBLE_OPEN + '"')
        if carrying is not None and not opens_with_mark:
            # The previous paragraph's open quote did not continue: drop its dangling piece.
            pieces = [x for x in pieces if not (x.group == carrying and x.close is None)]
            carrying = None
        closed = [(a, b) for a, b in pairs if b is not None]
        taken = [(a, b) for a, b in closed]
        for a, b in pairs:
            if b is None:
                taken.append((a, p.end))
        singles = _single_pieces(body, p.start, p.end, taken)
        allp = sorted(
            [(a, b) for a, b in pairs] + [(a, b) for a, b in singles], key=lambda ab: ab[0]
        )
        for a, b in allp:
            stop = b if b is not None else p.end
            s, e = a + 1, stop
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if not any(ch.isalnum() for ch in body[s:e]):
                continue
            if carrying is not None and a == p.start:
                g = carrying
            else:
                group += 1
                g = group
            pieces.append(_Piece(a, s, e, b, p.index, g))
            carrying = None
        carrying = pieces[-1].group if unclosed and pieces and pieces[-1].close is None else None
    if carrying is not None:
        pieces = [x for x in pieces if not (x.group == carrying and x.close is None)]
    return pieces


@dataclass(slots=True)
class _Speaker:
    name: str
    kind: str  # "person" | "source" | "unresolved" (a role that fits no one person)


class _ArticleContext:
    """What attribution needs about one article: sentences, tokens and who is mentioned where."""

    def __init__(
        self,
        index: int,
        article: Article,
        people: Sequence[Person],
        quoted: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.index = index
        self.article = article
        self.sentences = article.sentences
        self.starts = [s.start for s in self.sentences]
        self.tokens = [tokenize(s) for s in self.sentences]
        # Sentence.index -> position, so nothing assumes the two are equal.
        self.position = {s.index: k for k, s in enumerate(self.sentences)}
        self.paragraph = {p.index: p for p in article.paragraphs}
        # Paragraph index -> the fact paragraph before it (boilerplate in between is skipped).
        self.previous_fact: dict[int, int | None] = {}
        last: int | None = None
        for p in article.paragraphs:
            self.previous_fact[p.index] = last
            if not p.boilerplate:
                last = p.index
        # A name inside quoted words is talked about, never the one talking: those mentions
        # are no speakers and no antecedents for "he"/"she".
        spans = sorted(quoted)
        span_starts = [a for a, _ in spans]

        def in_quote(m: Mention) -> bool:
            k = bisect.bisect_right(span_starts, m.start) - 1
            return k >= 0 and m.end <= spans[k][1]

        self.mentions: list[tuple[Mention, Person]] = sorted(
            ((m, p) for p in people for m in p.mentions if m.article == index and not in_quote(m)),
            key=lambda mp: mp[0].start,
        )
        # Who this article names, with the title words each was introduced with, for
        # resolving "the outgoing prime minister" to the one person who holds that title.
        self.local: list[Person] = []
        seen: set[str] = set()
        for _m, p in self.mentions:
            if p.name not in seen:
                seen.add(p.name)
                self.local.append(p)
        # Every written form of each person (name, aliases, surname), folded: a speaker phrase
        # that is exactly one of them names that person even where no mention was recorded,
        # so a speaker is always the canonical Person.name, never "Heuvel" beside "Joost van
        # den Heuvel".
        forms: dict[str, set[str]] = {}
        for p in people:
            for f in (p.name, *p.aliases, p.name.split()[-1] if p.name else ""):
                if f:
                    forms.setdefault(fold(f), set()).add(p.name)
        self.forms = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}
        self.mention_starts = [m.start for m, _ in self.mentions]
        self.gender = {p.name: gender_of(p) for p in people}
        self.people = {p.name: p for p in people}
        # (position, person name, paragraph) of everyone seen speaking, for pronouns.
        self.events: list[tuple[int, str, int]] = []
        # Sentence index -> its subject as _lead_subject finds it, asked once per sentence.
        self.lead_subjects: dict[int, tuple[Mention, Person] | None] = {}

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else None
        s = self.sentences[i]
        if pos >= s.end and i + 1 < len(self.sentences):
            return self.sentences[i + 1]
        return s

    def _within(self, start: int, end: int) -> list[tuple[Mention, Person]]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [(m, p) for m, p in self.mentions[lo:hi] if m.end <= end]

    def first_person_in(self, start: int, end: int) -> tuple[Mention, Person] | None:
        """The first person mention inside [start, end) (a sentence's subject)."""
        hits = self._within(start, end)
        return hits[0] if hits else None

    def covering(self, pos: int) -> tuple[Mention, Person] | None:
        """The mention that spans pos: a speaker phrase cut inside a name ("Leyen" of "von der
        Leyen") still names the whole person."""
        k = bisect.bisect_right(self.mention_starts, pos) - 1
        if k >= 0 and self.mentions[k][0].start <= pos < self.mentions[k][0].end:
            return self.mentions[k]
        return None

    def person_in(self, start: int, end: int) -> tuple[Mention, Person] | None:
        """The last person mention inside [start, end) (the head of "Trump's envoy Witkoff")."""
        hits = self._within(start, end)
        return hits[-1] if hits else None


def _words_in(toks: list[Token], start: int, end: int) -> list[Token]:
    """Tokens lying inside [start, end), found by bisection: a hostile "sentence" can hold
    hundreds of thousands of tokens and hundreds of quotes."""
    lo = bisect.bisect_left(toks, start, key=lambda t: t.start)
    hi = bisect.bisect_left(toks, end, key=lambda t: t.start)
    out = toks[lo:hi]
    while out and out[-1].end > end:
        out.pop()
    return out


def _cut_listener(np: list[Token]) -> list[Token]:
    """ "a security source reached by Le Courrier", "an official speaking to Reuters": what
    follows the participle is the outlet that listened, not the speaker."""
    for k in range(1, len(np) - 1):
        t, nxt = np[k], np[k + 1]
        if t.text.islower() and (
            (t.folded.endswith("ed") and nxt.folded == "by")
            or (t.folded in _LISTENING and nxt.folded in ("to", "with"))
        ):
            return np[:k]
    return np


_LISTENING = frozenset({"speaking", "talking", "told", "writing"})
# Words that say when someone held a role, not which role: "the outgoing prime minister" is
# the "Prime Minister" the article introduced.
_TEMPORAL = frozenset({"incoming", "current", "sitting", "new", "now"})
# Words that put a role in the past (or on its way there): matched against each other.
_PAST = frozenset({"former", "ex", "outgoing", "then", "previous", "retired", "erstwhile"})
_DEFINITE = frozenset({"the", "his", "her", "their", "its"})
_HEAD_OF = {
    "state": frozenset({"president", "king", "queen", "monarch", "emir", "sultan"}),
    "government": frozenset({"prime", "premier", "chancellor"}),
}


def _role_person(ctx: _ArticleContext, np: list[Token], pos: int) -> _Speaker | bool | None:
    """A definite role phrase ("the outgoing prime minister", "the head of state", "his son
    Marcel") -> the one person of this article it fits; None when it is a person's role that
    fits nobody or several (never the role as if it were a name); False when not a role."""
    words = [t for t in np if t.kind in ("word", "init")]
    if len(words) < 2:
        return False
    # "his son Marcel": a given name after the role names the one person called so.
    named = [t for t in words[1:] if t.capitalised]
    if named and words[0].folded in _DEFINITE and any(t.folded in KINSHIP for t in words):
        fits = [
            p
            for p in ctx.local
            if fold(p.name.split()[0]) == named[0].folded and _introduced_before(ctx, p, pos)
        ]
        return _Speaker(fits[0].name, "person") if len(fits) == 1 else None
    if not (words[0].folded in _DEFINITE or words[0].possessive):
        return False
    folded = [t.folded for t in words[1:]]
    wanted: list[frozenset[str]]
    if len(folded) >= 3 and folded[-3] == "head" and folded[-2] == "of" and folded[-1] in _HEAD_OF:
        wanted = [_HEAD_OF[folded[-1]]]
        mods = folded[:-3]
    else:
        head = folded[-1]
        if len(folded) == 1 and words[0].folded == "the" and head in _ANAPHOR_NOUNS:
            # "the mother said", "the 52-year-old said", "the woman said": the person the
            # sentence before is about, when the gender fits.
            return _role_anaphor(ctx, pos, frozenset({head}), _ANAPHOR_NOUNS[head])
        if head not in ROLE_HEADS or head in _PLURAL_HEADS or head in KINSHIP:
            return False
        wanted = [frozenset({head})]
        mods = folded[:-1]
    wanted += [
        frozenset({m}) for m in mods if m not in _TEMPORAL and m not in _PAST and m not in _DEFINITE
    ]
    fits: list[tuple[Person, bool]] = []
    for p in ctx.local:
        title_words = {fold(w) for t in p.titles for w in t.replace("-", " ").split()}
        if title_words and all(w & title_words for w in wanted) and _introduced_before(ctx, p, pos):
            fits.append((p, bool(title_words & _PAST)))
    if not fits and words[0].folded == "the" and not (wanted[0] & _RELATIONAL):
        # Not "his party leader": a possessive role belongs to someone else.
        role = next(iter(wanted[0]))
        gender = "f" if role.endswith("woman") else "m" if role.endswith("man") else None
        return _role_anaphor(ctx, pos, wanted[0], gender)
    if len(fits) > 1:
        # "the former minister" next to a sitting one: the one introduced as former (or
        # outgoing); plain "the minister" is then the sitting one.
        past = any(m in _PAST for m in mods)
        fits = [f for f in fits if f[1] == past]
    return _Speaker(fits[0][0].name, "person") if len(fits) == 1 else None


# Roles held on someone else's behalf: "the spokesman" is seldom the person the sentence
# before was about, but the one who speaks for them.
_RELATIONAL = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "adviser",
        "advisor",
        "lawyer",
        "attorney",
        "envoy",
        "deputy",
        "assistant",
        "representative",
        "secretary",
        "official",
        "source",
        "agent",
        "counsel",
    }
)


def _role_anaphor(
    ctx: _ArticleContext, pos: int, head: frozenset[str], gender: str | None
) -> _Speaker | None:
    """ "In Rotterdam, Joost van den Heuvel reacted angrily. "...," the party leader said.":
    a role no one was introduced with names the one person the sentence before (in the same
    paragraph) is about, when that person carries no other title. Two candidates or none: no
    speaker."""
    sent = ctx.sentence_at(pos)
    if sent is None:
        return None
    k = ctx.position.get(sent.index, 0)
    if k == 0 or ctx.sentences[k - 1].paragraph != sent.paragraph:
        return None
    prev = ctx.sentences[k - 1]
    names = {p.name for _, p in ctx._within(prev.start, prev.end)}
    if len(names) != 1:
        return None
    hit = _lead_subject(ctx, prev, ctx.tokens[k - 1])
    if hit is None or hit[1].name not in names or hit[1].titles:
        return None
    if gender is not None and ctx.gender.get(hit[1].name) not in (None, gender):
        return None
    return _Speaker(hit[1].name, "person")


# Nouns that stand for a person already named, with the gender they imply.
_ANAPHOR_NOUNS: dict[str, str | None] = {
    "year-old": None,
    "woman": "f",
    "man": "m",
    "mother": "f",
    "father": "m",
    "wife": "f",
    "husband": "m",
    "widow": "f",
    "widower": "m",
    "daughter": "f",
    "son": "m",
    "sister": "f",
    "brother": "m",
    "grandmother": "f",
    "grandfather": "m",
}

_PLURAL_HEADS = frozenset(
    w for w in ROLE_HEADS if (w.endswith("s") and w[:-1] in ROLE_HEADS) or w == "spokespeople"
)


def _introduced_before(ctx: _ArticleContext, person: Person, pos: int) -> bool:
    return any(m.start < pos for m in person.mentions if m.article == ctx.index)


def _resolve_np(ctx: _ArticleContext, np: list[Token], pos: int) -> _Speaker | None:
    """A speaker phrase -> a person (by mention, pronoun or title) or a non-person source."""
    if not np:
        return None
    while np and np[0].folded in _LEADING_FILLERS:
        np = np[1:]
    np = _cut_listener(np)
    if not np or len(np) > _MAX_NP:
        return None
    start, end = np[0].start, np[-1].end
    hit = ctx.person_in(start, end + 2) or ctx.covering(start)
    if hit is not None:
        m, p = hit
        after = [t for t in np if t.start >= m.end]
        ends_possessive = any(t.possessive and t.end == m.end for t in np)
        # "a spokesman for Putin": the person is governed by a preposition, not the speaker
        # ("Secretary of State Marco Rubio" is not: "of" does not touch the name).
        lead = [t.folded for t in np if t.end <= m.start]
        while lead and lead[-1] in ("the", "a", "an"):
            lead.pop()
        governed = bool(lead) and lead[-1] in _OF_WORDS
        if not (ends_possessive and after) and not governed:
            return _Speaker(p.name, "person")
    if len(np) == 1 and np[0].folded in _PRONOUNS:
        name = _pronoun(ctx, pos, _PRONOUNS[np[0].folded])
        return _Speaker(name, "person") if name else None
    if len(np) == 1 and np[0].folded == "it":
        return _it_source(ctx, pos)
    if all(t.folded in _NOT_SPEAKERS for t in np) or any(
        t.folded in ("they", "we", "i", "it", "you") for t in np
    ):
        return None
    if not any(t.kind in ("word", "init") and t.folded not in _NOT_SPEAKERS for t in np):
        return None
    if all(t.capitalised or (t.folded in PARTICLES and t.text.islower()) for t in np):
        known = ctx.forms.get(fold(" ".join(t.text for t in np)))
        if known is not None:
            return _Speaker(known, "person")
    role = _role_person(ctx, np, pos)
    if role is not False:
        # A person's role that fits nobody (or several): speech, but no speaker to name.
        return role if isinstance(role, _Speaker) else _Speaker("", "unresolved")
    text = ctx.article.body[np[0].start : np[-1].end + (2 if np[-1].possessive else 0)]
    return _Speaker(text, "source")


def _it_source(ctx: _ArticleContext, pos: int) -> _Speaker | None:
    """ "The AIU panel rejected that explanation. "...," it said.": "it" is the body that is
    the subject of the sentence before, in the same paragraph; never a person, and nothing
    when that sentence opens otherwise."""
    sent = ctx.sentence_at(pos)
    k = ctx.position.get(sent.index, 0) if sent is not None else 0
    if sent is None or k == 0 or ctx.sentences[k - 1].paragraph != sent.paragraph:
        return None
    found = _resolved_subject(ctx, ctx.tokens[k - 1])
    if found is None:
        return None
    np, sp, _verb = found
    if sp.kind != "source" or ctx.first_person_in(np[0].start, np[-1].end + 2) is not None:
        return None
    return sp


def _pronoun(ctx: _ArticleContext, pos: int, gender: str) -> str | None:
    """He/she: who news means by it, nearest first. A person seen earlier in the same
    sentence; else the subject (or the one person) of the sentence right before, in the same
    paragraph ("The director of the charity, Anne-Laure de Villiers, never gave up hope.
    "...," she told Le Monde."); else the latest speaker or subject earlier in this
    paragraph or the one before. A name from further back is a guess, and a wrong speaker
    costs more than none."""
    sent = ctx.sentence_at(pos)
    if sent is None:
        return None
    para = sent.paragraph

    def fits(name: str) -> bool:
        return ctx.gender.get(name) in (None, gender)

    hi = bisect.bisect_left(ctx.events, pos, key=_at)
    for at, name, _p in reversed(ctx.events[max(0, hi - _MAX_PRONOUN_EVENTS) : hi]):
        if at < sent.start:
            break
        if fits(name):
            return name
    k = ctx.position.get(sent.index, 0)
    if k > 0 and ctx.sentences[k - 1].paragraph == para:
        prev = ctx.sentences[k - 1]
        hit = _lead_subject(ctx, prev, ctx.tokens[k - 1])
        if hit is not None and fits(hit[1].name):
            return hit[1].name
        # "Police detained Karl Weber on Monday. "I am innocent," he said.": the one fitting
        # person the sentence before names, as an object or after "according to".
        names = {p.name for _, p in ctx._within(prev.start, prev.end) if fits(p.name)}
        if len(names) == 1:
            return names.pop()
        if hit is None and not names and _unknown_subject(ctx.tokens[k - 1]):
            # "Outside the hall, Tervo Haapala handed out leaflets. "...," he said.": the
            # subject is someone the people stage did not recognise; anyone earlier is wrong.
            return None
    # Earlier in this paragraph, then in the previous one (ending, say, with "Ushakov said
    # Witkoff had raised ..." before "But he said ..."), never further back.
    prev_para = ctx.previous_fact.get(para)
    hi = bisect.bisect_left(ctx.events, pos, key=_at)
    for _at_pos, name, p in reversed(ctx.events[max(0, hi - _MAX_PRONOUN_EVENTS) : hi]):
        if p != para and p != prev_para:
            break
        if fits(name):
            return name
    return None


# How many earlier speakers and subjects a pronoun looks through: a hostile paragraph of
# thousands of "he said" must not make every pronoun scan all of them.
_MAX_PRONOUN_EVENTS = 64


def _unknown_subject(toks: list[Token]) -> bool:
    """Whether the sentence's subject has the shape of a personal name (two or three
    capitalised words, then a verb), at its start, after an introductory phrase, or in
    apposition to an opening role phrase ("The director of the charity, Aurelio Banfi,
    never gave up hope")."""
    words = [t for t in toks[:_LEAD_WINDOW] if t.kind in ("word", "init", "abbr", "punct")]
    starts = [0]
    comma = next((k for k, t in enumerate(words[:20]) if t.text == ","), None)
    role_lead = (
        comma is not None
        and comma > 1
        and (words[0].folded in ("the", "a", "an") or words[0].possessive)
        and any(t.folded in ROLE_HEADS and t.text.islower() for t in words[1:comma])
    )
    if comma is not None and (
        role_lead
        or words[0].folded in _INTRO_WORDS
        or words[0].folded.endswith("ing")
        or words[0].folded.endswith("ed")
    ):
        starts.append(comma + 1)
    for i in starts:
        n = 0
        core = 0
        while i + n < len(words) and core < 4:
            t = words[i + n]
            if _name_shaped(t):
                core += 1
            elif not (core and t.folded in PARTICLES and t.text.islower()):
                break
            n += 1
        if not 2 <= core <= 3 or i + n >= len(words):
            continue
        nxt = words[i + n]
        if _verb_like(nxt) or (role_lead and i > 0 and nxt.text == ","):
            return True
    return False


def _name_shaped(t: Token) -> bool:
    f = t.folded
    return (
        t.kind == "word"
        and t.capitalised
        and f not in FUNCTION_WORDS
        and f not in NOT_NAME_WORDS
        and f not in ORG_SUFFIXES
        and f not in PLACE_WORDS
        and f not in DEMONYMS
        and f not in ROLE_HEADS
    )


def _lead_subject(
    ctx: _ArticleContext, sent: Sentence, toks: list[Token]
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
    ctx: _ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[Mention, Person] | None:
    hit = _subject_of(ctx, sent, toks)
    if hit is not None:
        return hit
    # The patterns lie at the sentence start: a hostile sentence of a million words is not
    # copied for them.
    words = _words_in(toks[:_LEAD_WINDOW], sent.start, sent.end)
    comma = next(
        (k for k, t in enumerate(words[:20]) if t.text == "," or t.text in _HARD_STOPS), None
    )
    if comma is None or comma == 0 or words[comma].text != "," or comma + 1 >= len(words):
        return None
    lead = words[:comma]
    if lead[0].text[:1] in _QUOTE_CHARS:
        return None
    hit = ctx.covering(words[comma + 1].start)
    if hit is None or hit[0].start != words[comma + 1].start:
        return None
    m = hit[0]
    if ctx.article.body[m.end : m.end + 2] in _POSSESSIVE_MARKS:
        return None
    rest = [t for t in words if t.start >= m.end]
    first = lead[0].folded
    intro = first in _INTRO_WORDS or first.endswith("ing") or first.endswith("ed")
    # "The <role> of <Org>, <Name>, <verb>": the name in apposition to a role phrase.
    role_lead = (
        (first in _DEFINITE or first in ("a", "an") or lead[0].possessive)
        and any(t.folded in ROLE_HEADS for t in lead)
        and len(rest) > 1
        and rest[0].text == ","
    )
    if role_lead and _verb_like(rest[1]):
        return hit
    if not intro:
        return None
    # Introductory phrase: "In Rotterdam, Joost van den Heuvel reacted angrily", also over
    # an appositive after the name ("Back in the village, Yusuf Demir, 63, sweeps ...").
    if rest and rest[0].text == ",":
        close = next((k for k, t in enumerate(rest[1:15], 1) if t.text == ","), None)
        if close is None or any(t.text in _HARD_STOPS for t in rest[1:close]):
            return None
        rest = rest[close + 1 :]
    return hit if rest and _verb_like(rest[0]) else None


_LEAD_WINDOW = 80
_QUOTE_CHARS = frozenset("“”\"‘’'«»„")
# Words that open an introductory phrase before the subject: "In Rotterdam,", "Outside
# the court,", "After the vote,".
_INTRO_WORDS = frozenset(
    {
        "in",
        "by",
        "from",
        "with",
        "for",
        "through",
        "into",
        "after",
        "outside",
        "inside",
        "near",
        "behind",
        "beside",
        "during",
        "before",
        "since",
        "across",
        "at",
        "under",
        "back",
        "later",
        "earlier",
        "now",
        "there",
        "here",
        "meanwhile",
        "today",
        "yesterday",
        "on",
        "upon",
        "amid",
        "among",
        "despite",
        "like",
        "unlike",
    }
)


def _verb_like(t: Token) -> bool:
    """A lower-case word that can be a finite verb or its adverb ("reacted", "clutches",
    "never"), not a function word that continues a noun phrase ("of", "and")."""
    return (
        t.kind == "word"
        and t.text.islower()
        and t.folded not in FUNCTION_WORDS
        and t.folded not in _OF_WORDS
        and t.folded not in _PREPOSITIONS
        and t.folded not in ("and", "or", "who", "which", "whose")
    ) or t.folded in _VERB_FUNCTION


# Function words that are verbs (or the negation of one) right after a subject.
_VERB_FUNCTION = frozenset(
    {"is", "was", "were", "are", "has", "had", "have", "will", "would", "could", "did", "does"}
    | {"never", "also", "still", "can", "may", "might", "must", "should", "not"}
    | {"later", "earlier", "then", "now", "again", "separately", "afterwards"}
)


def _np_before(ctx: _ArticleContext | None, toks: list[Token], k: int, floor: int) -> list[Token]:
    """The speaker phrase that ends right before token k (skipping "had", "also" ...). Over an
    appositive or a relative clause between commas: "Taha, who headed the army team, said" ->
    "Taha"; "France's foreign minister, Jean-Noel Barrot, called" -> "Jean-Noel Barrot"."""
    j = k - 1
    if j >= 0 and toks[j].folded in _PASSIVE:
        return []  # "Smith was told ...": the subject is the listener, not the speaker
    while j >= 0 and toks[j].start >= floor and toks[j].folded in _AUX:
        j -= 1
    if j >= 0 and toks[j].text == ")":
        # "Rep. Alexandria Ocasio-Cortez (D-N.Y.) called it ...": skip the parenthesis.
        m = j - 1
        while m >= 0 and toks[m].text != "(" and j - m <= 12:
            m -= 1
        if m >= 0 and toks[m].text == "(" and toks[m].start >= floor:
            j = m - 1
    # Up to three appositives: "Van den Heuvel, 52, a former finance minister, told ...".
    for _ in range(3):
        if not (j >= 0 and toks[j].text == "," and toks[j].start >= floor):
            break
        m = j - 1
        while m >= 0 and toks[m].start >= floor and toks[m].text != "," and j - m <= 16:
            if toks[m].text in _HARD_STOPS:
                return []
            m -= 1
        if m < 0 or toks[m].text != "," or toks[m].start < floor:
            return []
        seg = toks[m + 1 : j]
        if seg and ctx is not None and ctx.person_in(seg[0].start, seg[-1].end + 2):
            return seg
        np = _np_plain(toks, m, floor)
        if np or m == 0 or toks[m - 1].kind != "num":
            return np
        j = m  # an age between commas: the name is before it
    return _np_plain(toks, j + 1, floor)


_OF_WORDS = frozenset({"for", "of", "to"})
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be", "get", "got"})
_HARD_STOPS = frozenset('.;:?!“”"‘’()')


def _np_plain(toks: list[Token], k: int, floor: int) -> list[Token]:
    j = k - 1
    np: list[Token] = []
    while j >= 0 and toks[j].start >= floor and len(np) <= _MAX_NP:
        t = toks[j]
        if t.kind == "punct" or t.kind == "num":
            break
        if (
            t.folded in _NP_STOP
            or is_speech(t)
            or (t.folded in CONTINUATION_VERBS and t.text.islower())
        ):
            break
        if (
            t.folded in _OF_WORDS
            and np
            and j > 0
            and toks[j - 1].start >= floor
            and (toks[j - 1].folded in ROLE_HEADS or toks[j - 1].folded in _ROLE_LOWER)
        ):
            # "a spokesman for Putin", "an aide to Trump": the role is the speaker.
            np.insert(0, t)
            j -= 1
            continue
        if (
            not t.text[:1].isupper()
            and np
            and t.folded not in ("the", "a", "an")
            and (np[0].text[:1].isupper())
            and t.folded not in _ROLE_LOWER
            and not (t.folded in PARTICLES and t.text.islower())  # "von der Leyen"
        ):
            break
        np.insert(0, t)
        j -= 1
    return np


# Lower-case words that belong inside a source phrase ("Kremlin foreign policy adviser",
# "a White House official", "Russian state media").
_ROLE_LOWER = _set(
    """
    foreign policy adviser advisers aide aides official officials spokesman spokeswoman
    spokesperson envoy special senior top former state media minister ministry secretary
    president leader source sources officer officers analyst analysts diplomat diplomats
    negotiator chief deputy press agency service office news television tv outlet outlets
    newspaper statement military army police government administration authorities
    prosecutors lawmakers lawmaker senator the a an of
    """
)


def _np_after(toks: list[Token], k: int, limit: int) -> list[Token]:
    """The speaker phrase after a verb ("said Kremlin spokesman Dmitry Peskov, ...")."""
    np: list[Token] = []
    j = k
    if j < len(toks) and toks[j].folded in _CLAUSE_SUBJECTS:
        return np  # "..., said he would appeal": a reported clause, not a speaker
    while j < len(toks) and toks[j].end <= limit and len(np) <= _MAX_NP:
        t = toks[j]
        if t.kind in ("punct", "num"):
            break
        if t.folded in (
            "on",
            "in",
            "at",
            "to",
            "during",
            "after",
            "before",
            "that",
            "as",
            "when",
            "while",
            "last",
            "this",
            "earlier",
            "posted",
            "issued",
            "released",
            "published",
            "carried",
            "later",
            "and",
            "who",
        ):
            break
        np.append(t)
        j += 1
    return np


def _right_attribution(
    ctx: _ArticleContext, piece: _Piece, toks: list[Token], limit: int, more_quotes: bool
) -> tuple[_Speaker | bool | None, bool]:
    """Speaker after the closing mark (False: no attribution there at all), and whether it
    follows the quote directly rather than trailing at the end of the sentence."""
    assert piece.close is not None
    after = _words_in(toks, piece.close + 1, limit)
    while after and after[0].text in (",", "—", "–", "-"):
        after = after[1:]
    if not after:
        return False, False
    verb: int | None = None
    for i, t in enumerate(after[:25]):
        if t.text in _HARD_STOPS:
            break
        if t.folded == "quoted":
            rest = after[i + 1 :]
            for k in range(len(rest) - 1):
                if rest[k].folded == "as" and rest[k + 1].folded in _AS_SAYING:
                    return _resolve_np(ctx, rest[:k], t.start), i == 0
        if t.folded == "according" and i + 1 < len(after) and after[i + 1].folded == "to":
            return _resolve_np(ctx, _np_after(after, i + 2, limit), t.start), i == 0
        if verb is None and is_speech(t):
            verb = i
    if verb is None:
        return False, False
    if verb == 0:
        return _resolve_np(ctx, _np_after(after, 1, limit), after[0].start), True
    j = verb
    while j > 0 and after[j - 1].folded in _AUX:
        j -= 1
    segments: list[list[Token]] = [[]]
    for t in after[:j]:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    segments = [seg for seg in segments if seg]
    if not segments:
        return False, False
    first = segments[0]
    if len(segments) == 1 or ctx.person_in(first[0].start, first[-1].end + 2):
        # Right after the quote: "...," Ushakov said / "...," Nasser al-Otaibi, the Saudi
        # diplomat who led the mediation, told a news conference.
        return _resolve_np(ctx, first, after[verb].start), True
    # A trailing ", X said" after more of the sentence. Not when the verb introduces a later
    # quote ("... won awards, and critics called it "a masterpiece"") or starts a new clause.
    last = segments[-1]
    if more_quotes or last[0].folded in _CLAUSE_OPENERS:
        return False, False
    if not any(ctx.person_in(seg[0].start, seg[-1].end + 2) for seg in segments[1:]) and any(
        t.folded in _CLAUSE_OPENERS for seg in segments for t in seg[:1]
    ):
        return False, False
    for seg in reversed(segments[1:]):
        if ctx.person_in(seg[0].start, seg[-1].end + 2):
            return _resolve_np(ctx, seg, after[verb].start), False
    return _resolve_np(ctx, last, after[verb].start), False


_CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "as", "although", "though", "because", "so"})


_PREPOSITIONS = frozenset(
    {"in", "on", "at", "by", "from", "with", "for", "of", "via", "through", "into", "after"}
)
_AS_SAYING = frozenset({"saying", "telling", "writing"})


def _left_attribution(
    ctx: _ArticleContext,
    piece: _Piece,
    toks: list[Token],
    floor: int,
    current: _Speaker | None,
) -> _Speaker | bool | None:
    """Speaker before the opening mark in the same sentence. False: nothing there."""
    before = _words_in(toks, floor, piece.open)
    if not before:
        return False
    # "... quoted X as saying "..."" and "according to X, "...""
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.folded == "saying" and i >= 2 and before[i - 1].folded == "as":
            for k in range(i - 2, -1, -1):
                if before[k].folded == "quoted":
                    return _resolve_np(ctx, before[k + 1 : i - 1], t.start)
        if t.folded == "according" and i + 1 < len(before) and before[i + 1].folded == "to":
            np = _np_after(before, i + 2, piece.open)
            return _resolve_np(ctx, np, t.start)
    for i in range(len(before) - 1, -1, -1):
        t = before[i]
        if t.folded in CONTINUATION_VERBS and t.text.islower():
            main = _main_speaker(ctx, toks, floor, t.start)
            return main if main is not None else (current or None)
        if is_speech(t):
            np = _np_before(ctx, before, i, floor)
            k = i - 1
            while k >= 0 and before[k].folded in _AUX:
                k -= 1
            if not np and k >= 1 and before[k].folded == "who" and before[k - 1].text == ",":
                # "Jan Kowalski, who called the proceedings "a show trial", ...": the name
                # the relative clause hangs on.
                np = _np_plain(before, k - 1, floor)
                hit = ctx.person_in(np[0].start, np[-1].end + 2) if np else None
                if hit is None:
                    continue
                return _Speaker(hit[1].name, "person")
            if not np or np[0].folded in _PREPOSITIONS:
                # "said in a message posted on Telegram": a participle, not the main verb.
                continue
            if _reported_clause(before, np):
                # "Rydén said the company had promised ..., and accused the union of "...": the
                # company is the subject of what Rydén reports, not the one quoted.
                continue
            return _resolve_np(ctx, np, t.start)
    if before and before[-1].text == ":":
        # "Ms. MacGuineas was blunt: "I doubt it."": a colon hands the quote to the subject.
        clause = before[:-1]
        cut = max((k for k, t in enumerate(clause) if t.text == ","), default=-1)
        clause = clause[cut + 1 :]
        hit = ctx.first_person_in(clause[0].start, clause[-1].end) if clause else None
        if hit is not None and hit[0].start <= _subject_limit(clause):
            return _Speaker(hit[1].name, "person")
        # "The club's president, Luca Ferri, backed him: "...": the name in the appositive
        # right before the clause is its subject.
        if hit is None and cut > 0 and clause and clause[0].text[:1].islower():
            prev_cut = max((k for k, t in enumerate(before[:cut]) if t.text == ","), default=-1)
            seg = before[prev_cut + 1 : cut]
            app = ctx.first_person_in(seg[0].start, seg[-1].end) if seg else None
            if app is not None and app[0].start == seg[0].start and app[0].end == seg[-1].end:
                return _Speaker(app[1].name, "person")
        # "Café owner Luca Bernardi, 52, fumed: "..."": the person the sentence is about, when
        # only commas and the verb stand between them and the colon.
        sent = ctx.sentence_at(piece.open)
        hit = _subject_of(ctx, sent, toks) if hit is None and sent is not None else None
        if hit is not None and hit[0].end <= before[-1].start:
            tail = _words_in(toks, hit[0].end, before[-1].start)
            if len(tail) <= _COLON_TAIL and not any(t.text in _HARD_STOPS for t in tail):
                return _Speaker(hit[1].name, "person")
    return False


def _reported_clause(before: list[Token], np: list[Token]) -> bool:
    """Whether a verb's subject phrase opens a clause reported by an earlier verb of speech
    ("said (that) the company had promised"): then that earlier verb's subject speaks."""
    first = next((k for k, t in enumerate(before) if t is np[0]), None)
    if first is None or first == 0:
        return False
    prev = before[first - 1]
    if prev.folded == "that" and first >= 2:
        prev = before[first - 2]
    return is_speech(prev)


def _main_speaker(
    ctx: _ArticleContext, toks: list[Token], floor: int, before: int
) -> _Speaker | None:
    """The subject of the first verb of speech of the sentence ("Rubio told Fox ...")."""
    for i, t in enumerate(toks):
        if t.start < floor or t.start >= before:
            continue
        if is_speech(t):
            sp = _resolve_np(ctx, _np_before(ctx, toks, i, floor), t.start)
            if sp is not None:
                return sp
    # "Lund congratulated Berg in a post on X, saying ...": the subject of the main verb.
    sent = ctx.sentence_at(before)
    if sent is not None and sent.start >= floor:
        hit = _subject_of(ctx, sent, toks)
        if hit is not None and hit[0].end <= before:
            return _Speaker(hit[1].name, "person")
        if hit is None:
            # "But the Athletics Integrity Unit slammed her excuse, saying ...": a named body
            # as the subject of the main verb.
            found = _resolved_subject(ctx, _words_in(toks, sent.start, before))
            if found is not None:
                return found[1]
    return None


def _subject_of(
    ctx: _ArticleContext, sent: Sentence, toks: list[Token]
) -> tuple[Mention, Person] | None:
    """The person a sentence is about: named in its subject, not as a possessive ("Smith's
    lawyers") nor as the object of a preposition."""
    if not toks:
        return None
    hit = ctx.first_person_in(sent.start, _subject_limit(toks))
    if hit is None:
        return None
    m = hit[0]
    if ctx.article.body[m.end : m.end + 2] in _POSSESSIVE_MARKS:
        return None
    before = [t for t in toks if t.end <= m.start]
    if any(t.folded in _PREPOSITIONS or t.folded in _OF_WORDS for t in before):
        return None
    return hit


_POSSESSIVE_MARKS = frozenset({"'s", "’s"})
# Words between a subject and the colon that hands it the quote: "Luca Bernardi, 52, fumed:".
_COLON_TAIL = 6


def _record_events(ctx: _ArticleContext) -> None:
    """Who speaks or is the subject in each sentence, for resolving later pronouns. A "she"
    that is a subject or a speaker is resolved on the spot and recorded too, so "Labour
    Minister Nasreen Chowdhury visited the site. / She said ... / "...," she said." carries
    the minister from paragraph to paragraph, one step at a time."""

    def add(at: int, name: str, paragraph: int) -> None:
        bisect.insort(ctx.events, (at, name, paragraph), key=_at)

    for sent, toks in zip(ctx.sentences, ctx.tokens, strict=True):
        hit = _lead_subject(ctx, sent, toks)
        if hit is not None:
            add(hit[0].start, hit[1].name, sent.paragraph)
        elif len(toks) > 1 and toks[0].folded in _PRONOUNS and _verb_like(toks[1]):
            name = _pronoun(ctx, toks[0].start, _PRONOUNS[toks[0].folded])
            if name is not None:
                add(toks[0].start, name, sent.paragraph)
        for i, t in enumerate(toks):
            if t.folded == "according" and i + 1 < len(toks) and toks[i + 1].folded == "to":
                # "..., according to fire chief Andrés Molina." A source named here is who a
                # following "he said" most likely means.
                np = _np_after(toks, i + 2, sent.end)
                hit = ctx.person_in(np[0].start, np[-1].end + 2) if np else None
                if hit is not None:
                    add(hit[0].start, hit[1].name, sent.paragraph)
            elif is_speech(t):
                np = _np_before(ctx, toks, i, sent.start)
                if np:
                    hit = ctx.person_in(np[0].start, np[-1].end + 2)
                    if hit is not None:
                        add(t.start, hit[1].name, sent.paragraph)
                    elif len(np) == 1 and np[0].folded in _PRONOUNS:
                        name = _pronoun(ctx, np[0].start, _PRONOUNS[np[0].folded])
                        if name is not None:
                            add(t.start, name, sent.paragraph)


def _subject_limit(toks: list[Token]) -> int:
    """End of the sentence's subject: before its first lower-case word that is not a role.
    Lower-case nouns right before a name are its role ("Union steward Klaus Weber", "Green
    party leader Sofie Lindqvist"), unless they look like a verb ("Police arrested Karl ...")."""
    for k, t in enumerate(toks):
        if t.kind == "word" and t.text[:1].islower() and t.folded not in _ROLE_LOWER:
            m = k
            while m < len(toks) and m - k < 3 and _role_like(toks[m]):
                m += 1
            if m > k and m < len(toks) and toks[m].capitalised and not toks[m].initial:
                continue
            return t.start
    return toks[-1].end if toks else 0


def _role_like(t: Token) -> bool:
    f = t.folded
    return (
        t.kind == "word"
        and t.text[:1].islower()
        and (f in ROLE_HEADS or f in _ROLE_LOWER or not (f.endswith("ed") or f.endswith("ing")))
        and f not in FUNCTION_WORDS
        and f not in _NP_STOP
        and f not in SPEECH_VERBS
        and f not in _AUX
        and f not in _PASSIVE
    )


def _attribute(ctx: _ArticleContext, pieces: list[_Piece]) -> list[_Speaker | None]:
    body = ctx.article.body
    speakers: list[_Speaker | None] = []
    prev_by_para: dict[int, _Speaker | None] = {}
    last_para_speaker: tuple[int, _Speaker] | None = None
    for n, piece in enumerate(pieces):
        sent = ctx.sentence_at(piece.start)
        speaker: _Speaker | bool | None = False
        if sent is not None:
            s_idx = sent.index
            toks = ctx.tokens[ctx.position[s_idx]]
            end_sent = ctx.sentence_at(piece.close) if piece.close is not None else sent
            end_sent = end_sent or sent
            end_toks = ctx.tokens[ctx.position[end_sent.index]]
            nxt_open = pieces[n + 1].open if n + 1 < len(pieces) else len(body)
            # Previous quote in this sentence: the left context starts after it.
            prev = pieces[n - 1] if n > 0 else None
            floor = sent.start
            same_sentence_prev: _Speaker | None = None
            if prev is not None and prev.close is not None and prev.close >= sent.start:
                floor = prev.close + 1
                same_sentence_prev = speakers[-1]
            opens_sentence = not body[floor : piece.open].strip(" ,“\"‘'—–-")
            right: _Speaker | bool | None = False
            adjacent = False
            if piece.close is not None:
                right, adjacent = _right_attribution(
                    ctx, piece, end_toks, min(end_sent.end, nxt_open), nxt_open < end_sent.end
                )
            if opens_sentence:
                speaker = right
                if speaker is False:
                    speaker = _left_attribution(ctx, piece, toks, floor, same_sentence_prev)
            else:
                # Mid-sentence: the verb before the quote governs it ("X said the deal was
                # "..."); a trailing ", according to X" only when no earlier quote of the
                # sentence has a speaker already.
                speaker = _left_attribution(ctx, piece, toks, floor, same_sentence_prev)
                if (
                    not isinstance(speaker, _Speaker)
                    and isinstance(right, _Speaker)
                    and (adjacent or same_sentence_prev is None)
                ):
                    speaker = right
            if speaker is False and same_sentence_prev is not None:
                speaker = same_sentence_prev
            if speaker is False and not opens_sentence:
                speaker = _framing_subject(ctx, piece, sent, toks)
            if speaker is False and opens_sentence:
                speaker = _next_subject(ctx, piece, sent)
            if speaker is False:
                speaker = _continued(ctx, pieces, n, speakers, prev_by_para, last_para_speaker)
        sp = speaker if isinstance(speaker, _Speaker) else None
        # Pieces of one multi-paragraph quote share the speaker found for any of them.
        if sp is None and n > 0 and pieces[n - 1].group == piece.group:
            sp = speakers[-1]
        if sp is not None and n > 0 and pieces[n - 1].group == piece.group:
            for k in range(n - 1, -1, -1):
                if pieces[k].group != piece.group:
                    break
                if speakers[k] is None:
                    speakers[k] = sp
        speakers.append(sp)
        prev_by_para[piece.paragraph] = sp
        if sp is not None:
            last_para_speaker = (piece.paragraph, sp)
            if sp.kind == "person":
                bisect.insort(ctx.events, (piece.start, sp.name, piece.paragraph), key=_at)
    return speakers


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and fold(w) not in _STOP]
    return bool(words) and all(w[:1].isupper() for w in words)


def _at(event: tuple[int, str, int]) -> int:
    return event[0]


def _framing_subject(
    ctx: _ArticleContext, piece: _Piece, sent: Sentence, toks: list[Token]
) -> _Speaker | bool:
    """A partial quote framed by a verb that is not one of speech ("Hofmann thanked Qatar for
    its "tireless efforts""): the words are the sentence subject's, when that is a person who
    acts in the sentence (not "Smith's lawyers", not "Smith was described by ... as")."""
    if _title_case(ctx.article.body[piece.start : piece.end]):
        return False  # "starred in "The Long Road"": a title or a name, not words spoken
    hit = _subject_of(ctx, sent, toks)
    if hit is None:
        return _source_subject(ctx, piece, sent, toks)
    if hit[0].end > piece.open:
        return False
    between = _words_in(toks, hit[0].end, piece.open)
    if any(t.folded == "by" or t.folded in _PASSIVE or t.text in _HARD_STOPS for t in between):
        return False
    return _Speaker(hit[1].name, "person")


def _source_subject(
    ctx: _ArticleContext, piece: _Piece, sent: Sentence, toks: list[Token]
) -> _Speaker | bool:
    """ "Baltic Shipping expressed "its deepest solidarity"", "The company called the sinking
    "a tragedy"": a short subject at the sentence start, then a past-tense verb, then the
    quote later in the same clause."""
    words = _words_in(toks, sent.start, piece.open)
    found = _resolved_subject(ctx, words)
    if found is None or any(t.text in _HARD_STOPS or t.text == "," for t in words[found[2] :]):
        return False
    return found[1]


def _resolved_subject(
    ctx: _ArticleContext, words: list[Token]
) -> tuple[list[Token], _Speaker, int] | None:
    """The subject phrase opening `words` (see `_subject_np`), what it names, and the index
    of its verb; None when there is no such subject or it names no one."""
    found = _subject_np(words)
    if found is None:
        return None
    np, k = found
    sp = _resolve_np(ctx, np, words[k].start)
    return None if sp is None else (np, sp, k)


def _subject_np(words: list[Token]) -> tuple[list[Token], int] | None:
    """A short subject at the start of a sentence's words ("The company", "Baltic Shipping",
    after a leading "But"/"And") and the index of the past-tense verb right after it."""
    lead = 1 if words and words[0].folded in _SENTENCE_CONJUNCTIONS else 0
    k = lead
    if k < len(words) and words[k].folded in ("the", "a", "an"):
        k += 1
        if k < len(words) and words[k].text.islower():
            k += 1  # "The company", "The ministry"
    while k < len(words) and words[k].capitalised and k < lead + 5:
        k += 1
    if k == lead or k >= len(words):
        return None
    if words[k - 1].capitalised and k + 1 < len(words) and _past_verb(words[k + 1]):
        k += 1  # "The AIU panel rejected", "Rival Nordport's management decided"
    np = words[lead:k]
    if words[k].text == "," and words[k - 1].capitalised:
        # "Autovia Nord, the company that manages the road, expressed": over one appositive.
        close = next(
            (
                m
                for m in range(k + 1, min(len(words), k + _APPOSITIVE_WORDS))
                if words[m].text == ","
            ),
            None,
        )
        if close is None or any(t.text in _HARD_STOPS for t in words[k + 1 : close]):
            return None
        k = close + 1
        if k >= len(words):
            return None
    if not _past_verb(words[k]):
        return None
    return np, k


def _past_verb(t: Token) -> bool:
    return t.text.islower() and t.folded.endswith("ed") and t.folded not in _PASSIVE


_SENTENCE_CONJUNCTIONS = frozenset({"but", "and", "yet"})
_APPOSITIVE_WORDS = 16


def _next_subject(ctx: _ArticleContext, piece: _Piece, sent: Sentence) -> _Speaker | bool:
    """A quote that is a whole sentence at the start of its paragraph, with the speaker named
    as the subject of the next sentence: ""My husband is still down there." Marta Rojas, 41,
    has not left the gate since Tuesday."."""
    para = ctx.paragraph.get(piece.paragraph)
    if para is None or piece.open != para.start or piece.close is None:
        return False
    end_sent = ctx.sentence_at(piece.close)
    if end_sent is None or ctx.article.body[piece.close + 1 : end_sent.end].strip(" .!?"):
        return False
    k = ctx.position[end_sent.index] + 1
    if k >= len(ctx.sentences) or ctx.sentences[k].paragraph != piece.paragraph:
        return False
    nxt = ctx.sentences[k]
    toks = ctx.tokens[k]
    first = next((t for t in toks if t.kind in ("word", "init", "abbr")), None)
    hit = ctx.first_person_in(nxt.start, nxt.end)
    if first is None or hit is None:
        return False
    if hit[0].start != first.start:
        # "Standing behind the police tape at the gate, María Elena Rojas clutches a
        # photograph": the subject after an introductory phrase.
        hit = _lead_subject(ctx, nxt, toks)
        if hit is None or not _after_intro(ctx, nxt, toks, hit[0]):
            return False
    if ctx.article.body[hit[0].end : hit[0].end + 2] in _POSSESSIVE_MARKS:
        return False
    return _Speaker(hit[1].name, "person")


def _after_intro(ctx: _ArticleContext, sent: Sentence, toks: list[Token], m: Mention) -> bool:
    """Whether a mention is the subject right after the sentence's introductory phrase (a
    preposition or participle up to the first comma), not inside a role phrase."""
    words = _words_in(toks, sent.start, m.start)
    if len(words) < 2 or words[-1].text != ",":
        return False
    head = words[0].folded
    if not (head in _INTRO_WORDS or head.endswith("ing") or head.endswith("ed")):
        return False
    return not any(t.text == "," or t.text in _HARD_STOPS for t in words[:-1])


def _continued(
    ctx: _ArticleContext,
    pieces: list[_Piece],
    n: int,
    speakers: list[_Speaker | None],
    prev_by_para: dict[int, _Speaker | None],
    last_para_speaker: tuple[int, _Speaker] | None,
) -> _Speaker | None:
    """A quote with no verb of its own: same paragraph's speaker, or the previous paragraph's
    when this paragraph opens with the quote and has no attribution verb anywhere."""
    piece = pieces[n]
    body = ctx.article.body
    sent = ctx.sentence_at(piece.start)
    if sent is None:
        return None
    at_sentence_start = not body[sent.start : piece.open].strip(" “\"‘'")
    if not at_sentence_start:
        return None
    if piece.paragraph in prev_by_para:
        return prev_by_para[piece.paragraph]
    para = ctx.paragraph.get(piece.paragraph)
    if para is None:
        return None
    if piece.open != para.start:
        return None
    outside = _outside_quotes(body, para.start, para.end, pieces)
    if any(
        fold(w) in SPEECH_VERBS or fold(w) in CONTINUATION_VERBS
        for w in re.findall(r"\w+", outside)
    ):
        return None
    prev_para = ctx.previous_fact.get(piece.paragraph)
    if prev_para is None:
        return None
    before = ctx.paragraph[prev_para]
    if body[before.start : before.end].rstrip().endswith(":"):
        # "Smith said in a statement on Monday:" then the quote as its own paragraph.
        intro = ctx.sentence_at(before.end - 1)
        if intro is not None:
            toks = ctx.tokens[ctx.position[intro.index]]
            for i in range(len(toks) - 1, -1, -1):
                if is_speech(toks[i]):
                    return _resolve_np(ctx, _np_before(ctx, toks, i, intro.start), toks[i].start)
    if last_para_speaker is None or last_para_speaker[0] != prev_para:
        return None
    return last_para_speaker[1]


def _outside_quotes(body: str, start: int, end: int, pieces: list[_Piece]) -> str:
    out = []
    pos = start
    lo = bisect.bisect_left(pieces, start, key=lambda p: p.open)
    for p in pieces[lo:]:
        if p.open >= end:
            break
        out.append(body[pos : p.open])
        pos = (p.close + 1) if p.close is not None else end
    out.append(body[pos:end])
    return " ".join(out)


@lru_cache(maxsize=8192)
def _rel_words(text: str) -> tuple[tuple[str, int, int], ...]:
    """Words of a text with offsets into it: repeated renderings are split once."""
    return tuple(
        (fold(m.group()).replace("’", "'"), m.start(), m.end()) for m in _WORD_RE.finditer(text)
    )


_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def _stem(w: str) -> str:
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def _content(words: list[tuple[str, int, int]]) -> set[str]:
    out: set[str] = set()
    for w, _, _ in words:
        for part in w.split("-"):
            if part not in _STOP and len(part) > 1:
                out.add(_stem(part))
    return out


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass(frozen=True, slots=True)
class _Features:
    """What linking compares of one quote, computed once (linking looks at every pair)."""

    words: tuple[str, ...]
    word_set: frozenset[str]
    content: frozenset[str]
    pairs: frozenset[tuple[str, str]]


@lru_cache(maxsize=8192)
def _features(text: str) -> _Features:
    """The features of a quote's text (a pure function of it: outlets repeat quotes, and
    the next comparison of the same articles finds them again)."""
    ws = list(_rel_words(text))
    words = tuple(w for w, _, _ in ws)
    return _Features(
        words, frozenset(words), frozenset(_content(ws)), frozenset(itertools.pairwise(words))
    )


def _score(a: _Features, b: _Features) -> float:
    return (
        _dice(a.content, b.content) + _dice(a.word_set, b.word_set) + _dice(a.pairs, b.pairs)
    ) / 3


def link_score(left: str, right: str) -> float:
    """How likely two quoted texts render one statement (0..1): mean of content-word,
    all-word and word-pair overlap, so re-translations that keep the frame still score."""
    return _score(_features(left), _features(right))


def _contained(short: list[str], long_: list[str]) -> bool:
    n = len(short)
    return n > 0 and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _diff(left: Quote, right: Quote) -> tuple[DiffOp, ...]:
    """Word diff of two quotes in body offsets."""
    lw = _rel_words(left.text)
    rw = _rel_words(right.text)
    lo, ro = left.start, right.start
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in word_opcodes(
        _features(left.text).words, _features(right.text).words
    ):
        # Offsets into each quote's text; an empty side sits where its neighbour ends.
        ls = lw[i1][1] if i1 < i2 else (lw[i1 - 1][2] if i1 > 0 else 0)
        le = lw[i2 - 1][2] if i1 < i2 else ls
        rs = rw[j1][1] if j1 < j2 else (rw[j1 - 1][2] if j1 > 0 else 0)
        re_ = rw[j2 - 1][2] if j1 < j2 else rs
        lt, rt = left.text[ls:le], right.text[rs:re_]
        ops.append(DiffOp(tag, lo + ls, lo + le, ro + rs, ro + re_, lt, rt))  # type: ignore[arg-type]
    return tuple(ops)


# Calibrated on the annotated corpora: same-statement pairs score >= 0.40 with one speaker,
# unrelated quotes of one speaker stay below 0.30.
_LINK_SAME_SPEAKER = 0.38
_LINK_OTHER = 0.55
_MIN_PARTIAL_WORDS = 3


def _speaker_fits(a: Quote, b: Quote, people: dict[str, Person]) -> bool:
    """A source fits a person when it shares a word with the person's titles ("Kremlin
    officials" / "Kremlin aide")."""
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker == b.speaker:
        return True
    src, per = (a, b) if a.speaker_kind == "source" else (b, a)
    if src.speaker_kind != "source" or per.speaker_kind != "person":
        return False
    person = people.get(per.speaker or "")
    if person is None:
        return False
    src_words = {fold(w) for w in re.findall(r"\w+", src.speaker or "") if w[:1].isupper()}
    title_words = {fold(w) for t in person.titles for w in re.findall(r"\w+", t)}
    return bool(src_words & title_words)


def _link(quotes: list[Quote], people: Sequence[Person]) -> list[QuoteLink]:
    by_name = {p.name: p for p in people}
    by_text: dict[str, _Features] = {}
    for q in quotes:
        if q.text not in by_text:
            by_text[q.text] = _features(q.text)
    feats = [by_text[q.text] for q in quotes]
    # Quotes repeated word for word within an article (a refrain, a syndicated paragraph)
    # are compared once per distinct text; the verdict is then applied to each member pair.
    groups: dict[tuple[int, str], list[int]] = {}
    for i, q in enumerate(quotes):
        groups.setdefault((q.article, q.text), []).append(i)
    reps = [members[0] for members in groups.values()]
    members_of = list(groups.values())
    # Only pairs from different articles that share a content word can render one statement:
    # an inverted index per article keeps long articles from comparing every quote with
    # every other, and counts the shared content words of each pair in one C-level pass.
    index: dict[int, dict[str, list[int]]] = {}
    for g, i in enumerate(reps):
        per = index.setdefault(quotes[i].article, {})
        for w in feats[i].content:
            per.setdefault(w, []).append(g)
    later = sorted(index)
    sizes = [(len(f.content), len(f.word_set), len(f.pairs)) for f in feats]
    # A pair is scored only when its best possible score (exact content overlap, exact word
    # overlap, word-pair overlap capped by the two sizes) reaches the bar, or when it may be
    # a partial rendering (all the shorter quote's content words shared).
    low = min(_LINK_SAME_SPEAKER, _LINK_OTHER)
    cands: list[tuple[float, int, int, bool]] = []
    for g, i in enumerate(reps):
        fi = feats[i]
        art_i = quotes[i].article
        ci, wi, pi = sizes[i]
        for art in later:
            if art <= art_i:
                continue
            per = index[art]
            shared: Counter[int] = Counter()
            for w in fi.content:
                hits = per.get(w)
                if hits:
                    shared.update(hits)
            for h in sorted(shared):
                j = reps[h]
                fj = feats[j]
                cj, wj, pj = sizes[j]
                n_shared = shared[h]
                could_be_part = n_shared == min(ci, cj)
                c = 2 * n_shared / (ci + cj)
                w_cap = 2 * min(wi, wj) / (wi + wj) if wi and wj else 0.0
                p_cap = 2 * min(pi, pj) / (pi + pj) if pi and pj else 0.0
                if (c + w_cap + p_cap) / 3 < low and not could_be_part:
                    continue
                wd = 2 * len(fi.word_set & fj.word_set) / (wi + wj) if wi and wj else 0.0
                score = 0.0
                if (c + wd + p_cap) / 3 >= low:
                    pd = 2 * len(fi.pairs & fj.pairs) / (pi + pj) if pi and pj else 0.0
                    score = (c + wd + pd) / 3
                short, long_ = (fi, fj) if len(fi.words) <= len(fj.words) else (fj, fi)
                contained: bool | None = None
                for x in members_of[g]:
                    for y in members_of[h]:
                        a, b = quotes[x], quotes[y]
                        same = a.speaker is not None and a.speaker == b.speaker
                        if score >= (_LINK_SAME_SPEAKER if same else _LINK_OTHER):
                            cands.append((score, x, y, False))
                            continue
                        if not could_be_part or not _speaker_fits(a, b, by_name):
                            continue
                        if contained is None:
                            contained = (
                                len(short.words) >= _MIN_PARTIAL_WORDS
                                and len(short.words) < len(long_.words)
                                and bool(short.content)
                                and short.word_set <= long_.word_set
                                and _contained(list(short.words), list(long_.words))
                            )
                        if contained:
                            cands.append((min(_score(fi, fj), 0.99), x, y, True))
    # Best score first, then by the two quotes: two stable C-keyed passes, not a Python
    # key function per candidate (a long article has thousands).
    cands.sort(key=itemgetter(1, 2))
    cands.sort(key=itemgetter(0), reverse=True)
    used: set[tuple[int, int]] = set()  # (quote, other article) pairs taken by a full link
    links: list[QuoteLink] = []
    for score, i, j, partial in cands:
        a, b = quotes[i], quotes[j]
        if not partial:
            if (i, b.article) in used or (j, a.article) in used:
                continue
            used.add((i, b.article))
            used.add((j, a.article))
        left, right = (a, b) if a.article < b.article else (b, a)
        mismatch = (
            left.speaker is not None and right.speaker is not None and left.speaker != right.speaker
        )
        links.append(QuoteLink(left.id, right.id, round(score, 3), _diff(left, right), mismatch))
    links.sort(key=lambda lk: (lk.left, lk.right))
    return links


def find_quotes(
    articles: Sequence[Article], people: Sequence[Person], memo: Memo | None = None
) -> tuple[list[Quote], list[QuoteLink]]:
    """Every direct quote with its speaker, and links between renderings across articles."""
    quotes: list[Quote] = []
    for ai, art in enumerate(articles):
        if not art.sentences:
            continue
        pieces = _find_pieces(art)
        ctx = _ArticleContext(ai, art, people, [(x.start, x.end) for x in pieces])
        _record_events(ctx)
        speakers = _attribute(ctx, pieces)
        n = 0
        for piece, sp in zip(pieces, speakers, strict=True):
            text = art.body[piece.start : piece.end]
            if sp is None and _looks_like_scare_quote(text):
                continue
            if sp is not None and sp.kind == "unresolved":
                sp = None  # speech by a role the article never ties to one person
            sent = ctx.sentence_at(piece.start)
            n += 1
            quotes.append(
                Quote(
                    id=f"q{ai}-{n}",
                    article=ai,
                    sentence=sent.index if sent else 0,
                    start=piece.start,
                    end=piece.end,
                    text=text,
                    speaker=sp.name if sp else None,
                    speaker_kind=sp.kind if sp else None,  # type: ignore[arg-type]
                )
            )
    links = _link(quotes, people)
    same: dict[str, list[str]] = {}
    for lk in links:
        same.setdefault(lk.left, []).append(lk.right)
        same.setdefault(lk.right, []).append(lk.left)
    quotes = [replace(q, same_as=tuple(same.get(q.id, ()))) for q in quotes]
    return quotes, links


def _looks_like_scare_quote(text: str) -> bool:
    """An unattributed short or mid-sentence quote is a scare quote or a title, not speech."""
    words = text.split()
    if len(words) <= 4:
        return True
    return text[:1].islower()
