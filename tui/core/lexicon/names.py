"""Word lists that let rules tell a person's name from a place, an outlet or a title.

There is no tagger at run time (no model download), so the people and quotes stages lean on how
news is written: a person is introduced with a role ("Kremlin aide Yuri Ushakov"), an honorific
("Sheikh Mohamed"), a common given name ("Steve Witkoff") or a verb of speech ("..., Smith
said"); organisations and places give themselves away by their last word ("State Department",
"Oval Office", "Truth Social") or by being a known country, city or demonym. The lists are
general knowledge about news English and about names across cultures, never about a particular
article; they are deliberately compact because each entry is a rule someone has to trust.

The entries live in `data/names-*.txt|yaml` (one file a list, each with its reason at the
top), so a change to the vocabulary is a data change a reviewer reads as such. This module
folds them once into the sets the stages test words against, under the names the stages have
always imported.
"""

from __future__ import annotations

from ..tokens import text
from . import pairs, phrases, words


def fold(word: str) -> str:
    """Lowercase without diacritics and with straight apostrophes, for lexicon look-ups (the
    text module's fold, so "Zieliński", "Zielinski" and "ZIELINSKI" are one key)."""
    return text.normalise(word)


def _folded(name: str) -> frozenset[str]:
    """The words of `data/NAME.txt`, folded as every look-up folds its word."""
    return frozenset(fold(w) for w in words(name))


HONORIFICS = _folded("names-honorifics")
KINSHIP = _folded("names-kinship")
_PROFESSION_ENDINGS = tuple(w for line in phrases("names-profession-endings") for w in line.split())


class _RoleHeads(frozenset[str]):
    """The listed role words, and any word formed the way English forms a profession from a
    field ("volcanologist", "criminologist", "statistician", "mathematician"): no list can
    name every science, and no such word is ever a place or an organisation."""

    def __contains__(self, word: object) -> bool:
        return frozenset.__contains__(self, word) or (
            isinstance(word, str) and len(word) > 7 and word.endswith(_PROFESSION_ENDINGS)
        )


# Relatives count as role heads: "his son Hunter Biden" introduces a person.
ROLE_HEADS = _RoleHeads(_folded("names-role-heads") | KINSHIP)
ROLE_MODIFIERS = _folded("names-role-modifiers")
TITLE_WORDS = HONORIFICS | _folded("names-title-words")
PARTICLES = _folded("names-particles")
CAPITAL_PARTICLES = _folded("names-capital-particles")
ORG_SUFFIXES = _folded("names-org-suffixes")
FUNCTION_WORDS = _folded("names-function-words")
INSTITUTION_WORDS = _folded("names-institutions")
# Matched with their exact case, so not folded.
ACRONYMS = words("names-acronyms")
NOT_NAME_WORDS = FUNCTION_WORDS | INSTITUTION_WORDS
COUNTRIES = _folded("names-countries")
DEMONYMS = _folded("names-demonyms")
CITIES = _folded("names-cities")
PLACE_WORDS = COUNTRIES | CITIES

_MORE_FEMALE = _folded("names-given-female-more")
_MORE_MALE = _folded("names-given-male-more")
GIVEN_NAMES = _folded("names-given") | _MORE_FEMALE | _MORE_MALE
FEMALE_NAMES = _folded("names-female") | _MORE_FEMALE
UNISEX_NAMES = _folded("names-unisex")
FAMILY_FIRST = _folded("names-family-first")

SPEECH_VERBS = _folded("names-speech-verbs")
CONTINUATION_VERBS = _folded("names-continuation-verbs")
PRONOUNS: dict[str, str | None] = {
    k: (None if v == "null" else v) for k, v in pairs("names-pronouns").items()
}
MALE_TITLES = _folded("names-male-titles")
FEMALE_TITLES = _folded("names-female-titles")

NATION_OF: dict[str, str] = {
    fold(word): str(key)
    for key, spelled in pairs("names-nation-of").items()
    for word in str(spelled).split()
}
LEADER_HEADS = _folded("names-leader-heads")
