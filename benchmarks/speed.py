"""How fast is the engine on long articles, and how much faster than the naive way?

Builds pairs of news-like articles of 1k, 5k, 20k and 50k words per side, deterministically:
side A recombines sentences of the bundled sample articles with names, numbers and weekdays
substituted (so the vocabulary grows with length, as it does in real long reads); side B
retells most of A's sentences in another order and other words (dropped words, swapped
clauses, a changed number now and then) and adds sentences of its own, so there is something
to align. Then it times, in one run:

- `compare()` (tui.core.pipeline: the whole engine, people and quotes included),
- `align_articles()` alone (the alignment engine),
- a naive baseline: difflib `SequenceMatcher.ratio()` over every sentence pair, best per row.

The baseline is quadratic; above 5k words it is timed on a fixed random sample of pairs and
extrapolated to all pairs (clearly labelled). Medians over several runs; peak memory is the
tracemalloc peak of one extra `compare()` run, and the process's maximum resident size.

    .venv/bin/python benchmarks/speed.py [--sizes 1000 5000 20000 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

from tui.core.align import align_articles
from tui.core.align import engine as align_mod
from tui.core.article import Article
from tui.core.conflicts import engine as conflicts_mod
from tui.core.ingest import load_article, parse_article
from tui.core.people import engine as people_mod
from tui.core.people import find_people
from tui.core.pipeline import compare
from tui.core.quotes import engine as quotes_mod
from tui.core.quotes import find_quotes
from tui.core.tokens import text as text_mod

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_articles").glob("*.txt"))
SEED = 20250807
BASELINE_FULL_LIMIT = 10_000  # sentence pairs timed in full; above this, sample and extrapolate
BASELINE_SAMPLE = 5_000

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SYLLABLES = [
    "ka", "lo", "mir", "ven", "to", "sha", "ri", "dan", "el", "os", "ber", "ni", "ko", "va",
    "gor", "lin", "sta", "mo", "re", "zu",
]  # fmt: skip
_NAME_RE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:[’'][a-z])?")
_NUM_RE = re.compile(r"\b\d+(?:[.,]\d+)?\b")
_DAY_RE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
_DROPPABLE = frozenset(
    ["the", "a", "an", "also", "very", "already", "still", "just", "now", "more", "some"]
)


def _names(rng: random.Random, n: int) -> list[str]:
    out = set()
    while len(out) < n:
        k = rng.randint(2, 3)
        out.add("".join(rng.choice(_SYLLABLES) for _ in range(k)).capitalize())
    return sorted(out)


def _source_sentences() -> list[str]:
    sents: list[str] = []
    for p in SAMPLES:
        art = load_article(p)
        for s in art.sentences:
            text = " ".join(s.text.split())
            if len(text.split()) >= 6 and not text.startswith(("---", "title:", "date:")):
                sents.append(text)
    return sents


def _vary(text: str, rng: random.Random, names: list[str]) -> str:
    """One new sentence from a template: fresh names, numbers and weekdays."""
    text = _NAME_RE.sub(lambda m: rng.choice(names), text)
    text = _NUM_RE.sub(lambda m: str(rng.randint(2, 2030)), text)
    return _DAY_RE.sub(lambda m: rng.choice(WEEKDAYS), text)


def _paraphrase(text: str, rng: random.Random) -> str:
    """Another outlet's rendering: some words dropped, clauses swapped, a number changed."""
    words = [w for w in text.split() if not (w.lower() in _DROPPABLE and rng.random() < 0.5)]
    out = " ".join(words)
    parts = out.split(", ")
    if len(parts) >= 2 and rng.random() < 0.4:
        parts[0], parts[1] = parts[1], parts[0]
        out = ", ".join(parts)
    if rng.random() < 0.1:
        out = _NUM_RE.sub(lambda m: str(int(float(m.group().replace(",", ""))) + 2), out, count=1)
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "”", '"', "?", "!")) else out + "."


def _body(sentences: list[str], rng: random.Random) -> str:
    paras: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(1, 3)
        paras.append(" ".join(sentences[i : i + k]))
        i += k
    return "\n\n".join(paras) + "\n"


