"""Fixtures for the reader tests: the real samples and a hand-built comparison.

The hand-built comparison is a small, realistic two-outlet report of a factory fire whose
alignments, conflicts, people and quotes are written out by hand, so the UI tests are exact
and independent of how the engine scores. The sample fixture runs the real engine, and tests
on it derive every expectation from the Comparison it returns.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Sequence

import pytest
from rich.console import Console

from tui.core.article import Article, Paragraph, Sentence
from tui.core.ingest import load_article
from tui.core.model import (
    Alignment,
    Comparison,
    Conflict,
    DiffOp,
    Mention,
    Passage,
    Person,
    Quote,
    QuoteLink,
    SharedSpan,
)
from tui.core.pipeline import compare
from tui.resources import sample_articles

Para = tuple[Sequence[str], str | None]


def make_article(
    path: str, title: str, source: str, date: str, paragraphs: Sequence[Para]
) -> Article:
    """An Article with exact offsets: one string per sentence, paragraphs joined by a blank line."""
    body = ""
    paras: list[Paragraph] = []
    sentences: list[Sentence] = []
    for n, (sents, boiler) in enumerate(paragraphs):
        if n:
            body += "\n\n"
        start = len(body)
        for k, s in enumerate(sents):
            if k:
                body += " "
            s_start = len(body)
            body += s
            if boiler is None:
                sentences.append(Sentence(len(sentences), n, s_start, len(body), s))
        paras.append(Paragraph(n, start, len(body), boiler))
    return Article(path, title, source, date, body, tuple(paras), tuple(sentences))


def word_diff(left: Article, ls: Sequence[int], right: Article, rs: Sequence[int]) -> tuple:
    """A word diff with body offsets, as the engine's DiffOps are."""

    def words(art: Article, idx: Sequence[int]) -> list[tuple[int, int, str]]:
        out = []
        for i in idx:
            s = art.sentences[i]
            out += [
                (s.start + m.start(), s.start + m.end(), m.group())
                for m in re.finditer(r"\S+", s.text)
            ]
        return out

    lw, rw = words(left, ls), words(right, rs)
    norm = [w[2].lower().strip('“”.,"') for w in lw], [w[2].lower().strip('“”.,"') for w in rw]
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *norm, autojunk=False).get_opcodes():
        lt = " ".join(w[2] for w in lw[i1:i2])
        rt = " ".join(w[2] for w in rw[j1:j2])
        l0 = lw[i1][0] if i1 < i2 else (lw[i1 - 1][1] if i1 else 0)
        l1 = lw[i2 - 1][1] if i1 < i2 else l0
        r0 = rw[j1][0] if j1 < j2 else (rw[j1 - 1][1] if j1 else 0)
        r1 = rw[j2 - 1][1] if j1 < j2 else r0
        ops.append(DiffOp(tag, l0, l1, r0, r1, lt, rt))
    return tuple(ops)


def span(art: Article, text: str, after: int = 0) -> tuple[int, int]:
    start = art.body.index(text, after)
    return start, start + len(text)


def fire_articles() -> tuple[Article, Article]:
    a = make_article(
        "/tmp/ledger-fire.txt",
        "Three hurt in Tromsø chemical plant fire",
        "The Ledger",
        "2024-03-12",
        [
            (
                [
                    "Fire broke out at the Norsk Chemicals plant in Tromsø on Tuesday night, "
                    "police said.",
                    "Three workers were injured and taken to hospital.",
                ],
                None,
            ),
            (["Related article: Chemical safety rules tightened in 2023"], "related"),
            (
                [
                    "“The fire spread very quickly through the storage hall,” plant manager "
                    "Ingrid Dahl said.",
                    "Firefighters needed three hours to bring the blaze under control.",
                ],
                None,
            ),
            (
                [
                    "Dahl said the cause was not yet known.",
                    "Residents were told to keep their windows closed.",
                ],
                None,
            ),
        ],
    )
    b = make_article(
        "/tmp/courier-fire.txt",
        "Blaze at Norsk Chemicals injures two",
        "Nordic Courier",
        "2024-03-13",
        [
            (
                [
                    "Police said two workers were hurt when a fire broke out at the Norsk "
                    "Chemicals plant in Tromsø late on Tuesday."
                ],
                None,
            ),
            (
                [
                    "Plant manager Ingrid Dahl told reporters that “the fire spread quickly "
                    "through the storage hall.”",
                    "She said the cause of the fire was not yet known.",
                ],
                None,
            ),
            (
                [
                    "Firefighters fought the blaze for four hours.",
                    "The plant makes cleaning products for the Nordic market.",
                ],
                None,
            ),
            (["Reporting by Ola Nordmann; editing by Kari Berg"], "byline"),
        ],
    )
    return a, b


