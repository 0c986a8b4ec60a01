"""`parallax compare` on hostile and broken input, end to end (issue 6).

A user hands Parallax whatever is on their disk: pages saved from a browser with escape codes
in them, Windows files in UTF-16 or cp1252, binaries picked by a wrong glob, a folder, a file
they cannot read. Whatever it is, the command must end in a clean report or in one line on
stderr with a non-zero exit, never a traceback; nothing from an article may act on the
terminal or on a Markdown renderer; and the articles themselves are never written. Each test
here checks those three promises through the real command, so a regression anywhere in the
pipeline (loader, segmenter, aligner, exporter, CLI) shows up as a broken promise, not just as
a unit test of one module.

The loader's own unit behaviour is tested in tests/core/test_hostile_loading.py; the reader at
odd sizes in the app tests.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tui.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(ROOT.joinpath("sample_articles").glob("*.txt"))

# Every C0 and C1 control except the newline, plus DEL: none of them may survive into a report.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Two outlets' reports of one (invented) event, written the way wire copy is written.
PORT_A = (
    "Dock workers at the Port of Rotterdam ended a three-day strike on Monday after unions "
    "accepted a 6.5% pay rise, the port authority said.\n\n"
    "“We did not get everything we asked for, but this is a fair deal,” union leader Martijn "
    "de Vries told reporters outside the container terminal.\n\n"
    "About 1,200 ships were delayed during the walkout, which began on Friday.\n\n"
    "The agreement still has to be approved by members in a vote next week.\n"
)
PORT_B = (
    "Unions at Rotterdam's port accepted a 6.5% wage increase on Monday, ending a strike that "
    "had lasted three days, according to the port authority.\n\n"
    "Union leader Martijn de Vries said the deal was “fair” even though workers did not get "
    "everything they wanted.\n\n"
    "Members will vote on the agreement next week.\n\n"
    "The strike, which started on Friday, delayed about 1,200 ships.\n"
)
# An unrelated story: nothing in it reports the strike.
RECIPE = (
    "Preheat the oven to 180 degrees and butter a round cake tin.\n\n"
    "Whisk the eggs with the sugar until pale, then fold in the flour a spoonful at a time.\n\n"
    "Bake for forty minutes, or until a skewer pushed into the middle comes out clean.\n\n"
    "Leave the cake to cool on a rack before dusting it with icing sugar.\n"
)


def front_matter(title: str = "Port strike ends", source: str = "Wire") -> str:
    return f'---\ntitle: "{title}"\nsource: "{source}"\ndate: 2025-03-10\n---\n'


# ---------------------------------------------------------------- helpers


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    """With PARALLAX_DEBUG set the CLI re-raises bugs; these tests judge what users see."""
    monkeypatch.delenv("PARALLAX_DEBUG", raising=False)


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def digest(paths: list[Path]) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}


def inputs(args: tuple[str | Path, ...]) -> list[Path]:
    """The article paths among command arguments (not options, not an option's value)."""
    out: list[Path] = []
    skip = False
    for a in map(str, args):
        if skip:
            skip = False
        elif a in ("-o", "--output", "-f", "--format"):
            skip = True
        elif not a.startswith("-") and Path(a).is_file():
            out.append(Path(a))
    return out


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """Run `parallax compare ...` in-process and prove every input file is byte-for-byte intact."""
    files = inputs(args)
    before = digest(files)
    code = main(["compare", *map(str, args)])
    out, err = capsys.readouterr()
    assert digest(files) == before, "an input article was modified"
    return Run(code, out, err)


def installed() -> str:
    exe = Path(sys.executable).with_name("parallax")
    found = str(exe) if exe.exists() else shutil.which("parallax")
    if not found:
        pytest.skip("the parallax command is not installed")
    return found


def run_installed(*args: str | Path, timeout: float = 60, cwd: Path | None = None) -> Run:
    """The installed command in a child process; the timeout is a hang guard, not a speed test."""
    files = inputs(args)
    before = digest(files)
    env = {k: v for k, v in os.environ.items() if k != "PARALLAX_DEBUG"}
    try:
        proc = subprocess.run(
            [installed(), "compare", *map(str, args)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"parallax compare hung: no result after {timeout:.0f} s")
    assert digest(files) == before, "an input article was modified"
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_stderr_inert(err: str) -> None:
    """stderr is for people: one `parallax: ...` line per message, nothing a terminal acts on."""
    assert "Traceback" not in err
    assert "internal error" not in err, f"a bug, not a user error: {err}"
    assert not CONTROL.search(err), f"control character on stderr: {err!r}"
    for line in err.splitlines():
        assert line.startswith("parallax: "), f"stray stderr line: {line!r}"


def assert_ok(run: Run) -> None:
    assert run.code == 0, run.err
    assert_stderr_inert(run.err)
    for line in run.err.splitlines():
        assert line.startswith("parallax: warning: "), line


def assert_one_line_error(run: Run, *mentions: str) -> None:
    assert run.code != 0
    assert run.out == ""
    assert_stderr_inert(run.err)
    assert run.err.count("\n") == 1 and run.err.endswith("\n"), f"not one line: {run.err!r}"
    for m in mentions:
        assert m in run.err, f"{m!r} not in {run.err!r}"


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def assert_inert_json(data: dict[str, Any]) -> None:
    """No string value anywhere in the report can act on a terminal (only the newline remains)."""
    for s in strings(data):
        assert not CONTROL.search(s), f"control character in JSON value {s[:80]!r}"
    for art in data["articles"]:
        for key in ("title", "source", "date", "url", "path"):
            assert "\n" not in art[key], f"newline in {key}: {art[key]!r}"


def assert_offsets(data: dict[str, Any]) -> None:
    """Every offset in the report slices back to its text in the right article's body."""
    arts = data["articles"]
    bodies = [a["body"] for a in arts]
    for art in arts:
        body = art["body"]
        for i, s in enumerate(art["sentences"]):
            assert s["index"] == i
            assert 0 <= s["start"] < s["end"] <= len(body)
            assert body[s["start"] : s["end"]] == s["text"]
        for p in art["paragraphs"]:
            assert 0 <= p["start"] <= p["end"] <= len(body)
    for al in data["alignments"]:
        assert al["left"]["article"] != al["right"]["article"]
        assert 0.0 <= al["score"] <= 1.0
        for side in ("left", "right"):
            idx = al[side]["sentences"]
            n = len(arts[al[side]["article"]]["sentences"])
            assert idx and idx == list(range(idx[0], idx[0] + len(idx)))
            assert all(0 <= i < n for i in idx)
        lb, rb = bodies[al["left"]["article"]], bodies[al["right"]["article"]]
        for span in al["shared"]:
            assert lb[span["left"]["start"] : span["left"]["end"]]
            assert rb[span["right"]["start"] : span["right"]["end"]]
        for op in al["diff"]:
            assert lb[op["left"]["start"] : op["left"]["end"]] == op["left"]["text"]
            assert rb[op["right"]["start"] : op["right"]["end"]] == op["right"]["text"]
    for person in data["people"]:
        for m in person["mentions"]:
            assert bodies[m["article"]][m["start"] : m["end"]] == m["text"]
    for q in data["quotes"]:
        assert bodies[q["article"]][q["start"] : q["end"]] == q["text"]


def report(capsys: pytest.CaptureFixture[str], a: Path, b: Path) -> tuple[dict[str, Any], str]:
    """Both reports of a clean run, checked for inertness and offsets."""
    run = cli(capsys, a, b)
    assert_ok(run)
    data = run.json()
    assert_inert_json(data)
    assert_offsets(data)
    md = cli(capsys, a, b, "-f", "markdown")
    assert_ok(md)
    assert not CONTROL.search(md.out), f"control character in Markdown: {md.out!r}"
    return data, md.out


# ---------------------------------------------------------------- control sequences

# (payload, text that must not survive, visible text that must survive)
PAYLOADS = [
    ("\x1b[2J", ["[2J"], []),
    ("\x1b[31;1m", ["[31;1m"], []),
    ("\x1b]52;c;SGVsbG8=\x07", ["52;c;", "SGVsbG8="], []),
    ("\x1b]0;pwned\x1b\\", ["pwned"], []),
    ("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", ["http://evil", "8;;"], ["link"]),
    ("\x07", [], []),
    ("\x00", [], []),
    ("\x7f", [], []),
    ("\x80\x85\x9b\x9d\x9f", [], []),
    ("\x08\x08\x08", [], []),
    ("\x0b\x0c\x1c\x1d\x1e", [], []),
]
PAYLOAD_IDS = ["csi-clear", "csi-sgr", "osc52", "osc-title", "osc8", "bel", "nul", "del", "c1",
               "backspace", "vt-ff-fs"]  # fmt: skip


@pytest.mark.parametrize(("payload", "gone", "kept"), PAYLOADS, ids=PAYLOAD_IDS)
def test_control_sequences_in_article_text_never_reach_a_report(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    payload: str,
    gone: list[str],
    kept: list[str],
) -> None:
    text = PORT_A.replace("three-day strike on Monday", f"three-day strike{payload} on Monday")
    text = text.replace("About 1,200", f"About {payload}1,200")
    a = write(tmp_path / "a.txt", front_matter() + text)
    b = write(tmp_path / "b.txt", front_matter(source="Other") + PORT_B)
    data, md = report(capsys, a, b)
    body = data["articles"][0]["body"]
    # Nothing lost: the words around the payload are still there.
    assert "three-day strike" in body and "on Monday after unions" in body
    assert "1,200 ships were delayed" in body
    for junk in gone:
        assert junk not in body, f"remnant {junk!r} of an escape sequence left in the body"
        assert junk not in md
    for word in kept:
        assert word in body
    assert "\x1b" not in md and "\x1b" not in json.dumps(data, ensure_ascii=False)


def test_control_sequences_in_front_matter_values_are_removed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML's own escapes (\\e, \\a, \\0, \\x9b) are how a control character gets into a title."""
    fm = (
        "---\n"
        'title: "Port strike\\e[2J ends\\a after \\x1b]52;c;SGVsbG8=\\x07three days\\0"\n'
        'source: "Wire\\x9b\\x7f Service\\e]0;pwned\\a"\n'
        "date: 2025-03-10\n"
        'desk: "Europe\\e[5m desk"\n'
        "---\n"
    )
    a = write(tmp_path / "a.txt", fm + PORT_A)
    b = write(tmp_path / "b.txt", front_matter(source="Other") + PORT_B)
    data, md = report(capsys, a, b)
    art = data["articles"][0]
    assert "Port strike" in art["title"] and "ends" in art["title"] and "three days" in art["title"]
    assert "Wire" in art["source"] and "Service" in art["source"]
    for junk in ("[2J", "52;c;", "SGVsbG8=", "pwned"):
        assert junk not in art["title"] + art["source"]
        assert junk not in md
    # Unknown keys are kept for exports (`extra`), and must be just as inert.
    assert "Europe" in json.dumps(art["extra"], ensure_ascii=False)


def test_raw_control_bytes_in_front_matter_do_not_cost_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Raw ESC/BEL/NUL make YAML refuse the block; cleaning comes first, so the title survives."""
    raw = '---\ntitle: "Port\x1b[2J strike\x07 ends\x00"\nsource: "Wire\x85\x9b Service"\n---\n'
    a = write(tmp_path / "a.txt", raw + PORT_A)
    b = write(tmp_path / "b.txt", front_matter(source="Other") + PORT_B)
    data, md = report(capsys, a, b)
    art = data["articles"][0]
    assert "Port" in art["title"] and "strike" in art["title"] and "ends" in art["title"]
    assert "[2J" not in art["title"] and "[2J" not in md
    assert "title:" not in art["body"], "front matter leaked into the article body"


# ---------------------------------------------------------------- markup

MARKUP = (
    "Protesters carried signs reading [red]STOP[/] and [bold]NOW[/bold] outside the ministry. "
    "One banner said [link=https://evil.example]click[/link] and another "
    "[@click=app.quit]quit[/].\n\n"
)
MARKDOWN_BAIT = (
    "A post shared [click here](https://evil.example/x) and ![](https://evil.example/p.png) "
    "with <img src=x onerror=alert(1)> and a *starred* _word_ `code` | pipe # hash.\n\n"
)


def test_rich_markup_in_articles_stays_literal_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Textual/Rich markup is article text: kept as written in JSON, escaped in Markdown."""
    title = "[red]Strike[/] [link=https://x]ends[/]"
    a = write(tmp_path / "a.txt", front_matter(title=title) + MARKUP + PORT_A)
    b = write(tmp_path / "b.txt", front_matter(source="[@click=app.quit]Other[/]") + PORT_B)
    data, md = report(capsys, a, b)
    body = data["articles"][0]["body"]
    for literal in (
        "[red]STOP[/]",
        "[bold]NOW[/bold]",
        "[link=https://evil.example]click[/link]",
        "[@click=app.quit]quit[/]",
    ):
        assert literal in body
    assert data["articles"][0]["title"] == title
    assert data["articles"][1]["source"] == "[@click=app.quit]Other[/]"
    assert "\\[red\\]STOP\\[/\\]" in md
    assert not re.search(r"(?<!\\)\[(red|bold|link=|@click|/\])", md), "live markup in Markdown"


def test_markdown_and_html_in_articles_never_come_alive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The loader may strip Markdown syntax as formatting; what remains must stay inert."""
    a = write(tmp_path / "a.txt", MARKDOWN_BAIT + PORT_A)
    b = write(
        tmp_path / "b.txt", front_matter(title="[x](https://evil.example) <b>hi</b>") + PORT_B
    )
    data, md = report(capsys, a, b)
    assert "click here" in data["articles"][0]["body"], "link text is words of the article"
    assert not re.search(r"(?<!\\)\]\(", md), "a live Markdown link or image"
    assert not re.search(r"(?<!\\)<(img|b)\b", md), "live HTML"
    assert not re.search(r"(?<!\\)\[click here", md)


# ---------------------------------------------------------------- encodings and whitespace


def _body(data: dict[str, Any], i: int = 0) -> str:
    return data["articles"][i]["body"]


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-16"),  # BOM + native order
        lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
        lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
        lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
    ],
    ids=["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-8-bom"],
)
def test_unicode_encodings_with_a_bom_read_in_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encode
) -> None:
    a = write(tmp_path / "a.txt", encode(front_matter() + PORT_A))
    b = write(tmp_path / "b.txt", front_matter(source="Other") + PORT_B)
    data, _ = report(capsys, a, b)
    art = data["articles"][0]
    assert art["title"] == "Port strike ends", "front matter after a BOM was not recognised"
    assert "“We did not get everything we asked for" in art["body"]
    assert "\ufeff" not in art["body"] and "\x00" not in art["body"]
    assert data["alignments"], "a UTF-16 article should still align with its counterpart"


def test_cp1252_curly_quotes_are_quotes_not_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows files: bytes 0x93/0x94 are “ and ”; stripping them as C1 controls loses quotes."""
    a = write(tmp_path / "a.txt", (front_matter() + PORT_A + "It cost €5 million – a record.\n")
              .encode("cp1252"))  # fmt: skip
    b = write(tmp_path / "b.txt", front_matter(source="Other") + PORT_B)
    data, _ = report(capsys, a, b)
    body = _body(data)
    assert "“We did not get everything we asked for, but this is a fair deal,”" in body
    assert "€5 million – a record" in body
    assert "\ufffd" not in body


def test_mojibake_c1_characters_do_not_swallow_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """UTF-8 read as cp1252 and saved again turns ” into "â€\x9d": a stray U+009D is mojibake,
    not an escape sequence, and the words after it on the line are still the article."""
    moji = PORT_A.replace("“", "â€œ").replace("”", "â€\x9d").replace("’", "â€™")
    a = write(tmp_path / "a.txt", moji)
    b = write(tmp_path / "b.txt", PORT_B)
    data, _ = report(capsys, a, b)
    body = _body(data)
    assert "union leader Martijn de Vries told reporters outside the container terminal" in body


def test_latin1_accents_survive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Café owners in Zürich and Málaga said the strike cost them trade, the façade stayed.\n"
    plain = PORT_A.replace("“", '"').replace("”", '"')
    a = write(tmp_path / "a.txt", (text + "\n" + plain).encode("latin-1"))
    b = write(tmp_path / "b.txt", PORT_B)
    data, _ = report(capsys, a, b)
    assert "Café owners in Zürich and Málaga" in _body(data) and "façade" in _body(data)


def test_invalid_utf8_is_replaced_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = (front_matter() + PORT_A).encode("utf-8").replace(b"About", b"\xff\xfe\xc3About\x80")
    a = write(tmp_path / "a.txt", raw)
    b = write(tmp_path / "b.txt", PORT_B)
    data, _ = report(capsys, a, b)
    assert "1,200 ships were delayed" in _body(data)
    assert "Port of Rotterdam" in _body(data)


def test_mixed_line_endings_and_tabs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paras = [p for p in PORT_A.split("\n\n") if p.strip()]
    text = paras[0] + "\r\n\r\n" + paras[1] + "\r\r" + "\t" + paras[2] + "\n\n" + paras[3]
    a = write(tmp_path / "a.txt", text.replace("a vote", "a\tvote"))
    b = write(tmp_path / "b.txt", PORT_B.replace("\n", "\r\n"))
    data, _ = report(capsys, a, b)
    for i in (0, 1):
        assert "\r" not in _body(data, i) and "\t" not in _body(data, i)
    assert "in a vote next week" in _body(data).replace("  ", " ")
    fact_paras = [p for p in data["articles"][0]["paragraphs"] if not p["boilerplate"]]
    assert len(fact_paras) == 4, "CRLF, CR and LF blank lines should all separate paragraphs"


def test_invisible_and_non_breaking_spaces_do_not_hide_a_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy that differs only in NBSP, narrow NBSP, ZWSP and soft hyphens still aligns fully."""
    odd = (
        PORT_A.replace("Port of Rotterdam", "Port\u00a0of\u00a0Rotter\u00addam")
        .replace("6.5%", "6.5\u202f%")
        .replace("Martijn de Vries", "Mar\u200btijn de\u00a0Vries")
        .replace("ships", "sh\u200bips")
    )
    a = write(tmp_path / "a.txt", odd)
    b = write(tmp_path / "b.txt", PORT_A)
    data, _ = report(capsys, a, b)
    n = len(data["articles"][1]["sentences"])
    assert len(data["articles"][0]["sentences"]) == n
    twins = {
        i
        for al in data["alignments"]
        if al["left"]["sentences"] == al["right"]["sentences"]
        for i in al["left"]["sentences"]
    }
    assert twins == set(range(n)), "a sentence lost its twin over invisible characters"


def test_line_and_paragraph_separators_keep_offsets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+2028/U+2029/U+0085 are line breaks to str.splitlines: offsets must not drift."""
    text = PORT_A.replace("\n\n", "\u2029", 1).replace(", the port", ",\u2028the port")
    text = text.replace("Friday.", "Friday.\x85")
    a = write(tmp_path / "a.txt", text)
    b = write(tmp_path / "b.txt", PORT_B)
    data, _ = report(capsys, a, b)
    assert "1,200 ships were delayed" in _body(data)


@pytest.mark.parametrize(
    "alphabet",
    ["abcdefghijklmnopqrstuvwxyz0123456789.,", "abcdefghijklmnopqrstuvwxyz0123456789.,“”"],
    ids=["letters", "with-quote-marks"],
)
def test_one_megabyte_line_without_spaces_completes(tmp_path: Path, alphabet: str) -> None:
    rng = random.Random(6)
    blob = "".join(rng.choice(alphabet) for _ in range(1 << 20))
    a = write(tmp_path / "a.txt", PORT_A + "\n" + blob + "\n\n" + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    run = run_installed(a, b, timeout=60)
    if run.code == 0:
        assert_ok(run)
        assert_offsets(run.json())
    else:
        assert_one_line_error(run, "a.txt")


# ---------------------------------------------------------------- empty, broken, not text


@pytest.mark.parametrize(
    "content",
    [b"", b" \n\t\r\n  \n", b"\xef\xbb\xbf\n\n", front_matter().encode(), b"\x00\x00\n\x1b[2J\n"],
    ids=["empty", "whitespace", "bom-only", "front-matter-only", "controls-only"],
)
def test_nothing_to_compare_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    a = write(tmp_path / "hollow.txt", content)
    b = write(tmp_path / "b.txt", PORT_B)
    assert_one_line_error(cli(capsys, a, b), "hollow.txt")


@pytest.mark.parametrize(
    "fm",
    [
        '---\ntitle: "unclosed\nsource: [Wire\n---\n',
        "---\n- just\n- a list\n---\n",
        "---\ntitle: Port strike ends\ntitle: twice\n: no key\n---\n",
    ],
    ids=["yaml-syntax", "not-a-mapping", "bad-keys"],
)
def test_broken_front_matter_warns_once_and_the_body_still_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fm: str
) -> None:
    a = write(tmp_path / "broken.txt", fm + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    run = cli(capsys, a, b)
    assert_ok(run)
    data = run.json()
    assert_inert_json(data)
    assert_offsets(data)
    warnings = [line for line in run.err.splitlines() if "broken.txt" in line]
    assert len(warnings) >= 1, f"no warning about the broken front matter: {run.err!r}"
    assert len(run.err.splitlines()) == len(warnings), "warnings about a file that was fine"
    for line in warnings:
        assert line.count("broken.txt") == 1, f"the file is named more than once: {line!r}"
    body = _body(data)
    assert "Dock workers at the Port of Rotterdam" in body
    assert "---" not in body, "the front matter block was compared as article text"
    assert data["alignments"], "the body of an article with broken front matter must compare"


def test_front_matter_values_of_any_yaml_type_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML turns dates, numbers and lists into non-strings; the JSON report must still write."""
    fm = (
        "---\ntitle: 12345\nsource: [Wire, Service]\ndate: 2025-03-10\n"
        "updated: 2025-03-11T08:30:00Z\nwords: 412\nflags: {breaking: true, when: 2025-03-10}\n"
        "empty:\n---\n"
    )
    a = write(tmp_path / "a.txt", fm + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    data, _ = report(capsys, a, b)
    art = data["articles"][0]
    for key in ("title", "source", "date", "url"):
        assert isinstance(art[key], str)
    assert art["date"] == "2025-03-10"
    assert "2025-03-11" in json.dumps(art["extra"])


def test_front_matter_cannot_run_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "pwned"
    fm = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n'
    a = write(tmp_path / "a.txt", fm + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    run = cli(capsys, a, b)
    assert not marker.exists()
    assert_ok(run)
    assert "Dock workers" in _body(run.json())


def test_yaml_alias_bomb_does_not_hang(tmp_path: Path) -> None:
    """Nine levels of ten aliases is 10^9 strings once expanded: fine in YAML, fatal in JSON."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    a = write(tmp_path / "a.txt", "---\ntitle: Bomb\n" + "\n".join(lines) + "\n---\n" + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    run = run_installed(a, b, timeout=60)
    if run.code == 0:
        assert_ok(run)
        assert len(run.out) < 1_000_000, "the alias bomb was expanded into the report"
    else:
        assert_one_line_error(run, "a.txt")


def test_unclosed_front_matter_still_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path / "a.txt", "---\ntitle: Port strike ends\n\n" + PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    run = cli(capsys, a, b)
    assert_ok(run)
    assert "Dock workers at the Port of Rotterdam" in _body(run.json())


def _png() -> bytes:
    rng = random.Random(1)
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    return head + bytes(rng.randrange(256) for _ in range(4096))


def _elf() -> bytes:
    rng = random.Random(2)
    head = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00\x3e\x00\x01\x00\x00\x00"
    return head + bytes(rng.randrange(256) for _ in range(4096))


def _gzip() -> bytes:
    import gzip

    return gzip.compress(PORT_A.encode() * 20)


@pytest.mark.parametrize("make", [_png, _elf, _gzip], ids=["png", "elf", "gzip"])
def test_binary_files_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make
) -> None:
    bad = write(tmp_path / "photo.txt", make())
    b = write(tmp_path / "b.txt", PORT_B)
    assert_one_line_error(cli(capsys, bad, b), "photo.txt")


def test_directory_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    b = write(tmp_path / "b.txt", PORT_B)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert_one_line_error(cli(capsys, folder, b), "folder.txt")
    assert_one_line_error(cli(capsys, tmp_path / "gone.txt", b), "gone.txt")
    # Both problems at once: still one line, naming both, so the user fixes them in one go.
    run = cli(capsys, folder, tmp_path / "gone.txt", b)
    assert_one_line_error(run, "folder.txt", "gone.txt")


def test_hostile_file_names_stay_inert_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name is user data too: an escape code or a newline in it must not reach stderr."""
    b = write(tmp_path / "b.txt", PORT_B)
    evil = tmp_path / "evil\x1b]0;pwned\x07\x1b[2J\nname.txt"
    run = cli(capsys, evil, b)
    assert_one_line_error(run, "evil")
    # The same name on a real file with broken front matter: the warning line is inert too.
    write(evil, '---\ntitle: "unclosed\n---\n' + PORT_A)
    run = cli(capsys, evil, b)
    assert_ok(run)
    assert_inert_json(run.json())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_pipes_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    """Opening a FIFO with no writer blocks forever and /dev/zero never ends: refuse both."""
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    b = write(tmp_path / "b.txt", PORT_B)
    assert_one_line_error(run_installed(fifo, b, timeout=30), "feed.txt")
    if Path("/dev/zero").exists():
        assert_one_line_error(run_installed("/dev/zero", b, timeout=30), "/dev/zero")


def test_hostile_output_names_stay_inert_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    missing = tmp_path / "no\x1b]0;pwned\x07\x1b[2Jwhere" / "report.json"
    assert_one_line_error(cli(capsys, a, b, "-o", missing), "report.json")
    folder = tmp_path / "dir\x1b[31m\nname"
    folder.mkdir()
    assert_one_line_error(cli(capsys, a, b, "-o", folder), "dir")


def test_unreadable_file_simulated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied, whoever runs the tests (root reads everything, so the OS is faked)."""
    locked = write(tmp_path / "locked.txt", PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)

    def deny(real):
        def wrapper(file, *args, **kwargs):
            target = file if isinstance(file, (str, bytes, os.PathLike)) else None
            if target is not None and os.fsdecode(target).endswith("locked.txt"):
                raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(target))
            return real(file, *args, **kwargs)

        return wrapper

    before = digest([locked, b])
    with monkeypatch.context() as m:
        m.setattr(io, "open", deny(io.open))
        m.setattr("builtins.open", deny(open))
        m.setattr(os, "open", deny(os.open))
        code = main(["compare", str(locked), str(b)])
    out, err = capsys.readouterr()
    assert digest([locked, b]) == before
    run = Run(code, out, err)
    assert_one_line_error(run, "locked.txt")
    assert "ermission" in run.err


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root can read a chmod 000 file")
def test_unreadable_file_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = write(tmp_path / "locked.txt", PORT_A)
    b = write(tmp_path / "b.txt", PORT_B)
    locked.chmod(0)
    try:
        run = cli(capsys, locked, b)
    finally:
        locked.chmod(0o644)
    assert_one_line_error(run, "locked.txt")
    assert "ermission" in run.err


def test_twenty_megabytes_loads_or_is_refused_without_hanging(tmp_path: Path) -> None:
    rng = random.Random(20)
    paras = [p for p in (PORT_A + PORT_B).split("\n\n") if p.strip()]
    chunks: list[str] = []
    size = 0
    while size < 20 * 1024 * 1024:
        p = rng.choice(paras).replace("1,200", f"{rng.randrange(10**6):,}")
        chunks.append(p)
        size += len(p) + 2
    big = write(tmp_path / "big.txt", "\n\n".join(chunks))
    b = write(tmp_path / "b.txt", PORT_B)
    run = run_installed(big, b, timeout=60)
    if run.code == 0:
        assert_ok(run)
        assert run.json()["articles"][0]["sentences"]
    else:
        assert_one_line_error(run, "big.txt")


def test_largest_accepted_article_of_quotes_does_not_hang(tmp_path: Path) -> None:
    """Just under the size limit, tens of thousands of short quotes: every stage must stay
    near-linear, or an accepted file becomes a hang. The guard allows several times what a
    linear pipeline needs on a slow machine; it is not a speed test."""
    from tui.core import ingest

    limit = getattr(ingest, "MAX_BYTES", 2 * 1024 * 1024)
    line = "“We go,” Vries said. "
    text = line * ((limit - 1024) // len(line.encode("utf-8")))
    a = write(tmp_path / "a.txt", text)
    b = write(tmp_path / "b.txt", PORT_B)
    run = run_installed(a, b, timeout=60)
    if run.code == 0:
        assert_ok(run)
    else:
        assert_one_line_error(run, "a.txt")


# ---------------------------------------------------------------- what the articles say


def test_identical_articles_align_sentence_for_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = SAMPLES[0].read_bytes()
    a, b = write(tmp_path / "a.txt", raw), write(tmp_path / "b.txt", raw)
    data, _ = report(capsys, a, b)
    n = len(data["articles"][0]["sentences"])
    assert n > 5
    twins: set[int] = set()
    scores = [al["score"] for al in data["alignments"]]
    # A short generic sentence carries less evidence, so not every twin need score 1.0.
    assert min(scores) >= 0.7 and sum(scores) / len(scores) >= 0.9, scores
    for al in data["alignments"]:
        assert not al["conflicts"], f"identical text has conflicts: {al['conflicts']}"
        if al["left"]["sentences"] == al["right"]["sentences"]:
            twins.update(al["left"]["sentences"])
    assert twins == set(range(n))
    assert all(c["share"] == 1.0 for c in data["coverage"])


def test_articles_with_nothing_in_common(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path / "a.txt", PORT_A)
    b = write(tmp_path / "b.txt", RECIPE)
    data, md = report(capsys, a, b)
    assert len(data["alignments"]) <= 1
    assert "### Only in A" in md


OTHER_LANGUAGES = {
    "german": (
        "Die Hafenarbeiter in Rotterdam haben am Montag ihren dreitägigen Streik beendet. "
        "„Das ist ein fairer Kompromiss“, sagte Gewerkschaftschef Martijn de Vries.\n\n"
        "Rund 1.200 Schiffe waren betroffen. Die Mitglieder stimmen nächste Woche ab.\n",
        "Nach drei Tagen ist der Streik im Rotterdamer Hafen vorbei. Die Gewerkschaft "
        "akzeptierte am Montag eine Lohnerhöhung von 6,5 Prozent.\n\nEtwa 1.200 Schiffe "
        "wurden aufgehalten. Über die Einigung wird nächste Woche abgestimmt. Straße, Maß.\n",
    ),
    "russian": (
        "Портовые рабочие Роттердама в понедельник прекратили трёхдневную забастовку. "
        "«Это справедливая сделка», — заявил лидер профсоюза Мартейн де Врис.\n\n"
        "Около 1200 судов были задержаны. Соглашение ещё должно быть одобрено.\n",
        "Забастовка в порту Роттердама закончилась в понедельник. Профсоюзы согласились "
        "на повышение зарплаты на 6,5%.\n\nЗабастовка задержала около 1200 судов.\n",
    ),
    "chinese": (
        "鹿特丹港码头工人周一结束了为期三天的罢工。工会接受了百分之六点五的加薪。"
        "“这是一个公平的协议，”工会领导人说。\n\n约有1200艘船只受到延误。\n",
        "鹿特丹港的罢工于周一结束，持续了三天。工会同意加薪6.5%。\n\n"
        "罢工期间约1200艘船只被延误。协议将于下周由会员投票表决。\n",
    ),
    "arabic": (
        "أنهى عمال الرصيف في ميناء روتردام إضرابا استمر ثلاثة أيام يوم الاثنين. "
        "وقال زعيم النقابة: «هذه صفقة عادلة».\n\nتأخرت نحو ١٢٠٠ سفينة خلال الإضراب.\n",
        "انتهى الإضراب في ميناء روتردام يوم الاثنين بعد ثلاثة أيام. "
        "وافقت النقابات على زيادة الأجور بنسبة 6.5٪.\n\n"
        "هل سيوافق الأعضاء؟ سيصوتون الأسبوع المقبل.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_other_languages_and_scripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    left, right = OTHER_LANGUAGES[language]
    a = write(tmp_path / "a.txt", front_matter(title=left[:20]) + left)
    b = write(tmp_path / "b.txt", right)
    data, _ = report(capsys, a, b)
    first = left.split("\n")[0]
    assert first[:15] in _body(data), "text of another script was lost"
    assert data["articles"][0]["title"] == left[:20].strip()
    for art in data["articles"]:
        assert art["sentences"]


# ---------------------------------------------------------------- -o / --output


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "a.txt", PORT_A), write(tmp_path / "b.txt", PORT_B)


def _no_temp_left(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_output_onto_an_input_is_refused_however_it_is_spelt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(b)
    hard = tmp_path / "hard.txt"
    os.link(b, hard)
    monkeypatch.chdir(tmp_path)
    for target in (str(b), "./b.txt", "../" + tmp_path.name + "/b.txt", str(link), str(hard)):
        run = cli(capsys, a, b, "-o", target)
        assert_one_line_error(run, "refusing to overwrite an input article")
    # The symlink itself as the input: writing to its target would still destroy the article.
    run = cli(capsys, a, link, "-o", str(b))
    assert_one_line_error(run, "refusing to overwrite an input article")
    assert b.read_text(encoding="utf-8") == PORT_B
    _no_temp_left(tmp_path)


def test_output_to_a_directory_or_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    assert_one_line_error(cli(capsys, a, b, "-o", out_dir), "reports")
    assert list(out_dir.iterdir()) == []
    missing = tmp_path / "nowhere" / "report.json"
    assert_one_line_error(cli(capsys, a, b, "-o", missing), "nowhere")
    assert not missing.parent.exists()
    _no_temp_left(tmp_path)


def test_output_to_a_read_only_folder_simulated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if os.fsdecode(path).startswith(str(locked)) and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    run = cli(capsys, a, b, "-o", locked / "report.json")
    assert_one_line_error(run, "report.json")
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root can write a read-only folder")
def test_output_to_a_read_only_folder_for_real(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        run = cli(capsys, a, b, "-o", locked / "report.json")
    finally:
        locked.chmod(0o755)
    assert_one_line_error(run, "report.json")
    assert list(locked.iterdir()) == []


def test_output_to_a_new_file_is_atomic_and_complete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = _pair(tmp_path)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    run = cli(capsys, a, b, "-o", out)
    assert_ok(run)
    assert run.out == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert_offsets(data)
    assert stat.S_IMODE(out.stat().st_mode) & 0o044, "a report should not be private (0600)"
    _no_temp_left(out.parent)
    # Replacing an existing report (not an input) is fine, and complete.
    run = cli(capsys, a, b, "-o", out, "-f", "markdown")
    assert_ok(run)
    assert out.read_text(encoding="utf-8").startswith("# Parallax comparison")
    _no_temp_left(out.parent)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_named_pipe_is_written_through_or_refused(tmp_path: Path) -> None:
    """`-o /dev/stdout` or `-o >(gzip > r.gz)` name a pipe or device, not a file to replace:
    swapping a temporary file in over it (as root, over /dev/stdout itself) breaks the system.
    Here a FIFO stands in for them."""
    import threading

    a, b = _pair(tmp_path)
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    # Holding the pipe open read-write (Linux allows it) lets the reader open at once and
    # gives it an end of file exactly when we let go, whatever Parallax did.
    keeper = os.open(fifo, os.O_RDWR)

    def reader() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    try:
        run = run_installed(a, b, "-o", fifo, timeout=60)
    finally:
        os.close(keeper)
        thread.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the pipe was replaced by a regular file"
    if run.code == 0:
        assert_ok(run)
        assert received and json.loads(received[0])["articles"], "nothing came through the pipe"
    else:
        assert_one_line_error(run, "report.pipe")
    _no_temp_left(tmp_path)


def test_output_through_a_symlink_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o /dev/stdout > r.json` names a symlink to a regular file; replacing the link itself
    (as root: /dev/stdout) breaks the system. A link is written through, as `>` would."""
    a, b = _pair(tmp_path)
    real = write(tmp_path / "latest.json", "old report\n")
    link = tmp_path / "stdout"
    link.symlink_to(real)
    run = cli(capsys, a, b, "-o", link)
    assert_ok(run)
    assert link.is_symlink(), "the symlink was replaced by a regular file"
    assert json.loads(real.read_text(encoding="utf-8"))["articles"]
    _no_temp_left(tmp_path)


# ---------------------------------------------------------------- the installed command


def test_stdout_closed_early_ends_quietly(tmp_path: Path) -> None:
    """`parallax compare a b | head -c 10`: the reader left, which is not an error."""
    paths = [write(tmp_path / f"{i}.txt", p.read_bytes()) for i, p in enumerate(SAMPLES * 3)]
    before = digest(paths)
    env = {k: v for k, v in os.environ.items() if k != "PARALLAX_DEBUG"}
    proc = subprocess.Popen(
        [installed(), "compare", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    code = proc.wait(timeout=60)
    assert head == b'{\n  "paral'
    assert err == "", f"noise after the pipe closed: {err!r}"
    assert code == 0
    assert digest(paths) == before


def test_shell_pipe_into_head(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{i}.txt", p.read_bytes()) for i, p in enumerate(SAMPLES * 3)]
    cmd = " ".join([installed(), "compare", *map(str, paths), "| head -c 10 >/dev/null"])
    proc = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert proc.stderr == ""


def test_no_traceback_reaches_stderr_for_any_hostile_input(tmp_path: Path) -> None:
    """The installed command, a battery of bad inputs, no PARALLAX_DEBUG: never a traceback."""
    good = write(tmp_path / "good.txt", PORT_B)
    folder = tmp_path / "folder"
    folder.mkdir()
    cases: dict[str, list[str | Path]] = {
        "controls": [write(tmp_path / "c.txt", "\x1b[2J\x1b]52;c;SGVsbG8=\x07" + PORT_A), good],
        "utf16": [write(tmp_path / "u.txt", PORT_A.encode("utf-16")), good],
        "broken-fm": [write(tmp_path / "fm.txt", '---\ntitle: "x\n---\n' + PORT_A), good],
        "binary": [write(tmp_path / "bin.txt", _png()), good],
        "empty": [write(tmp_path / "e.txt", b""), good],
        "directory": [folder, good],
        "missing": [tmp_path / "missing.txt", good],
        "output-is-input": [good, write(tmp_path / "x.txt", PORT_A), "-o", good],
        "output-dir": [write(tmp_path / "y.txt", PORT_A), good, "-o", folder],
        "one-file": [good],
        "bad-format": [good, good, "-f", "pdf"],
    }
    for name, args in cases.items():
        run = run_installed(*args, timeout=60)
        assert "Traceback" not in run.err, f"{name}: {run.err}"
        assert run.code in (0, 1, 2), f"{name}: exit {run.code}"
        assert "internal error" not in run.err, f"{name}: {run.err}"
        assert not CONTROL.search(run.err), f"{name}: {run.err!r}"
        if run.code != 0:
            assert run.out == "", name
            assert run.err.strip(), f"{name}: failed silently"
