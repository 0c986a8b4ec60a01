"""A person's gender as the text gives it, for resolving "he said" / "she said" in quotes."""

from __future__ import annotations

from ..lexicon.names import (
    FEMALE_NAMES,
    FEMALE_TITLES,
    GIVEN_NAMES,
    MALE_TITLES,
    UNISEX_NAMES,
    fold,
)
from ..model import Person


def gender_of(person: Person) -> str | None:
    """'m', 'f' or None, from a title or a given name: enough for "he said"/"she said"."""
    by_title = _title_gender(person.titles)
    if by_title is not None:
        return by_title
    words = person.name.split()
    first = fold(words[0]) if words else ""
    head, sep, _ = first.partition("-")
    if sep and head not in UNISEX_NAMES:
        first = head  # "Anne-Laure": the first half carries the gender ("Jean-Marie" does not)
    if first in UNISEX_NAMES:
        return None  # "Sasha", "Andrea", "Jean": he in one country, she in another
    if first in FEMALE_NAMES:
        return "f"
    if first in GIVEN_NAMES:
        return "m"
    last = fold(words[-1]) if len(words) > 1 else ""
    if last.endswith(_FEMALE_SURNAME_ENDINGS):
        return "f"  # "Petrova", "Kowalska": Slavic surnames agree with the bearer
    if last.endswith(_MALE_SURNAME_ENDINGS):
        return "m"
    return None


def _title_gender(titles: tuple[str, ...]) -> str | None:
    """The gender the first gendered title says ("Queen", "Mr"), if any."""
    for t in titles:
        title_words = {fold(w) for w in t.split()}
        if title_words & FEMALE_TITLES:
            return "f"
        if title_words & MALE_TITLES:
            return "m"
    return None


_FEMALE_SURNAME_ENDINGS = ("ova", "eva", "ovna", "evna", "skaya", "ska", "cka", "ckaya")
_MALE_SURNAME_ENDINGS = ("ov", "ev", "ovich", "evich", "sky", "ski", "cki", "skiy")
