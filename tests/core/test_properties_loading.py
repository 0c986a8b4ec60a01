"""Properties of loading and segmentation that must hold for any input whatsoever.

Any text either loads or is refused with a `LoadError`; a loaded article's offsets always
slice back to its text, and segmentation never drops, duplicates or reorders a character.
"""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.article import Article
from tui.core.errors import LoadError
from tui.core.ingest import parse_article

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news prose and of everything that trips segmenters and loaders.
PIECES = [
    "Putin",
    "Trump",
    "said",
    "the",
    "talks",
    "met",
    "in",
    "Moscow",
    "on",
    "Thursday",
    "U.S.",
    "U.K.",
    "Mr.",
    "Dr.",
    "Sen.",
    "Gen.",
    "Inc.",
    "Co.",
    "Jan.",
    "Sept.",
    "No.",
    "10",
    "p.m.",
    "a.m.",
    "Ph.D.",
    "J.D.",
    "W.",
    "e.g.",
    "etc.",
    "vs.",
    "3.5",
    "$1.2",
    "2021.",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "(",
    ")",
    "[",
    "]",
    "[red]",
    "[@click=app.quit]",
    ".",
    "?",
    "!",
    ",",
    ";",
    ":",
    "…",
    "...",
    "—",
    "-",
    "*",
    "**",
    "_",
    "#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "•",
    "---",
    "...\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "\x1b[31m",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x07",
    "\x00",
    "\x9b",
    "By Jane Doe",
    "Related article:",
    "Read more:",
    "Advertisement",
    "(Photo by X/Getty Images)",
    "(Reporting by A; Editing by B)",
    "title: x",
    "date: 2025-08-07",
    "[a](http://x)",
    "https://example.com/a.b?c=d.",
    "title: &a [x, *a]",
    "&a",
    "*a",
    "title: *a",
    "!!binary aGk=",
    "!!set",
    "!!python/object/apply:os.system",
    "? ",
    "{",
    "}",
    "|",
    ">-",
    "2025-13-45",
    ".nan",
    "tips@example.com",
    "é",
    "e\u0301",
    "会谈。",
    "\ud800",
]
news_like = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=60
).map("".join)
any_text = st.text(max_size=400) | news_like


def check(article: Article) -> None:
    body = article.body
    assert body and body == body.strip()
    assert body == unicodedata.normalize("NFC", body)
    for ch in body:
        assert ch == "\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0), repr(ch)
    body.encode("utf-8")

    # Paragraphs: consecutive, non-empty, one line each, joined by exactly one blank line.
    texts = []
    for i, p in enumerate(article.paragraphs):
        assert p.index == i
        text = body[p.start : p.end]
        assert text and text == text.strip() and "\n" not in text
        texts.append(text)
    assert body == "\n\n".join(texts)

    # Sentences: indexed from 0, ordered, non-overlapping, inside a fact paragraph, trimmed,
    # and together they cover every visible character of every fact paragraph.
    prev_end = -1
    covered: dict[int, list[tuple[int, int]]] = {}
    for i, s in enumerate(article.sentences):
        assert s.index == i
        para = article.paragraphs[s.paragraph]
        assert para.boilerplate is None
        assert para.start <= s.start < s.end <= para.end
        assert s.start >= prev_end
        assert s.text == body[s.start : s.end] == s.text.strip()
        prev_end = s.end
        covered.setdefault(s.paragraph, []).append((s.start, s.end))
    for p in article.paragraphs:
        if p.boilerplate:
            assert p.index not in covered
            continue
        spans = covered[p.index]
        assert spans[0][0] == p.start and spans[-1][1] == p.end
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert body[end:start].strip() == ""

    for value in (article.title, article.source, article.date, article.url):
        assert "\n" not in value and "\x1b" not in value
    for w in article.warnings:
        assert "\n" not in w


def load_or_refuse(raw: bytes | str, path: str = "prop.txt") -> None:
    try:
        article = parse_article(raw, path)
    except LoadError as exc:
        message = str(exc)
        assert message.startswith(path + ": ") and "\n" not in message
        return
    check(article)


@SETTINGS
@given(any_text)
def test_any_text_loads_or_is_refused(text: str) -> None:
    load_or_refuse(text)


@SETTINGS
@given(any_text)
def test_any_text_as_markdown(text: str) -> None:
    load_or_refuse(text, "prop.md")


@SETTINGS
@given(st.binary(max_size=400) | news_like.map(lambda t: t.encode("utf-8", "replace")))
def test_any_bytes_load_or_are_refused(raw: bytes) -> None:
    load_or_refuse(raw)


@SETTINGS
@given(any_text, st.sampled_from(["utf-16", "utf-16-le", "cp1252", "utf-8-sig", "latin-1"]))
def test_any_encoding_loads_or_is_refused(text: str, encoding: str) -> None:
    load_or_refuse(text.encode(encoding, "replace"))


@SETTINGS
@given(news_like, news_like)
def test_front_matter_around_any_text(meta: str, body: str) -> None:
    load_or_refuse(f"---\n{meta}\n---\n{body}")
    load_or_refuse(f"---\n{meta}\n\n{body}")


WORDS = "Putin Trump said the talks met in Moscow on Thursday U.S. Mr. Inc. 10 p.m. 3.5"
WORDS += " “quoted” words, and. ? ! officials"
words = st.lists(
    st.sampled_from(WORDS.split()),
    min_size=1,
    max_size=15,
).map(" ".join)


@SETTINGS
@given(st.lists(words, min_size=1, max_size=6))
def test_reloading_the_body_is_stable(paragraphs: list[str]) -> None:
    """The body is a fixed point: loading it again gives the same paragraphs and sentences."""
    first = parse_article("\n\n".join(paragraphs), "a.txt")
    again = parse_article(first.body, "a.txt")
    assert again.body == first.body
    assert again.paragraphs == first.paragraphs
    assert again.sentences == first.sentences
