"""People on ECB+ article pairs, per topic split (issue 12, "What to build" 4, first bullet).

The pairs are the alignment benchmark's: two articles of one subtopic as `to_pairs.py` writes
them into the cache. The gold comes from the raw XML (`raw/ECB+/<topic>/<doc>.xml`), whose text
is rebuilt with to_pairs' own rules so every token has an offset in the `.txt` file
(`data.read_raw` checks the rebuilt text against the file); offsets are then carried to
`Article.body` (`data.OffsetMap`), since the loader may move a headline into the title.

Gold people. A person is a global `instance_id` of a `CROSS_DOC_COREF` chain whose source
mentions are tagged `HUMAN_PART_PER` (the guideline's tag for individual people); the same id in
both articles is the same person. ECB+ annotates completely only the sentences listed in its
CSV, so:
- a gold person is judged only when one of its mentions lies in a CSV-listed sentence of either
  article, and only when it is *named*: some mention of it holds a capitalised word that is
  not a pronoun and that the pair's articles use as a name, never in lower case and not only
  at the start of a sentence or in a headline ("Lindsay Lohan", "Heller"; not "the actress",
  "he", "Police said", "Suspect Held"; `proper_words`). People whose every
  mention is a pronoun or a description are counted apart as `unnamed`: a people list built
  from names cannot be expected to hold "a 17-year-old boy";
- its mentions anywhere in the article count as evidence of being found (annotated mentions
  outside the CSV are partial, but right when present).

Matching. Each Parallax mention is assigned to the annotated `HUMAN_PART*` mention it overlaps
most (nested or long spans cannot make one Parallax mention count for two people).
- found: a gold person one of whose mentions is assigned a mention of some Parallax person;
- split: a gold person who is the main person of two or more Parallax people ("Esther
  Williams" and "Esther Williams Dies"); a gold person is a Parallax person's main person when
  it has most of that person's assigned mentions and more than half of its informative ones
  (assigned, or inside a CSV-listed sentence, where no annotation means no person);
- merged: a Parallax person whose mentions are assigned to two or more named gold people (a
  surname "Jenkin" filed under Katie Jenkin while it is John's). A merge is not also counted
  as a split of the person it took a mention from;
- non-person: a Parallax person with a mention inside a CSV-listed sentence (only there is the
  absence of annotation informative) none of whose mentions anywhere overlaps any `HUMAN_PART*`
  mention. Of those, `other markable` counts the ones that overlap another markable (an event,
  place, time or thing: annotated as not a person, so a real non-person), the rest overlap
  nothing (possibly a person the annotators skipped as not part of the events).
Parallax people with no mention in a CSV-listed sentence are `unjudged`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.article import Article
from tui.core.model import Comparison

from . import data

GOALS = {"found": 0.95, "split": 0, "non_persons": 0}  # on the test split (issue 12)
_PRONOUN_WORDS = (
    "i me my mine myself you your yours yourself he him his himself she her hers herself it"
    " its we us our ours ourselves they them their theirs themselves who whom whose one"
    " someone somebody anyone anybody everyone everybody nobody"
)
PRONOUNS = frozenset(_PRONOUN_WORDS.split())
COUNTS = (
    "gold",
    "found",
    "split",
    "unnamed",
    "predicted",
    "judged",
    "non_persons",
    "non_person_other_markable",
    "unjudged",
    "merged",
)


@dataclass
class PeopleScore:
    pair: str
    split: str
    gold: int = 0
    found: int = 0
    split_people: int = 0
    unnamed: int = 0
    predicted: int = 0
    judged: int = 0
    non_persons: int = 0
    non_person_other_markable: int = 0
    unjudged: int = 0
    merged: int = 0
    missed_names: list[str] = field(default_factory=list)
    split_names: list[str] = field(default_factory=list)
    non_person_names: list[str] = field(default_factory=list)
    merged_names: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {k: getattr(self, k) for k in COUNTS if k != "split"}
        out["split"] = self.split_people
        return out


@dataclass(frozen=True)
class GoldMention:
    article: int
    span: tuple[int, int]  # body offsets
    text: str
    tag: str
    person: str | None  # instance_id for a cross-doc HUMAN_PART_PER mention, else None
    in_csv: bool


def proper_words(raw: data.RawDoc) -> set[str]:
    """Lowercased words the article capitalises as names, not as sentence or headline starts.

    A word counts when it is capitalised somewhere other than the first word of a sentence that
    is not a headline (a headline capitalises most of its words), and the article never writes
    it in lower case: "Lohan" and "Obama" are names, "Police" at the start of a sentence and
    "Suspect" in a title-case headline are not.
    """
    capital: set[str] = set()
    lower: set[str] = set()
    for start, end in raw.sentence_span.values():
        words = _WORD.findall(raw.text[start:end])
        caps = sum(1 for w in words if w[0].isupper())
        headline = len(words) > 1 and caps >= 0.6 * len(words)
        for k, w in enumerate(words):
            key = w.lower().strip("'’.")
            if w[0].islower():
                lower.add(key)
            elif k and not headline and key not in PRONOUNS:
                capital.add(key)
    return capital - lower


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_name(text: str, proper: set[str]) -> bool:
    """Whether a mention holds a word the article uses as a name (see `proper_words`)."""
    return any(w.lower().strip("'’.") in proper for w in _WORD.findall(text))


def _gold_mentions(
    raw: data.RawDoc, article: Article, k: int
) -> tuple[list[GoldMention], list[tuple[int, int]], list[tuple[int, int]]]:
    """The HUMAN_PART* mentions (body spans), the other markables' spans and the CSV spans."""
    omap = data.OffsetMap.between(raw.text, article.body)
    humans: list[GoldMention] = []
    others: list[tuple[int, int]] = []
    for m in raw.markables.values():
        if not m.tokens:
            continue
        tspan = raw.mention_span(m)
        span = omap.span(*tspan) if tspan else None
        if span is None:
            continue
        if m.tag.startswith("HUMAN_PART"):
            person = raw.cross_doc.get(m.m_id) if m.tag == "HUMAN_PART_PER" else None
            in_csv = bool(raw.mention_sentences(m) & raw.selected)
            humans.append(
                GoldMention(k, span, raw.text[tspan[0] : tspan[1]], m.tag, person, in_csv)
            )
        else:
            others.append(span)
    csv_spans = [
        sp
        for sid in sorted(raw.selected)
        if sid in raw.sentence_span and (sp := omap.span(*raw.sentence_span[sid])) is not None
    ]
    return humans, others, csv_spans


