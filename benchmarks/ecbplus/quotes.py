"""Direct quotes and their speakers on ECB+ articles, per topic split (issue 12).

The gold is `benchmarks/ecbplus/quotes/annotations.yaml`, written blind (before looking at
Parallax's output) by an annotator who marks every direct quote of an article by ECB+ token
ids:

    articles:
      - doc: 4_3ecbplus.xml        # topic = the number before "_"
        split: test                # must agree with splits.yaml
        quotes:                    # [] when the article has no direct quote
          - sentence: 5            # ECB+ sentence number of first_token
            first_token: 112       # t_id of the first token inside the quote marks
            last_token: 130        # t_id of the last one (the quote may run on to later
                                   # sentences)
            speaker: "Jane Doe"    # fullest name the article gives, or a source as written
            speaker_kind: person   # person | source | none (the article does not say)
            note: "..."            # optional: how the annotator decided

Text and offsets. The article's text is rebuilt from the XML with to_pairs' own rules
(`data.read_raw`, which checks every sentence against `to_pairs.detokenize`), so it is exactly
the `.txt` file to_pairs would write, and each token has its character span. A quote spans
from its first token's start to its last token's end, carried to `Article.body` like every
other ECB+ offset (`data.OffsetMap`).

Running Parallax. `compare` needs two articles, so each annotated article is compared with the
lowest-numbered other article of its subtopic (same topic, same ecb/ecbplus kind): real
coverage of the same event, as a user would open it. Only the annotated article is scored.

Scores, over all annotated quotes:
- found: some Parallax quote of the article overlaps the gold quote (the best-overlapping one
  is judged);
- right speaker: for a named person, the Parallax speaker (after leading titles such as "Lt.")
  or the name or an alias of the Parallax person it names is the gold full name or a trailing
  run of its words: the surname ("Lohan" for "Lindsay Lohan", never "Dina Lohan" nor
  "Lindsay"); a joint speaker ("Craig Zadan and Neil Meron") is right for either name. An
  unnamed person ("a naval officer", all lower case) and a source match by head words,
  case-insensitively: leading articles and possessives aside, the head phrases (the words
  before the first "of", "for", "who"...) end in the same word and one's words contain the
  other's ("police" = "the Los Angeles police", not "police spokesman"); or the speaker is
  the named body a spokesperson speaks for ("Waitrose" for "a spokesman for Waitrose"); or,
  for a proper name, one side's words contain the other's ("Kraft" = "Kraft Foods"). For
  `none`: no speaker;
- wrong speaker: any other speaker (including a speaker where the article names none);
- no speaker: Parallax gives none where the gold has one.
Goals on the test split: >= 90% of quotes with the right speaker, <= 3% with a wrong one.
Parallax quotes overlapping no gold quote are listed as spurious (an article's list is the
complete set of its direct quotes). Quotes of one or two tokens (partial quotes such as
"days," Miliote said) are the annotator's least certain entries, so they are also counted
apart (`short`, `short_right`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tui.core.article import Article
from tui.core.ingest import parse_article
from tui.core.model import Comparison, Person, Quote
from tui.core.pipeline import compare

from . import data

ANNOTATIONS = Path(__file__).resolve().parent / "quotes" / "annotations.yaml"
GOALS = {"right": 0.90, "wrong": 0.03}  # shares of all annotated quotes, test split
KINDS = ("person", "source", "none")
DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those"))
# Words after a source's head noun: "a spokesman for Waitrose", "the families of the men".
POST_HEAD = frozenset(("of", "for", "at", "from", "in", "with", "who", "that", "on", "to"))
_TITLES = "mr mrs ms miss dr lt sgt capt gen col sen rep gov prof rev sir judge president"
TITLE_WORDS = frozenset(_TITLES.split())
COUNTS = (
    "articles",
    "quotes",
    "found",
    "right",
    "wrong",
    "no_speaker",
    "missed",
    "spurious",
    "short",
    "short_right",
)
SHORT = 2  # tokens: a quote this short is counted apart too


class AnnotationError(Exception):
    """An annotation entry that does not resolve against the ECB+ tokens."""


@dataclass(frozen=True)
class GoldQuote:
    doc: str
    sentence: int
    first_token: int
    last_token: int
    speaker: str | None
    kind: str
    span: tuple[int, int]  # body offsets of the annotated article
    tokens: int = 0  # how many tokens the quote spans


@dataclass
class QuoteScore:
    split: str
    articles: int = 0
    quotes: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    no_speaker: int = 0
    missed: int = 0
    spurious: int = 0
    short: int = 0
    short_right: int = 0
    wrong_list: list[str] = field(default_factory=list)
    no_speaker_list: list[str] = field(default_factory=list)
    missed_list: list[str] = field(default_factory=list)
    spurious_list: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Names


def _norm(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’]s\b", "", text)
    return re.findall(r"\w+", text)


def person_right(gold: str, predicted: str, people: tuple[Person, ...]) -> bool:
    """Whether `predicted` names the gold person (rule in the module docstring)."""
    if not any(ch.isupper() for ch in gold):  # "a naval officer": a description, not a name
        return source_right(gold, predicted)
    targets = [_norm(part) for part in re.split(r"\s+(?:and|&)\s+", gold)]  # joint speakers
    forms = [predicted]
    for p in people:
        if p.name == predicted:
            forms.extend([p.name, *p.aliases])
    for form in forms:
        words = _norm(form)
        while len(words) > 1 and words[0] in TITLE_WORDS:  # "Lt. Gregg Hastings"
            words = words[1:]
        if not words:
            continue
        for target in targets:
            n = len(words)
            if n <= len(target) and target[len(target) - n :] == words:
                return True  # the whole name, or a trailing run of it: the surname
    return False


def _head_phrase(words: list[str]) -> list[str]:
    """The words before the first preposition or relative: "spokesman" of "spokesman for X"."""
    for k, w in enumerate(words):
        if k and w in POST_HEAD:
            return words[:k]
    return words


def source_right(gold: str, predicted: str) -> bool:
    """Head-word match of two non-person sources (rule in the module docstring)."""
    g = [w for w in _norm(gold) if w not in DETERMINERS]
    p = [w for w in _norm(predicted) if w not in DETERMINERS]
    if not g or not p:
        return False
    gh, ph = _head_phrase(g), _head_phrase(p)
    if gh[-1] == ph[-1] and (set(gh) <= set(ph) or set(ph) <= set(gh)):
        return True
    rest = g[len(gh) + 1 :]  # "Waitrose" for "a spokesman for Waitrose"
    if rest and p == rest and _is_proper(predicted):
        return True
    # a proper name shortened or lengthened: "Kraft" = "Kraft Foods"
    return _is_proper(gold) and (set(g) <= set(p) or set(p) <= set(g))


def _is_proper(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in DETERMINERS]
    return bool(words) and all(w[0].isupper() for w in words)


def speaker_verdict(gold: GoldQuote, quote: Quote, people: tuple[Person, ...]) -> str:
    """`right`, `wrong` or `no_speaker` for a found quote."""
    if gold.kind == "none":
        return "right" if quote.speaker is None else "wrong"
    if quote.speaker is None:
        return "no_speaker"
    assert gold.speaker is not None
    if gold.kind == "person":
        ok = person_right(gold.speaker, quote.speaker, people)
    else:
        ok = source_right(gold.speaker, quote.speaker)
    return "right" if ok else "wrong"


# --------------------------------------------------------------------------------------------
# Annotations


def load_annotations(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The article entries of the annotations file, and every format error found in it."""
    errors: list[str] = []
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [], [f"{path}: cannot read: {exc}"]
    entries = doc.get("articles") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        return [], [f"{path}: needs a top-level 'articles' list"]
    good: list[dict[str, Any]] = []
    seen: set[str] = set()
    splits = data.topic_splits()
    for k, entry in enumerate(entries):
        what = f"{path.name}: articles[{k}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
            errors.append(f"{what}: needs a 'doc' (an ECB+ file name)")
            continue
        name = entry["doc"]
        if name in seen:
            errors.append(f"{what}: {name} is annotated twice")
            continue
        seen.add(name)
        try:
            topic = data.topic_of(name)
        except ValueError:
            errors.append(f"{what}: {name!r} is not an ECB+ file name")
            continue
        if entry.get("split") != splits.get(topic):
            errors.append(
                f"{what}: split {entry.get('split')!r}, but topic {topic} is in"
                f" {splits.get(topic)!r} (splits.yaml)"
            )
            continue
        if not isinstance(entry.get("quotes"), list):
            errors.append(f"{what}: 'quotes' must be a list ([] for none)")
            continue
        good.append(entry)
    return good, errors


