"""The classes of word before a period, in the order they are tried, with golden examples.

An example is a text whose first period follows the word in question, and what the rule alone
says about that period: True (the sentence ends), False (it goes on) or None (not this rule's
word; a later rule decides). The word lists are lexicon data (`ingest-segment-*.txt`).
"""

from __future__ import annotations

from .lazy import LazyWords
from .segment import PERIODS, Period, PeriodRule

_TITLES = LazyWords("ingest-segment-titles")
_NEVER_FINAL_LOWER = LazyWords("ingest-segment-never-final")
_BEFORE_NUMBER = LazyWords("ingest-segment-before-number")
_MAYBE_FINAL = LazyWords("ingest-segment-maybe-final")
_MAYBE_FINAL_LOWER = LazyWords("ingest-segment-maybe-final-lower")
_STARTERS = LazyWords("ingest-segment-starters")


def _bare(p: Period) -> bool | None:
    return True if not p.token else None


def _list_label(p: Period) -> bool | None:
    t = p.token
    if (t.isdigit() or (len(t) == 1 and t.isupper())) and p.token_opens_sentence():
        return False
    return None


def _before_number(p: Period) -> bool | None:
    if p.token in _BEFORE_NUMBER:
        return not (p.first.isdigit() or p.first == "#")
    return None


def _title(p: Period) -> bool | None:
    t = p.token
    if t in _TITLES or (t.isupper() and t.title() in _TITLES) or t in _NEVER_FINAL_LOWER:
        return False
    return None


def _ends_if_next_starts(p: Period) -> bool:
    """After a word that may end a sentence, it ends only if the next word visibly starts one."""
    return p.opened or p.word.lower() in _STARTERS


def _abbreviation(p: Period) -> bool | None:
    t = p.token
    if t in _MAYBE_FINAL or t in _MAYBE_FINAL_LOWER or (t.isupper() and t.title() in _MAYBE_FINAL):
        return _ends_if_next_starts(p)
    return None


def _initial(p: Period) -> bool | None:
    t = p.token
    if len(t) == 1 and t.isalpha():
        return _ends_if_next_starts(p)
    return None


def _acronym(p: Period) -> bool | None:
    # "U.S", "a.m", "Ph.D", "J.D", "D.C": the final dot is the candidate, so it is not in `t`.
    parts = p.token.split(".")
    if len(parts) > 1 and all(0 < len(part) <= 2 and part.isalpha() for part in parts):
        return _ends_if_next_starts(p)
    return None


PERIODS.add(
    PeriodRule(
        name="bare-period",
        why="A period with no word before it (a stray dot after a space) ends what came before.",
        decide=_bare,
        examples=(("Talks ended . Then", True), ("Talks ended. Then", None)),
    )
)
PERIODS.add(
    PeriodRule(
        name="list-label",
        why="A number or a capital opening its sentence is a list number or an interview label: "
        "'1. The first point', 'Q. Why now?'.",
        decide=_list_label,
        examples=(
            ("1. The first point is cost.", False),
            ("Q. Why now?", False),
            ("They won 3. The rest lost.", None),
        ),
    )
)
PERIODS.add(
    PeriodRule(
        name="before-number",
        why="'No.', 'Vol.', 'Art.' introduce a number: no end before a digit or '#'.",
        decide=_before_number,
        examples=(
            ("He wore No. 10 for years.", False),
            ("See Art. #5 of the treaty.", False),
            ("The answer was No. The talks ended.", True),
            ("The answer was Yes. The talks ended.", None),
        ),
    )
)
PERIODS.add(
    PeriodRule(
        name="title",
        why="Titles and words that introduce what follows never end a sentence: 'Mr.', 'Gen.', "
        "'SEN.', 'e.g.', 'Roe v. Wade'.",
        decide=_title,
        examples=(
            ("Mr. Smith arrived.", False),
            ("GEN. SMITH arrived.", False),
            ("Roe v. Wade was cited.", False),
            ("Talks ended. Mr Smith left.", None),
        ),
    )
)
PERIODS.add(
    PeriodRule(
        name="abbreviation",
        why="Company, date, place and unit abbreviations may end a sentence, but only before a "
        "word that visibly starts one: 'Apple Inc. The company ...' but 'Aug. 7'.",
        decide=_abbreviation,
        examples=(
            ("Shares of Acme Inc. The company said.", True),
            ("It opened on Aug. 7 in Kyiv.", False),
            ("He ran 5 km. Then he stopped.", True),
            ("It is in Calif. “We are ready,” he said.", True),
            ("Talks ended. Then", None),
        ),
    )
)
PERIODS.add(
    PeriodRule(
        name="initial",
        why="A single letter is an initial ('George W. Bush'): the name goes on unless the next "
        "word starts a sentence.",
        decide=_initial,
        examples=(
            ("George W. Bush spoke.", False),
            ("It was Plan B. The rest failed.", True),
            ("Talks ended. Then", None),
        ),
    )
)
PERIODS.add(
    PeriodRule(
        name="acronym",
        why="Dotted acronyms and initials ('U.S.', 'J.D.', 'p.m.') go on into a name ('U.S. "
        "President') and end only before a sentence starter.",
        decide=_acronym,
        examples=(
            ("The U.S. President spoke.", False),
            ("J.D. Vance spoke.", False),
            ("He left the U.S. They stayed.", True),
            ("Talks ended. Then", None),
        ),
    )
)