def score_pair(folder: Path, split: str) -> PeopleScore:
    gold, arts, comp = data.compared(folder)
    humans: list[GoldMention] = []
    others: dict[int, list[tuple[int, int]]] = {}
    csv_spans: dict[int, list[tuple[int, int]]] = {}
    proper: set[str] = set()
    for k, side in enumerate(("a", "b")):
        raw = data.read_raw(gold[side]["doc"])
        text = (folder / gold[side]["text_file"]).read_text(encoding="utf-8")
        if raw.text != text:
            raise AssertionError(f"{folder.name}: rebuilt text of {raw.name} differs from the file")
        proper |= proper_words(raw)
        h, o, c = _gold_mentions(raw, arts[k], k)
        humans.extend(h)
        others[k], csv_spans[k] = o, c
    return score_people(folder.name, split, comp, humans, others, csv_spans, proper)


def score_people(
    pair: str,
    split: str,
    comp: Comparison,
    humans: list[GoldMention],
    others: dict[int, list[tuple[int, int]]],
    csv_spans: dict[int, list[tuple[int, int]]],
    proper: set[str],
) -> PeopleScore:
    """Count found, split and non-person people (the rules are in the module docstring)."""
    res = PeopleScore(pair, split)
    chains: dict[str, list[GoldMention]] = {}
    for g in humans:
        if g.person:
            chains.setdefault(g.person, []).append(g)
    judged_people = {pid for pid, ms in chains.items() if any(m.in_csv for m in ms)}
    named = {pid for pid in judged_people if any(is_name(m.text, proper) for m in chains[pid])}
    res.unnamed = len(judged_people - named)
    res.gold = len(named)

    owners: dict[str, set[int]] = {pid: set() for pid in named}
    main_of: dict[str, set[int]] = {pid: set() for pid in named}
    res.predicted = len(comp.people)
    for p_index, person in enumerate(comp.people):
        assigned: Counter[str] = Counter()
        informative = 0
        touches_human = False
        touches_other = False
        in_csv = False
        for men in person.mentions:
            span = (men.start, men.end)
            here_csv = any(data.overlap(span, c) for c in csv_spans.get(men.article, ()))
            in_csv = in_csv or here_csv
            best = max(
                (g for g in humans if g.article == men.article and data.overlap(span, g.span)),
                key=lambda g: (data.overlap(span, g.span), g.span[0] - g.span[1]),
                default=None,
            )
            informative += best is not None or here_csv
            if best is not None:
                touches_human = True
                if best.person in owners:
                    owners[best.person].add(p_index)
                    assigned[best.person] += 1
            elif any(data.overlap(span, o) for o in others.get(men.article, ())):
                touches_other = True
        if assigned:
            top = max(assigned.values())
            for pid, n in assigned.items():
                if n == top and 2 * n > informative:
                    main_of[pid].add(p_index)
        if len(assigned) > 1:
            res.merged += 1
            names = " + ".join(sorted(_label(chains[pid], proper) for pid in assigned))
            res.merged_names.append(f"{person.name} = {names}")
        if not in_csv:
            res.unjudged += 1
            continue
        res.judged += 1
        if not touches_human:
            res.non_persons += 1
            res.non_person_other_markable += touches_other
            flag = " (other markable)" if touches_other else ""
            res.non_person_names.append(person.name + flag)
    for pid, ps in owners.items():
        label = _label(chains[pid], proper)
        if ps:
            res.found += 1
        else:
            res.missed_names.append(label)
        if len(main_of[pid]) > 1:
            res.split_people += 1
            res.split_names.append(
                f"{label}: " + " | ".join(comp.people[i].name for i in sorted(main_of[pid]))
            )
    return res


