"""One person from many candidates: forms of a name merged within and across articles.

Two forms are one person when they share their surname (exact, or a close spelling such as
Zelensky/Zelenskyy when the given names agree) or one is the other with words left out. A
one-word candidate joins the person whose short form it is ("Ushakov"), or, as an honorific
with a given name ("Sheikh Mohamed"), the one person of its article with that given name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..lexicon import words as lexicon_words
from ..lexicon.names import (
    CAPITAL_PARTICLES,
    FAMILY_FIRST,
    FEMALE_NAMES,
    GIVEN_NAMES,
    PARTICLES,
    fold,
)
from ..model import Mention
from .candidates import Candidate
from .runs import SUFFIXES

_PATRONYMIC = lexicon_words("people-patronymics")


@dataclass(slots=True)
class Cluster:
    """A person being assembled from candidates across articles."""

    forms: list[tuple[str, ...]] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def name(self) -> str:
        counts: dict[tuple[str, ...], int] = {}
        for c in self.candidates:
            counts[c.words] = counts.get(c.words, 0) + 1
        # Fullest form: most words, then most used, then the spelling with its diacritics
        # ("Hildegard Müller" over the transliterated "Mueller"), then the longest.
        best = max(
            self.forms,
            key=lambda f: (
                len(f),
                counts.get(f, 0),
                sum(not c.isascii() for c in "".join(f)),
                len(" ".join(f)),
            ),
        )
        return " ".join(best)

    def short_forms(self) -> set[str]:
        out: set[str] = set()
        for f in self.forms:
            out |= short_forms(f)
        return out


def short_forms(words: tuple[str, ...]) -> set[str]:
    """How later mentions shorten a full name: the surname, with its particles, or a family
    name that comes first ("Xi" of "Xi Jinping")."""
    while len(words) > 1 and fold(words[-1]) in SUFFIXES:
        words = words[:-1]
    if len(words) == 1:
        return {words[0]}
    out = {words[-1]}
    if fold(words[0]) in PARTICLES:
        # "Van den Heuvel" opening a sentence is the surname alone, particles capitalised.
        out.add(" ".join(words))
    _add_surname_forms(words, out)
    folded = [fold(w) for w in words]
    if folded[0] in FAMILY_FIRST:
        out.add(words[0])
    out.update(_middle_names(words, folded))
    return out


def _middle_names(words: tuple[str, ...], folded: list[str]) -> list[str]:
    """ "Luiz Inácio Lula da Silva" -> "Lula": a middle name that is not a given name. Never
    inside "bin"/"ibn" chains, where the middle word names the father."""
    core = [w for w, f in zip(words, folded, strict=True) if f not in PARTICLES]
    if len(core) < 3 or any(f in _PATRONYMIC for f in folded):
        return []
    return [w for w in core[1:-1] if fold(w) not in GIVEN_NAMES]


def _add_surname_forms(words: tuple[str, ...], out: set[str]) -> None:
    """The surname's own short forms: the first half of a double-barrelled one ("Sokolov" of
    "Sokolov-Mercier", as some outlets write it later) and the surname with the particles
    before it ("von der Leyen", "Al Nahyan")."""
    if "-" in words[-1] and fold(words[-1].split("-")[0]) not in PARTICLES | CAPITAL_PARTICLES:
        head = words[-1].split("-")[0]
        if len(head) >= 4:
            out.add(head)
    i = len(words) - 1
    while i > 1 and (fold(words[i - 1]) in PARTICLES or fold(words[i - 1]) in CAPITAL_PARTICLES):
        i -= 1
        out.add(" ".join(words[i:]))


def _first_compatible(a: str, b: str) -> bool:
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa.startswith(fb) or fb.startswith(fa):
        return True
    if fuzz.ratio(fa, fb) >= 85:
        return True
    # Transliterations of one given name: "Oleksandr"/"Alexandre", "Yevgeny"/"Evgeny",
    # "Mohammed"/"Muhammad" keep their consonants in order once spelling habits are undone.
    if (fa in FEMALE_NAMES) != (fb in FEMALE_NAMES) and fa in GIVEN_NAMES and fb in GIVEN_NAMES:
        return False  # "Karl"/"Carol": siblings, not spellings
    ka, kb = _skeleton(fa), _skeleton(fb)
    return len(ka) >= 3 and ka == kb


_TRANSLIT = (("ks", "x"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("j", "y"))


def _skeleton(name: str) -> str:
    """The consonants of a folded given name, doubled letters and spelling variants undone."""
    for a, b in _TRANSLIT:
        name = name.replace(a, b)
    out: list[str] = []
    for ch in name:
        if ch in "aeiouy" or not ch.isalpha():
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _bare(surname: str) -> str:
    """A folded surname without a joined particle: "al-sisi" and "el-sissi" compare as names."""
    head, sep, rest = surname.partition("-")
    return rest if sep and head in PARTICLES | CAPITAL_PARTICLES else surname


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) < 2 or len(b) < 2:
        return False
    fa = [fold(w) for w in a]
    fb = [fold(w) for w in b]
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if set(short) <= set(long_) and (short[0] == long_[0] or short[-1] == long_[-1]):
        return True
    if fa[-1] == fb[-1]:
        return _first_compatible(a[0], b[0])
    la, lb = _bare(fa[-1]), _bare(fb[-1])
    close = min(len(la), len(lb)) >= 4 and fuzz.ratio(la, lb) >= 85
    return close and fa[0] == fb[0]


def cluster(cands: list[Candidate]) -> list[Cluster]:
    """Merge candidates into people: first the forms of two or more words, then each one-word
    candidate into the person it names, if exactly one fits."""
    clusters = _merge_forms(cands)
    short, first = _word_indexes(clusters)
    singles: dict[str, Cluster] = {}
    for c in (c for c in cands if len(c.words) == 1):
        home = _single_home(c, short, first)
        if home is None:
            home = singles.get(c.words[0])
        if home is None:
            home = singles[c.words[0]] = Cluster(forms=[c.words])
            clusters.append(home)
        if home is not _AMBIGUOUS:
            home.candidates.append(c)
    return clusters


def _word_indexes(
    clusters: list[Cluster],
) -> tuple[dict[str, list[Cluster]], dict[str, list[Cluster]]]:
    """People by the folded short forms of their names, and by their forms' first words."""
    short: dict[str, list[Cluster]] = {}
    first: dict[str, list[Cluster]] = {}
    for cl in clusters:
        for x in {fold(x) for x in cl.short_forms()}:
            short.setdefault(x, []).append(cl)
        for x in {fold(f[0]) for f in cl.forms}:
            first.setdefault(x, []).append(cl)
    return short, first


