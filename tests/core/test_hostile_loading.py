"""Hostile input at the loading level: terminal escapes, control and invisible characters,
markup-looking text, odd spaces and line endings, huge lines, hostile YAML.

Article text is data. Nothing in a file may reach the terminal as a command, vanish a word, or
crash the loader; what the UI shows must be exactly the words of the article.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tui.core.errors import LoadError
from tui.core.ingest import load_article, parse_article

SENTENCE = "Putin and Trump will meet in the coming days, Kremlin aide Yuri Ushakov said."


def assert_clean(text: str) -> None:
    """No control character but newline, no escape, no invisible character survives."""
    for ch in text:
        assert ch == "\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0), repr(ch)
        assert ch not in "\u200b\u200c\u200d\u2060\ufeff\u202e\u2066\u00a0", repr(ch)


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        # SGR colour codes.
        ("Putin \x1b[31mand\x1b[0m Trump", "Putin and Trump"),
        ("Putin \x1b[1;38;5;196mand\x1b[m Trump", "Putin and Trump"),
        # OSC 52 clipboard write (BEL- and ST-terminated), OSC 8 hyperlink, window title.
        ("Putin \x1b]52;c;SGVsbG8=\x07and Trump", "Putin and Trump"),
        ("Putin \x1b]52;c;SGVsbG8=\x1b\\and Trump", "Putin and Trump"),
        ("Putin \x1b]8;;https://evil.example\x1b\\and\x1b]8;;\x1b\\ Trump", "Putin and Trump"),
        ("Putin \x1b]0;pwned\x07and Trump", "Putin and Trump"),
        # DCS and APC strings, cursor moves, screen clear, charset switch, reset.
        ("Putin \x1bP1$qm\x1b\\and Trump", "Putin and Trump"),
        ("Putin \x1b_payload\x1b\\and Trump", "Putin and Trump"),
        ("Putin \x1b[2J\x1b[Hand Trump", "Putin and Trump"),
        ("Putin \x1b(Band Trump", "Putin and Trump"),
        ("Putin \x1bcand Trump", "Putin and Trump"),
        # 8-bit C1 forms.
        ("Putin \x9b31mand\x9b0m Trump", "Putin and Trump"),
        ("Putin \x9d52;c;SGVsbG8=\x9cand Trump", "Putin and Trump"),
        # Bare control characters: BEL, NUL, backspace, DEL, vertical tab inside a line.
        ("Putin \x07and\x00 Trump\x7f", "Putin and Trump"),
        ("Putin a\x08nd Trump", "Putin and Trump"),
        # Invisible characters inside words, and bidi overrides (Trojan Source).
        ("Pu\u200btin and Tr\u200cump\u200d", "Putin and Trump"),
        ("Putin\u2060 and \ufeffTrump", "Putin and Trump"),
        ("Putin \u202eand\u202c Trump \u2066x\u2069", "Putin and Trump x"),
        ("Putin\u00adand Trump", "Putinand Trump"),
        # Unicode spaces become one ordinary space; tabs too.
        ("Putin\u00a0and\u202fTrump", "Putin and Trump"),
        ("Putin\u3000\u2003 and\t\tTrump", "Putin and Trump"),
    ],
)
def test_hostile_characters_in_the_body(hostile: str, expected: str) -> None:
    a = parse_article(hostile + " met.", "hostile.txt")
    assert a.body == expected + " met."
    assert [s.text for s in a.sentences] == [expected + " met."]


def test_unterminated_osc_does_not_swallow_the_article() -> None:
    a = parse_article("First line \x1b]0;title without end\nSecond paragraph stays.\n")
    assert a.body.endswith("Second paragraph stays.")
    assert "title without end" not in a.body


def test_same_escapes_as_raw_bytes(tmp_path: Path) -> None:
    path = tmp_path / "escapes.txt"
    path.write_bytes(b"\x1b]52;c;SGVsbG8=\x07\x1b[31m" + SENTENCE.encode() + b"\x1b[0m\x07\n")
    a = load_article(path)
    assert a.body == SENTENCE
    assert_clean(a.body)


def test_stray_nul_byte_is_removed_with_a_warning() -> None:
    raw = (SENTENCE + " ").encode() * 20 + b"\x00" + SENTENCE.encode()
    a = parse_article(raw, "nul.txt")
    assert "\x00" not in a.body
    assert any("NUL" in w and "nul.txt" in w for w in a.warnings)


def test_many_nul_bytes_mean_binary() -> None:
    with pytest.raises(LoadError, match=r"^nul\.txt: not a text file \(binary data\)$"):
        parse_article(SENTENCE.encode() + b"\x00" * 64, "nul.txt")


def test_hostile_front_matter_values_are_cleaned() -> None:
    text = (
        "---\n"
        "title: \x1b]52;c;SGVsbG8=\x07Putin\x1b[31m and\u200b Trump\x07\n"
        'source: "\\e]0;pwned\\a\\e[1mWire\\0"\n'
        "note\x1b[0m: \x1b[5mblink\u00a0text\n"
        "---\n" + SENTENCE
    )
    a = parse_article(text, "fm.txt")
    assert a.title == "Putin and Trump"
    assert a.source == "Wire"
    assert a.extra == {"note": "blink text"}
    for value in (a.title, a.source, json.dumps(a.extra)):
        assert_clean(value)


@pytest.mark.parametrize(
    "markup",
    [
        "[red]",
        "[bold red]alarm[/]",
        "[@click=app.quit]",
        "[link=https://evil.example]x[/link]",
        ":warning:",
        "$variable",
        "{0}",
        "%s",
        "<script>alert(1)</script>",
    ],
)
@pytest.mark.parametrize("name", ["article.txt", "article.md"])
def test_markup_looking_text_is_kept_literally(markup: str, name: str) -> None:
    a = parse_article(f"The post read {markup} before it was deleted.", name)
    if name.endswith(".md") and markup.startswith("<script>"):
        # Raw HTML tags are Markdown syntax: the tags go, the words stay.
        markup = "alert(1)"
    assert a.body == f"The post read {markup} before it was deleted."


def test_html_tags_in_markdown_lose_no_words() -> None:
    a = parse_article("The post read <b>alarm</b> before it was deleted.", "a.md")
    assert a.body == "The post read alarm before it was deleted."


def test_markdown_entity_cannot_smuggle_an_escape() -> None:
    a = parse_article("Putin &#27;[31mand&#x7; Trump &amp; aides met.", "a.md")
    assert_clean(a.body)
    assert a.body.endswith("Trump & aides met.")


def test_one_megabyte_line_without_spaces() -> None:
    line = "x" * 1_000_000
    a = parse_article(line, "long.txt")
    assert a.body == line
    assert len(a.paragraphs) == 1 and len(a.sentences) == 1


def test_one_megabyte_of_brackets_and_markup_in_markdown() -> None:
    line = "[" * 500_000 + "](" * 250_000
    a = parse_article("# t\n\n" + line, "long.md")
    assert a.body == line


def test_cr_only_line_endings_hard_wrapped() -> None:
    lf = (
        "Russia and the United States have agreed to hold a meeting between presidents Vladimir\n"
        "Putin and Donald Trump “in the coming days,” Kremlin officials announced on Thursday.\n"
        "\n"
        "“At the suggestion of the American side, a preliminary agreement was reached to hold a\n"
        "bilateral high-level meeting in the coming days,” Kremlin foreign policy adviser Yuri\n"
        "Ushakov told Russian state media.\n"
    )
    a = parse_article(lf.replace("\n", "\r").encode(), "mac.txt")
    b = parse_article(lf.replace("\n", "\r\n").encode(), "dos.txt")
    c = parse_article(lf, "unix.txt")
    assert a.body == b.body == c.body
    assert len(c.paragraphs) == 2
    assert c.body.startswith("Russia and the United States have agreed to hold a meeting between")
    assert "presidents Vladimir Putin and Donald Trump" in c.body


def test_unicode_line_and_paragraph_separators() -> None:
    a = parse_article("First paragraph.\u2029Second paragraph.\u2028Third paragraph.")
    assert [a.body[p.start : p.end] for p in a.paragraphs] == [
        "First paragraph.",
        "Second paragraph.",
        "Third paragraph.",
    ]


def test_lone_surrogates_in_text_input() -> None:
    a = parse_article("Putin \ud800and Trump met.")
    a.body.encode("utf-8")  # must not raise
    assert a.body.endswith("Trump met.")


def test_yaml_alias_bomb_is_bounded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "---\ntitle: Bomb\n" + "\n".join(lines) + "\n---\n" + SENTENCE
    a = parse_article(text, "bomb.txt")
    assert a.title == "Bomb"
    assert len(json.dumps(a.extra)) < 1_000_000
    assert any("cut short" in w for w in a.warnings)


def test_recursive_yaml_alias() -> None:
    a = parse_article("---\nloop: &x [1, *x]\n---\n" + SENTENCE, "loop.txt")
    json.dumps(a.extra)
    assert a.body == SENTENCE


def test_self_referencing_title() -> None:
    a = parse_article("---\ntitle: &t [Summit, *t, [x]]\n---\n" + SENTENCE, "loop.txt")
    assert a.title == "Summit"


def test_deeply_nested_yaml_does_not_crash() -> None:
    text = "---\nkey: " + "[" * 5000 + "]" * 5000 + "\n---\n" + SENTENCE
    a = parse_article(text, "deep.txt")
    json.dumps(a.extra)
    assert a.body.endswith(SENTENCE)


def test_huge_front_matter_is_ignored_with_a_warning() -> None:
    text = "---\n" + "key: value\n" * 10_000 + "---\n" + SENTENCE
    a = parse_article(text, "big.txt")
    assert a.body == SENTENCE
    assert any("64 KB" in w for w in a.warnings)


@pytest.mark.parametrize(
    "raw",
    [
        b"\x1b]52;c;SGVsbG8=\x07" + SENTENCE.encode() + b"\x1b[0m",
        b"\xff\xfe" + SENTENCE.encode("utf-16-le"),
        "“Curly” café".encode("cp1252") + b"\r\n\r\n" + SENTENCE.encode(),
        b"---\ntitle: [broken\n---\n" + SENTENCE.encode(),
    ],
)
def test_input_file_is_never_modified(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    load_article(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.txt"]
