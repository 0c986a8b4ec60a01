"""Sentence alignment: which passages of two articles report the same fact.

How it works, and why:

1. Every fact sentence becomes a sparse bag of *terms*: light stems of content words, with
   numbers folded to their value (so "three" meets "3"), weekdays and months folded to one
   term each. Stopwords and attribution verbs ("said", "told") are dropped: every news
   sentence has them. Terms that news uses as evidence weigh more: names (capitalised words
   that are not sentence-initial), numbers, dates and words inside quotation marks. Weights
   are TF-IDF with the IDF taken over all sentences of all articles being compared, so a name
   that every sentence repeats ("Putin" in a Putin story) counts less than a rare one; a term
   in a large share of the sentences of every article is the story's topic and counts less
   still. Outlets tell one fact in different stock words, so a small lexicon of news synonym
   classes (tui.core.tokens.concepts: killed/died/death toll, truce/ceasefire...) maps them to
   one term; and they disagree on numbers and dates, so a number also yields a term for what
   it counts (its unit: percent in all spellings, days for "30-day"/"month-long", basis
   points for "half a percentage point", people for "nine miners") and a weekday a term for
   "a weekday": the same quantity with another value keeps half its evidence ("yesterday"
   and "today" fill that weekday slot with no value). A wire dateline opening an article's
   first sentence ("LONDON, Oct 29 (Reuters) -", tui.core.tokens.dates.dateline_end) is filing
   metadata the other outlet's lede does not repeat, so its words are not terms at all.
2. Candidate filtering keeps it fast on long articles: an inverted index over each article's
   terms is walked from the rarest term of a sentence up, within a fixed budget of postings,
   which yields the few sentences worth scoring in full. Pairs that share no rare term are
   never scored (they cannot be the same fact without sharing a name, number or rare word).
3. A pair must share real evidence before it is scored (`scoring.evidence`): a fact besides the
   names both write as names, and two pieces in all (a synonym class or a bare weekday is
   half a piece), or one word that is most of the shorter sentence, or two entities. A shared
   company name, or one shared common word, is not the same fact.
   The score mixes two measures that each ranked same-fact pairs well on real news:
   rapidfuzz `token_set_ratio` on the raw lowercase sentences (weight W_TSR) and the cosine
   of the weighted term bags (the rest). Raw sentences share stopwords, so `token_set_ratio`
   is rescaled to count only what lies above TSR_FLOOR; it is also 1.0 whenever one
   sentence's words are a subset of the other's, so it is damped for sentences with fewer
   than MIN_CONTENT content words. Because a lede packs several facts that the other outlet
   tells one sentence each, the score is at least CONT_SCALE times the *containment* of the
   shorter sentence in the longer (the share of its IDF weight the longer one has), damped
   below CONT_FULL_CONTENT content words so a three-word sentence cannot match everything.
4. Matching keeps a pair when its score reaches THRESHOLD (calibrated on annotated pairs, see
   benchmarks/quality.py) and it is close to the best pair of *both* its sentences (within
   MARGIN): mutual-best pairs always qualify, and a sentence gets a second counterpart only
   when that one is nearly as strong and prefers it back; never more than MAX_COUNTERPARTS.
   A shorter sentence at least CONT_STRONG contained in a longer one that is its best
   counterpart is kept without the margin rule, so a lede takes each fact's sentence.
   When both outlets tell a fact in two neighbouring sentences (a lede, then the quote that
   backs it) and lede = lede, quote = quote, the crosswise pairs are kept at the lower
   SQUARE_THRESHOLD (`matching.cross_pairs`): the aligned neighbours are the evidence.
   Order is not a constraint (outlets reorder freely); relative position only breaks near
   ties when choosing a sentence's best counterpart.
5. One-to-many: when a sentence's counterparts are consecutive sentences of the other article
   they are merged into one passage, so the reader highlights "this sentence = those two" as
   one unit (only kept pairs are merged, and each of them cleared THRESHOLD on its own: a
   neighbour never joins a passage on its neighbour's score); counterparts that are far
   apart become separate alignments sharing the sentence.
6. Each kept pair gets the shared word runs (for highlighting), a word diff of the two
   passages and the conflicts (tui.core.conflicts). Pairs that are nobody's best counterpart
   keep only name and quote conflicts (see `_conflicts`).

The steps live in modules of their own: `terms` and `features` (step 1), `candidates` (2),
`scoring` (3), `matching` (4, 5), `spans` and `diff` (6); the thresholds and weights in
`params`. This module runs them for every pair of articles. Everything worth keeping within a
comparison (each word's reading, each sentence's tokens, each word diff) lives in the `Memo`
that `align_articles` receives, never in the modules, so a second comparison in one process
costs what the first did.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import Article, Sentence
from ..conflicts import find_conflicts
from ..model import Alignment, Conflict, DiffOp, Passage, SharedSpan
from ..tokens.memo import Memo
from ..tokens.text import Token, sentence_tokens
from .diff import word_diff
from .features import Sent, prepare
from .matching import group, match
from .params import MAX_DETAIL_WORDS
from .spans import shared_spans
from .terms import WordTerms


def _passage_tokens(sents: tuple[Sentence, ...], memo: Memo) -> tuple[list[Token], set[int]]:
    """The tokens of consecutive sentences, and the positions that start a sentence."""
    out: list[Token] = []
    first: set[int] = set()
    for s in sents:
        first.add(len(out))
        out.extend(sentence_tokens(s.text, s.start, memo))
    return out, first


def _details(
    lbody: str,
    lsents: tuple[Sentence, ...],
    rbody: str,
    rsents: tuple[Sentence, ...],
    terms: WordTerms,
) -> tuple[tuple[SharedSpan, ...], tuple[DiffOp, ...], bool]:
    """Shared spans and word diff of two passages, and whether they are prose at all.

    Passages longer than MAX_DETAIL_WORDS (a "sentence" of thousands of words from a file
    without punctuation) are not prose a reader compares word by word: the pair is kept with
    one whole-passage diff op and no spans, since both are quadratic.
    """
    memo = terms.memo
    lt, lfirst = _passage_tokens(lsents, memo)
    rt, rfirst = _passage_tokens(rsents, memo)
    lspan = (lsents[0].start, lsents[-1].end)
    rspan = (rsents[0].start, rsents[-1].end)
    if len(lt) > MAX_DETAIL_WORDS or len(rt) > MAX_DETAIL_WORDS:
        (ls, le), (rs, re_) = lspan, rspan
        return (), (DiffOp("replace", ls, le, rs, re_, lbody[ls:le], rbody[rs:re_]),), False
    shared = shared_spans(lbody, lt, lfirst, rbody, rt, rfirst, terms, lspan)
    return shared, word_diff(lbody, lt, lspan, rbody, rt, rspan, memo), True


def _conflicts(
    left: Article, lp: Passage, right: Article, rp: Passage, mutual: bool, memo: Memo
) -> tuple[Conflict, ...]:
    """Conflicts of a pair; numbers and dates only when the pair is someone's best match.

    A second counterpart shares part of a fact ("a storm killed five people" with "the
    worst storm since 2023, when one killed 10 people"); its other numbers and dates are
    usually about something else, so reporting them as clashes would accuse an outlet of
    an error it did not make. Names and quoted words are still compared.
    """
    found = find_conflicts(left, lp, right, rp, memo)
    if mutual:
        return found
    return tuple(c for c in found if c.kind in ("name", "quote"))


def align_pair(
    a: int,
    left: Article,
    ls: list[Sent],
    b: int,
    right: Article,
    rs: list[Sent],
    terms: WordTerms,
) -> list[Alignment]:
    """All alignments between two prepared articles, left = article `a`."""
    if not ls or not rs:
        return []
    groups = group(match(ls, rs))
    out: list[Alignment] = []
    for li, ri, score, mutual in groups:
        lidx = tuple(ls[i].index for i in li)
        ridx = tuple(rs[j].index for j in ri)
        lp, rp = Passage(a, lidx), Passage(b, ridx)
        lsents = tuple(left.sentences[i] for i in lidx)
        rsents = tuple(right.sentences[j] for j in ridx)
        shared, diff, prose = _details(left.body, lsents, right.body, rsents, terms)
        conflicts = _conflicts(left, lp, right, rp, mutual, terms.memo) if prose else ()
        out.append(Alignment(lp, rp, round(score, 4), shared, diff, conflicts))
    return out


def align_articles(articles: Sequence[Article], memo: Memo | None = None) -> list[Alignment]:
    """Align every pair of articles (i < j, left = article i).

    `memo` is the comparison's (pipeline.compare passes it, so later stages find the
    sentences already tokenised); called alone, the alignment gets a memo of its own."""
    arts = list(articles)
    memo = Memo() if memo is None else memo
    terms = WordTerms(memo)
    out: list[Alignment] = []
    prepared = prepare(arts, terms)
    for a in range(len(arts)):
        for b in range(a + 1, len(arts)):
            out.extend(align_pair(a, arts[a], prepared[a], b, arts[b], prepared[b], terms))
    return out
