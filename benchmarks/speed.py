"""How fast is Parallax as a user feels it: the whole `parallax compare` process, first run.

Builds pairs of news-like articles of 1k, 5k, 20k and 50k words per side, deterministically:
side A recombines sentences of the bundled sample articles with names, numbers and weekdays
substituted (so the vocabulary grows with length, as it does in real long reads); side B
retells most of A's sentences in another order and other words and adds sentences of its own.
The pairs are written as files, and then, in one run:

- **parallax**: `parallax compare A B --format json -o OUT` as a fresh process each time
  (interpreter start, imports, loading, analysis, the report written and flushed, teardown):
  median wall and CPU time over several runs, and the peak resident size of the process;
- **before** (with `--before PATH`): the same for another `parallax` executable, such as a
  checkout of the session-start engine, so a speed-up is measured in the same run;
- **cdist**: the brute-force baseline, also a fresh process: read both files, split them into
  sentences, score every sentence pair with `rapidfuzz.process.cdist(token_set_ratio)`
  (one worker, as Parallax uses one core) and write each sentence's best match as JSON;
- **difflib**: the naive in-process baseline, `SequenceMatcher.ratio()` over every pair
  (timed on a sample of pairs and extrapolated above 10,000 pairs, clearly marked);
- **stages**: an in-process breakdown from a fresh interpreter each run (imports, load,
  align, people, quotes, JSON), never a re-run of the same comparison, with the cyclic
  collector paused during the stages as `pipeline.compare()` pauses it.

Bytecode: `pip install .` compiles every module to bytecode when it installs Parallax, so
a user's first run reads compiled modules. An editable checkout gets the same only once the
interpreter may write `__pycache__`; this script therefore compiles `tui/` first
(`compileall`, as pip does) and runs every process without PYTHONDONTWRITEBYTECODE. Nothing
else carries over from one run to the next.

Then it prints issue 10's goals and whether each is met. Needs numpy for the cdist baseline
(`pip install numpy`); without it that column is skipped.

    .venv/bin/python benchmarks/speed.py [--sizes 1000 5000 20000 50000] [--runs 5]
        [--before /path/to/old/.venv/bin/parallax]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

from tui.core.article import Article
from tui.core.ingest import load_article, parse_article

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


# --------------------------------------------------------------------------------------------
# Timing whole processes

GOALS_MS = {1000: 120.0, 20000: 400.0, 50000: 1000.0}
GOAL_CDIST_RATIO = 5.0  # at 5k and 20k words
GOAL_RSS_MB_20K = 80.0
LINEAR_EXPONENT = 1.15  # a stage's time from 20k to 50k words may grow at most as n^1.15

CDIST_SCRIPT = """
import json, re, sys
from rapidfuzz import fuzz, process
def sentences(path):
    text = open(path, encoding="utf-8").read()
    return [s for s in re.split(r"(?<=[.!?\\u201d])\\s+", text) if s.strip()]
a, b = sentences(sys.argv[1]), sentences(sys.argv[2])
m = process.cdist(a, b, scorer=fuzz.token_set_ratio, processor=str.lower, workers=1)
best = m.argmax(axis=1).tolist()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    json.dump({"pairs": [[i, j, float(m[i, j])] for i, j in enumerate(best)]}, out)
"""

STAGES_SCRIPT = """
import gc, json, sys, time
t0 = time.perf_counter()
from tui.core.export import to_json
from tui.core.ingest import load_article
from tui.core.tokens.memo import Memo
from tui.core.align import align_articles
from tui.core.people import find_people
from tui.core.quotes import find_quotes
from tui.core.model import Comparison
t1 = time.perf_counter()
arts = tuple(load_article(p) for p in sys.argv[1:3])
t2 = time.perf_counter()
gc.disable()  # as pipeline.compare() runs its stages
memo = Memo()
try:
    als = align_articles(arts, memo)
    t3 = time.perf_counter()
    people = find_people(arts, memo)
    t4 = time.perf_counter()
    quotes, links = find_quotes(arts, people, memo)
except TypeError:  # an engine from before the Memo
    als = align_articles(arts); t3 = time.perf_counter()
    people = find_people(arts); t4 = time.perf_counter()
    quotes, links = find_quotes(arts, people)
t5 = time.perf_counter()
comp = Comparison(articles=arts, alignments=tuple(als), people=tuple(people),
                  quotes=tuple(quotes), quote_links=tuple(links), warnings=())