def resolve(entry: dict[str, Any], raw: data.RawDoc, article: Article) -> list[GoldQuote]:
    """Token ids -> body spans; raises AnnotationError naming the first bad quote."""
    omap = data.OffsetMap.between(raw.text, article.body)
    out = []
    for k, q in enumerate(entry["quotes"]):
        what = f"{raw.name} quotes[{k}]"
        if not isinstance(q, dict):
            raise AnnotationError(f"{what}: must be a mapping")
        extra = set(q) - {
            "sentence",
            "first_token",
            "last_token",
            "speaker",
            "speaker_kind",
            "note",
        }
        if extra:
            raise AnnotationError(f"{what}: unknown keys {sorted(extra)}")
        kind = q.get("speaker_kind")
        if kind not in KINDS:
            raise AnnotationError(f"{what}: speaker_kind must be one of {KINDS}, got {kind!r}")
        speaker = q.get("speaker")
        if kind == "none" and speaker not in (None, ""):
            raise AnnotationError(f"{what}: speaker_kind none with speaker {speaker!r}")
        if kind != "none" and (not isinstance(speaker, str) or not speaker.strip()):
            raise AnnotationError(f"{what}: a {kind} speaker needs a name")
        try:
            sid, first, last = int(q["sentence"]), int(q["first_token"]), int(q["last_token"])
        except (KeyError, TypeError, ValueError) as exc:
            raise AnnotationError(f"{what}: sentence, first_token, last_token: {exc}") from None
        if first > last:
            raise AnnotationError(f"{what}: first_token {first} is after last_token {last}")
        if raw.token_sentence.get(str(first)) != sid:
            raise AnnotationError(f"{what}: token {first} is not in sentence {sid}")
        last_sid = raw.token_sentence.get(str(last))
        if last_sid is None or last_sid < sid:  # a quote may run on over later sentences
            raise AnnotationError(f"{what}: token {last} is not in sentence {sid} or after it")
        if str(first) not in raw.token_span or str(last) not in raw.token_span:
            raise AnnotationError(f"{what}: tokens {first}-{last} are not in the article text")
        tspan = (raw.token_span[str(first)][0], raw.token_span[str(last)][1])
        span = omap.span(*tspan)
        if span is None:
            raise AnnotationError(f"{what}: the quote is not in the article body")
        out.append(
            GoldQuote(
                raw.name,
                sid,
                first,
                last,
                speaker if kind != "none" else None,
                kind,
                span,
                sum(1 for t in raw.token_span if first <= int(t) <= last),
            )
        )
    return out