def _merge_forms(cands: list[Candidate]) -> list[Cluster]:
    """People from the candidates of two or more words: each joins the first person, in the
    order of the first/last-word index, that has a form naming the same person."""
    index = _FormIndex()
    for c in (c for c in cands if len(c.words) >= 2):
        keys = {fold(c.words[0]), fold(c.words[-1])}
        home = next(
            (
                cl
                for cl in index.near(c.words, keys)
                if any(_same_person(c.words, f) for f in cl.forms)
            ),
            None,
        )
        if home is None:
            home = Cluster()
            index.clusters.append(home)
        if c.words not in home.forms:
            home.forms.append(c.words)
            index.add(home, c.words, keys)
        home.candidates.append(c)
    return index.clusters


class _FormIndex:
    """Which people a form of a name could belong to, found without comparing it to every
    person who shares its first word (thousands share "John" in a long read).

    `by_word` orders people by the first and last words of their forms, in the order they got
    the word: a form joins the first of those that has a matching form. Two forms of one
    person share their last word, or their first word and then either one's last word is in
    the other or the surnames are close spellings; so the people worth comparing are found
    through those three look-ups (the close spellings by rapidfuzz over the surnames seen with
    that first word), and are then tried in `by_word`'s order, as all of them would be."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_word: dict[str, dict[int, int]] = {}  # word -> {id(person): place in order}
        self.people: dict[int, Cluster] = {}
        self.last: dict[str, set[int]] = {}  # last word -> people
        self.first_has: dict[tuple[str, str], set[int]] = {}  # (first, any word) -> people
        self.first_last: dict[tuple[str, str], set[int]] = {}  # (first, last) -> people
        self.surnames: dict[str, dict[str, set[int]]] = {}  # first -> bare last -> people
        self.by_length: dict[tuple[str, int], list[str]] = {}  # (first, len) -> bare lasts
        self.close_cache: dict[tuple[str, str], set[str]] = {}
        self.close_seen: dict[tuple[str, str], dict[int, int]] = {}
        self.variants: dict[
            str, dict[str, str | list[str]]
        ] = {}  # first -> deletion variant -> lasts

    def add(self, cl: Cluster, form: tuple[str, ...], keys: set[str]) -> None:
        pid = id(cl)
        self.people[pid] = cl
        for k in keys:
            order = self.by_word.setdefault(k, {})
            order.setdefault(pid, len(order))
        folded = [fold(w) for w in form]
        first, last = folded[0], folded[-1]
        self.last.setdefault(last, set()).add(pid)
        for w in folded:
            self.first_has.setdefault((first, w), set()).add(pid)
        self.first_last.setdefault((first, last), set()).add(pid)
        bare = _bare(last)
        spellings = self.surnames.setdefault(first, {})
        if bare not in spellings:
            spellings[bare] = set()
            if len(bare) > _SHORT:
                self.by_length.setdefault((first, len(bare)), []).append(bare)
            elif len(bare) >= 4:
                variants = self.variants.setdefault(first, {})
                for v in _deletions(bare):
                    had = variants.setdefault(v, bare)
                    if isinstance(had, list):
                        had.append(bare)
                    elif had is not bare:  # most variants name one surname: a str till then
                        variants[v] = [had, bare]
        spellings[bare].add(pid)

    def _close(self, first: str, bare: str) -> set[str]:
        """The surnames seen with this first word that `_same_person` calls close spellings of
        `bare` (ratio >= 85, both at least 4 letters), among those of a length that could reach
        85 (2 * shorter / both >= 0.85). Surnames of at most `_SHORT` letters are found through
        their deletion variants (see `_deletions`) and then scored; longer ones are scored
        against every surname of a fitting length, each pair once."""
        if len(bare) < 4:
            return set()
        n = len(bare)
        lengths = [
            m
            for m in range(max(4, (n * 7) // 10), (n * 14) // 10 + 2)
            if 2 * min(n, m) >= 0.84 * (n + m)
        ]
        hits = self._scan(first, bare, [m for m in lengths if m > _SHORT])
        variants = self.variants.get(first)
        if not variants or lengths[0] > _SHORT:
            return hits
        found: set[str] = set()
        for v in _deletions(bare):
            got = variants.get(v)
            if isinstance(got, str):
                found.add(got)
            elif got:
                found.update(got)
        fit = set(lengths)
        fresh = sorted(o for o in found if len(o) in fit)
        out = set(hits)
        for other, _score, _k in process.extract(
            bare, fresh, scorer=fuzz.ratio, score_cutoff=85, limit=None
        ):
            out.add(other)
        return out

    def _scan(self, first: str, bare: str, lengths: list[int]) -> set[str]:
        """The close spellings of `bare` among the surnames of these lengths, scored once each:
        the answer grows as new surnames arrive."""
        if not lengths:
            return set()
        hits = self.close_cache.setdefault((first, bare), set())
        seen = self.close_seen.setdefault((first, bare), {})
        for m in lengths:
            bucket = self.by_length.get((first, m), [])
            done = seen.get(m, 0)
            if done < len(bucket):
                fresh = bucket[done:]
                seen[m] = len(bucket)
                for other, _score, _k in process.extract(
                    bare, fresh, scorer=fuzz.ratio, score_cutoff=85, limit=None
                ):
                    hits.add(other)
        return hits

    def near(self, words: tuple[str, ...], keys: set[str]) -> list[Cluster]:
        """The people a form could join, in the order `_merge_forms` tries them."""
        folded = [fold(w) for w in words]
        first, last = folded[0], folded[-1]
        found = set(self.last.get(last, ()))
        found |= self.first_has.get((first, last), set())
        for w in folded:
            found |= self.first_last.get((first, w), set())
        for other in self._close(first, _bare(last)):
            found |= self.surnames[first][other]
        ranked: list[tuple[int, int, int]] = []
        orders = [self.by_word.get(k, {}) for k in keys]
        for pid in found:
            for rank, order in enumerate(orders):
                place = order.get(pid)
                if place is not None:
                    ranked.append((rank, place, pid))
                    break
        ranked.sort()
        return [self.people[pid] for _r, _p, pid in ranked]


# Surnames up to this length are looked up by their deletion variants; longer ones are scored
# against every surname of a fitting length (rare: a long read has a handful).
_SHORT = 12


def _deletions(word: str) -> set[str]:
    """`word` with up to a quarter and a bit of its letters left out (int(0.27 * len)).

    Two surnames of n and m letters with fuzz.ratio >= 85 have an indel distance
    d = n + m - 2 * LCS <= 0.15 * (n + m), and d >= |n - m|, so m >= 0.7376 * n; the longest
    common subsequence leaves out k = (n - m + d) / 2 <= 0.2624 * n of the first one's letters
    (and likewise of the other's). So two close spellings always share a deletion variant,
    and the variants only propose surnames: `fuzz.ratio` still decides."""
    out = {word}
    layer = {word}
    for _ in range(int(0.27 * len(word))):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return out


# A one-word candidate that fits several people: which one is unknown, so none.
_AMBIGUOUS = Cluster()


def _local(fits: list[Cluster], article: int) -> list[Cluster]:
    return [cl for cl in fits if any(x.article == article for x in cl.candidates)]


def _single_home(
    c: Candidate, short: dict[str, list[Cluster]], first: dict[str, list[Cluster]]
) -> Cluster | None:
    """The person a one-word candidate names, None for a person of its own, or _AMBIGUOUS."""
    word = fold(c.words[0])
    # "his son Marcel" is a given name: never merged into a person by surname.
    fits = [] if c.kin else short.get(word, [])
    if not fits:
        # "Diego Rojas, 29, ... her son Diego": the one person of this article with that
        # given name; with none, the relative is a one-word person. Likewise "Sheikh Mohamed"
        # after "Sheikh Mohamed bin Zayed Al Nahyan": honorific + given name.
        fits = _local(first.get(word, []), c.article)
        if len(fits) > 1:
            return _AMBIGUOUS
    if len(fits) > 1:
        fits = _local(fits, c.article)
        if len(fits) != 1:
            return _AMBIGUOUS
    return fits[0] if fits else None
