"""Measure how well the engine's analysis agrees with hand-made annotations.

Every `tests/corpus/*/annotations.yaml` (format: tests/corpus/README.md) names its articles and
what a careful editor found in them: which sentences state the same fact, who the people are,
every direct quote with its speaker, and which quotes render the same statement. This script
runs `compare()` on those articles and counts agreement.

Annotations refer to sentences by a verbatim fragment, never by index, so they survive changes
to the segmenter; a fragment that matches no sentence or several is an annotation error and is
reported loudly (exit status 2) instead of being guessed. Missing engine output is not an error:
this is a measuring tool, so it exits 0 however low the numbers are.

A plain run prints everything, every time: the corpora in `tests/corpus/` (the bundled samples
are its `summit` group, also shown on a line of their own against their goals), the formerly
held-out groups in `benchmarks/heldout/`, and real news from ECB+ (`benchmarks/ecbplus/`):
alignment per topic split and on the dataset's 40 ready pairs, people per split, and quotes
once their annotations exist. ECB+ is read from `../shared/datasets/ecbplus/` (or
`$PARALLAX_SHARED/datasets/ecbplus/`), never from the repository. `--root DIR` scores only the
annotated groups under DIR (the unit tests use it). `--json` prints one object: `corpora` and
`total` as before, plus `heldout`, `samples` and `ecbplus` with per-pair and per-link records
that a fitting script can read.

    .venv/bin/python benchmarks/quality.py [--verbose] [--json] [--corpus NAME ...] [--root DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ecbplus as `ecbplus`

from ecbplus import align as ecb_align
from ecbplus import data as ecb_data
from ecbplus import people as ecb_people
from ecbplus import quotes as ecb_quotes

from tui.core.article import Article
from tui.core.errors import ParallaxError
from tui.core.ingest import load_article
from tui.core.model import Comparison, Person, Quote
from tui.core.pipeline import compare

CORPUS_ROOT = Path(__file__).resolve().parent.parent / "tests" / "corpus"
HELDOUT_ROOT = Path(__file__).resolve().parent / "heldout"
SAMPLES = "summit"  # the tests/corpus group that annotates the bundled sample articles
# Issue 11 and 12: the samples stay at alignment precision >= 0.95 and recall 1.0, all their
# people without a non-person, every quote's speaker right and both cross-article links.
SAMPLE_GOALS = {"precision": 0.95, "recall": 1.0}
LABELS = ("same", "related")
QUOTE_LINK_KINDS = ("full", "partial")

# Double quotation marks only: a single ’ is far more often an apostrophe than a quote.
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
NEUTRAL_MARKS = '"'
_DOUBLE_CLASS = '["“”„«»]'
_SINGLE_CLASS = "['‘’]"


class AnnotationError(Exception):
    """An annotation that cannot be resolved against the articles; the message says where."""


# --------------------------------------------------------------------------------------------
# Resolved annotations


@dataclass(frozen=True)
class Loc:
    """Where a fragment landed: article, sentence index and body offsets of the fragment."""

    article: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class GoldPerson:
    name: str
    forms: tuple[str, ...]
    titles: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(norm_name(f) for f in (self.name, *self.forms))


@dataclass(frozen=True)
class GoldQuote:
    """A direct quote; `start`/`end` span the words between the quote marks (body offsets)."""

    article: int
    sentence: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_is_person: bool


@dataclass(frozen=True)
class GoldLink:
    left: int  # index into Corpus.quotes
    right: int
    kind: str  # "full" counts for recall; "partial" counts neither for nor against


@dataclass
class Corpus:
    name: str
    path: Path
    articles: tuple[Article, ...]
    same: set[tuple[int, int, int, int]] = field(default_factory=set)
    related: set[tuple[int, int, int, int]] = field(default_factory=set)
    people: list[GoldPerson] = field(default_factory=list)
    not_people: list[str] = field(default_factory=list)
    # People named only in bylines and credits: not news content, so listing them is neither
    # rewarded nor counted as a non-person.
    boilerplate_people: list[str] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    links: list[GoldLink] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Normalisation and fragment lookup


def fragment_pattern(fragment: str) -> re.Pattern[str]:
    """A regex for a fragment that ignores how whitespace, quote marks and apostrophes are typed.

    Hard-wrapped files, unwrapping and curly-vs-straight quotes must not turn a correct
    annotation into an error, but letters and punctuation stay exact.
    """
    parts: list[str] = []
    for chunk in re.split(r"(\s+)", fragment.strip()):
        if not chunk:
            continue
        if chunk.isspace():
            parts.append(r"\s+")
            continue
        for ch in chunk:
            if ch in '"“”„«»':
                parts.append(_DOUBLE_CLASS)
            elif ch in "'‘’":
                parts.append(_SINGLE_CLASS)
            elif ch in "-‐‑–—":
                parts.append("[-‐‑–—]")
            else:
                parts.append(re.escape(ch))
    return re.compile("".join(parts))


def norm_name(text: str) -> str:
    """Compare names the way a reader does: case, accents, possessives and initials don't matter."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s'-]", " ", text)
    merged: list[str] = []
    initials = False  # whether merged[-1] is built only from one-letter tokens
    for tok in text.split():  # "J. D." and "J.D." and "JD" all become "jd"
        single = len(tok) == 1 and tok.isalpha()
        if single and initials:
            merged[-1] += tok
            continue
        merged.append(tok)
        initials = single
    return " ".join(merged)


