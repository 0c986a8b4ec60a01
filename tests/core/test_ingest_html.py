"""Saved web pages (issue 15): the article, its metadata and bad pages, all offline."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.errors import LoadError
from tui.core.ingest import MAX_BYTES, load_article, parse_article
from tui.core.ingest import html as html_mod

ROOT = Path(__file__).resolve().parents[2]

PARAS = [
    "President Vladimir Putin and President Donald Trump will meet in Alaska on Friday, "
    "the Kremlin said on Saturday, in the first summit between the two leaders since 2019.",
    "The meeting in Anchorage is expected to focus on a ceasefire in Ukraine, according to "
    "officials in Moscow and Washington who spoke on condition of anonymity.",
    "Yuri Ushakov, a foreign policy aide to Putin, said the two delegations had agreed on the "
    "venue after several days of talks and that preparations were under way.",
    "European leaders said they had not been consulted about the plans and asked for a seat "
    "at the table in any talks that concerned the future of Ukraine.",
]


def page(body: str = "", head: str = "", paras: list[str] = PARAS) -> str:
    text = "".join(f"<p>{p}</p>\n" for p in paras)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><title>Putin and Trump to meet in Alaska | "
        "Daily Planet</title>"
        '<meta property="og:title" content="Putin and Trump to meet in Alaska">'
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="article:published_time" content="2025-08-09T10:00:00Z">'
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Putin and Trump to meet in Alaska</h1>{body}{text}</article>"
        "<footer>Copyright Daily Planet. All rights reserved.</footer></body></html>"
    )


def test_saved_page_gives_body_title_byline_date_source(tmp_path: Path) -> None:
    path = tmp_path / "saved-page.html"
    path.write_text(page(), encoding="utf-8")
    a = load_article(path)
    assert a.title == "Putin and Trump to meet in Alaska"
    assert a.source == "Daily Planet"
    assert a.date == "2025-08-09"
    first = a.paragraphs[0]
    assert a.body[first.start : first.end] == "By Jane Doe" and first.boilerplate == "byline"
    facts = [a.body[p.start : p.end] for p in a.paragraphs if p.boilerplate is None]
    assert facts == PARAS
    assert "Home" not in a.body and "Copyright" not in a.body
    assert a.warnings == ()


@pytest.mark.parametrize("name", ["saved.txt", "saved", "page.htm"])
def test_text_that_is_plainly_html_is_read_as_a_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xef\xbb\xbf  " + page().encode())
    a = load_article(path)
    assert a.title == "Putin and Trump to meet in Alaska" and PARAS[0] in a.body


def test_tags_in_prose_do_not_make_a_page() -> None:
    a = parse_article("The <b>bold</b> claim was denied.\n\nAnother paragraph here.", "a.txt")
    assert "<b>bold</b>" in a.body  # the plain-text path, unchanged: text stays literal
    assert not html_mod.is_page("The <html> tag.", "a.txt")


def test_page_text_stays_data() -> None:
    """Entities that spell escapes are cleaned; markup written as text stays literal."""
    evil = [
        PARAS[0],
        "He typed &lt;b&gt;bold&lt;/b&gt; and [red]alarm[/red] into the chat window, "
        "officials said &#27;[31mtoday&#27;[0m in a statement to reporters.",
        *PARAS[1:],
    ]
    a = parse_article(page(paras=evil), "evil.html")
    assert "\x1b" not in a.body and "[31m" not in a.body
    assert "<b>bold</b>" in a.body and "[red]alarm[/red]" in a.body


def test_title_with_escapes_is_cleaned() -> None:
    raw = page().replace(
        '<meta property="og:title" content="Putin and Trump to meet in Alaska">',
        '<meta property="og:title" content="Putin &#27;]0;pwned&#7;and Trump">',
    )
    a = parse_article(raw, "t.html")
    assert "\x1b" not in a.title and "\x07" not in a.title


@pytest.mark.parametrize(
    ("charset", "words"),
    [
        ("windows-1251", "Путин и Трамп встретятся на Аляске в пятницу"),
        ("iso-8859-2", "Spotkanie w Anchorage, powiedział rzecznik Kremla, odbędzie się"),
        ("shift_jis", "プーチン大統領とトランプ大統領は金曜日にアラスカで会談する"),
    ],
)
def test_legacy_encoding_declared_in_meta(charset: str, words: str) -> None:
    paras = [f"{words}, {i}. " + words for i in range(4)]
    raw = page(head=f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
               paras=paras)  # fmt: skip
    a = parse_article(raw.encode(charset), "legacy.html")
    assert words in a.body
    assert a.warnings == ()


def test_server_charset_wins_over_meta() -> None:
    raw = page(head='<meta charset="utf-8">', paras=["Čeština " * 30])
    a = parse_article(raw.encode("iso-8859-2"), "x.html", charset="iso-8859-2")
    assert "Čeština" in a.body


def test_no_article_falls_back_to_title_and_visible_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_mod, "_extract", lambda markup: None)
    raw = "<html><head><title>Summit news</title><script>var x = 1;</script></head><body>"
    raw += "<div>Leaders meet on Friday.</div><div>Talks in Zürich.</div></body></html>"
    a = parse_article(raw.encode(), "x.html")
    assert a.title == "Summit news"
    assert a.body == "Leaders meet on Friday.\n\nTalks in Zürich."
    assert a.warnings == ("x.html: no article found in the page; showing its visible text",)


def test_page_with_no_text_is_refused() -> None:
    raw = b"<!DOCTYPE html>\n<html><head><title>Summit</title></head><body></body></html>"
    with pytest.raises(LoadError, match=r"^empty\.html: an HTML page with no readable text$"):
        parse_article(raw, "empty.html")


def test_binary_named_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(LoadError, match=r"not a text file \(PNG image\)"):
        load_article(path)


def test_oversized_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(page(paras=["word " * (MAX_BYTES // 5 + 10)]), encoding="utf-8")
    with pytest.raises(LoadError, match=r"too large for an article"):
        load_article(path)


def test_extraction_never_uses_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    raw = page(head='<link rel="canonical" href="https://example.com/story">')
    a = parse_article(raw, "offline.html")
    assert a.url == "https://example.com/story" and PARAS[0] in a.body


_PROBE = """
import json, sys
from tui.__main__ import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": "trafilatura" in sys.modules,
                  "urllib": "urllib.request" in sys.modules}))
