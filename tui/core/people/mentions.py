"""Mentions: every place a person is named, once the people are known.

A mention is the full form a candidate used, a short form ("Ushakov", "von der Leyen"), a
close spelling of a surname ("Zelensky" for "Zelenskyy"), or a role reference ("the Kremlin
leader") that exactly one person's title fits. A short form that fits several people is the
one last introduced before it in that article.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from ..article import Article, Sentence
from ..lexicon import words as lexicon_words
from ..lexicon.names import GIVEN_NAMES, LEADER_HEADS, NATION_OF, ORG_SUFFIXES, PLACE_WORDS, fold
from ..model import Mention
from .candidates import Candidate
from .cluster import Cluster
from .tokens import ArticleTokens, SentenceTokens, Token, gap_is_space

_LOCATIVE = lexicon_words("people-locatives")


def _pick(clusters: list[Cluster], fits: list[Cluster], article: int, pos: int) -> Cluster | None:
    """Resolve a surname that fits several people: the one last introduced before it here."""
    if len(fits) == 1:
        return fits[0]
    best: tuple[int, Cluster] | None = None
    for cl in fits:
        for c in cl.candidates:
            if c.article == article and c.start <= pos and (best is None or c.start > best[0]):
                best = (c.start, cl)
    return best[1] if best else None


def _nation_of_tokens(words: Sequence[str]) -> str | None:
    joined = " ".join(fold(w) for w in words)
    if "white house" in joined:
        return "us"
    if "downing street" in joined:
        return "uk"
    for w in words:
        key = NATION_OF.get(fold(w))
        if key:
            return key
    return None


def _leader_nation(title: str) -> str | None:
    words = title.split()
    folded = [fold(w) for w in words]
    if not any(w in LEADER_HEADS for w in folded) and "prime" not in folded:
        return None
    if any(fold(w) in ("former", "ex", "late", "vice", "deputy") for w in words):
        return None
    return _nation_of_tokens(words)


def _leaders(article: int, clusters: list[Cluster]) -> list[tuple[Cluster, set[str]]]:
    """People of this article who lead a country, with the countries their titles name."""
    leaders: list[tuple[Cluster, set[str]]] = []
    for cl in clusters:
        if any(m.article == article for m in cl.mentions):
            nations = {n for t in cl.titles if (n := _leader_nation(t)) is not None}
            if nations:
                leaders.append((cl, nations))
    return leaders


def _role_reference(toks: list[Token], i: int) -> tuple[list[Token], int] | None:
    """ "the Kremlin leader", "the Russian President" at token i: (its capitalised modifiers,
    the index of its head); never "the Russian president of ..." (a description)."""
    if toks[i].folded != "the":
        return None
    k = i + 1
    mods: list[Token] = []
    while k < len(toks) and toks[k].capitalised and len(mods) < 2:
        mods.append(toks[k])
        k += 1
    if not mods or k >= len(toks) or toks[k].folded not in LEADER_HEADS:
        return None
    if toks[k].possessive is False and k + 1 < len(toks) and toks[k + 1].text == "of":
        return None
    return mods, k


def _the_before_notable(st: SentenceTokens) -> list[int]:
    """Where a role reference can open: "the" before a capitalised modifier (a notable
    token), with two tokens after it, in reading order."""
    toks = st.toks
    last = len(toks) - 2
    return [c - 1 for c in st.notable if 0 < c <= last and toks[c - 1].folded == "the"]


def role_mentions(body: str, art: ArticleTokens, clusters: list[Cluster]) -> None:
    """'the Kremlin leader' / 'the Russian president' -> the one person whose title fits."""
    leaders = _leaders(art.article, clusters)
    for st in art.sentences:
        sent, toks = st.sent, st.toks
        for i in _the_before_notable(st):
            ref = _role_reference(toks, i)
            if ref is None:
                continue
            mods, k = ref
            nation = _nation_of_tokens([m.text for m in mods])
            if nation is None:
                continue
            fits = [cl for cl, nations in leaders if nation in nations]
            if len(fits) != 1:
                continue
            start, end = mods[0].start, toks[k].end
            text = body[start:end]
            cl = fits[0]
            cl.mentions.append(Mention(art.article, sent.index, start, end, text))
            if text not in cl.titles:
                cl.titles.append(text)


MultiIndex = dict[str, list[tuple[tuple[str, ...], list[Cluster]]]]


def _match_multi(
    toks: list[Token], i: int, multi_index: MultiIndex
) -> tuple[int, list[Cluster]] | None:
    """A several-word short form at token i ("von der Leyen", "da Silva"): (end index, fits),
    the longest that matches (the first of equal length). Forms are indexed by their first
    word, so a capitalised word is compared only with the forms it could open."""
    best: tuple[int, list[Cluster]] | None = None
    for key, fits in multi_index.get(toks[i].folded, ()):
        n = len(key)
        if i + n <= len(toks) and tuple(t.folded for t in toks[i : i + n]) == key:
            if not toks[i + n - 1].capitalised:
                continue
            if best is None or i + n > best[0]:
                best = (i + n, fits)
    return best


def _match_single(
    body: str,
    article: int,
    sent: Sentence,
    toks: list[Token],
    i: int,
    clusters: list[Cluster],
    short_index: dict[str, list[Cluster]],
    fuzzy: _FuzzySurnames,
) -> None:
    """A capitalised word that is a known surname (or both halves of "Putin-Trump"), unless
    here it names a thing or a place (asked only of a word that fits someone)."""
    t = toks[i]
    if t.folded in short_index or "-" not in t.text:
        parts = [(t.text, t.start, t.folded)]
    else:
        parts = []
        off = t.start
        for p in t.text.split("-"):
            parts.append((p, off, fold(p)))
            off += len(p) + 1
    checked = False
    for text, start, key in parts:
        fits = short_index.get(key, [])
        if not fits and len(text) >= 5 and not (t.initial and t.folded not in GIVEN_NAMES):
            fits = fuzzy.fits(key)
        if not fits:
            continue
        if not checked:
            if _names_a_thing_or_place(body, toks, i):
                return
            checked = True
        cl = _pick(clusters, fits, article, start)
        if cl is None:
            continue
        cl.mentions.append(Mention(article, sent.index, start, start + len(text), text))


def _names_a_thing_or_place(body: str, toks: list[Token], i: int) -> bool:
    """A surname that here names something else: "Trump Tower" (a thing named after the
    person), "officials in Washington" (the city, even with a George Washington about)."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (
        nxt is not None
        and not t.possessive
        and nxt.capitalised
        and nxt.folded in ORG_SUFFIXES
        and gap_is_space(body, t, nxt)
    ):
        return True
    before = toks[i - 1].folded if i > 0 else ""
    return before in _LOCATIVE and (t.folded in PLACE_WORDS or t.folded in NATION_OF)