def _label(mentions: list[GoldMention], proper: set[str]) -> str:
    names = [m.text.strip("\"'“”") for m in mentions if is_name(m.text, proper)]
    return max(names, key=len) if names else mentions[0].text


def summarise(scores: Iterable[PeopleScore]) -> dict[str, Any]:
    scores = list(scores)
    tot: dict[str, Any] = {k: 0 for k in COUNTS}
    for s in scores:
        for k, v in s.counts().items():
            tot[k] += v
    tot["pairs"] = len(scores)
    tot["found_share"] = tot["found"] / tot["gold"] if tot["gold"] else None
    return tot


def run(details: bool = False) -> dict[str, Any]:
    by_split: dict[str, list[PeopleScore]] = {s: [] for s in data.SPLITS}
    for folder in data.pair_folders(data.build_pairs()):
        split = data.split_of_folder(folder)
        by_split[split].append(score_pair(folder, split))
    out: dict[str, Any] = {
        "goals": {"split": "test", **GOALS},
        "splits": {s: summarise(v) for s, v in by_split.items()},
    }
    if details:
        out["pairs"] = [vars(p) for v in by_split.values() for p in v]
    return out


def render(res: dict[str, Any]) -> str:
    head = (
        f"{'ECB+ people':<12}{'pairs':>6}{'found/gold':>12}{'share':>7}{'split':>6}"
        f"{'non-pers':>9}{'(other mk)':>11}{'judged':>8}{'unjudged':>9}{'unnamed':>8}"
        f"{'merged':>7}"
    )
    lines = [head, "-" * len(head)]
    for s in data.SPLITS:
        t = res["splits"][s]
        share = "n/a" if t["found_share"] is None else f"{t['found_share']:.2f}"
        lines.append(
            f"{s:<12}{t['pairs']:>6}{str(t['found']) + '/' + str(t['gold']):>12}{share:>7}"
            f"{t['split']:>6}{t['non_persons']:>9}{t['non_person_other_markable']:>11}"
            f"{t['judged']:>8}{t['unjudged']:>9}{t['unnamed']:>8}{t['merged']:>7}"
        )
    test = res["splits"]["test"]
    share = "n/a" if test["found_share"] is None else f"{test['found_share']:.2f}"
    lines.append(
        f"goal on test: found >= {GOALS['found']:.0%} (now {share}), split 0 (now"
        f" {test['split']}), non-persons 0 (now {test['non_persons']}); gold = named people with"
        " a mention in a CSV-listed sentence (counted per pair)"
    )
    return "\n".join(lines)


def render_details(res: dict[str, Any]) -> str:
    """Every miss, split and non-person, per split and pair (for --verbose)."""
    out = []
    for split in data.SPLITS:
        out.append(f"\n== ECB+ people, {split}")
        for p in res.get("pairs", []):
            if p["split"] != split:
                continue
            for title, key in (
                ("missed", "missed_names"),
                ("split", "split_names"),
                ("non-person", "non_person_names"),
                ("merged", "merged_names"),
            ):
                for item in p[key]:
                    out.append(f"  {p['pair']}: {title}: {item}")
    return "\n".join(out)
