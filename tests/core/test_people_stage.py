"""The people stage's plumbing: the clustering index, per-comparison memo, lexicon data."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

import tui.core.people
from tui.core.article import Sentence
from tui.core.ingest import parse_article
from tui.core.lexicon import DATA
from tui.core.people import cluster as people_cluster
from tui.core.people import find_people, tokenize
from tui.core.people import tokens as people_tokens
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


# The tokenizer as it was written before matches carried their leading spaces: one finditer,
# the kind from the named group that matched. The fast one must give exactly its tokens.
_REFERENCE_RE = re.compile(
    r"(?<!\w)(?P<abbr>(?:Mrs|Mr|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Rev|St|Jr|Sr)\.)"
    r"|(?P<init>(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z]))"
    r"|(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<punct>\S)"
)
_WORDISH = ("word", "init", "abbr")


def _reference_tokens(text: str, base: int) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    seen = False
    for m in _REFERENCE_RE.finditer(text):
        kind, raw = m.lastgroup or "punct", m.group()
        poss = kind == "word" and len(raw) > 2 and raw.endswith(("'s", "’s"))
        word = raw[:-2] if poss else raw
        particle = kind == "word" and "-" in word and people_tokens._PARTICLE_PREFIX.match(word)
        cap = kind in _WORDISH and (word[:1].isupper() or bool(particle))
        initial = not seen and kind in _WORDISH
        seen = seen or kind in (*_WORDISH, "num")
        start = base + m.start()
        folded = raw if kind == "punct" else people_cluster.fold(word)
        out.append((word, start, start + len(word), kind, poss, initial, folded, cap))
    return out


def _fields(t: people_tokens.Token) -> tuple[object, ...]:
    return (t.text, t.start, t.end, t.kind, t.possessive, t.initial, t.folded, t.capitalised)


def test_tokens_equal_a_plain_finditer_tokenizer() -> None:
    """Matches carry their leading spaces and are looked up by their text: the tokens must be
    the plain tokenizer's, offsets, kinds and the sentence-initial mark included."""
    rng = random.Random(7)
    pieces = [
        *"aAbBJ. .,'’-_5²éÉ\u00a0\t\n&”“\"()",
        *(
            "Mr.",
            "St.",
            "U.S.",
            "J. ",
            "Jr.",
            "al-",
            "Trump's",
            "’s",
            " Mrs",
            "5Mr.",
            "_Dr.",
            "van",
        ),
    ]
    texts = ["Dr. J. R. Smith-Jones, 71, of the U.S. said al-Sisi's aide  spoke."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    shapes: dict[str, people_tokens.Shape] = {}  # shared, as one comparison shares it
    for text in texts:
        sent = Sentence(0, 0, 5, 5 + len(text), text)
        got = [_fields(t) for t in people_tokens._tokens(sent, shapes, [])]
        assert got == _reference_tokens(text, 5), text