@cache
def partner(doc_name: str) -> str:
    """The lowest-numbered other article of the same subtopic, to compare with."""
    tp = data.to_pairs_module()
    m = tp.DOC_NAME.match(doc_name)
    if not m:
        raise AnnotationError(f"{doc_name!r} is not an ECB+ file name")
    topic, kind = m.group(1), m.group(3)
    others = []
    for f in data.raw_path(doc_name).parent.glob(f"{topic}_*.xml"):
        mm = tp.DOC_NAME.match(f.name)
        if mm and mm.group(3) == kind and f.name != doc_name:
            others.append((int(mm.group(2)), f.name))
    if not others:
        raise AnnotationError(f"{doc_name}: no other article in its subtopic")
    return min(others)[1]


def _article(raw: data.RawDoc) -> Article:
    # The bytes of the .txt file to_pairs would write, through the loader's own decoding.
    return parse_article(raw.text.encode("utf-8"), raw.name[: -len(".xml")] + ".txt")


def _overlap(q: Quote, g: GoldQuote) -> int:
    return data.overlap((q.start, q.end), g.span) if q.article == 0 else 0


def score_article(entry: dict[str, Any], res: QuoteScore) -> None:
    raw = data.read_raw(entry["doc"])
    other = data.read_raw(partner(entry["doc"]))
    article = _article(raw)
    golds = resolve(entry, raw, article)
    comp: Comparison = compare([article, _article(other)])
    quotes = [q for q in comp.quotes if q.article == 0]
    res.articles += 1
    res.quotes += len(golds)
    for q in quotes:
        if not any(_overlap(q, g) for g in golds):
            res.spurious += 1
            res.spurious_list.append(f"{raw.name}: {q.text[:60]!r} ({q.speaker})")
    for g in golds:
        label = f"{raw.name} s{g.sentence} t{g.first_token}-{g.last_token} ({g.speaker})"
        hits = [q for q in quotes if _overlap(q, g)]
        short = g.tokens <= SHORT
        res.short += short
        if not hits:
            res.missed += 1
            res.missed_list.append(label)
            continue
        res.found += 1
        best = max(hits, key=lambda q: _overlap(q, g))
        verdict = speaker_verdict(g, best, comp.people)
        if verdict == "right":
            res.right += 1
            res.short_right += short
        elif verdict == "wrong":
            res.wrong += 1
            res.wrong_list.append(f"{label}: predicted {best.speaker!r}")
        else:
            res.no_speaker += 1
            res.no_speaker_list.append(label)