"""


def _probe(args: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_compare_of_text_files_never_imports_trafilatura(tmp_path: Path) -> None:
    samples = sorted(str(p) for p in (ROOT / "sample_articles").glob("*.txt"))
    out = tmp_path / "r.json"
    result = _probe(["compare", *samples, "-o", str(out)])
    assert result == {"code": 0, "loaded": False, "urllib": False}  # nor the fetcher's urllib


def test_the_probe_sees_trafilatura_when_a_page_is_read(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(page(), encoding="utf-8")
    samples = sorted(str(p) for p in (ROOT / "sample_articles").glob("*.txt"))
    out = tmp_path / "r.json"
    result = _probe(["compare", str(tmp_path / "p.html"), samples[0], "-o", str(out)])
    assert result["code"] == 0 and result["loaded"] is True


def test_a_page_of_tags_is_read_as_visible_text_at_once() -> None:
    """trafilatura takes many seconds on tens of thousands of tags; such a page skips it."""
    raw = "<html><body>" + "<span></span>" * html_mod.MAX_TAGS + "<p>Talks in Zürich.</p>"
    a = parse_article(raw + "</body></html>", "tags.html")
    assert a.body == "Talks in Zürich."
    assert a.warnings == (
        "tags.html: too many tags to look for the article (over 20,000); showing its visible text",
    )