def norm_source(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", norm_name(text))


def locate(
    article: Article, art_index: int, fragment: str, hint: str | None = None, what: str = ""
) -> Loc:
    """The one sentence containing `fragment` (optionally inside the sentence `hint` names)."""
    if not isinstance(fragment, str) or not fragment.strip():
        raise AnnotationError(f"{what}: empty or non-text fragment {fragment!r}")
    pattern = fragment_pattern(fragment)
    candidates = article.sentences
    if hint is not None:
        hint_loc = locate(article, art_index, hint, None, f"{what} (sentence hint)")
        candidates = (article.sentences[hint_loc.sentence],)
    hits: list[Loc] = []
    for sent in candidates:
        for m in pattern.finditer(sent.text):
            hits.append(Loc(art_index, sent.index, sent.start + m.start(), sent.start + m.end()))
    if not hits:
        near = _near_miss(article, fragment)
        raise AnnotationError(
            f"{what}: fragment {fragment!r} is in no sentence of {article.path}{near}"
        )
    if len(hits) > 1:
        where = ", ".join(f"sentence {h.sentence}" for h in hits)
        raise AnnotationError(
            f"{what}: fragment {fragment!r} matches {len(hits)} places in {article.path} ({where});"
            " make it longer or add a sentence hint"
        )
    return hits[0]


def _in_sentences(article: Article, fragment: str) -> bool:
    pattern = fragment_pattern(fragment)
    return any(pattern.search(s.text) for s in article.sentences)


def _near_miss(article: Article, fragment: str) -> str:
    """Say whether the fragment exists in the body but crosses a sentence boundary."""
    if fragment_pattern(fragment).search(article.body):
        return " (it is in the body, so it crosses a sentence boundary or sits in boilerplate)"
    return ""


def quote_span(article: Article, loc: Loc) -> tuple[int, int] | None:
    """The words between the quote marks enclosing `loc`, or None when it is not inside quotes.

    Scans the paragraph from its start, so a quote opened in an earlier sentence of the same
    paragraph counts; a quote whose closing mark is missing runs to the paragraph end (news
    style for quotes that continue into the next paragraph). The span is clipped to the
    fragment's sentence.
    """
    para = next((p for p in article.paragraphs if p.start <= loc.start and loc.end <= p.end), None)
    if para is None:
        return None
    inside = False
    opened = para.start
    for pos in range(para.start, loc.start):
        ch = article.body[pos]
        if ch in OPENING_MARKS:
            inside, opened = True, pos + 1
        elif ch in CLOSING_MARKS:
            inside = False
        elif ch in NEUTRAL_MARKS:
            inside = not inside
            opened = pos + 1
    if not inside:
        return None
    inner = article.body[loc.start : loc.end]
    if any(ch in OPENING_MARKS + CLOSING_MARKS + NEUTRAL_MARKS for ch in inner):
        return None
    end = para.end
    for pos in range(loc.end, para.end):
        if article.body[pos] in CLOSING_MARKS + NEUTRAL_MARKS:
            end = pos
            break
    # The model ties a quote to one sentence, so a quote running over two sentences is two.
    sent = article.sentences[loc.sentence]
    return max(opened, sent.start), min(end, sent.end)


# --------------------------------------------------------------------------------------------
# Loading annotations


def _require(cond: bool, msg: str) -> None:
    if not cond:
        raise AnnotationError(msg)


def _articles_pair(entry: dict[str, Any], n: int, what: str) -> tuple[int, int]:
    pair = entry.get("articles", [0, 1])
    _require(
        isinstance(pair, list)
        and len(pair) == 2
        and all(isinstance(i, int) and 0 <= i < n for i in pair)
        and pair[0] != pair[1],
        f"{what}: 'articles' must be two different article numbers below {n}, got {pair!r}",
    )
    return pair[0], pair[1]


def load_corpus(yaml_path: Path) -> tuple[Corpus | None, list[str]]:
    """Read and resolve one annotations file; returns the corpus (None if unusable) and errors.

    Errors are collected rather than raised one at a time so an annotator sees all of them in
    one run.
    """
    errors: list[str] = []
    name = yaml_path.parent.name
    try:
        data = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return None, [f"{name}: cannot read {yaml_path}: {exc}"]
    if not isinstance(data, dict):
        return None, [f"{name}: {yaml_path} is not a mapping"]
    allowed = {
        "articles",
        "alignments",
        "people",
        "boilerplate_people",
        "not_people",
        "quotes",
        "quote_links",
    }
    for key in data:
        if key not in allowed:
            errors.append(f"{name}: unknown top-level key {key!r}")
    paths = data.get("articles")
    if not isinstance(paths, list) or len(paths) < 2:
        return None, [*errors, f"{name}: 'articles' must list at least two files"]
    articles: list[Article] = []
    for rel in paths:
        try:
            articles.append(load_article((yaml_path.parent / str(rel)).resolve()))
        except ParallaxError as exc:
            errors.append(f"{name}: cannot load article {rel!r}: {exc}")
    if errors:
        return None, errors
    corpus = Corpus(name, yaml_path.parent, tuple(articles))
    n = len(articles)

    def run(what: str, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except AnnotationError as exc:
            errors.append(f"{name}: {exc}")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            errors.append(f"{name}: {what}: malformed entry ({type(exc).__name__}: {exc})")
        return None

    # Alignments
    for k, entry in enumerate(data.get("alignments") or []):
        what = f"alignments[{k}]"
        run(what, _add_alignment, corpus, entry, n, what)

    # People
    seen_keys: dict[str, str] = {}
    for k, entry in enumerate(data.get("people") or []):
        what = f"people[{k}]"
        person = run(what, _make_person, corpus, entry, what)
        if person is None:
            continue
        for key in person.keys:
            if key in seen_keys and seen_keys[key] != person.name:
                errors.append(
                    f"{name}: {what}: form {key!r} belongs to both {seen_keys[key]} and"
                    f" {person.name}"
                )
            seen_keys[key] = person.name
        corpus.people.append(person)
    for key in ("boilerplate_people",):
        extra_names = data.get(key) or []
        if not isinstance(extra_names, list) or not all(isinstance(x, str) for x in extra_names):
            errors.append(f"{name}: '{key}' must be a list of strings")
        else:
            corpus.boilerplate_people = list(extra_names)
            for x in extra_names:
                if norm_name(x) in seen_keys:
                    errors.append(f"{name}: {key} entry {x!r} is also a form of a person")
                if fragment_pattern(x).search("\n".join(a.body for a in corpus.articles)) is None:
                    errors.append(f"{name}: {key} entry {x!r} occurs in no article")
    not_people = data.get("not_people") or []
    if not isinstance(not_people, list) or not all(isinstance(x, str) for x in not_people):
        errors.append(f"{name}: 'not_people' must be a list of strings")
    else:
        corpus.not_people = list(not_people)
        for x in not_people:
            if norm_name(x) in seen_keys:
                errors.append(f"{name}: not_people entry {x!r} is also a form of a person")

    # Quotes
    for k, entry in enumerate(data.get("quotes") or []):
        what = f"quotes[{k}]"
        quote = run(what, _make_quote, corpus, entry, n, what)
        if quote is None:
            continue
        clash = next(
            (
                q
                for q in corpus.quotes
                if q.article == quote.article and q.start == quote.start and q.end == quote.end
            ),
            None,
        )
        if clash is not None:
            errors.append(f"{name}: {what}: same quote as an earlier entry ({clash.text!r})")
            continue
        corpus.quotes.append(quote)

    # Quote links (after quotes, which they refer to)
    for k, entry in enumerate(data.get("quote_links") or []):
        what = f"quote_links[{k}]"
        run(what, _add_link, corpus, entry, n, what)

    return (None if errors else corpus), errors


def _add_alignment(corpus: Corpus, entry: dict[str, Any], n: int, what: str) -> None:
    _require(isinstance(entry, dict), f"{what}: must be a mapping")
    extra = set(entry) - {"left", "right", "label", "articles", "optional"}
    _require(not extra, f"{what}: unknown keys {sorted(extra)}")
    a, b = _articles_pair(entry, n, what)
    label = entry.get("label")
    _require(label in LABELS, f"{what}: label must be one of {LABELS}, got {label!r}")
    optional = entry.get("optional", False)
    _require(
        optional is False or (optional is True and label == "related"),
        f"{what}: optional: true is only allowed on related pairs",
    )
    ends: list[Loc] = []
    for side, art in (("left", a), ("right", b)):
        article = corpus.articles[art]
        if optional and not _in_sentences(article, entry[side]):
            # A Markdown heading may be a sentence or the title depending on the loader.
            _require(
                fragment_pattern(entry[side]).search(article.body + "\n" + article.title)
                is not None,
                f"{what} {side}: optional fragment {entry[side]!r} is nowhere in {article.path}",
            )
            return
        ends.append(locate(article, art, entry[side], None, f"{what} {side}"))
    left, right = ends
    key = _pair_key(a, left.sentence, b, right.sentence)
    _require(
        key not in corpus.same and key not in corpus.related,
        f"{what}: sentence pair {key} is annotated twice",
    )
    (corpus.same if label == "same" else corpus.related).add(key)


def _make_person(corpus: Corpus, entry: dict[str, Any], what: str) -> GoldPerson:
    _require(isinstance(entry, dict), f"{what}: must be a mapping")
    extra = set(entry) - {"name", "forms", "titles"}
    _require(not extra, f"{what}: unknown keys {sorted(extra)}")
    name = entry.get("name")
    _require(isinstance(name, str) and bool(name.strip()), f"{what}: needs a name")
    forms = entry.get("forms") or []
    titles = entry.get("titles") or []
    _require(
        isinstance(forms, list) and all(isinstance(f, str) for f in forms),
        f"{what}: forms must be a list of strings",
    )
    _require(
        isinstance(titles, list) and all(isinstance(t, str) for t in titles),
        f"{what}: titles must be a list of strings",
    )
    bodies = [a.body for a in corpus.articles]
    for form in forms:
        pat = re.compile(r"(?<!\w)" + fragment_pattern(form).pattern + r"(?!\w)")
        _require(any(pat.search(b) for b in bodies), f"{what}: form {form!r} occurs in no article")
    return GoldPerson(name, tuple(forms), tuple(titles))


def _make_quote(corpus: Corpus, entry: dict[str, Any], n: int, what: str) -> GoldQuote:
    _require(isinstance(entry, dict), f"{what}: must be a mapping")
    extra = set(entry) - {"article", "text", "speaker", "sentence"}
    _require(not extra, f"{what}: unknown keys {sorted(extra)}")
    art = entry.get("article")
    _require(isinstance(art, int) and 0 <= art < n, f"{what}: bad article number {art!r}")
    _require("speaker" in entry, f"{what}: needs a speaker (a name, a source, or null)")
    article = corpus.articles[art]
    loc = locate(article, art, entry["text"], entry.get("sentence"), what)
    span = quote_span(article, loc)
    _require(span is not None, f"{what}: {entry['text']!r} is not inside quote marks")
    assert span is not None
    speaker = entry["speaker"]
    is_person = False
    if speaker is not None:
        _require(isinstance(speaker, str) and bool(speaker.strip()), f"{what}: bad speaker")
        if any(p.name == speaker for p in corpus.people):
            is_person = True
        else:
            # A non-person source must be written in the article as given ("Kremlin officials").
            _require(
                fragment_pattern(speaker).search(article.body) is not None,
                f"{what}: speaker {speaker!r} is neither an annotated person's name nor a"
                " source written in the article",
            )
            _require(
                not any(norm_name(speaker) in p.keys for p in corpus.people),
                f"{what}: speaker {speaker!r} is a form of a person; use the person's name",
            )
    return GoldQuote(art, loc.sentence, span[0], span[1], entry["text"], speaker, is_person)


def _add_link(corpus: Corpus, entry: dict[str, Any], n: int, what: str) -> None:
    _require(isinstance(entry, dict), f"{what}: must be a mapping")
    extra = set(entry) - {"left", "right", "articles", "kind", "left_sentence", "right_sentence"}
    _require(not extra, f"{what}: unknown keys {sorted(extra)}")
    a, b = _articles_pair(entry, n, what)
    kind = entry.get("kind", "full")
    _require(kind in QUOTE_LINK_KINDS, f"{what}: kind must be one of {QUOTE_LINK_KINDS}")
    ends: list[int] = []
    for side, art in (("left", a), ("right", b)):
        loc = locate(
            corpus.articles[art], art, entry[side], entry.get(f"{side}_sentence"), f"{what} {side}"
        )
        idx = next(
            (
                i
                for i, q in enumerate(corpus.quotes)
                if q.article == art and q.start <= loc.start and loc.end <= q.end
            ),
            None,
        )
        _require(idx is not None, f"{what} {side}: {entry[side]!r} is not in an annotated quote")
        assert idx is not None
        ends.append(idx)
    corpus.links.append(GoldLink(ends[0], ends[1], kind))


def _pair_key(a: int, i: int, b: int, j: int) -> tuple[int, int, int, int]:
    return (a, i, b, j) if a < b else (b, j, a, i)


def discover(root: Path = CORPUS_ROOT, names: Sequence[str] = ()) -> list[Path]:
    files = sorted(root.glob("*/annotations.yaml"))
    if names:
        files = [f for f in files if f.parent.name in names]
    return files


# --------------------------------------------------------------------------------------------
# Scoring


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def score_alignment(corpus: Corpus, comp: Comparison) -> dict[str, Any]:
    predicted: set[tuple[int, int, int, int]] = set()
    for al in comp.alignments:
        for i in al.left.sentences:
            for j in al.right.sentences:
                predicted.add(_pair_key(al.left.article, i, al.right.article, j))
    tp = sorted(predicted & corpus.same)
    fp = sorted(predicted - corpus.same - corpus.related)
    fn = sorted(corpus.same - predicted)
    related_hit = sorted(predicted & corpus.related)
    return {
        "same": len(corpus.same),
        "related": len(corpus.related),
        "predicted": len(predicted),
        "tp": len(tp),
        "fp": len(fp),
        "fn": len(fn),
        "related_predicted": len(related_hit),
        "precision": _ratio(len(tp), len(tp) + len(fp)),
        "recall": _ratio(len(tp), len(corpus.same)),
        "fp_pairs": [_pair_text(corpus, k) for k in fp],
        "fn_pairs": [_pair_text(corpus, k) for k in fn],
    }


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _pair_text(corpus: Corpus, key: tuple[int, int, int, int]) -> dict[str, Any]:
    a, i, b, j = key
    return {
        "left": [a, i, _short(corpus.articles[a].sentences[i].text)],
        "right": [b, j, _short(corpus.articles[b].sentences[j].text)],
    }


def _person_keys(p: Person) -> frozenset[str]:
    return frozenset(norm_name(x) for x in (p.name, *p.aliases))


def _matches(corpus: Corpus, p: Person) -> list[int]:
    """The annotated people a predicted Person names.

    An exact form counts; so does a shortened full name ("Mohamed bin Zayed" for "Sheikh Mohamed
    bin Zayed Al Nahyan"): two or more words that run contiguously inside a form of exactly one
    annotated person. A run shared by two people ("Abdel Fattah") names neither.
    """
    keys = _person_keys(p)
    exact = [g for g, gold in enumerate(corpus.people) if keys & gold.keys]
    if exact:
        return exact
    partial: set[int] = set()
    for key in keys:
        words = key.split()
        if len(words) < 2:
            continue
        owners = {
            g
            for g, gold in enumerate(corpus.people)
            if any(_contains_run(form.split(), words) for form in gold.keys)
        }
        if len(owners) == 1:
            partial |= owners
    return sorted(partial)


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def score_people(corpus: Corpus, comp: Comparison) -> dict[str, Any]:
    hits: dict[int, list[str]] = {g: [] for g in range(len(corpus.people))}
    non_persons: list[str] = []
    merged: list[str] = []
    not_people_keys = {norm_name(x) for x in corpus.not_people}
    byline_keys = {norm_name(x) for x in corpus.boilerplate_people}
    matched_pred = 0
    for p in comp.people:
        gs = _matches(corpus, p)
        for g in gs:
            hits[g].append(p.name)
        matched_pred += bool(gs)
        if not gs and not _person_keys(p) & byline_keys:
            flag = " (listed in not_people)" if _person_keys(p) & not_people_keys else ""
            non_persons.append(p.name + flag)
        if len(gs) > 1:
            merged.append(f"{p.name} = " + " + ".join(corpus.people[g].name for g in gs))
    found = [corpus.people[g].name for g, ps in hits.items() if ps]
    missed = [corpus.people[g].name for g, ps in hits.items() if not ps]
    split = [f"{corpus.people[g].name}: " + " | ".join(ps) for g, ps in hits.items() if len(ps) > 1]
    return {
        "people": len(corpus.people),
        "predicted": len(comp.people),
        "found": len(found),
        "missed": len(missed),
        "non_persons": len(non_persons),
        "split": len(split),
        "merged": len(merged),
        "recall": _ratio(len(found), len(corpus.people)),
        "predicted_matched": matched_pred,
        # Share of listed people that are real annotated people (byline names are neutral).
        "precision": _ratio(matched_pred, matched_pred + len(non_persons)),
        "missed_names": missed,
        "non_person_names": non_persons,
        "split_names": split,
        "merged_names": merged,
    }


def _overlap(q: Quote, g: GoldQuote) -> int:
    if q.article != g.article:
        return 0
    return max(0, min(q.end, g.end) - max(q.start, g.start))


def _golds_of(corpus: Corpus, q: Quote) -> set[int]:
    """Every annotated quote a predicted quote overlaps.

    Not exclusive: an engine that keeps a two-sentence quote as one span covers both annotated
    halves, and each half should count as found.
    """
    return {i for i, g in enumerate(corpus.quotes) if _overlap(q, g) > 0}


def speaker_ok(corpus: Corpus, comp: Comparison, gold: GoldQuote, predicted: str | None) -> bool:
    """Whether a predicted speaker names who the annotation says spoke."""
    if gold.speaker is None or predicted is None:
        return gold.speaker is None and predicted is None
    if gold.speaker_is_person:
        person = next(p for p in corpus.people if p.name == gold.speaker)
        if norm_name(predicted) in person.keys:
            return True
        # The engine may name a speaker by its own Person.name; accept it when that Person is
        # unambiguously this annotated person.
        for p in comp.people:
            if p.name == predicted:
                gs = _matches(corpus, p)
                return gs == [corpus.people.index(person)]
        return False
    return norm_source(predicted) == norm_source(gold.speaker)


def score_quotes(corpus: Corpus, comp: Comparison) -> dict[str, Any]:
    by_gold: dict[int, list[Quote]] = {i: [] for i in range(len(corpus.quotes))}
    spurious: list[str] = []
    for q in comp.quotes:
        golds = _golds_of(corpus, q)
        if not golds:
            spurious.append(f"[{q.article}] {_short(q.text)}")
        for g in golds:
            by_gold[g].append(q)
    right: list[str] = []
    wrong: list[str] = []
    none: list[str] = []
    missed: list[str] = []
    for i, gold in enumerate(corpus.quotes):
        label = f"[{gold.article}] {_short(gold.text, 50)} — {gold.speaker}"
        preds = by_gold[i]
        if not preds:
            missed.append(label)
            continue
        best = max(preds, key=lambda q: _overlap(q, gold))
        if speaker_ok(corpus, comp, gold, best.speaker):
            right.append(label)
        elif best.speaker is None:
            none.append(label)
        else:
            wrong.append(f"{label} (predicted {best.speaker})")
    return {
        "quotes": len(corpus.quotes),
        "predicted": len(comp.quotes),
        "right_speaker": len(right),
        "wrong_speaker": len(wrong),
        "no_speaker": len(none),
        "missed": len(missed),
        "spurious": len(spurious),
        "found": len(corpus.quotes) - len(missed),
        "wrong_list": wrong,
        "no_speaker_list": none,
        "missed_list": missed,
        "spurious_list": spurious,
    }


def predicted_links(comp: Comparison) -> set[frozenset[str]]:
    links = {frozenset((ln.left, ln.right)) for ln in comp.quote_links if ln.left != ln.right}
    for q in comp.quotes:
        for other in q.same_as:
            if other != q.id:
                links.add(frozenset((q.id, other)))
    return links


def score_links(corpus: Corpus, comp: Comparison) -> dict[str, Any]:
    by_id = {q.id: q for q in comp.quotes}
    gold_pairs = {frozenset((ln.left, ln.right)): ln for ln in corpus.links}
    found_pairs: set[frozenset[int]] = set()
    spurious: list[str] = []
    for link in predicted_links(comp):
        ids = sorted(link)
        quotes = [by_id.get(i) for i in ids]
        if len(ids) == 2 and quotes[0] is not None and quotes[1] is not None:
            left, right = _golds_of(corpus, quotes[0]), _golds_of(corpus, quotes[1])
            hits = {
                k for k in gold_pairs if any(frozenset((x, y)) == k for x in left for y in right)
            }
        else:
            hits = set()
        if hits:
            found_pairs |= hits
        else:
            spurious.append(
                " <-> ".join(
                    _short(q.text, 40) if q else f"(unknown id {i})"
                    for q, i in zip(quotes, ids, strict=True)
                )
            )
    full = [k for k, ln in gold_pairs.items() if ln.kind == "full"]
    found = [k for k in full if k in found_pairs]
    missed = [
        f"{_short(corpus.quotes[min(k)].text, 40)} <-> {_short(corpus.quotes[max(k)].text, 40)}"
        for k in full
        if k not in found_pairs
    ]
    partial_found = sum(
        1 for k, ln in gold_pairs.items() if ln.kind == "partial" and k in found_pairs
    )
    return {
        "links": len(full),
        "partial_links": len(gold_pairs) - len(full),
        "predicted": len(predicted_links(comp)),
        "found": len(found),
        "partial_found": partial_found,
        "missed": len(missed),
        "spurious": len(spurious),
        "missed_list": missed,
        "spurious_list": spurious,
    }


def score(corpus: Corpus, comp: Comparison) -> dict[str, Any]:
    return {
        "alignment": score_alignment(corpus, comp),
        "people": score_people(corpus, comp),
        "quotes": score_quotes(corpus, comp),
        "quote_links": score_links(corpus, comp),
    }


def totals(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sum the counts over corpora and recompute the ratios from the sums (micro average)."""
    out: dict[str, dict[str, Any]] = {}
    for res in results.values():
        for section, vals in res.items():
            acc = out.setdefault(section, {})
            for k, v in vals.items():
                if isinstance(v, int) and not isinstance(v, bool):
                    acc[k] = acc.get(k, 0) + v
    al = out.get("alignment", {})
    if al:
        al["precision"] = _ratio(al["tp"], al["tp"] + al["fp"])
        al["recall"] = _ratio(al["tp"], al["same"])
    pe = out.get("people", {})
    if pe:
        pe["recall"] = _ratio(pe["found"], pe["people"])
        pe["precision"] = _ratio(
            pe["predicted_matched"], pe["predicted_matched"] + pe["non_persons"]
        )
    return out


# --------------------------------------------------------------------------------------------
# Output


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def render_table(results: dict[str, dict[str, Any]], total: dict[str, Any]) -> str:
    rows: list[list[str]] = [
        [
            "corpus",
            "align P",
            "align R",
            "TP/FP/FN (rel)",
            "people found/N",
            "missed",
            "non-pers",
            "split",
            "quotes right/N",
            "wrong",
            "no-spk",
            "missed",
            "spur",
            "links found/N",
            "spur",
        ]
    ]
    for name, res in [*results.items(), ("TOTAL", total)]:
        al, pe, qu, li = res["alignment"], res["people"], res["quotes"], res["quote_links"]
        rows.append(
            [
                name,
                _pct(al["precision"]),
                _pct(al["recall"]),
                f"{al['tp']}/{al['fp']}/{al['fn']} ({al['related_predicted']})",
                f"{pe['found']}/{pe['people']}",
                str(pe["missed"]),
                str(pe["non_persons"]),
                str(pe["split"]),
                f"{qu['right_speaker']}/{qu['quotes']}",
                str(qu["wrong_speaker"]),
                str(qu["no_speaker"]),
                str(qu["missed"]),
                str(qu["spurious"]),
                f"{li['found']}/{li['links']}",
                str(li["spurious"]),
            ]
        )
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells))
        if k == 0 or k == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_details(name: str, res: dict[str, Any]) -> str:
    out = [f"\n== {name}"]

    def block(title: str, items: Iterable[Any]) -> None:
        items = list(items)
        if items:
            out.append(f"  {title} ({len(items)}):")
            out.extend(f"    {it}" for it in items)

    def pair(p: dict[str, Any]) -> str:
        (a, i, lt), (b, j, rt) = p["left"], p["right"]
        return f"{a}:{i} {lt!r}  <->  {b}:{j} {rt!r}"

    block("alignment FN (same pairs not predicted)", map(pair, res["alignment"]["fn_pairs"]))
    block("alignment FP (predicted, not same or related)", map(pair, res["alignment"]["fp_pairs"]))
    block("people missed", res["people"]["missed_names"])
    block("non-persons listed as people", res["people"]["non_person_names"])
    block("people split", res["people"]["split_names"])
    block("people merged", res["people"]["merged_names"])
    block("quotes with wrong speaker", res["quotes"]["wrong_list"])
    block("quotes with no speaker", res["quotes"]["no_speaker_list"])
    block("quotes missed", res["quotes"]["missed_list"])
    block("spurious quotes", res["quotes"]["spurious_list"])
    block("quote links missed", res["quote_links"]["missed_list"])
    block("spurious quote links", res["quote_links"]["spurious_list"])
    return "\n".join(out)


def run(files: Sequence[Path]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    results: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for f in files:
        corpus, errs = load_corpus(f)
        errors.extend(errs)
        if corpus is None:
            continue
        try:
            comp = compare(corpus.articles)
        except ParallaxError as exc:
            errors.append(f"{corpus.name}: compare() failed: {exc}")
            continue
        results[corpus.name] = score(corpus, comp)
    return results, errors


def render_samples(res: dict[str, Any]) -> str:
    """The bundled samples against their goals, on one line."""
    al, pe, qu, li = res["alignment"], res["people"], res["quotes"], res["quote_links"]
    return (
        f"samples ({SAMPLES}): align P {_pct(al['precision'])}"
        f" (goal >= {SAMPLE_GOALS['precision']:.2f}) R {_pct(al['recall'])}"
        f" (goal {SAMPLE_GOALS['recall']:.2f}); people"
        f" {pe['found']}/{pe['people']}, non-persons {pe['non_persons']}; speakers right"
        f" {qu['right_speaker']}/{qu['quotes']}; quote links {li['found']}/{li['links']}"
    )


def run_ecbplus(details: bool, quotes_file: Path) -> tuple[dict[str, Any], list[str]]:
    """ECB+ alignment, people and quotes; a missing dataset is a notice, not a failure."""
    try:
        ecb_data.dataset_root()
    except ecb_data.DatasetMissing as exc:
        return {"missing": str(exc)}, [f"ECB+ skipped: {exc}"]
    quotes = ecb_quotes.run(details=details, path=quotes_file)
    out = {
        "alignment": ecb_align.run(details=details),
        "people": ecb_people.run(details=details),
        "quotes": quotes,
    }
    return out, [f"ECB+ quotes: {e}" for e in quotes["errors"]]


def print_report(report: dict[str, Any], root: Path, everything: bool, verbose: bool) -> None:
    """The tables, in the order a reader checks them: own corpora, held-out, samples, ECB+."""
    results = report["corpora"]
    if results:
        print(f"Corpora ({root})")
        print(render_table(results, report["total"]))
    if everything:
        held = report["heldout"]["corpora"]
        if held:
            print(f"\nFormerly held-out ({HELDOUT_ROOT})")
            print(render_table(held, report["heldout"]["total"]))
        if report["samples"]:
            print("\n" + render_samples(report["samples"]))
        ecb = report["ecbplus"]
        if "alignment" in ecb:
            print("\n" + ecb_align.render(ecb["alignment"]))
            print("\n" + ecb_people.render(ecb["people"]))
            print("\n" + ecb_quotes.render(ecb["quotes"]))
    if verbose:
        for name, res in results.items():
            print(render_details(name, res))
        if everything:
            for name, res in report["heldout"]["corpora"].items():
                print(render_details(name, res))
            if "people" in report["ecbplus"]:
                print(ecb_people.render_details(report["ecbplus"]["people"]))
                print(ecb_quotes.render_details(report["ecbplus"]["quotes"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every FN/FP and miss")
    parser.add_argument("--corpus", action="append", default=[], help="only this corpus (repeat)")
    parser.add_argument(
        "--root", type=Path, default=None, help="score only the groups in this folder"
    )
    parser.add_argument(
        "--ecb-quotes",
        type=Path,
        default=ecb_quotes.ANNOTATIONS,
        help="ECB+ quote annotations to score (default: benchmarks/ecbplus/quotes/)",
    )
    args = parser.parse_args(argv)
    everything = args.root is None
    root = CORPUS_ROOT if everything else args.root
    files = discover(root, args.corpus)
    held_files = discover(HELDOUT_ROOT, args.corpus) if everything else []
    if not files and not held_files:
        print(f"no annotations.yaml found under {root}", file=sys.stderr)
        return 2
    results, errors = run(files)
    total = totals(results) if results else {}
    report: dict[str, Any] = {"corpora": results, "total": total, "errors": errors}
    notices: list[str] = []
    if everything:
        held, held_errors = run(held_files)
        errors.extend(held_errors)
        report["heldout"] = {"corpora": held, "total": totals(held) if held else {}}
        report["samples"] = results.get(SAMPLES)
        report["ecbplus"], ecb_errors = run_ecbplus(args.json or args.verbose, args.ecb_quotes)
        if "missing" in report["ecbplus"]:
            notices.extend(ecb_errors)
        else:
            errors.extend(ecb_errors)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report, root, everything, args.verbose)
    for note in notices:
        print(note, file=sys.stderr)
    for e in errors:
        print(f"ANNOTATION ERROR: {e}", file=sys.stderr)
    return 2 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `quality.py | head` is normal use, not an error
        sys.exit(0)