def fire_comparison(with_people: bool = True) -> Comparison:
    a, b = fire_articles()

    def al(ls, rs, score, shared=(), conflicts=()):
        return Alignment(
            Passage(0, tuple(ls)),
            Passage(1, tuple(rs)),
            score,
            tuple(shared),
            word_diff(a, ls, b, rs),
            tuple(conflicts),
        )

    def shared(text_a: str, text_b: str, kind: str = "phrase") -> SharedSpan:
        (l0, l1), (r0, r1) = span(a, text_a), span(b, text_b)
        return SharedSpan(l0, l1, r0, r1, text_a, kind)

    alignments = (
        al(
            [0],
            [0],
            0.62,
            [shared("Norsk Chemicals plant in Tromsø", "Norsk Chemicals plant in Tromsø", "name")],
        ),
        al(
            [1],
            [0],
            0.55,
            conflicts=[
                Conflict(
                    "number",
                    "Three",
                    "two",
                    span(a, "Three"),
                    span(b, "two"),
                    "Three workers hurt in The Ledger, two in Nordic Courier",
                )
            ],
        ),
        al(
            [2],
            [1],
            0.74,
            [shared("Ingrid Dahl", "Ingrid Dahl", "name"), shared("storage hall", "storage hall")],
        ),
        al(
            [3],
            [3],
            0.58,
            conflicts=[
                Conflict(
                    "number",
                    "three hours",
                    "four hours",
                    span(a, "three hours"),
                    span(b, "four hours"),
                    "",
                )
            ],
        ),
        al([4], [2], 0.66, [shared("not yet known", "not yet known")]),
    )
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    links: tuple[QuoteLink, ...] = ()
    if with_people:
        mentions = []
        for art_i, art, text, sent, after in (
            (0, a, "Ingrid Dahl", 2, 0),
            (0, a, "Dahl", 4, a.sentences[4].start),
            (1, b, "Ingrid Dahl", 1, 0),
        ):
            s, e = span(art, text, after)
            mentions.append(Mention(art_i, sent, s, e, text))
        people = (Person("Ingrid Dahl", ("Dahl",), ("plant manager",), tuple(mentions)),)
        qa_text = "The fire spread very quickly through the storage hall,"
        qb_text = "the fire spread quickly through the storage hall."
        qa, qb = span(a, qa_text), span(b, qb_text)
        quotes = (
            Quote("q0", 0, 2, *qa, qa_text, "Ingrid Dahl", "person", ("q1",)),
            Quote("q1", 1, 1, *qb, qb_text, "Ingrid Dahl", "person", ("q0",)),
        )
        ops = []
        lw = [(m.start() + qa[0], m.end() + qa[0], m.group()) for m in re.finditer(r"\S+", qa_text)]
        rw = [(m.start() + qb[0], m.end() + qb[0], m.group()) for m in re.finditer(r"\S+", qb_text)]
        norm = [w[2].lower().strip(".,") for w in lw], [w[2].lower().strip(".,") for w in rw]
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *norm).get_opcodes():
            l0 = lw[i1][0] if i1 < i2 else lw[i1 - 1][1]
            r0 = rw[j1][0] if j1 < j2 else rw[j1 - 1][1]
            ops.append(
                DiffOp(
                    tag,
                    l0,
                    lw[i2 - 1][1] if i1 < i2 else l0,
                    r0,
                    rw[j2 - 1][1] if j1 < j2 else r0,
                    " ".join(w[2] for w in lw[i1:i2]),
                    " ".join(w[2] for w in rw[j1:j2]),
                )
            )
        links = (QuoteLink("q0", "q1", 0.88, tuple(ops)),)
    return Comparison((a, b), alignments, people, quotes, links)


def long_comparison(paragraphs: int = 60, sentences_per_paragraph: int = 4) -> Comparison:
    """Two long articles whose aligned facts come in opposite order, so counterparts are far."""
    facts = [
        f"Officials in district {i} said {i * 7} households had been evacuated by the "
        f"morning of day {i % 28 + 1}, and that the river gauge read {i % 9 + 2}.{i % 10} metres."
        for i in range(paragraphs * sentences_per_paragraph)
    ]

    def build(path: str, title: str, order: list[int]) -> Article:
        paras = [
            (
                [
                    facts[k]
                    for k in order[p * sentences_per_paragraph : (p + 1) * sentences_per_paragraph]
                ],
                None,
            )
            for p in range(paragraphs)
        ]
        return make_article(path, title, "Wire", "2024-05-01", paras)

    n = len(facts)
    a = build("/tmp/long-a.txt", "Flood: long report A", list(range(n)))
    b = build("/tmp/long-b.txt", "Flood: long report B", list(reversed(range(n))))
    alignments = tuple(
        Alignment(Passage(0, (i,)), Passage(1, (n - 1 - i,)), 0.9) for i in range(0, n, 3)
    )
    return Comparison((a, b), alignments)


@pytest.fixture
def fire() -> Comparison:
    return fire_comparison()


@pytest.fixture(scope="session")
def samples() -> Comparison:
    return compare([load_article(p) for p in sample_articles()])


def screen_text(app) -> str:
    """The whole screen as plain text, as a person would read it."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def pane_lines(view) -> list[str]:
    """The rendered rows of an ArticleView, gutter and scrollbar excluded."""
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def segment_styles(view, text: str):
    """Styles of the segments whose text contains `text` among the rows on screen."""
    out = []
    for y in range(view.scrollable_content_region.height):
        for seg in view.render_line(y):
            if text in seg.text:
                out.append(seg.style)
    return out
