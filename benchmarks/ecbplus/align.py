"""Alignment on ECB+ article pairs, per topic split (issue 11, "What to build" 1).

Each pair folder is what the dataset's `to_pairs.py` writes: two `.txt` articles and a
`gold.yaml` whose `annotated` sentences carry [start, end) offsets into the files and whose
`links` are annotated sentence pairs that mention the same event instance.

Mapping gold onto Parallax. Each article is loaded with `load_article`, as a user would open
it. The loader may move a headline into the title and out of the body, so gold offsets are
first carried from the file text to the body (`data.OffsetMap`); a gold sentence then maps to
every Parallax sentence whose overlap with it is at least half the shorter of the two
(`data.sentences_over`). A gold sentence that became the title maps to nothing: Parallax never
aligns a title, so its links count as misses, and the count of such sentences is reported.

Scores (issue 11):
- recall: of the gold links that are `mutual_best` and `strong`, the share for which Parallax
  aligns some sentence of the left gold sentence with some sentence of the right one;
- precision: of Parallax's aligned sentence pairs (every left x right sentence of an
  alignment) whose two sentences each map to an annotated sentence, the share that map onto a
  gold link of any strength. Pairs with an unannotated side are not judged: ECB+ says nothing
  about them (annotation outside the CSV-listed sentences is partial).

Annotated pairs are dense with links (about half of all annotated cross pairs), so precision
here is easy; recall of mutual-best strong links is the informative number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.article import Article

from . import data

GOALS = {"recall": 0.80, "precision": 0.90}  # on the test split (issue 11)


@dataclass
class PairScore:
    """The counts of one pair, and per gold link whether Parallax aligned it (for fitting)."""

    pair: str
    split: str
    folder: str = ""
    annotated: int = 0
    unmapped: int = 0  # annotated sentences with no Parallax sentence (e.g. moved to the title)
    links: int = 0
    strong: int = 0
    mutual_best_strong: int = 0
    recall_hits: int = 0
    # ... of the mutual-best strong links, those whose two sentences both have a Parallax
    # sentence: recall among them is what the aligner can reach without aligning titles
    reachable: int = 0
    judged: int = 0  # Parallax pairs between annotated sentences
    judged_links: int = 0  # ... of which are gold links
    gold: list[dict[str, Any]] = field(default_factory=list)
    false_pairs: list[dict[str, Any]] = field(default_factory=list)


COUNTS = (
    "annotated",
    "unmapped",
    "links",
    "strong",
    "mutual_best_strong",
    "recall_hits",
    "reachable",
    "judged",
    "judged_links",
)


def _side_maps(
    folder: Path, gold: dict[str, Any], side: str, article: Article
) -> dict[int, tuple[int, ...]]:
    text = (folder / gold[side]["text_file"]).read_text(encoding="utf-8")
    omap = data.OffsetMap.between(text, article.body)
    return {
        s["sid"]: data.sentences_over(article, omap.span(s["start"], s["end"]))
        for s in gold["annotated"][side]
    }


def score_pair(folder: Path, split: str) -> PairScore:
    gold, arts, comp = data.compared(folder)
    maps = {side: _side_maps(folder, gold, side, arts[k]) for k, side in enumerate(("a", "b"))}
    predicted: dict[tuple[int, int], float] = {}
    for al in comp.alignments:
        if (al.left.article, al.right.article) != (0, 1):
            continue
        for i in al.left.sentences:
            for j in al.right.sentences:
                predicted[(i, j)] = max(al.score, predicted.get((i, j), 0.0))

    res = PairScore(str(gold["pair"]), split, str(folder))
    res.annotated = sum(len(m) for m in maps.values())
    res.unmapped = sum(1 for m in maps.values() for v in m.values() if not v)
    link_keys = set()
    for ln in gold["links"]:
        link_keys.add((ln["a"], ln["b"]))
        strong = ln["strength"] == "strong"
        counted = strong and bool(ln["mutual_best"])
        cover = [
            predicted[(i, j)]
            for i in maps["a"].get(ln["a"], ())
            for j in maps["b"].get(ln["b"], ())
            if (i, j) in predicted
        ]
        res.links += 1
        res.strong += strong
        res.mutual_best_strong += counted
        res.recall_hits += counted and bool(cover)
        mapped = bool(maps["a"].get(ln["a"])) and bool(maps["b"].get(ln["b"]))
        res.reachable += counted and mapped
        res.gold.append(
            {
                "a": ln["a"],
                "b": ln["b"],
                "strength": ln["strength"],
                "mutual_best": bool(ln["mutual_best"]),
                "weight": ln["weight"],
                "aligned": bool(cover),
                "score": max(cover) if cover else None,
                "mapped": mapped,
            }
        )
    back_a = _inverse(maps["a"])
    back_b = _inverse(maps["b"])
    for (i, j), sc in sorted(predicted.items()):
        ga, gb = back_a.get(i, ()), back_b.get(j, ())
        if not ga or not gb:
            continue
        res.judged += 1
        if any((x, y) in link_keys for x in ga for y in gb):
            res.judged_links += 1
        else:
            res.false_pairs.append(
                {"a": list(ga), "b": list(gb), "left": i, "right": j, "score": sc}
            )
    return res


def _inverse(m: dict[int, tuple[int, ...]]) -> dict[int, tuple[int, ...]]:
    out: dict[int, list[int]] = {}
    for sid, idxs in m.items():
        for i in idxs:
            out.setdefault(i, []).append(sid)
    return {i: tuple(v) for i, v in out.items()}


def summarise(scores: Iterable[PairScore]) -> dict[str, Any]:
    """Sum the counts (micro average) and derive recall and precision from the sums."""
    scores = list(scores)
    tot: dict[str, Any] = {k: sum(getattr(s, k) for s in scores) for k in COUNTS}
    tot["pairs"] = len(scores)
    tot["topics"] = len({s.pair.split("-")[0] for s in scores})
    tot["recall"] = _ratio(tot["recall_hits"], tot["mutual_best_strong"])
    tot["precision"] = _ratio(tot["judged_links"], tot["judged"])
    tot["recall_reachable"] = _ratio(tot["recall_hits"], tot["reachable"])
    return tot


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def run(details: bool = False) -> dict[str, Any]:
    """Score every split of the cached to_pairs output and the 40 ready pairs."""
    by_split: dict[str, list[PairScore]] = {s: [] for s in data.SPLITS}
    root = data.build_pairs()
    for folder in data.pair_folders(root):
        split = data.split_of_folder(folder)
        by_split[split].append(score_pair(folder, split))
    ready = [score_pair(f, data.split_of_folder(f)) for f in data.pair_folders(data.ready_pairs())]
    out: dict[str, Any] = {
        "source": str(root),
        "to_pairs_args": list(data.TO_PAIRS_ARGS),
        "goals": {"split": "test", **GOALS},
        "splits": {s: summarise(v) for s, v in by_split.items()},
        "ready_pairs": summarise(ready),
    }
    if details:
        out["pairs"] = [vars(p) for v in by_split.values() for p in v]
        out["ready_pair_details"] = [vars(p) for p in ready]
    return out


def render(res: dict[str, Any]) -> str:
    """One line per split, then the ready pairs, then the goals."""
    head = (
        f"{'ECB+ alignment':<22}{'pairs':>6}{'topics':>7}{'recall':>8}{'hits/MB-strong':>16}"
        f"{'precision':>10}{'links/judged':>14}{'unmapped':>10}{'R reachable':>13}"
    )
    lines = [head, "-" * len(head)]
    rows = [
        *((s, res["splits"][s]) for s in data.SPLITS),
        ("ready pairs/ (40)", res["ready_pairs"]),
    ]
    for name, t in rows:
        lines.append(
            f"{name:<22}{t['pairs']:>6}{t['topics']:>7}{_fmt(t['recall']):>8}"
            f"{str(t['recall_hits']) + '/' + str(t['mutual_best_strong']):>16}"
            f"{_fmt(t['precision']):>10}"
            f"{str(t['judged_links']) + '/' + str(t['judged']):>14}"
            f"{str(t['unmapped']) + '/' + str(t['annotated']):>10}"
            f"{_fmt(t['recall_reachable']) + ' of ' + str(t['reachable']):>13}"
        )
    test = res["splits"]["test"]
    lines.append(
        f"goal on test: recall >= {GOALS['recall']:.2f} (now {_fmt(test['recall'])}),"
        f" precision >= {GOALS['precision']:.2f} (now {_fmt(test['precision'])});"
        " unmapped = annotated sentences Parallax has no sentence for (a headline it made the"
        " title); R reachable = recall over the links with both sentences mapped"
    )
    return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"