def summarise(res: QuoteScore) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(res, k) for k in COUNTS}
    out["right_share"] = res.right / res.quotes if res.quotes else None
    out["wrong_share"] = res.wrong / res.quotes if res.quotes else None
    return out


def run(details: bool = False, path: Path = ANNOTATIONS) -> dict[str, Any]:
    """Score every annotated article; a missing file is reported, not an error."""
    out: dict[str, Any] = {"annotations": str(path), "goals": {"split": "test", **GOALS}}
    if not path.is_file():
        out["missing"] = True
        out["errors"] = []
        return out
    entries, errors = load_annotations(path)
    by_split = {s: QuoteScore(s) for s in data.SPLITS}
    for entry in entries:
        try:
            score_article(entry, by_split[entry["split"]])
        except AnnotationError as exc:
            errors.append(str(exc))
    out["splits"] = {s: summarise(r) for s, r in by_split.items()}
    out["errors"] = errors
    if details:
        out["lists"] = {s: vars(r) for s, r in by_split.items()}
    return out


def render(res: dict[str, Any]) -> str:
    if res.get("missing"):
        return f"ECB+ quotes: no annotations yet ({res['annotations']})"
    head = (
        f"{'ECB+ quotes':<12}{'articles':>9}{'quotes':>7}{'found':>6}{'right':>6}{'share':>7}"
        f"{'wrong':>6}{'share':>7}{'no-spk':>7}{'missed':>7}{'spur':>5}{'short right/N':>15}"
    )
    lines = [head, "-" * len(head)]
    for s in data.SPLITS:
        t = res["splits"][s]
        lines.append(
            f"{s:<12}{t['articles']:>9}{t['quotes']:>7}{t['found']:>6}{t['right']:>6}"
            f"{_fmt(t['right_share']):>7}{t['wrong']:>6}{_fmt(t['wrong_share']):>7}"
            f"{t['no_speaker']:>7}{t['missed']:>7}{t['spurious']:>5}"
            f"{str(t['short_right']) + '/' + str(t['short']):>15}"
        )
    test = res["splits"]["test"]
    lines.append(
        f"goal on test: right >= {GOALS['right']:.0%} (now {_fmt(test['right_share'])}),"
        f" wrong <= {GOALS['wrong']:.0%} (now {_fmt(test['wrong_share'])}) of annotated quotes;"
        f" short = quotes of <= {SHORT} tokens, also in the totals"
    )
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def render_details(res: dict[str, Any]) -> str:
    """Every wrong, missing and spurious quote, per split (for --verbose)."""
    if res.get("missing") or "lists" not in res:
        return ""
    out = []
    for split in data.SPLITS:
        lists = res["lists"][split]
        out.append(f"\n== ECB+ quotes, {split}")
        for title, key in (
            ("wrong speaker", "wrong_list"),
            ("no speaker", "no_speaker_list"),
            ("missed", "missed_list"),
            ("spurious", "spurious_list"),
        ):
            out.extend(f"  {title}: {item}" for item in lists[key])
    return "\n".join(out)
