"""What each entry point imports: `parallax compare` must never pay for the reader's UI.

Importing Textual costs more than comparing two short articles, so the report path must not
touch it, not even through a theme or settings helper. Checked in a fresh interpreter, because
the test process itself has Textual loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.resources import sample_articles

_PROBE = """
import json, sys
from tui.__main__ import main
code = main(sys.argv[1:])
ui = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(json.dumps({"code": code, "ui": ui}))
"""


def _run(args: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_compare_never_imports_textual_or_rich(fmt: str, tmp_path: Path) -> None:
    paths = [str(p) for p in sample_articles()[:2]]
    out = tmp_path / f"report.{fmt}"
    result = _run(["compare", *paths, "--format", fmt, "-o", str(out)])
    assert result["code"] == 0
    assert out.read_text(encoding="utf-8")
    assert result["ui"] == []


def test_compare_errors_never_import_textual(tmp_path: Path) -> None:
    result = _run(["compare", str(tmp_path / "missing.txt"), str(tmp_path / "gone.txt")])
    assert result["code"] == 1
    assert result["ui"] == []


def test_the_probe_sees_textual_when_it_is_imported() -> None:
    """The probe itself can fail: listing the themes does load Textual."""
    result = _run(["--list-themes"])
    assert result["code"] == 0
    assert "textual" in result["ui"]


def test_the_reader_compares_in_a_forked_child_exactly_as_in_process() -> None:
    from tui.__main__ import _Background, _load_all
    from tui.core.pipeline import compare

    paths = [str(p) for p in sample_articles()[:2]]
    background = _Background(paths)
    assert background.pid  # really forked (Linux, macOS)
    got = background.result()
    assert background.pid == 0  # reaped
    assert got == compare(_load_all(paths))


def test_a_bad_file_in_the_forked_child_is_the_usual_one_line_error(tmp_path: Path) -> None:
    from tui.__main__ import _Background
    from tui.core.errors import ParallaxError

    missing = tmp_path / "missing.txt"
    background = _Background([str(missing), str(sample_articles()[0])])
    with pytest.raises(ParallaxError, match=r"missing\.txt: no such file"):
        background.result()


def test_an_abandoned_child_is_ended_and_reaped() -> None:
    import os

    from tui.__main__ import _Background

    background = _Background([str(p) for p in sample_articles()[:2]])
    pid = background.pid
    background.close()
    assert background.pid == 0
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)
