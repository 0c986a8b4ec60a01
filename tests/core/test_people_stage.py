"""The people stage's plumbing: the clustering index, per-comparison memo, lexicon data."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import tui.core.people
from tui.core.ingest import parse_article
from tui.core.lexicon import DATA
from tui.core.people import cluster as people_cluster
from tui.core.people import find_people, tokenize
from tui.core.people.candidates import Candidate
from tui.core.tokens.memo import Memo


def _brute_force(cands: list[Candidate]) -> list[list[tuple[str, ...]]]:
    """The clustering without an index: each form joins the first person, in the order the
    index keeps (people by their first/last words, in the order they got them), with a form
    `_same_person` accepts. The indexed version must give exactly this."""
    fold = people_cluster.fold
    people: list[list[tuple[str, ...]]] = []
    by_word: dict[str, list[int]] = {}
    for c in (c for c in cands if len(c.words) >= 2):
        keys = {fold(c.words[0]), fold(c.words[-1])}
        near = dict.fromkeys(k2 for k in keys for k2 in by_word.get(k, []))
        home = next(
            (p for p in near if any(people_cluster._same_person(c.words, f) for f in people[p])),
            None,
        )
        if home is None:
            home = len(people)
            people.append([])
        if c.words not in people[home]:
            people[home].append(c.words)
            for k in keys:
                if home not in by_word.setdefault(k, []):
                    by_word[k].append(home)
    return people


def _names(seed: int, n: int) -> list[tuple[str, ...]]:
    rng = random.Random(seed)
    syl = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "ze"]
    given = ["John", "Maria", "Ahmed", "Anna", "J.", "al-Sisi"]
    out = []
    for _ in range(n):
        surname = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()
        if rng.random() < 0.2:
            surname += surname[-1]  # a close spelling: "Zelensky" / "Zelenskyy"
        words: tuple[str, ...] = (rng.choice(given), surname)
        if rng.random() < 0.2:
            words = (words[0], "van", rng.choice(given), surname)  # longer forms, subsets
        out.append(words)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_indexed_clustering_equals_brute_force(seed: int) -> None:
    names = _names(seed, 400)
    cands = [Candidate(w, 0, k, 10 * k, 10 * k + 5) for k, w in enumerate(names)]
    got = [cl.forms for cl in people_cluster.cluster(cands) if len(cl.forms[0]) >= 2]
    assert got == _brute_force(cands)
    assert any(len(forms) > 1 for forms in got)  # the test merges something


def test_no_module_level_caches() -> None:
    """Caches belong to the comparison: a module cache makes a warm run another program."""
    mods = [tui.core.people] + [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(tui.core.people.__path__, "tui.core.people.")
    ]
    mods.append(importlib.import_module("tui.core.lexicon.names"))
    for mod in mods:
        for name, obj in vars(mod).items():
            # (The lexicon's own loaders read constant files once per process, by design.)
            if getattr(obj, "__module__", None) == mod.__name__:
                assert not hasattr(obj, "cache_clear"), f"{mod.__name__}.{name} is a cache"


def test_tokens_are_kept_in_the_comparisons_memo() -> None:
    art = parse_article("Kremlin aide Orvel Ushakov spoke. Ushakov left.", "a.txt")
    memo = Memo()
    people = find_people([art, art], memo)
    assert memo.sizes()["people.tokens"] == len(art.sentences)
    first = art.sentences[0]
    assert tokenize(first, memo) is tokenize(first, memo)
    assert tokenize(first) is not tokenize(first)  # without a memo, nothing is kept
    assert find_people([art, art], Memo()) == people == find_people([art, art])


def test_every_stage_data_file_is_read() -> None:
    """A names-*/people-* list that nothing reads is a rule nobody applies."""
    core = Path(tui.core.people.__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in core.rglob("*.py"))
    for path in DATA.glob("*"):
        if re.match(r"(names|people)-", path.name):
            assert f'"{path.stem}"' in source, f"{path.name} is never read"
