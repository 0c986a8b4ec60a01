"""Candidate name runs: the maximal sequences of capitalised words that could be a name.

A run may hold lower-case particles inside ("Ursula von der Leyen") and a generational
suffix at its end ("Robert F. Kennedy Jr."); title, role and grammar words never start one.
A run that opens its sentence loses its first word, which is capitalised by grammar, unless
something shows that word is part of a name. Runs and the organisations a sentence's grammar
shows are worked out once per sentence per comparison (the `people.runs` memo table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..article import Sentence
from ..lexicon.names import CAPITAL_PARTICLES, FUNCTION_WORDS, PARTICLES, ROLE_HEADS, TITLE_WORDS
from ..tokens.memo import Memo
from .evidence import given, initial_name, subject_after_quote
from .tokens import SUFFIXES, ArticleTokens, SentenceTokens, Token, gap_is_space
from .vetoes import org_evidence

Span = tuple[int, int]


def name_capable(tok: Token) -> bool:
    """A capitalised word that may be part of a name: no abbreviation, title or grammar word."""
    if not tok.capitalised or tok.kind == "abbr":
        return False
    f = tok.folded
    return f not in TITLE_WORDS and f not in ROLE_HEADS and f not in FUNCTION_WORDS


def is_particle(tok: Token) -> bool:
    """A name particle: lower-case ("van", "de") or, for the Arabic ones, capitalised ("Al")."""
    f = tok.folded
    return (f in PARTICLES and tok.text.islower()) or (f in CAPITAL_PARTICLES and tok.capitalised)


def _opens_run(tok: Token) -> bool:
    return name_capable(tok) and not is_particle(tok)


def _joins(body: str, toks: list[Token], j: int) -> bool:
    """Whether token j continues the run that ends at token j - 1."""
    return (
        not toks[j - 1].possessive
        and gap_is_space(body, toks[j - 1], toks[j])
        and (name_capable(toks[j]) or is_particle(toks[j]))
    )


def _suffix_at(body: str, toks: list[Token], j: int) -> bool:
    """A generational suffix ("Jr.", "III") right after the run that ends at token j - 1."""
    return (
        j < len(toks)
        and toks[j].folded in SUFFIXES
        and not toks[j - 1].possessive
        and gap_is_space(body, toks[j - 1], toks[j])
    )


def find_runs(body: str, toks: list[Token], notable: list[int]) -> list[Span]:
    """Maximal runs of name-like tokens (token index ranges), particles allowed inside. A
    run opens only at a capitalised word, so only the notable tokens are tried as openers."""
    runs: list[Span] = []
    n = len(toks)
    end = 0
    for i in notable:
        if i < end or not _opens_run(toks[i]):
            continue
        j = i + 1
        while j < n and _joins(body, toks, j):
            j += 1
        while j > i + 1 and is_particle(toks[j - 1]):
            j -= 1
        if j > i + 1 and _suffix_at(body, toks, j):
            j += 1  # "Robert F. Kennedy Jr."
        runs.append((i, j))
        end = j
    return runs


def sentence_runs(
    body: str, st: SentenceTokens, memo: Memo
) -> tuple[tuple[Span, ...], frozenset[tuple[str, ...]]]:
    """The name-like runs of a sentence and the organisations its grammar shows. Both read the
    sentence alone, so they are worked out once per sentence of the comparison."""
    table = memo.table("people.runs")
    key = (body, st.sent)
    found = table.get(key)
    if found is None:
        toks = st.toks
        runs = find_runs(body, toks, st.notable)
        orgs: set[tuple[str, ...]] = set()
        org_evidence(toks, runs, orgs)
        found = table[key] = (tuple(runs), frozenset(orgs))
    return found


def midsentence_caps(arts: list[ArticleTokens]) -> set[str]:
    """Words seen capitalised away from a sentence start: proper nouns, not grammar."""
    out: set[str] = set()
    for at in arts:
        for st in at.sentences:
            toks = st.toks
            for k in st.notable:
                t = toks[k]
                if t.capitalised and not t.initial:
                    out.add(t.text)
    return out


@dataclass(slots=True)
class SentenceRuns:
    """One sentence's tokens and its runs, trimmed of a grammatical sentence-initial word."""

    sent: Sentence
    toks: list[Token]
    runs: list[Span]


@dataclass(slots=True)
class RunScan:
    """Every article's runs, with what the whole comparison shows about them: surnames seen
    alone (a one-word run), and runs the grammar shows to be organisations anywhere."""

    articles: list[tuple[int, list[SentenceRuns]]]
    alone: set[str]
    orgs: set[tuple[str, ...]]
    # The rules left to try per spelling of a run (`rules.judge`), for this comparison.
    plans: dict[tuple[object, ...], tuple[Any, ...]] = field(default_factory=dict)


def _keeps_first_word(
    body: str, sent: Sentence, toks: list[Token], span: Span, midcaps: set[str]
) -> bool:
    """Whether a run's first word is part of the name, not capitalised only by its place at
    the start of the sentence."""
    i, j = span
    first = toks[i]
    return (
        not first.initial
        or first.kind == "init"  # an initial is never grammar's capital
        or given(first)
        or first.text in midcaps
        or initial_name(body, toks, i, j)
        or subject_after_quote(body, sent, toks, i, j, j - i)
    )


def scan_runs(bodies: list[str], arts: list[ArticleTokens], memo: Memo) -> RunScan:
    """The runs of every sentence, trimmed, with the comparison-wide surnames and orgs."""
    midcaps = midsentence_caps(arts)
    scan = RunScan([], set(), set())
    for at in arts:
        body = bodies[at.article]
        per: list[SentenceRuns] = []
        for st in at.sentences:
            sent, toks = st.sent, st.toks
            runs, sent_orgs = sentence_runs(body, st, memo)
            scan.orgs |= sent_orgs
            trimmed: list[Span] = []
            for i, j in runs:
                if not _keeps_first_word(body, sent, toks, (i, j), midcaps):
                    i += 1
                    while i < j and is_particle(toks[i]):
                        i += 1
                if i < j:
                    trimmed.append((i, j))
                    _note_alone(scan.alone, toks, i, j)
            per.append(SentenceRuns(sent, toks, trimmed))
        scan.articles.append((at.article, per))
    return scan


def _note_alone(alone: set[str], toks: list[Token], i: int, j: int) -> None:
    """Surnames seen alone: a one-word run, and each half of a hyphenated word."""
    if j - i == 1 and not toks[i].initial:
        alone.add(toks[i].text)
    for t in toks[i:j]:
        if "-" in t.text:
            alone.update(t.text.split("-"))
