"""The people stage's rules: each name shape and each veto, named, with golden examples.

A capitalised run is a person only on evidence, and never when a veto holds. `judge` tries
the vetoes (any one keeps the run out), then the shapes for a run of two or more name words
or for a single word, in the order registered here; the first shape that holds decides, and
its name stays with the candidate. A golden example is an article text and the runs this
rule decides in it (accepts, for a shape; keeps out, for a veto), found by the whole stage:
so an example shows the rule deciding in context, and breaks if another rule takes over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..rules import Registry, Rule
from . import evidence as ev
from . import vetoes as vt

if TYPE_CHECKING:
    from .candidates import Run

_MAX_WORDS = 5


@dataclass(frozen=True, slots=True)
class NameRule(Rule):
    """A name shape (evidence that a run is a person) or a veto (a run that is not one)."""

    kind: str  # "shape" | "veto"
    size: str  # "many": runs of two or more name words; "one": a single word; "any"
    test: Callable[[Run], bool]
    # Reads only the run's words (their spelling, and whether the first opens the sentence),
    # never what is around them: decided once per spelling of a run in a comparison.
    words_only: bool = False


def _run_texts(rule: NameRule, text: str) -> tuple[str, ...]:
    """The runs of `text` (one article) that `rule` decided when the whole stage read it."""
    from ..ingest import parse_article
    from .engine import trace

    return tuple(
        run for run, name in trace([parse_article(text, "golden.txt")]) if name == rule.name
    )


PEOPLE = Registry[NameRule]("people", _run_texts)


def _speech(r: Run) -> bool:
    return ev.speech_follows(r.toks, r.j) or (r.prev is not None and ev.is_speech(r.prev))


def _rule(
    name: str,
    kind: str,
    size: str,
    test: Callable[[Run], bool],
    why: str,
    *examples: tuple[str, tuple[str, ...]],
) -> None:
    PEOPLE.add(NameRule(name, why, tuple(examples), kind, size, test, name in _WORDS_ONLY))


# The rules that read the run's words alone (see `NameRule.words_only`).
_WORDS_ONLY = frozenset(
    {
        "too-many-words",
        "initials-only",
        "org-word",
        "place-name",
        "acronym",
        "place-or-institution-word",
        "digit",
        "given-name",
        "initial-first",
        "name-particle",
    }
)


# --- vetoes -------------------------------------------------------------------------------
_rule(
    "too-many-words",
    "veto",
    "any",
    lambda r: len(r.words) > _MAX_WORDS + 2 or len(r.core) > _MAX_WORDS,
    "More than five name words is a title or a headline in capitals, not a person's name.",
    (
        "Minister Anna Maria Luisa Teresa Sofia Bianchi spoke.",
        ("Anna Maria Luisa Teresa Sofia Bianchi",),
    ),
    ("Minister Anna Maria Bianchi spoke.", ()),
)
_rule(
    "initials-only",
    "veto",
    "any",
    lambda r: len(r.core[-1].text.rstrip(".")) < 2,
    'Initials without a surname ("signed by J. R.") name nobody the reader can follow.',
    ("The letter was signed by Dr J. R. on Monday.", ("J. R",)),
)
_rule(
    "determiner-before",
    "veto",
    "any",
    lambda r: r.prev is not None and r.prev.folded in ev.DETERMINERS and r.title is None,
    '"the Oval Office", "a Fox Business interview": an article before a run without a '
    "title makes it a thing.",
    ("Fans queued outside the Maria Keller on Monday.", ("Maria Keller",)),
)
_rule(
    "org-word",
    "veto",
    "any",
    lambda r: vt.org_word(r.words),
    'An organisation word ends the run: "Safe Work Alliance", "Steve Jobs Institute".',
    ("Officials at Daniel Weber Holdings said the deal was off.", ("Daniel Weber Holdings",)),
    ("Bill Gates said the deal was off.", ()),
)
_rule(
    "place-name",
    "veto",
    "any",
    lambda r: vt.place_name(r.words),
    'The whole run is a known place, even one that is also a given name ("Sofia", '
    "\"Santiago\"): after an office's title it is the office's seat more often than a name.",
    ("Deputy Mayor Santiago opened the session.", ("Santiago",)),
)
_rule(
    "acronym",
    "veto",
    "any",
    lambda r: vt.acronym(r.words),
    'An organisation\'s acronym in its exact case ("UN", not the "Un" of Kim Jong Un).',
    ("Spokesman Orvel NATO said.", ("Orvel NATO",)),
)
_rule(
    "place-or-institution-word",
    "veto",
    "any",
    lambda r: vt.not_name_word(r.words),
    "A place, nationality, institution or grammar word that is not a given name; a place "
    'word as the surname of a given name stays a person ("George Washington").',
    ("Spokesman Orvel Kremlin said.", ("Orvel Kremlin",)),
    ("George Washington said little.", ()),
)
_rule(
    "digit",
    "veto",
    "any",
    lambda r: vt.digit(r.words),
    "No person's name holds a digit; tokens split off ASCII digits, so what is left is a "
    'superscript footnote or unit mark ("Kessler²").',
    ("Spokesman Orvel Kessler² said.", ("Orvel Kessler²",)),
)
_rule(
    "names-a-thing",
    "veto",
    "any",
    lambda r: vt.names_a_thing(r.body, r.toks, r.j),
    "A name followed by capitalised words that end in an organisation or place word is part "
    'of a thing\'s name: "John F. Kennedy Airport".',
    ("Schools closed for Martin Luther King Jr. Day.", ("Martin Luther",)),
)
_rule(
    "ampersand-firm",
    "veto",
    "any",
    lambda r: vt.ampersand(r.toks, r.i, r.j),
    '"X & Partners" is a firm: a name joined by "&" to a capitalised word is no person.',
    ("Maria Keller & Partners won the contract.", ("Maria Keller",)),
    ("Maria Keller won the contract.", ()),
)
_rule(
    "company-by-grammar",
    "veto",
    "any",
    lambda r: tuple(w.folded for w in r.words) in r.scan.orgs,
    'A name that anywhere acts as a company ("shares in X", "X, which", "X cut its") is '
    'that company wherever it appears: "Marcus Wenger Logistics" is no person.',
    (
        "Marcus Wenger said the plan was sound. Shares in Marcus Wenger fell.",
        ("Marcus Wenger", "Marcus Wenger"),
    ),
)

# --- shapes of two or more name words -----------------------------------------------------
_rule(
    "title-before",
    "shape",
    "many",
    lambda r: r.title is not None,
    'A title or role phrase right before the name: "Kremlin aide Yuri Ushakov", "U.S. '
    'Secretary of State Marco Rubio", "Trump\'s envoy, Steve Witkoff".',
    ("Kremlin aide Orvel Ushakov spoke on Monday.", ("Orvel Ushakov",)),
    ("They met Trump's envoy, Orvel Witkoff.", ("Orvel Witkoff",)),
)
_rule(
    "role-after-comma",
    "shape",
    "many",
    lambda r: r.after is not None,
    'A role in commas after the name: "Amira Khalil, a Sudan researcher at the institute".',
    ("Amira Khalil, a Sudan researcher at the institute, spoke.", ("Amira Khalil",)),
)
_rule(
    "given-name",
    "shape",
    "many",
    lambda r: ev.given(r.core[0]),
    'A known given name opens the run (also as the first half of "Anne-Laure").',
    ("The plan was drafted by Steve Okonkwo on Monday.", ("Steve Okonkwo",)),
    ("The plan was drafted by Anne-Laure Brisset on Monday.", ("Anne-Laure Brisset",)),
)
_rule(
    "initial-first",
    "shape",
    "many",
    lambda r: r.core[0].kind == "init",
    'An initial opens the run: "J.D. Vance".',
    ("The plan was drafted by R.J. Okonkwo.", ("R.J. Okonkwo",)),
)
_rule(
    "name-particle",
    "shape",
    "many",
    lambda r: ev.inner_particle(r.words),
    'A family-name particle inside the run: "Joost van den Heuvel".',
    ("The plan was drafted by Orvel van den Heuvel.", ("Orvel van den Heuvel",)),
)
_rule(
    "speech-verb-and-surname",
    "shape",
    "many",
    lambda r: _speech(r) and r.words[-1].text in r.scan.alone,
    'A verb of speech with the name, and its surname alone elsewhere: "..., Tomas Halvik '
    'said. Halvik added ...".',
    (
        "Talks failed, Orvel Halvik said. Later Halvik left.",
        ("Orvel Halvik",),
    ),
    ("Talks failed, Orvel Halvik said.", ()),
)
_rule(
    "age-appositive",
    "shape",
    "many",
    lambda r: ev.age_follows(r.toks, r.j),
    'An age in commas after the name ("Greta Lindholm, 71, said"): no place has one.',
    ("Brisk Lindholm, 71, watched the water rise.", ("Brisk Lindholm",)),
)
_rule(
    "subject-after-quote",
    "shape",
    "many",
    lambda r: ev.subject_after_quote(r.body, r.sent, r.toks, r.i, r.j, len(r.core)),
    "A name opening the sentence after a quoted sentence, then a finite verb, is the "
    'speaker as subject: "“...” Hélène Sokolov-Mercier had been waiting".',
    ("“We waited all night.” Brisk Sokolov had been waiting since Monday.", ("Brisk Sokolov",)),
)
_rule(
    "role-appositive",
    "shape",
    "many",
    lambda r: ev.role_appositive(r.toks, r.i, r.j),
    'A name in commas after an opening role phrase: "The former minister of finance, Olu '
    'Adebayo, was arrested".',
    ("The former minister of finance, Brisk Adebayo, was arrested.", ("Brisk Adebayo",)),
)

# --- shapes of one name word --------------------------------------------------------------
_rule(
    "kin-given-name",
    "shape",
    "one",
    lambda r: ev.kin_named(r.toks, r.i, r.j, r.title if r.title is not None else r.after),
    'A relative named by the given name: "her son Diego, 29,", "his son Marcel said".',
    ("Her son Diego, 29, was found safe.", ("Diego",)),
)
_rule(
    "title-before-one-word",
    "shape",
    "one",
    lambda r: (
        r.title_start is not None
        and not r.plural
        and r.prev is not None
        and r.prev.capitalised
        and r.words[0].kind != "init"
    ),
    'One word is a person only right after a capitalised title or honorific: "President '
    'Trump", "Sheikh Mohamed".',
    ("On Monday President Halvik spoke.", ("Halvik",)),
    ("On Monday the president Halvik spoke.", ()),
)

VETOES = [r for r in PEOPLE if r.kind == "veto"]
SHAPES_MANY = [r for r in PEOPLE if r.kind == "shape" and r.size == "many"]
SHAPES_ONE = [r for r in PEOPLE if r.kind == "shape" and r.size == "one"]


def judge(run: Run) -> NameRule | None:
    """The rule that decides a run: the first veto that holds, else the first shape that
    holds for its size, else None (no evidence: not a person). The rules that read the
    words alone are tried once per spelling of the run (`_plan`); the rest for each run."""
    plans = run.scan.plans
    key = run.key()
    plan = plans.get(key)
    if plan is None:
        plan = plans[key] = _plan(run)
    for rule in plan:
        if rule.words_only or rule.test(run):
            return rule
    return None


def _plan(run: Run) -> tuple[NameRule, ...]:
    """The rules `judge` must still try for runs spelled like this one, in order: every rule
    that reads the context, up to the first words-only rule that holds (which decides, if
    no rule before it does); the words-only rules that fail are left out."""
    out: list[NameRule] = []
    for rule in [*VETOES, *(SHAPES_MANY if len(run.core) >= 2 else SHAPES_ONE)]:
        if not rule.words_only:
            out.append(rule)
        elif rule.test(run):
            out.append(rule)
            break
    return tuple(out)
