"""How fast does the reader feel? Start-up to first frame, and a cursor move on a long pair.

(a) process start -> first frame showing both sample articles' titles: the installed
    `parallax` in a detached tmux session, polling `capture-pane` every 5 ms (goal <= 300 ms
    median, issue 10). Measured as a user meets it: Python byte-code already compiled (pip
    compiles it when it installs; this checkout's environment sets PYTHONDONTWRITEBYTECODE,
    which would add ~50 ms of compiling Parallax's own modules to every start, so the runs use
    a private PYTHONPYCACHEPREFIX filled by one uncounted warm-up run), and the tmux server
    already running (a user's terminal is; an idle anchor session keeps the server up). Beside
    the wall-clock time each run reports the process's own CPU time and the time it waited for
    a CPU (Linux schedstat), so a run on a loaded machine can be read for what it is. Two
    floors are printed: tmux showing a shell script's output (the method), and a Textual app
    with one Static (what Textual itself costs before Parallax does anything);
(b) cursor move -> repaint done on a generated 20k-words-per-side pair, in-process with
    `App.run_test`: the cursor's message to the app, both panes re-marked, the other pane
    scrolled to the counterpart, the pair view and status rebuilt, and the screen update
    rendered (goal <= 5 ms median), with the CPU time of the same moves;
(c) process start -> first frame for that 20k-word pair (engine included: it is what a user
    waits for).

    .venv/bin/python benchmarks/reader.py [--runs 5] [--moves 60]

The long pair is built deterministically from the bundled samples' sentences with numbers and
weekdays varied, so it reads like news and has plenty to align. The last lines say which goal
is met.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from tui.core.ingest import load_article
from tui.core.pipeline import compare
from tui.resources import sample_articles

PARALLAX = Path(sys.executable).with_name("parallax")
FIRST_FRAME_GOAL_MS = 300.0
CURSOR_MOVE_GOAL_MS = 5.0

TEXTUAL_FLOOR = """\
from textual.app import App
from textual.widgets import Static


class Floor(App[None]):
    def compose(self):
        yield Static("textual-floor-marker")


Floor().run()
"""
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def long_article(source: Path, words: int, seed: int, title: str) -> str:
    """A news-like article of about `words` words from one sample's sentences, varied."""
    article = load_article(source)
    sentences = [s.text for s in article.sentences]
    rng = random.Random(seed)
    out: list[str] = []
    para: list[str] = []
    count = 0
    while count < words:
        s = rng.choice(sentences)
        s = s.replace("Thursday", rng.choice(DAYS)).replace("2021", str(rng.randint(1990, 2024)))
        para.append(s)
        count += len(s.split())
        if len(para) >= rng.randint(2, 4):
            out.append(" ".join(para))
            para = []
    if para:
        out.append(" ".join(para))
    front = f'---\ntitle: "{title}"\nsource: "Benchmark Wire"\ndate: 2025-08-07\n---\n'
    return front + "\n\n".join(out) + "\n"


PYCACHE = Path(tempfile.mkdtemp(prefix="parallax-bench-pyc-"))


def _tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        raise SystemExit("tmux is needed for the first-frame benchmark")
    return tmux


def anchor_session() -> str:
    """An idle session that keeps the tmux server running between measured starts."""
    session = f"parallax-bench-anchor-{uuid.uuid4().hex[:8]}"
    subprocess.run([_tmux(), "new-session", "-d", "-s", session, "sleep", "600"], check=True)
    return session


@dataclass(frozen=True)
class Start:
    """One measured start: seconds of wall clock, of CPU, and of waiting for a CPU."""

    wall: float
    cpu: float | None
    waited: float | None


def _cpu_of(pid: int) -> tuple[float, float] | None:
    """(on-CPU, runnable-but-waiting) seconds of every thread of `pid` so far, or None."""
    on = wait = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            fields = (task / "schedstat").read_text().split()
            on += int(fields[0])
            wait += int(fields[1])
    except (OSError, ValueError, IndexError):
        return None
    return on / 1e9, wait / 1e9


