"""The `parallax` command as users call it: reports, errors, and never touching the inputs."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(str(p) for p in (ROOT / "sample_articles").glob("*.txt"))


def _digest(paths: list[str]) -> list[str]:
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_json_has_the_public_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["compare", *SAMPLES, "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert {"articles", "alignments", "people", "quotes"} <= data.keys()
    assert len(data["articles"]) == 2
    for art in data["articles"]:
        assert {"id", "path", "title", "source", "date", "sentences", "boilerplate"} <= art.keys()
        assert art["date"] == "2025-08-07"
        for s in art["sentences"]:
            assert {"index", "paragraph", "start", "end", "text"} <= s.keys()
            assert art["body"][s["start"] : s["end"]] == s["text"]
    bodies = [a["body"] for a in data["articles"]]
    for al in data["alignments"]:
        assert {"left", "right", "score", "shared", "conflicts"} <= al.keys()
        assert 0.0 <= al["score"] <= 1.0
        for side in ("left", "right"):
            art = data["articles"][al[side]["article"]]
            idx = al[side]["sentences"]
            assert idx == list(range(idx[0], idx[0] + len(idx))), "a passage is consecutive"
            assert all(0 <= i < len(art["sentences"]) for i in idx)
        for span in al["shared"]:
            left = bodies[al["left"]["article"]][span["left"]["start"] : span["left"]["end"]]
            right = bodies[al["right"]["article"]][span["right"]["start"] : span["right"]["end"]]
            assert left and right
    for person in data["people"]:
        for m in person["mentions"]:
            assert bodies[m["article"]][m["start"] : m["end"]] == m["text"]
    for q in data["quotes"]:
        assert bodies[q["article"]][q["start"] : q["end"]] == q["text"]


def test_compare_markdown_is_a_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["compare", *SAMPLES, "--format", "markdown"], capsys)
    assert code == 0
    assert out.startswith("# Parallax comparison")
    assert "### Shared facts" in out and "### Only in A" in out and "## People" in out


def test_output_file_is_written_and_inputs_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(SAMPLES)
    out = tmp_path / "report.md"
    code, stdout, _ = _run(["compare", *SAMPLES, "-f", "markdown", "-o", str(out)], capsys)
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# Parallax comparison")
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file left behind"
    assert _digest(SAMPLES) == before


def test_refuses_to_overwrite_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(Path(SAMPLES[0]).read_bytes())
    b.write_bytes(Path(SAMPLES[1]).read_bytes())
    before = _digest([str(a), str(b)])
    code, _, err = _run(["compare", str(a), str(b), "-o", str(b)], capsys)
    assert code != 0
    assert "refusing to overwrite an input article" in err and err.count("\n") == 1
    assert _digest([str(a), str(b)]) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "missing.txt"),
        (lambda d: d, "director"),
        (lambda d: _write(d / "bin.dat", bytes(range(256)) * 8), "bin.dat"),
        (lambda d: _write(d / "empty.txt", b""), "empty.txt"),
        (lambda d: _write(d / "blank.txt", b"  \n\n \t\n"), "blank.txt"),
    ],
    ids=["missing", "directory", "binary", "empty", "whitespace"],
)
def test_unreadable_input_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make, expected: str
) -> None:
    bad = make(tmp_path)
    code, out, err = _run(["compare", SAMPLES[0], str(bad)], capsys)
    assert code == 1 and out == ""
    assert err.startswith("parallax: ") and err.count("\n") == 1
    assert expected in err.lower() or expected in err
    assert "Traceback" not in err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_one_article_is_not_enough(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["compare", SAMPLES[0]], capsys)
    assert code == 1 and "at least two" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = None
    with pytest.raises(SystemExit) as exc:
        main(["compare", *SAMPLES, "--format", "pdf"])
    code = exc.value.code
    err = capsys.readouterr().err
    assert code == 2 and "invalid choice" in err and err.count("\n") == 1


def test_installed_command_without_a_terminal_says_so(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("parallax")
    if not exe.exists():
        pytest.skip("parallax is not installed next to this Python")
    proc = subprocess.run(
        [str(exe), *SAMPLES],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
        env={**os.environ, "PARALLAX_CONFIG_DIR": str(tmp_path)},
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        "parallax: the reader needs a terminal; use `parallax compare` for reports"
    )


def _installed() -> Path:
    exe = Path(sys.executable).with_name("parallax")
    if not exe.exists():
        pytest.skip("parallax is not installed next to this Python")
    return exe


def test_installed_compare_writes_the_whole_report_before_its_prompt_exit(tmp_path: Path) -> None:
    """`compare` leaves with os._exit after flushing: stdout, a pipe and -o must all carry the
    complete report, and the exit status must be main()'s."""
    exe = _installed()
    piped = subprocess.run(
        [str(exe), "compare", *SAMPLES], capture_output=True, timeout=60, check=False
    )
    assert piped.returncode == 0
    assert json.loads(piped.stdout)["alignments"]
    out = tmp_path / "r.md"
    run = subprocess.run(
        [str(exe), "compare", *SAMPLES, "-f", "markdown", "-o", str(out)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0 and run.stdout == b""
    assert (
        out.read_text(encoding="utf-8")
        == subprocess.run(
            [str(exe), "compare", *SAMPLES, "-f", "markdown"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    )
    bad = subprocess.run(
        [str(exe), "compare", SAMPLES[0]], capture_output=True, text=True, timeout=60, check=False
    )
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_a_full_device_is_a_one_line_error() -> None:
    exe = _installed()
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [str(exe), "compare", *SAMPLES],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 1
    assert proc.stderr == ("parallax: cannot write to standard output (No space left on device)\n")


def test_compare_imports_neither_tempfile_nor_shutil(tmp_path: Path) -> None:
    """A report written with -o makes its temporary file and sizes its help without them."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Rescuers said 12 people died in the fire on Tuesday.\n", encoding="utf-8")
    b.write_text("At least 14 people were killed in Tuesday's fire.\n", encoding="utf-8")
    code = (
        "import sys; from tui.__main__ import main; "
        f"rc = main(['compare', {str(a)!r}, {str(b)!r}, '-o', {str(tmp_path / 'r.json')!r}]); "
        "print(rc, 'tempfile' in sys.modules, 'shutil' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False", "False"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "r.json"]
