"""Candidates: the runs that the stage's rules accept as a person's introduction or titled
mention, each with the rule that decided it.

A run first goes through every veto (any one keeps it out), then through the name shapes in
their order: the first that holds is the evidence that makes it a person, and is remembered
with the candidate so a wrong name can be traced to the rule that let it in.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import Sentence
from .evidence import DEMONYMS_OR_NATIONS, title_after, title_before
from .rules import judge
from .runs import RunScan, Span, is_particle
from .tokens import Token

MAX_NAME_WORDS = 5


@dataclass(slots=True)
class Candidate:
    """One introduction or titled mention of a name found in one sentence."""

    words: tuple[str, ...]
    article: int
    sentence: int
    start: int
    end: int
    title: str | None = None
    title_start: int | None = None
    plural_title: bool = False
    kin: bool = False  # a relative named by a given name alone ("her son Diego")
    rule: str = ""  # the name shape that decided it


@dataclass(slots=True)
class Run:
    """A capitalised run with everything the rules read about it: its sentence and tokens,
    the title before it (and its start, and whether it is plural), the role after it in
    commas, and what the whole comparison showed (surnames seen alone, organisations)."""

    body: str
    sent: Sentence
    toks: list[Token]
    i: int
    j: int
    scan: RunScan
    words: list[Token]
    core: list[Token]
    prev: Token | None
    title: str | None
    title_start: int | None
    plural: bool
    after: str | None

    @classmethod
    def build(cls, body: str, sent: Sentence, toks: list[Token], span: Span, scan: RunScan) -> Run:
        i, j = span
        # Leading nation/place words are modifiers of the name ("Russian Vladimir Putin"), not
        # part of it.
        while j - i > 1 and toks[i].folded in DEMONYMS_OR_NATIONS:
            i += 1
        words = toks[i:j]
        core = [w for w in words if not is_particle(w)]
        title, title_start, plural = title_before(body, toks, i)
        after = title_after(body, toks, j) if title is None else None
        prev = toks[i - 1] if i > 0 else None
        return cls(
            body, sent, toks, i, j, scan, words, core, prev, title, title_start, plural, after
        )

    def text(self) -> str:
        return self.body[self.words[0].start : self.words[-1].end]

    def key(self) -> tuple[object, ...]:
        """What the words-only rules read: the words' spellings, and whether the first opens
        the sentence (a token's kind, case and folded form follow from its spelling)."""
        return (self.words[0].initial, *[w.text for w in self.words])

    def candidate(self, article: int, rule: str) -> Candidate:
        title = self.title if self.title is not None else self.after
        return Candidate(
            words=tuple(w.text for w in self.words),
            article=article,
            sentence=self.sent.index,
            start=self.words[0].start,
            end=self.words[-1].end,
            title=title if not self.plural else None,
            title_start=self.title_start,
            plural_title=self.plural,
            kin=rule == "kin-given-name",
            rule=rule,
        )


def find_candidates(
    scan: RunScan, bodies: list[str], trace: list[tuple[str, str]] | None = None
) -> list[Candidate]:
    """Every run the rules accept, in reading order. With `trace`, each run a rule decided is
    recorded as (run text, rule name), vetoes included: the golden examples read it."""
    cands: list[Candidate] = []
    for article, per in scan.articles:
        body = bodies[article]
        for sr in per:
            for span in sr.runs:
                run = Run.build(body, sr.sent, sr.toks, span, scan)
                rule = judge(run)
                if rule is None:
                    continue
                if trace is not None:
                    trace.append((run.text(), rule.name))
                if rule.kind == "shape":
                    cands.append(run.candidate(article, rule.name))
    return cands