def first_frame(
    args: list[str], titles: list[str], timeout: float = 60.0, program: Path = PARALLAX
) -> Start:
    """Start `program ARGS` in tmux; time until every title is on screen."""
    tmux = _tmux()
    session = f"parallax-bench-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    started = subprocess.run(
        [
            tmux,
            "new-session",
            "-P",
            "-F",
            "#{pane_pid}",
            "-d",
            "-s",
            session,
            "-x",
            "140",
            "-y",
            "45",
            "-e",
            "TERM=xterm-256color",
            "-e",
            "PYTHONDONTWRITEBYTECODE=",
            "-e",
            f"PYTHONPYCACHEPREFIX={PYCACHE}",
            "env",  # an exported COLUMNS/LINES would override the window's real size
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            str(program),
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    pid = int(started.stdout.strip() or 0)
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                [tmux, "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if all(t in screen for t in titles):
                wall = time.perf_counter() - start
                cpu = _cpu_of(pid) if pid else None
                return Start(wall, *(cpu or (None, None)))
            time.sleep(0.005)
        raise SystemExit(f"no first frame within {timeout} s: {' '.join(args)}")
    finally:
        subprocess.run([tmux, "kill-session", "-t", session], capture_output=True)


async def cursor_moves(
    paths: list[Path], moves: int
) -> tuple[list[float], list[float], list[bool]]:
    """Seconds per cursor move, from the key action until the changed lines are painted.

    `Pilot.pause()` is no clock: it waits until the process *looks* idle (tens of ms on a busy
    machine). Instead the move runs, the event loop is turned until the app has linked the
    panes and every widget has queued its repaint, and then the screen's update is run at once
    (what Textual's refresh timer does on its next frame); then the same for the pair view and
    status line, which the app paints in the frame after. The sum of both is what is reported:
    the CPU time a user waits for between the key and a settled screen (the wait for the next
    frame tick, at most 1/60 s, is Textual's and not counted). Returns the wall-clock and the
    process CPU seconds of each move (CPU is what a loaded machine does not inflate), and
    whether a pane scrolled.
    """
    from tui.app.app import ParallaxApp

    comparison = compare([load_article(p) for p in paths])
    app = ParallaxApp(comparison)
    linked = 0
    original = app._link

    def counting_link(view):
        nonlocal linked
        linked += 1
        original(view)

    app._link = counting_link  # type: ignore[method-assign]
    times: list[float] = []
    cpu: list[float] = []
    scrolled: list[bool] = []
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        view = app.view(0)
        other = app.view(1)
        screen = app.screen
        for i in range(moves):
            before = linked
            top = (view.scroll_offset.y, other.scroll_offset.y)
            start = time.perf_counter()
            start_cpu = time.process_time()
            # Alternate plain steps and jumps to the next aligned passage (which also scrolls
            # the other pane), as a reader does.
            if i % 3 == 2:
                view.action_stop("aligned", True)
            else:
                view.action_move(1)
            while linked == before:
                await asyncio.sleep(0)
            for _ in range(10):  # let the widgets post their Update messages to the screen
                await asyncio.sleep(0)
            screen._on_timer_update()  # frame 1: the pane lines
            while app.bottom_pending is not None:  # frame 2: pair view and status line
                await asyncio.sleep(0)
            for _ in range(10):
                await asyncio.sleep(0)
            screen._on_timer_update()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            scrolled.append(top != (view.scroll_offset.y, other.scroll_offset.y))
            await pilot.pause()
    return times, cpu, scrolled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--moves", type=int, default=60)
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    anchor = anchor_session()
    try:
        run_all(args)
    finally:
        subprocess.run([_tmux(), "kill-session", "-t", anchor], capture_output=True)
        shutil.rmtree(PYCACHE, ignore_errors=True)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def _starts(label: str, runs: list[Start]) -> float:
    """Print a line of starts (wall, and CPU/wait when known); return the median wall."""
    wall = statistics.median(r.wall for r in runs)
    line = f"{label}: median {_ms(wall)} ms (runs: {', '.join(_ms(r.wall) for r in runs)} ms)"
    cpus = [r.cpu for r in runs if r.cpu is not None]
    waits = [r.waited for r in runs if r.waited is not None]
    if cpus and waits:
        line += (
            f"; CPU median {_ms(statistics.median(cpus))} ms, waiting for a CPU "
            f"{_ms(statistics.median(waits))} ms"
        )
    print(line)
    return wall


def _verdict(name: str, value_ms: float, goal_ms: float, unit: str = "ms") -> str:
    met = "met" if value_ms <= goal_ms else "NOT met"
    return f"goal {name} <= {goal_ms:g} {unit}: {value_ms:.1f} {unit} -> {met}"


def run_all(args: argparse.Namespace) -> None:
    samples = sample_articles()
    titles = [(load_article(p).title or p.name)[:25] for p in samples]
    with tempfile.TemporaryDirectory() as tmp:
        # The floors: tmux starting a program that prints one line at once, and Textual alone.
        echo = Path(tmp) / "echo.sh"
        echo.write_text("#!/bin/sh\necho tmux-floor-marker\nsleep 5\n")
        echo.chmod(0o755)
        floor = [first_frame([], ["tmux-floor-marker"], program=echo) for _ in range(args.runs)]
        floor_ms = _ms(statistics.median(r.wall for r in floor))
        print(f"    tmux floor (a shell script printing one line): {floor_ms} ms")
        textual_app = Path(tmp) / "textual_floor.py"
        textual_app.write_text(f"#!{sys.executable}\n{TEXTUAL_FLOOR}")
        textual_app.chmod(0o755)
        first_frame([], ["textual-floor-marker"], program=textual_app)  # warm-up
        _starts(
            "    Textual floor (an app with one Static)",
            [
                first_frame([], ["textual-floor-marker"], program=textual_app)
                for _ in range(args.runs)
            ],
        )
    first_frame([], titles)  # warm-up: fills the byte-code cache, not counted
    start_ms = 1000 * _starts(
        "(a) first frame, sample articles", [first_frame([], titles) for _ in range(args.runs)]
    )

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (src, title) in enumerate(
            zip(
                samples[:2],
                ["Long report A of the summit", "Long report B of the summit"],
                strict=True,
            )
        ):
            p = Path(tmp) / f"long-{k}.txt"
            p.write_text(long_article(src, args.words, seed=k, title=title), encoding="utf-8")
            paths.append(p)
        words = [len(p.read_text().split()) for p in paths]

        times, cpu, scrolled = asyncio.run(cursor_moves(paths, args.moves))
        move_ms = statistics.median(times) * 1000
        print(
            f"(b) cursor move + repaint, {words[0]}/{words[1]} words: median "
            f"{move_ms:.2f} ms, p90 "
            f"{sorted(times)[int(len(times) * 0.9)] * 1000:.2f} ms over {len(times)} moves; "
            f"CPU median {statistics.median(cpu) * 1000:.2f} ms, p90 "
            f"{sorted(cpu)[int(len(cpu) * 0.9)] * 1000:.2f} ms"
        )
        for label, flag in (("a pane scrolled", True), ("no pane scrolled", False)):
            part = [t for t, s in zip(times, scrolled, strict=True) if s == flag]
            if part:
                print(
                    f"    {label}: median {statistics.median(part) * 1000:.2f} ms "
                    f"over {len(part)} moves"
                )

        long_titles = ["Long report A of the summit", "Long report B of the summit"]
        _starts(
            f"(c) first frame, {words[0]}/{words[1]} words",
            [first_frame([str(p) for p in paths], long_titles) for _ in range(args.runs)],
        )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(_verdict("(a) first frame on the samples, median", start_ms, FIRST_FRAME_GOAL_MS))
    print(_verdict("(b) cursor move + repaint, median", move_ms, CURSOR_MOVE_GOAL_MS))


if __name__ == "__main__":
    main()