def make_pair(words: int, seed: int = SEED) -> tuple[Article, Article]:
    left, right, _truth = make_pair_with_truth(words, seed)
    return left, right


def make_pair_with_truth(
    words: int, seed: int = SEED
) -> tuple[Article, Article, set[tuple[int, int]]]:
    """The two articles, and which (left, right) sentence pairs are a sentence and its
    paraphrase (only those both sides segment into exactly the generated sentence)."""
    rng = random.Random(seed + words)
    templates = _source_sentences()
    names = _names(rng, max(60, words // 40))
    a: list[str] = []
    count = 0
    while count < words:
        s = _vary(rng.choice(templates), rng, names)
        a.append(s)
        count += len(s.split())
    b: list[tuple[str, int | None]] = []
    for k, s in enumerate(a):
        if rng.random() < 0.7:
            b.append((_paraphrase(s, rng), k))
        if rng.random() < 0.3:
            b.append((_vary(rng.choice(templates), rng, names), None))
    # Reorder in blocks: outlets move whole passages, not single words.
    blocks = [b[i : i + 5] for i in range(0, len(b), 5)]
    rng.shuffle(blocks)
    b = [s for blk in blocks for s in blk]
    left = parse_article(_body(a, rng), f"<bench-{words}-a>")
    right = parse_article(_body([t for t, _ in b], rng), f"<bench-{words}-b>")
    lpos = _positions(left, a)
    rpos = _positions(right, [t for t, _ in b])
    truth = {
        (lpos[src], rpos[k])
        for k, (_t, src) in enumerate(b)
        if src is not None and src in lpos and k in rpos
    }
    return left, right, truth


def _positions(article: Article, generated: list[str]) -> dict[int, int]:
    """Generated sentence number -> sentence index, where segmentation kept it whole."""
    index: dict[str, list[int]] = {}
    for s in article.sentences:
        index.setdefault(" ".join(s.text.split()), []).append(s.index)
    out: dict[int, int] = {}
    used: set[int] = set()
    for k, text in enumerate(generated):
        for i in index.get(" ".join(text.split()), []):
            if i not in used:
                out[k] = i
                used.add(i)
                break
    return out


# CPU time of this process: helpers and CI share the machine's cores, and wall time would
# measure their load as much as the engine. On an idle machine the two agree.
_clock = time.process_time
SLOW_COMPARE = 1.0  # seconds: above this compare() is timed once, and larger sizes skip it


def clear_caches() -> None:
    """Forget every memoised word and sentence, so a run is timed as a first run."""
    for mod in (text_mod, align_mod, conflicts_mod, people_mod, quotes_mod):
        for obj in vars(mod).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


def stage_times(arts: tuple[Article, Article], runs: int) -> dict[str, float]:
    """Median seconds of each stage compare() runs, in its order: alignment, people, quotes.

    Each stage is timed on its own with the earlier stages' results as input, so the three
    add up to compare() minus its bookkeeping; `cold` is one align run with caches cleared.
    """
    people = find_people(arts)
    return {
        "align": _median_time(lambda: align_articles(arts), runs),
        "people": _median_time(lambda: find_people(arts), runs),
        "quotes": _median_time(lambda: find_quotes(arts, people), runs),
    }


def _cold_time(fn) -> float:
    clear_caches()
    gc.collect()
    t0 = _clock()
    fn()
    return _clock() - t0


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        t0 = _clock()
        fn()
        times.append(_clock() - t0)
    return statistics.median(times)


def baseline(left: Article, right: Article, rng: random.Random) -> tuple[float, bool]:
    """Seconds for the naive all-pairs difflib matrix; (time, extrapolated?)."""
    ls = [s.text.lower() for s in left.sentences]
    rs = [s.text.lower() for s in right.sentences]
    pairs = len(ls) * len(rs)
    if pairs <= BASELINE_FULL_LIMIT:
        t0 = _clock()
        for a in ls:
            sm = SequenceMatcher(None, autojunk=False)
            sm.set_seq2(a)
            best = 0.0
            for b in rs:
                sm.set_seq1(b)
                best = max(best, sm.ratio())
        return _clock() - t0, False
    sample = [(rng.randrange(len(ls)), rng.randrange(len(rs))) for _ in range(BASELINE_SAMPLE)]
    t0 = _clock()
    for i, j in sample:
        SequenceMatcher(None, ls[i], rs[j], autojunk=False).ratio()
    return (_clock() - t0) * pairs / BASELINE_SAMPLE, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    print(f"python {sys.version.split()[0]}; CPU ms, medians of {args.runs} runs (50k: 3 runs)")
    header = (
        f"{'words/side':>10} {'sents L/R':>10} {'aligned':>7} {'recall':>6} {'compare ms':>10} "
        f"{'cmp cold':>8} {'align ms':>9} {'cold ms':>8} {'people':>7} {'quotes':>7} "
        f"{'naive ms':>11} {'speedup':>8} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    notes: list[str] = []
    skip_compare = False
    for words in args.sizes:
        left, right, truth = make_pair_with_truth(words)
        runs = 3 if words >= 50000 else args.runs
        arts = (left, right)
        t_cold = _cold_time(lambda arts=arts: align_articles(arts))
        als = align_articles(arts)
        n_al = len(als)
        found = {(i, j) for al in als for i in al.left.sentences for j in al.right.sentences}
        recall = len(found & truth) / len(truth) if truth else float("nan")
        stages = stage_times(arts, runs)
        t_align = stages["align"]
        t_cmp_cold = _cold_time(lambda arts=arts: compare(arts))
        if skip_compare:
            t_compare = None
        else:
            t_compare = _median_time(lambda arts=arts: compare(arts), 1)
            if t_compare < SLOW_COMPARE:
                t_compare = _median_time(lambda arts=arts: compare(arts), runs)
            else:
                notes.append(f"{words} words: compare() took {t_compare:.1f} s, timed once")
                skip_compare = True
        t_base, extrapolated = baseline(left, right, rng)
        gc.collect()
        tracemalloc.start()
        if t_compare is None:
            align_articles(arts)
        else:
            compare(arts)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        if t_compare is None:
            notes.append(
                f"{words} words: compare() skipped (too slow at the previous size); "
                "peak MB is align_articles() alone"
            )
        mark = "*" if extrapolated else " "
        cmp_ms = "skipped" if t_compare is None else f"{t_compare * 1000:.1f}"
        print(
            f"{words:>10} {len(left.sentences):>4}/{len(right.sentences):<5} {n_al:>7} "
            f"{recall:>6.2f} "
            f"{cmp_ms:>10} {t_cmp_cold * 1000:>8.1f} {t_align * 1000:>9.1f} {t_cold * 1000:>8.1f} "
            f"{stages['people'] * 1000:>7.1f} {stages['quotes'] * 1000:>7.1f} "
            f"{t_base * 1000:>10.0f}{mark} "
            f"{t_base / t_align:>7.0f}x {peak / 1e6:>8.1f}"
        )
        if extrapolated:
            notes.append(
                f"* {words} words: naive baseline timed on {BASELINE_SAMPLE} random sentence "
                f"pairs of {len(left.sentences) * len(right.sentences)} and extrapolated"
            )
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for n in notes:
        print(n)
    print("align ms = median of repeated runs with the engine's memos warm (word, sentence and")
    print("passage-pair results kept, as when the same articles are compared again); cold ms =")
    print("one run with every cache cleared first (a user's first comparison)")
    print("speedup = naive all-pairs difflib matrix / align_articles (both single-threaded)")
    print("recall = share of generated sentence/paraphrase pairs that align_articles found")
    print("compare ms = the whole engine: alignment + people + quotes (median, caches warm);")
    print("cmp cold = one compare() with every cache cleared first (a user's first run)")
    print("align / people / quotes = median ms of each stage of compare() timed on its own")
    print("peak MB = tracemalloc peak of one compare() run (Python allocations)")
    print(f"max resident size of this whole process: {maxrss_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
