"""Every hostile case of tests/hostile.py through the real `parallax compare`: seconds, memory.

Issue 16's goals, for any single article of up to 2 MB compared with a bundled sample: at most
10 s and 500 MB peak RSS, a one-line error or a report, never a traceback, and a report whose
size follows the facts found rather than the input's word count. Also 30 articles of 100 KB in
one compare: at most 60 s and 1.5 GB. Each case runs as a fresh process with a time cap (a
hang is reported as such, not waited out); the numbers come from the kernel (wait4).

    .venv/bin/python benchmarks/limits.py [--size BYTES] [--cap SECONDS] [--only CASE ...]
        [--exe PATH/TO/parallax] [--many]
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import CASES, LIMIT, make  # noqa: E402

SAMPLE = sorted((ROOT / "sample_articles").glob("*.txt"))[0]
GOAL_S, GOAL_MB = 10.0, 500.0
MANY_GOAL_S, MANY_GOAL_MB = 60.0, 1500.0


def run(cmd: list[str], cap: float) -> tuple[float, float, int | None, str]:
    """(seconds, peak RSS MB, exit status or None when capped, first stderr line)."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                os.dup2(err.fileno(), 2)
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.execvp(cmd[0], cmd)
            finally:
                os._exit(127)
        status = None
        while True:
            done, st, usage = os.wait4(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(st)
                break
            if time.perf_counter() - t0 > cap:
                os.kill(pid, signal.SIGKILL)
                _, st, usage = os.wait4(pid, 0)
                break
            time.sleep(0.01)
        secs = time.perf_counter() - t0
        err.seek(0)
        first = err.read().decode("utf-8", "replace").strip().splitlines()
    return secs, usage.ru_maxrss / 1024, status, (first[0] if first else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=LIMIT)
    ap.add_argument("--cap", type=float, default=60.0)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--exe", default=str(Path(sys.executable).with_name("parallax")))
    ap.add_argument("--many", action="store_true", help="also 30 articles of 100 KB")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="parallax-limits-"))
    ok_all = True
    print(f"{'case':<22} {'seconds':>8} {'peak MB':>8} {'exit':>5} {'report MB':>9}  verdict")
    for case in args.only or list(CASES):
        path = work / f"{case}.txt"
        path.write_text(make(case, args.size), encoding="utf-8")
        out = work / f"{case}.json"
        cmd = [args.exe, "compare", str(path), str(SAMPLE), "-o", str(out)]
        secs, mb, status, first = run(cmd, args.cap)
        size = out.stat().st_size / 1e6 if out.exists() else 0.0
        ok = status is not None and secs <= GOAL_S and mb <= GOAL_MB and "Traceback" not in first
        ok = ok and "internal error" not in first
        ok_all &= ok
        shown = "hang" if status is None else str(status)
        verdict = "ok" if ok else "OVER"
        print(f"{case:<22} {secs:8.2f} {mb:8.0f} {shown:>5} {size:9.2f}  {verdict}  {first[:70]}")
        out.unlink(missing_ok=True)
    if args.many:
        ok_all &= _many(args, work)
    return 0 if ok_all else 1


def _many(args: argparse.Namespace, work: Path) -> bool:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from speed import make_pair

    paths = []
    for k in range(15):
        for side, art in zip("ab", make_pair(17000, seed=1000 + k), strict=True):
            p = work / f"many-{k}{side}.txt"
            p.write_text(art.body[:100_000], encoding="utf-8")
            paths.append(str(p))
    cmd = [args.exe, "compare", *paths, "-o", str(work / "many.json")]
    secs, mb, status, first = run(cmd, max(args.cap, MANY_GOAL_S * 2))
    ok = status == 0 and secs <= MANY_GOAL_S and mb <= MANY_GOAL_MB
    shown = "hang" if status is None else str(status)
    print(
        f"{'30 x 100 KB':<22} {secs:8.2f} {mb:8.0f} {shown:>5} {'':>9}  "
        f"{'ok' if ok else 'OVER'}  {first[:70]}"
    )
    return ok


if __name__ == "__main__":
    raise SystemExit(main())
