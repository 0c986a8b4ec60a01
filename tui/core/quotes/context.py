"""What attribution knows about one article: its sentences and tokens, who is mentioned
where, and who has spoken so far (for "he said").

One `ArticleContext` is built per article per comparison and dropped with it: the memo of
sentence subjects and the speaker events live here, never in a module-level cache.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..article import Article, Sentence
from ..lexicon.names import fold
from ..model import Mention, Person
from ..people import Token, gender_of, tokenize
from ..tokens.memo import Memo


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to. `kind` is "person", "source", or "unresolved" (a role
    that fits no one person: speech, but nobody to name). `rule` names the rule that gave
    the name, when it was not simply the words written before or after the quote."""

    name: str
    kind: str
    rule: str | None = None

    def named_by(self, rule: str | None) -> Speaker:
        """This speaker as given by `rule` (a constructor call: every quote asks, and
        dataclasses.replace costs ten times as much)."""
        return Speaker(self.name, self.kind, rule)


# (position, person name, paragraph) of someone seen speaking or acting as a subject.
Event = tuple[int, str, int]


def event_pos(event: Event) -> int:
    return event[0]


def words_in(toks: list[Token], start: int, end: int) -> list[Token]:
    """Tokens lying inside [start, end), found by bisection: a hostile "sentence" can hold
    hundreds of thousands of tokens and hundreds of quotes."""
    lo = bisect.bisect_left(toks, start, key=lambda t: t.start)
    hi = bisect.bisect_left(toks, end, key=lambda t: t.start)
    out = toks[lo:hi]
    while out and out[-1].end > end:
        out.pop()
    return out


def _outside(
    people: Sequence[Person], index: int, quoted: Sequence[tuple[int, int]]
) -> list[tuple[Mention, Person]]:
    """This article's mentions in order, without those inside quoted words: a name inside a
    quote is talked about, never the one talking, and no antecedent for "he"/"she"."""
    spans = sorted(quoted)
    span_starts = [a for a, _ in spans]

    def in_quote(m: Mention) -> bool:
        k = bisect.bisect_right(span_starts, m.start) - 1
        return k >= 0 and m.end <= spans[k][1]

    return sorted(
        ((m, p) for p in people for m in p.mentions if m.article == index and not in_quote(m)),
        key=lambda mp: mp[0].start,
    )


def _forms(people: Iterable[Person]) -> dict[str, str]:
    """Every written form of each person (name, aliases, surname), folded, when it names one
    person only: a speaker phrase that is exactly one of them names that person even where no
    mention was recorded, so a speaker is always the canonical Person.name, never "Heuvel"
    beside "Joost van den Heuvel"."""
    forms: dict[str, set[str]] = {}
    for p in people:
        for f in (p.name, *p.aliases, p.name.split()[-1] if p.name else ""):
            if f:
                forms.setdefault(fold(f), set()).add(p.name)
    return {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}


def _previous_fact(article: Article) -> dict[int, int | None]:
    """Paragraph index -> the fact paragraph before it (boilerplate in between is skipped)."""
    out: dict[int, int | None] = {}
    last: int | None = None
    for para in article.paragraphs:
        out[para.index] = last
        if not para.boilerplate:
            last = para.index
    return out


def _local(mentions: list[tuple[Mention, Person]]) -> list[Person]:
    """Who this article names, in order of first mention, with the titles each was
    introduced with: "the outgoing prime minister" is the one who holds that title."""
    local: list[Person] = []
    seen: set[str] = set()
    for _m, p in mentions:
        if p.name not in seen:
            seen.add(p.name)
            local.append(p)
    return local


class ArticleContext:
    """What attribution needs about one article: sentences, tokens and who is mentioned where."""

    def __init__(
        self,
        index: int,
        article: Article,
        people: Sequence[Person],
        quoted: Sequence[tuple[int, int]] = (),
        memo: Memo | None = None,
    ) -> None:
        self.index = index
        self.article = article
        self.sentences = article.sentences
        self.starts = [s.start for s in self.sentences]
        # The people stage already tokenised these sentences into the comparison's memo.
        self.tokens = [tokenize(s, memo) for s in self.sentences]
        # Sentence.index -> position, so nothing assumes the two are equal.
        self.position = {s.index: k for k, s in enumerate(self.sentences)}
        self.paragraph = {p.index: p for p in article.paragraphs}
        self.previous_fact = _previous_fact(article)
        self.mentions = _outside(people, index, quoted)
        self.mention_starts = [m.start for m, _ in self.mentions]
        self.local = _local(self.mentions)
        self.forms = _forms(people)
        self.gender = {p.name: gender_of(p) for p in people}
        self.people = {p.name: p for p in people}
        # Everyone seen speaking or acting as a subject, in text order, for pronouns.
        self.events: list[Event] = []
        # Sentence index -> its subject as `subjects.lead_subject` finds it, asked once each.
        self.lead_subjects: dict[int, tuple[Mention, Person] | None] = {}
        # The reference rules (pronoun, role ...) allowed to resolve a speaker phrase; None:
        # all. A golden example of one rule narrows it to that rule.
        self.references: frozenset[str] | None = None
        self._kinds: dict[tuple[int, str], list[tuple[int, int]]] = {}

    def has_token(
        self, k: int, kind: str, test: Callable[[Token], bool], start: int, end: int
    ) -> bool:
        """Whether sentence k has a token passing `test` inside [start, end). The tokens of
        each kind are listed once per sentence, so a hostile sentence of a million tokens
        with thousands of quotes is not scanned once per quote."""
        found = self._kinds.get((k, kind))
        if found is None:
            found = self._kinds[k, kind] = [(t.start, t.end) for t in self.tokens[k] if test(t)]
        i = bisect.bisect_left(found, (start, -1))
        return i < len(found) and found[i][0] < end and found[i][1] <= end

    def allows(self, rule: str) -> bool:
        return self.references is None or rule in self.references

    def gender_fits(self, name: str, gender: str | None) -> bool:
        return gender is None or self.gender.get(name) in (None, gender)

    def add_event(self, pos: int, name: str, paragraph: int) -> None:
        bisect.insort(self.events, (pos, name, paragraph), key=event_pos)

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return self.sentences[0] if self.sentences else None
        s = self.sentences[i]
        if pos >= s.end and i + 1 < len(self.sentences):
            return self.sentences[i + 1]
        return s

    def before_in_paragraph(self, sent: Sentence) -> int | None:
        """The position of the sentence before `sent`, when it is in the same paragraph."""
        k = self.position.get(sent.index, 0)
        if k == 0 or self.sentences[k - 1].paragraph != sent.paragraph:
            return None
        return k - 1

    def within(self, start: int, end: int) -> list[tuple[Mention, Person]]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [(m, p) for m, p in self.mentions[lo:hi] if m.end <= end]

    def first_person_in(self, start: int, end: int) -> tuple[Mention, Person] | None:
        """The first person mention inside [start, end) (a sentence's subject)."""
        hits = self.within(start, end)
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
        hits = self.within(start, end)
        return hits[-1] if hits else None

    def introduced_before(self, person: Person, pos: int) -> bool:
        return any(m.start < pos for m in person.mentions if m.article == self.index)
