"""Every fact sentence as a sparse bag of weighted terms (step 1 of the stage).

Terms are light stems of content words, numbers by value, weekdays and months as one term
each; stopwords and attribution verbs are dropped. Evidence news offers weighs more: names
(capitalised words that are not sentence-initial), numbers, dates and words inside quotation
marks. A number also yields a term for what it counts (its unit) and a weekday a term for "a
weekday", so the same quantity told with another value keeps half its evidence. Weights are
TF-IDF over all sentences of all articles compared, with the story's topic terms discounted.
A wire dateline opening an article's first sentence is filing metadata, not terms.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..article import Article, Sentence
from ..tokens.quantities import counts, fractions, point_words
from ..tokens.text import (
    CONCEPTS,
    DURATION_WORDS,
    NUMBER_WORDS,
    Token,
    fold,
    number_value,
    phrase_concepts,
    quote_regions,
    sentence_tokens,
    spelled_duration,
)
from .params import (
    BOOST_DATE,
    BOOST_NAME,
    BOOST_NUMBER,
    BOOST_QUOTE,
    TOPIC_DISCOUNT,
    TOPIC_SHARE,
)
from .terms import (
    NAME_PARTICLES,
    WordTerms,
    dateline,
    fmt,
    name_continues,
)

# What a number counts is read by the one quantity parser conflicts use too.
number_role = counts
FRACTIONS = fractions()
FRACTION_POINTS = point_words()

# Raw boosted term frequencies, number of content words, name terms, terms that end a name.
Features = tuple[dict[str, float], int, frozenset[str], frozenset[str]]
# How a word reads wherever it stands: (term, weight, side term or "", side weight).
Reading = tuple[str, float, str, float]
# The reading of a word whose term depends on its neighbours (numbers, particles).
_IN_CONTEXT: Reading = ("", 0.0, "", 0.0)
# The weight of a capitalised word's reading (its name term): a name, unless it opens the
# sentence with no capitalised word after it (no context-free reading weighs nothing).
_AS_NAME = 0.0


@dataclass(slots=True)
class Sent:
    """What the matcher needs to know about one sentence."""

    index: int
    lower: str
    terms: dict[str, float]  # term -> weight (L2-normalised after IDF)
    content: int  # number of content words
    pos: float  # relative position in the article, 0..1
    raw: dict[str, float]  # term -> boosted weight times IDF, not normalised (containment)
    mass: float  # sum of `raw`
    names: frozenset[str]  # terms that are (part of) a name
    heads: frozenset[str]  # terms that end a name: one per entity named


def featurise(sent: Sentence, terms: WordTerms) -> Features:
    """Raw boosted term frequencies of a sentence, its number of content words, its name
    terms and the terms that end a name (one per entity)."""
    text = sent.text
    base = sent.start
    regions = quote_regions(text) if ('"' in text or "“" in text or "”" in text) else []
    tf: dict[str, float] = defaultdict(float)
    names: set[str] = set()
    heads: set[str] = set()
    # The tokens the shared spans, diff and conflicts read later, kept in the memo.
    toks = sentence_tokens(text, base, terms.memo)
    cut = dateline(sent)
    if cut:
        # "LONDON, Oct 29 (Reuters) -": where and when the copy was filed, not the fact.
        toks = tuple(t for t in toks if t.start >= base + cut)
    in_phrase, content = _phrase_terms(toks, regions, base, tf)
    last = len(toks) - 1
    quoted = _quoted(toks, regions, base) if regions else frozenset()
    readings = terms.memo.table("align.reading")
    get = readings.get
    for k, t in enumerate(toks):
        if t.stop or k in in_phrase:
            continue
        content += 1
        # Most words are lowercase words that read the same wherever they stand: read each
        # once per comparison; names, numbers and particles are read in their context.
        reading = get(t.text)
        if reading is None:
            reading = readings[t.text] = _reading(t, terms)
        if reading is _IN_CONTEXT:
            term, boost = _token_term(toks, k, last, terms, tf, names, heads)
        elif reading[1] == _AS_NAME:
            if k > 0 or (last > 0 and toks[1].capital):
                # A name (see `_token_term`), its term read once per comparison.
                term = reading[0]
                names.add(term)
                if name_continues(toks, k):
                    boost = 1.0
                else:
                    heads.add(term)
                    boost = BOOST_NAME
            else:
                term, boost = _token_term(toks, k, last, terms, tf, names, heads)
        else:
            term, boost, side, side_boost = reading
            if side:
                tf[side] += side_boost
        if k in quoted:
            boost *= BOOST_QUOTE
        tf[term] += boost
    return dict(tf), content, frozenset(names), frozenset(heads)


def _quoted(toks: Sequence[Token], regions: list[tuple[int, int]], base: int) -> set[int]:
    """Positions of the tokens inside quotation marks. Tokens run left to right, so the
    tokens of a region are one slice, found by bisecting the token starts at its ends."""
    starts = [t.start - base for t in toks]
    out: set[int] = set()
    for a, b in regions:
        out.update(range(bisect_left(starts, a), bisect_left(starts, b)))
    return out


def _reading(t: Token, terms: WordTerms) -> Reading:
    """The context-free reading of a content word, or _IN_CONTEXT when `_token_term` must
    see its neighbours (what `_token_term` gives a lowercase word that is no number,
    fraction or name particle depends on the word alone; a capitalised word's reading is
    its name term, weighed _AS_NAME: whether it is a name and ends one is read in place)."""
    if t.norm in NAME_PARTICLES or (t.norm in FRACTIONS and not t.capital):
        return _IN_CONTEXT
    term, kind, _stop = terms.info(t.text)
    if kind == "number":
        return _IN_CONTEXT
    if t.capital:
        # No fraction reading and no particle: a name wherever the sentence has more than
        # this one capitalised word at its start (see `_token_term`).
        return _IN_CONTEXT if kind else (terms.name(t.text), _AS_NAME, "", 0.0)
    side: dict[str, float] = defaultdict(float)
    term, boost = _date_term(term, side) if kind == "date" else _plain_term(t.norm, term, side)
    ((side_term, side_boost),) = side.items() if side else (("", 0.0),)
    return term, boost, side_term, side_boost


def _phrase_terms(
    toks: Sequence[Token], regions: list[tuple[int, int]], base: int, tf: dict[str, float]
) -> tuple[set[int], int]:
    """Add the sentence's multi-word news phrases to `tf`; the word positions they cover and
    how many there are (each is one content word)."""
    in_phrase: set[int] = set()
    if not toks:
        return in_phrase, 0
    found = phrase_concepts([t.norm for t in toks])
    for a, b, concept in found:
        in_phrase.update(range(a, b + 1))
        # A quoted phrase ("we will not govern with them") is quoted evidence like a word.
        pos = toks[a].start - base
        quoted = any(s <= pos < e for s, e in regions)
        tf[concept] += BOOST_QUOTE if quoted else 1.0
    return in_phrase, len(found)


def _token_term(
    toks: Sequence[Token],
    k: int,
    last: int,
    terms: WordTerms,
    tf: dict[str, float],
    names: set[str],
    heads: set[str],
) -> tuple[str, float]:
    """The term and weight of the content word toks[k] (before any quote boost); the side
    terms it implies (a unit, a date slot, a duration's value) go straight into `tf`."""
    t = toks[k]
    term, kind, _stop = terms.info(t.text)
    if t.norm in FRACTIONS and not t.capital:
        # "half a percentage point", "a quarter of a day": a quantity only with a unit
        # ("the old quarter", "half the staff" stay words).
        frac_role = number_role(toks, k)
        if frac_role is not None and frac_role[0] in ("bp", "day"):
            kind = "number"
            term = "#" + fmt(FRACTIONS[t.norm])
    if kind == "number":
        return _number_term(toks, k, term, tf)
    if kind == "date":
        return _date_term(term, tf)
    if (
        t.norm in NAME_PARTICLES
        and 0 < k < last
        and (toks[k - 1].capital or toks[k - 1].norm in NAME_PARTICLES)
        and name_continues(toks, k)
    ):
        # "van den" in "Joost van den Heuvel" is part of the name, not a shared word.
        names.add(t.norm)
        return t.norm, 1.0
    if t.capital and (k > 0 or (last > 0 and toks[1].capital)):
        # A name: never stemmed ("Department" is not "departed"). The first word is
        # capitalised anyway, so it is a name only as part of a longer one. Only the last
        # word of a run of capitalised words weighs more: news names people by surname,
        # and two people can share "Abdel Fattah" or a title like "President".
        term = terms.name(t.text)
        names.add(term)
        if not name_continues(toks, k):
            heads.add(term)
            return term, BOOST_NAME
        return term, 1.0
    return _plain_term(t.norm, term, tf)


def _number_term(
    toks: Sequence[Token], k: int, term: str, tf: dict[str, float]
) -> tuple[str, float]:
    boost = BOOST_NUMBER
    role = number_role(toks, k)
    if role is not None:
        # Half the weight on the value, half on what it counts: the same count with another
        # value ("turnout 79.4%" / "78.9 percent") is the same fact told with a disagreement,
        # so it keeps half the evidence instead of none.
        unit, factor = role
        t = toks[k]
        value = FRACTIONS.get(t.norm, NUMBER_WORDS.get(t.norm))
        if value is None:
            value = number_value(t.text)
        if value is not None and factor != 1.0:
            term = "#" + fmt(round(value * factor, 6))
        tf["#u:" + unit] += boost / 2
        boost /= 2
    return term, boost


def _date_term(term: str, tf: dict[str, float]) -> tuple[str, float]:
    boost = BOOST_DATE
    if term in ("@d", "@m"):
        boost /= 2  # a day word without its value: only the slot's half
    elif term[:2] in ("@d", "@m"):
        # Another weekday in the same slot ("late on Saturday" / "on Sunday morning") is a
        # date disagreement about one event, not a missing word.
        tf[term[:2]] += boost / 2
        boost /= 2
    return term, boost


def _plain_term(norm: str, term: str, tf: dict[str, float]) -> tuple[str, float]:
    term = CONCEPTS.get(term, term)
    days = DURATION_WORDS.get(norm)
    if days is None and "-" in norm:
        days = spelled_duration(norm)
    if days is not None:  # "month-long" = "30-day", "three-day" = "72-hour"
        tf["#" + fmt(days)] += BOOST_NUMBER / 2
        return "#u:day", BOOST_NUMBER / 2
    if norm in FRACTION_POINTS:  # "quarter-point" = "25 basis points"
        tf["#" + fmt(FRACTION_POINTS[norm])] += BOOST_NUMBER / 2
        return "#u:bp", BOOST_NUMBER / 2
    return term, 1.0


def prepare(articles: Sequence[Article], terms: WordTerms) -> list[list[Sent]]:
    """Weighted, normalised term bags for every sentence of every article.

    IDF is taken over the sentences of all articles; on top of it, a term that fills a large
    share of the sentences of *every* article that uses it is the story's topic (the company,
    the country, the party of a story about it), and sharing it says little about which fact
    two sentences tell, so it weighs TOPIC_DISCOUNT as much.
    """
    feats = [[featurise(s, terms) for s in art.sentences] for art in articles]
    idf = _idf(feats)
    out: list[list[Sent]] = []
    for art, rows in zip(articles, feats, strict=True):
        n = max(len(rows) - 1, 1)
        sents = []
        for k, (s, (tf, content, names, heads)) in enumerate(zip(art.sentences, rows, strict=True)):
            raw = {t: f * idf[t] for t, f in tf.items()}
            norm = math.sqrt(sum([v * v for v in raw.values()])) or 1.0
            vec = {t: v / norm for t, v in raw.items()}
            sents.append(
                Sent(s.index, lowered(s), vec, content, k / n, raw, sum(raw.values()), names, heads)
            )
        out.append(sents)
    return out


def _idf(feats: list[list[Features]]) -> dict[str, float]:
    """Smoothed IDF of every term over the sentences of all articles, topics discounted."""
    df: dict[str, int] = defaultdict(int)
    art_df: list[dict[str, int]] = []
    for rows in feats:
        adf: dict[str, int] = defaultdict(int)
        for tf, _c, _n, _h in rows:
            for t in tf:
                df[t] += 1
                adf[t] += 1
        art_df.append(adf)
    total = sum(len(rows) for rows in feats)
    idf = {t: math.log((total + 1) / (d + 1)) + 1.0 for t, d in df.items()}
    _discount_topics(idf, art_df, [len(r) for r in feats])
    return idf


def lowered(sent: Sentence) -> str:
    """The sentence as token_set_ratio reads it: folded, lowercase, without its dateline."""
    return fold(sent.text[dateline(sent) :]).lower()


def _discount_topics(idf: dict[str, float], art_df: list[dict[str, int]], sizes: list[int]) -> None:
    """Scale down, in place, the IDF of terms that are the topic of every article using them."""
    if len(art_df) < 2:
        return
    counts: dict[str, int] = defaultdict(int)
    for adf in art_df:
        for t in adf:
            counts[t] += 1
    for t, c in counts.items():
        if c < 2:
            continue
        shares = [adf[t] / n for adf, n in zip(art_df, sizes, strict=True) if t in adf and n >= 4]
        if len(shares) >= 2 and min(shares) >= TOPIC_SHARE:
            idf[t] *= TOPIC_DISCOUNT
