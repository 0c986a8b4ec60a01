"""The code base type-checks and keeps its style, in every test run (so in CI too).

Issue 10: `mypy tui` (plain, not strict) must report no errors, and CI runs it; ruff's lint
and format checks are the project's style. Both run on the checkout the tests run from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_reports_no_errors() -> None:
    from mypy import api

    out, err, status = api.run(
        ["--no-error-summary", "--cache-dir", "/tmp/.mypy_cache", str(ROOT / "tui")]
    )
    assert status == 0, out + err


def test_ruff_lint_and_format_are_clean() -> None:
    for args in (["check", "."], ["format", "--check", "."]):
        proc = subprocess.run(
            [sys.executable, "-m", "ruff", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
