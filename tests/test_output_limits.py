"""`-o` and stdout under every way a user (or a signal) can make writing a report go wrong.

Issue 16 found each of these as an internal error or a quietly wrong result: a symlink loop,
a folder the user cannot enter, a name too long for the file system, `-o newdir/`, `-o ''`,
replacing a read-only report, and ctrl+c or SIGTERM during the write leaving a temporary file.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from tests.test_hostile_pipeline import (
    PORT_B,
    assert_ok,
    assert_one_line_error,
    cli,
    installed,
    write,
)
from tui.core.export import write_atomic

SAMPLE_A = Path(__file__).resolve().parent.parent / "sample_articles"


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    a = sorted(SAMPLE_A.glob("*.txt"))[0]
    return a, write(tmp_path / "b.txt", PORT_B)


def _no_temp_left(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_empty_output_name_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    assert_one_line_error(cli(capsys, a, b, "-o", ""), "output name is empty")


def test_output_naming_a_folder_that_does_not_exist_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    run = cli(capsys, a, b, "-o", str(tmp_path / "newdir") + "/")
    assert_one_line_error(run, "newdir/", "folder does not exist")
    assert not (tmp_path / "newdir").exists()


def test_output_through_a_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    (tmp_path / "x").symlink_to(tmp_path / "y")
    (tmp_path / "y").symlink_to(tmp_path / "x")
    assert_one_line_error(cli(capsys, a, b, "-o", tmp_path / "x"), "x")


def test_output_name_too_long(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _pair(tmp_path)
    run = cli(capsys, a, b, "-o", tmp_path / ("r" * 300 + ".json"))
    assert_one_line_error(run, "cannot write")
    _no_temp_left(tmp_path)


def test_output_into_a_folder_that_cannot_be_entered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_stat = os.stat

    def deny(path, *args, **kwargs):  # what a 0000 folder does to a user who is not root
        if str(path).startswith(str(locked)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", deny)
    run = cli(capsys, a, b, "-o", locked / "r.json")
    assert_one_line_error(run, "r.json", "Permission denied")


def test_a_read_only_report_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    out = write(tmp_path / "r.json", "old report\n")
    out.chmod(0o444)
    assert_one_line_error(cli(capsys, a, b, "-o", out), "read-only")
    assert out.read_text(encoding="utf-8") == "old report\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_replaced_report_keeps_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    out = write(tmp_path / "r.json", "old report\n")
    out.chmod(0o640)
    assert_ok(cli(capsys, a, b, "-o", out))
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit(143), OSError(28, "No space")])
def test_a_write_stopped_midway_leaves_the_old_report_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException
) -> None:
    out = write(tmp_path / "r.json", "old report\n")

    def interrupted(fd: int) -> None:
        raise stop

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises((KeyboardInterrupt, SystemExit, Exception)):
        write_atomic(out, "new report\n" * 1000)
    assert out.read_text(encoding="utf-8") == "old report\n"
    _no_temp_left(tmp_path)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_at_any_moment_leaves_a_whole_report_and_no_temp(
    tmp_path: Path, sig: signal.Signals
) -> None:
    """The real command, signalled at a spread of moments from start-up to the write: each
    time the report is the old one or a complete new one, never a temporary file."""
    a, b = _pair(tmp_path)
    big = write(tmp_path / "big.txt", (PORT_B + "\n\n") * 40)
    out = write(tmp_path / "r.json", "{}\n")
    # From 0.1 s: before that the interpreter itself is starting (it reports a ctrl+c there).
    delays = [0.1 + 0.04 * k for k in range(10)]
    for delay in delays:
        proc = subprocess.Popen(
            [installed(), "compare", str(big), str(b), "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)  # the moment of the signal is the thing under test
        proc.send_signal(sig)
        _out, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, 128 + sig, -sig, 130), err
        assert b"Traceback" not in err
        text = out.read_text(encoding="utf-8")
        assert text == "{}\n" or json.loads(text)["articles"]
        _no_temp_left(tmp_path)
    assert a.exists()
