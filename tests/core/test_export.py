"""Reports: the JSON keeps every offset checkable; Markdown stays literal; writes are atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui.core.article import Article, Paragraph, Sentence
from tui.core.errors import ParallaxError
from tui.core.export import to_dict, to_json, to_markdown, write_atomic
from tui.core.model import (
    Alignment,
    Comparison,
    Conflict,
    Mention,
    Passage,
    Person,
    Quote,
    QuoteLink,
    SharedSpan,
)


def _article(path: str, sentences: list[str], boiler: str | None = None) -> Article:
    paras: list[Paragraph] = []
    sents: list[Sentence] = []
    body = ""
    for i, text in enumerate(sentences):
        if body:
            body += "\n\n"
        start = len(body)
        body += text
        paras.append(Paragraph(i, start, len(body)))
        sents.append(Sentence(i, i, start, len(body), text))
    if boiler:
        body += "\n\n"
        paras.append(Paragraph(len(paras), len(body), len(body) + len(boiler), "related"))
        body += boiler
    return Article(path, f"Title of {path}", "Wire", "2025-08-07", body, tuple(paras), tuple(sents))


LEFT = _article(
    "left.txt",
    [
        "Rescuers said 12 people died in the fire on Tuesday.",
        "“We did everything we could,” fire chief Ana Ruiz said.",
        "The mayor posted [red]alarm[/red] | on X.",
    ],
    boiler="Related article: Fire season starts early",
)
RIGHT = _article(
    "right.txt",
    [
        "At least 14 people were killed in Tuesday's fire, officials said.",
        "“We did all we could,” said Ruiz.",
    ],
)


def _span(art: Article, sentence: int, word: str) -> tuple[int, int]:
    s = art.sentences[sentence]
    i = art.body.index(word, s.start)
    return i, i + len(word)


def _comparison() -> Comparison:
    l12, r14 = _span(LEFT, 0, "12"), _span(RIGHT, 0, "14")
    lt, rt = _span(LEFT, 0, "Tuesday"), _span(RIGHT, 0, "Tuesday")
    al = Alignment(
        Passage(0, (0,)),
        Passage(1, (0,)),
        0.71,
        shared=(SharedSpan(lt[0], lt[1], rt[0], rt[1], "Tuesday", "date"),),
        conflicts=(Conflict("number", "12", "14", l12, r14, "12 people vs 14 people"),),
    )
    ql = LEFT.sentences[1]
    qr = RIGHT.sentences[1]
    quotes = (
        Quote(
            "q0-0",
            0,
            1,
            ql.start + 1,
            ql.start + 28,
            LEFT.body[ql.start + 1 : ql.start + 28],
            "Ana Ruiz",
            "person",
            ("q1-0",),
        ),
        Quote(
            "q1-0",
            1,
            1,
            qr.start + 1,
            qr.start + 19,
            RIGHT.body[qr.start + 1 : qr.start + 19],
            "Ana Ruiz",
            "person",
            ("q0-0",),
        ),
    )
    ruiz = Person(
        "Ana Ruiz",
        ("Ruiz",),
        ("fire chief",),
        (
            Mention(0, 1, *_span(LEFT, 1, "Ana Ruiz"), "Ana Ruiz"),
            Mention(1, 1, *_span(RIGHT, 1, "Ruiz"), "Ruiz"),
        ),
    )
    return Comparison(
        (LEFT, RIGHT),
        (al,),
        (ruiz,),
        quotes,
        (QuoteLink("q0-0", "q1-0", 0.8),),
    )


def test_json_offsets_slice_back_and_schema_keys() -> None:
    data = json.loads(to_json(_comparison()))
    assert [a["id"] for a in data["articles"]] == ["A", "B"]
    left = data["articles"][0]
    assert left["boilerplate"] == [
        {
            "paragraph": 3,
            "kind": "related",
            "rule": None,
            "start": left["boilerplate"][0]["start"],
            "end": left["boilerplate"][0]["end"],
            "text": "Related article: Fire season starts early",
        }
    ]
    (al,) = data["alignments"]
    assert al["left"] == {"article": 0, "sentences": [0]}
    conflict = al["conflicts"][0]
    assert left["body"][slice(*conflict["left_span"])] == "12"
    assert data["quotes"][0]["same_as"] == ["q1-0"]
    assert data["people"][0]["mentions"][1]["text"] == "Ruiz"
    cov = {(c["article"], c["other"]): c["share"] for c in data["coverage"]}
    assert cov[(0, 1)] == pytest.approx(1 / 3, abs=1e-3) and cov[(1, 0)] == 0.5


def test_markdown_report_for_people() -> None:
    md = to_markdown(_comparison())
    assert "### Shared facts" in md
    assert "12 people vs 14 people" in md
    assert "### Only in A" in md and "The mayor posted" in md
    assert "| Ana Ruiz | fire chief | 1 | 1 |" in md
    assert "same statement in **B**" in md
    # Article text cannot become Markdown markup or break a table.
    assert "\\[red\\]alarm\\[/red\\] \\|" in md


def test_reports_strip_terminal_escapes() -> None:
    evil = _article("evil.txt", ["Hello \x1b]52;c;SGVsbG8=\x07world \x1b[2J now."])
    comp = Comparison((evil, RIGHT))
    for text in (to_json(comp), to_markdown(comp)):
        assert "\x1b" not in text and "\x07" not in text
    assert to_dict(comp)["articles"][0]["sentences"][0]["text"] == "Hello world  now."


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new contents\n")
    assert target.read_text(encoding="utf-8") == "new contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_atomic_refuses_inputs_and_bad_targets(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("text", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for target in (article, link):
        with pytest.raises(ParallaxError, match="refusing to overwrite an input article"):
            write_atomic(target, "x", protect=[str(article)])
    assert article.read_text(encoding="utf-8") == "text"
    with pytest.raises(ParallaxError, match="is a directory"):
        write_atomic(tmp_path, "x")
    with pytest.raises(ParallaxError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "x.md", "x")


def test_write_to_a_named_pipe_goes_through_it(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    # Hold the read end open (non-blocking, so no thread is needed); the report fits the
    # pipe's buffer, so it can be read back after the write returns.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomic(fifo, "through the pipe\n")
        assert os.read(reader, 1024) == b"through the pipe\n"
    finally:
        os.close(reader)
    assert fifo.is_fifo(), "the pipe must not be replaced by a regular file"


def test_write_to_a_pipe_nobody_reads_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "lonely.pipe"
    os.mkfifo(fifo)
    with pytest.raises(ParallaxError, match="nothing is reading from it"):
        write_atomic(fifo, "x")
    assert fifo.is_fifo()


def test_one_line_makes_names_inert() -> None:
    from tui.core.export import one_line

    assert one_line("evil\nname\x1b]0;pwned\x07.txt") == "evil?name.txt"


def test_write_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_json_bytes_are_the_standard_encoders_whatever_encodes_them() -> None:
    """The fast encoder must not change a byte of the public report: same indent, same
    non-ASCII text, same floats, and front matter it cannot encode (an integer past 64 bits)
    still goes out, through the standard encoder."""
    import dataclasses

    comp = _comparison()
    text = to_json(comp)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    big = dataclasses.replace(LEFT, extra={"tag": "ñ “x”", "big": 2**70, "pi": 3.25})
    comp2 = dataclasses.replace(comp, articles=(big, RIGHT))
    text2 = to_json(comp2)
    assert json.loads(text2)["articles"][0]["extra"] == {"tag": "ñ “x”", "big": 2**70, "pi": 3.25}
    assert text2 == json.dumps(json.loads(text2), ensure_ascii=False, indent=2) + "\n"


def test_encoding_as_is_then_checking_gives_the_cleaned_reports_bytes() -> None:
    """The report is encoded without cleaning its strings first and cleaned only when the bytes
    show a control character: the result must be byte for byte the cleaned report's, whatever
    a string holds (every control, C1, DEL, backslashes before the letters escapes use)."""
    from tui.core.export import encode_json
    from tui.core.export.common import _clean
    from tui.core.export.report_json import _may_hold_controls

    orjson = pytest.importorskip("orjson")
    for code in [*range(0x200), 0x2028, 0x2029, 0xFEFF, 0x1F600]:
        for text in (chr(code), f"a\\{chr(code)}", f"\\\\{chr(code)}b", f"{chr(code)}\\"):
            data = orjson.dumps({"t": [text]}, option=orjson.OPT_INDENT_2)
            assert _may_hold_controls(data) == (_clean(text) != text), repr(text)
    for sentence in ("Plain “quoted” text \\begin{x} \\u0041.", "Bell \x07 and \x9b2J C1 \x85."):
        art = _article("x.txt", [sentence])
        comp = Comparison((art, RIGHT))
        expected = json.dumps(to_dict(comp), ensure_ascii=False, indent=2) + "\n"
        out = encode_json(comp)
        assert isinstance(out, bytes) and out.decode() == expected
        assert to_json(comp) == expected


def test_write_atomic_takes_encoded_bytes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, "“new”\n".encode())
    assert target.read_bytes() == "“new”\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
