"""Hostile but legal articles finish, in bounded time and memory, with a report or one line.

Every case of `tests/hostile.py` runs through the real command at 64 KB in every test run:
a shape that makes a stage explode shows at that size already as an internal error or a
time-out of the generous guard. At the full 2 MB (issue 16's goals: <= 10 s and <= 500 MB
each, compared with a bundled sample) they run when PARALLAX_HEAVY=1 is set, because on
this 2-core machine they take minutes together; `benchmarks/limits.py` prints the same
cases' seconds and peak RSS.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.hostile import CASES, LIMIT, make
from tests.test_hostile_pipeline import installed
from tui.core.tokens.numerals import number_value

SAMPLE = sorted((Path(__file__).resolve().parent.parent / "sample_articles").glob("*.txt"))[0]
HEAVY = os.environ.get("PARALLAX_HEAVY") == "1"


def _run(path: Path, out: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed(), "compare", str(path), str(SAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _assert_clean(proc: subprocess.CompletedProcess[str], out: Path) -> None:
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    if proc.returncode == 0:
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data["articles"] and isinstance(data["alignments"], list)
    else:
        assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_article_small(case: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}.txt"
    path.write_text(make(case, 64 * 1024), encoding="utf-8")
    out = tmp_path / "r.json"
    _assert_clean(_run(path, out, timeout=60), out)


@pytest.mark.skipif(not HEAVY, reason="full-size hostile cases run with PARALLAX_HEAVY=1")
@pytest.mark.parametrize("case", list(CASES))
def test_hostile_article_full_size_within_the_goals(case: str, tmp_path: Path) -> None:
    from benchmarks.limits import run  # the kernel's figures for this one child (wait4)

    path = tmp_path / f"{case}.txt"
    path.write_text(make(case, LIMIT), encoding="utf-8")
    out = tmp_path / "r.json"
    secs, mb, status, first = run(
        [installed(), "compare", str(path), str(SAMPLE), "-o", str(out)], cap=120
    )
    assert status in (0, 1), f"{case}: {'hung' if status is None else status} {first}"
    assert "internal error" not in first and "Traceback" not in first, first
    assert secs <= 10 and mb <= 500, f"{case}: {secs:.1f} s, {mb:.0f} MB"


def test_a_number_too_long_for_a_float_is_no_number() -> None:
    """A 2 MB run of digits once crashed alignment (float infinity to int)."""
    assert number_value("1" * 400) is None
    assert number_value("1" * 300) == float("1" * 300)
    assert number_value("12,000") == 12000.0