text = to_json(comp)
t6 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "load": t2 - t1, "align": t3 - t2, "people": t4 - t3,
                  "quotes": t5 - t4, "json": t6 - t5}))
"""


# Children run as a user's shell would: bytecode may be read and written (see the docstring).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    """What `pip install .` does at install time: every module of tui/ compiled once."""
    import compileall

    compileall.compile_dir(ROOT / "tui", quiet=1)


def run_measured(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one fresh process (os.wait4 gives its rusage)."""
    with (
        tempfile.TemporaryFile(mode="w+", encoding="utf-8") as out_file,
        tempfile.TemporaryFile(mode="w+", encoding="utf-8") as err_file,
    ):
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child: exec the command with its output going to the files
            try:
                if cwd is not None:
                    os.chdir(cwd)
                os.dup2(out_file.fileno(), 1)
                os.dup2(err_file.fileno(), 2)
                os.execvpe(cmd[0], cmd, CHILD_ENV)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
        out_file.seek(0)
        err_file.seek(0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{' '.join(cmd[:3])} failed: {err_file.read().strip()[:300]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out_file.read()


def medians(cmd: list[str], runs: int, cwd: Path | None = None) -> dict[str, float]:
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        wall, cpu, mb, _out = run_measured(cmd, cwd)
        walls.append(wall)
        cpus.append(cpu)
        rss.append(mb)
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "rss": max(rss),
        "min": min(walls),
    }


def stage_breakdown(python: str, cwd: Path, a: Path, b: Path, runs: int) -> dict[str, float]:
    """Median seconds of each stage, each run in a fresh interpreter (a first comparison)."""
    rows = []
    for _ in range(runs):
        _w, _c, _m, out = run_measured([python, "-c", STAGES_SCRIPT, str(a), str(b)], cwd)
        rows.append(json.loads(out.strip().splitlines()[-1]))
    return {k: statistics.median(r[k] for r in rows) for k in rows[0]}


def difflib_baseline(left: Article, right: Article, rng: random.Random) -> tuple[float, bool]:
    """Seconds for the naive all-pairs difflib matrix; (time, extrapolated?)."""
    ls = [s.text.lower() for s in left.sentences]
    rs = [s.text.lower() for s in right.sentences]
    pairs = len(ls) * len(rs)
    clock = time.process_time
    if pairs <= BASELINE_FULL_LIMIT:
        t0 = clock()
        for a in ls:
            sm = SequenceMatcher(None, autojunk=False)
            sm.set_seq2(a)
            for b in rs:
                sm.set_seq1(b)
                sm.ratio()
        return clock() - t0, False
    sample = [(rng.randrange(len(ls)), rng.randrange(len(rs))) for _ in range(BASELINE_SAMPLE)]
    t0 = clock()
    for i, j in sample:
        SequenceMatcher(None, ls[i], rs[j], autojunk=False).ratio()
    return (clock() - t0) * pairs / BASELINE_SAMPLE, True


def _have_numpy(python: str) -> bool:
    code = "import numpy"
    return subprocess.run([python, "-c", code], capture_output=True, check=False).returncode == 0


def _exe(name: str) -> str:
    found = Path(sys.executable).parent / name
    return str(found) if found.exists() else name


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="another parallax executable to time in the same run")
    parser.add_argument("--stages", type=int, default=3, help="fresh runs of the breakdown")
    args = parser.parse_args(argv)
    rng = random.Random(SEED)
    parallax = _exe("parallax")
    numpy = _have_numpy(sys.executable)
    work = Path(tempfile.mkdtemp(prefix="parallax-speed-"))
    compile_package()
    print(
        f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; medians of {args.runs} "
        f"fresh processes; wall ms (CPU ms in brackets)"
    )
    results: dict[int, dict[str, object]] = {}
    for words in args.sizes:
        left, right = make_pair(words)
        a, b, out = work / f"{words}-a.txt", work / f"{words}-b.txt", work / f"{words}.json"
        a.write_text(left.body, encoding="utf-8")
        b.write_text(right.body, encoding="utf-8")
        runs = max(3, args.runs // 2) if words >= 50000 else args.runs
        cmd = [parallax, "compare", str(a), str(b), "--format", "json", "-o", str(out)]
        row: dict[str, object] = {"sents": (len(left.sentences), len(right.sentences))}
        row["parallax"] = medians(cmd, runs)
        if args.before:
            before_out = work / f"{words}-before.json"
            bcmd = [
                args.before,
                "compare",
                str(a),
                str(b),
                "--format",
                "json",
                "-o",
                str(before_out),
            ]
            row["before"] = medians(bcmd, runs)
        if numpy:
            ccmd = [sys.executable, "-c", CDIST_SCRIPT, str(a), str(b), str(work / "cdist.json")]
            row["cdist"] = medians(ccmd, runs)
        row["difflib"] = difflib_baseline(left, right, rng)
        row["stages"] = stage_breakdown(sys.executable, ROOT, a, b, args.stages)
        results[words] = row
        _print_row(words, row)
    _print_stages(results)
    return _print_goals(results)


def _ms(m: dict[str, float]) -> str:
    return f"{m['wall'] * 1000:7.0f} ({m['cpu'] * 1000:5.0f})"


def _print_row(words: int, row: dict[str, object]) -> None:
    pl = row["parallax"]
    assert isinstance(pl, dict)
    parts = [f"{words:>6} words/side  sentences {row['sents'][0]}/{row['sents'][1]}"]  # type: ignore[index]
    parts.append(f"  parallax {_ms(pl)} ms, peak RSS {pl['rss']:.0f} MB")
    if "before" in row:
        bf = row["before"]
        assert isinstance(bf, dict)
        parts.append(
            f"  before   {_ms(bf)} ms, peak RSS {bf['rss']:.0f} MB"
            f"  -> {bf['wall'] / pl['wall']:.2f}x faster now"
        )
    if "cdist" in row:
        cd = row["cdist"]
        assert isinstance(cd, dict)
        parts.append(
            f"  cdist    {_ms(cd)} ms  (parallax is {cd['wall'] / pl['wall']:.2f}x "
            "faster than brute force)"
        )
    t_base, extra = row["difflib"]  # type: ignore[misc]
    star = " (sampled, extrapolated)" if extra else ""
    parts.append(f"  difflib  {t_base * 1000:7.0f} ms CPU in-process{star}")
    print("\n".join(parts), flush=True)


def _print_stages(results: dict[int, dict[str, object]]) -> None:
    keys = ["imports", "load", "align", "people", "quotes", "json"]
    print("\nstage breakdown, ms (median of fresh interpreters, in-process perf_counter):")
    print(f"{'words':>6} " + " ".join(f"{k:>8}" for k in keys))
    for words, row in results.items():
        st = row["stages"]
        assert isinstance(st, dict)
        print(f"{words:>6} " + " ".join(f"{st[k] * 1000:8.1f}" for k in keys))


def _print_goals(results: dict[int, dict[str, object]]) -> int:
    print("\ngoals (issue 10, this 2-core machine):")
    ok_all = True

    def goal(text: str, ok: bool) -> None:
        nonlocal ok_all
        ok_all = ok_all and ok
        print(f"  [{_verdict(ok):>7}] {text}")

    for words, limit in GOALS_MS.items():
        if words in results:
            pl = results[words]["parallax"]
            assert isinstance(pl, dict)
            goal(
                f"2 x {words // 1000}k words whole process <= {limit:.0f} ms: "
                f"{pl['wall'] * 1000:.0f} ms",
                pl["wall"] * 1000 <= limit,
            )
    for words in (5000, 20000):
        row = results.get(words)
        if row and "cdist" in row:
            pl, cd = row["parallax"], row["cdist"]
            assert isinstance(pl, dict) and isinstance(cd, dict)
            ratio = cd["wall"] / pl["wall"]
            goal(
                f"{words // 1000}k: >= {GOAL_CDIST_RATIO:.0f}x faster than brute-force cdist: "
                f"{ratio:.2f}x",
                ratio >= GOAL_CDIST_RATIO,
            )
    if 20000 in results:
        pl = results[20000]["parallax"]
        assert isinstance(pl, dict)
        goal(
            f"peak RSS at 20k <= {GOAL_RSS_MB_20K:.0f} MB: {pl['rss']:.0f} MB",
            pl["rss"] <= GOAL_RSS_MB_20K,
        )
    if 20000 in results and 50000 in results:
        s20, s50 = results[20000]["stages"], results[50000]["stages"]
        assert isinstance(s20, dict) and isinstance(s50, dict)
        for k in ("load", "align", "people", "quotes", "json"):
            if s20[k] > 0.005:
                exp = math.log(s50[k] / s20[k]) / math.log(2.5)
                goal(
                    f"{k}: no worse than linear from 20k to 50k (time ~ n^{exp:.2f})",
                    exp <= LINEAR_EXPONENT,
                )
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