class _FuzzySurnames:
    """Close spellings of known surnames ("Zelensky" for "Zelenskyy"), matched in C by
    rapidfuzz and remembered per word. A ratio of 90 needs lengths within a tenth of their
    sum of each other, so a word is scored only against surnames of such lengths: the
    look-up stays bounded as a long read's people grow, with the same hits in the same
    order (best score first, then the order the surnames were listed)."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.owners: list[Cluster] = []
        self.by_length: dict[int, tuple[list[str], list[int]]] = {}
        for cl in clusters:
            for sf in cl.short_forms():
                if len(sf) >= 5 and " " not in sf:
                    key = fold(sf)
                    texts, places = self.by_length.setdefault(len(key), ([], []))
                    texts.append(key)
                    places.append(len(self.owners))
                    self.owners.append(cl)
        self.cache: dict[str, list[Cluster]] = {}

    def fits(self, key: str) -> list[Cluster]:
        """The people whose surname is a close spelling of `key` (a folded word)."""
        if key not in self.cache:
            n = len(key)
            hits: list[tuple[float, int]] = []
            for m, (texts, places) in self.by_length.items():
                if 10 * abs(n - m) > n + m + 2:
                    continue
                for _, score, k in process.extract(
                    key, texts, scorer=fuzz.ratio, score_cutoff=90, limit=None
                ):
                    hits.append((-score, places[k]))
            hits.sort()
            out: list[Cluster] = []
            for _, k in hits:
                if self.owners[k] not in out:
                    out.append(self.owners[k])
            self.cache[key] = out
        return self.cache[key]


class _Index:
    """The look-ups that find a person's later mentions, built once for all articles: short
    forms of one word and of several ("von der Leyen"), close spellings, and the spans each
    candidate itself covers (span start -> (person, candidate), per article)."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.fuzzy = _FuzzySurnames(clusters)
        self.short: dict[str, list[Cluster]] = {}
        for cl in clusters:
            # One entry per folded form: "Van der Linde" and "van der Linde" are one key.
            for key in {fold(x) for x in cl.short_forms()}:
                self.short.setdefault(key, []).append(cl)
        self.multi: MultiIndex = {}
        for key, fits in self.short.items():
            if " " in key:
                words = tuple(key.split())
                self.multi.setdefault(words[0], []).append((words, fits))
        # Span -> (cluster, candidate) in one dict: looking the candidate up again per mention
        # was quadratic on long articles that repeat a name thousands of times. (The last
        # cluster holding a span, its first candidate there.)
        self.spans: dict[int, dict[int, tuple[Cluster, Candidate]]] = {}
        for cl in clusters:
            for c in reversed(cl.candidates):
                self.spans.setdefault(c.article, {})[c.start] = (cl, c)


def add_mentions(
    articles: Sequence[Article], arts: list[ArticleTokens], clusters: list[Cluster]
) -> None:
    """Every mention of every person, in reading order, then the role references."""
    index = _Index(clusters)
    for at in arts:
        body = articles[at.article].body
        spans = index.spans.get(at.article, {})
        for st in at.sentences:
            _sentence_mentions(body, at.article, st, spans, index)
    for at in arts:
        role_mentions(articles[at.article].body, at, clusters)


def _sentence_mentions(
    body: str,
    article: int,
    st: SentenceTokens,
    spans: dict[int, tuple[Cluster, Candidate]],
    index: _Index,
) -> None:
    """The mentions of one sentence, left to right. Every mention opens at a notable token
    (a candidate's first word, a capitalised word, a particle), so only those are tried;
    a mention found skips the tokens it covers."""
    sent, toks = st.sent, st.toks
    end = 0  # tokens before this index are inside a mention already found
    for i in st.notable:
        if i < end:
            continue
        t = toks[i]
        hit = spans.get(t.start)
        if hit is not None:
            cl, cand = hit
            text = body[cand.start : cand.end]
            cl.mentions.append(Mention(article, sent.index, cand.start, cand.end, text))
            end = i
            while end < len(toks) and toks[end].start < cand.end:
                end += 1
            continue
        if t.kind == "word":
            span = _match_multi(toks, i, index.multi)
            if span is not None:
                k, fits = span
                found = _pick(index.clusters, fits, article, t.start)
                if found is not None:
                    s, e = t.start, toks[k - 1].end
                    found.mentions.append(Mention(article, sent.index, s, e, body[s:e]))
                    end = k
                    continue
            if t.capitalised:
                _match_single(
                    body, article, sent, toks, i, index.clusters, index.short, index.fuzzy
                )
