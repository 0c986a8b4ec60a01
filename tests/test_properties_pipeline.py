"""Property: whatever two texts are compared, the result is either a clean refusal or a
Comparison whose every offset and reference is true.

The reader highlights by slicing `body[start:end]` and follows alignments and quote links by
index, so one wrong offset or dangling id is a crash or a wrong highlight in front of a user.
Hand-picked examples cannot reach the odd corners (a quote mark at the end of a paragraph, an
abbreviation before a newline, a control character inside a name), so hypothesis builds
articles from the pieces news text is made of, mixed with arbitrary unicode, and runs the
whole pipeline: parse -> compare -> JSON and Markdown.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tui.core.article import Article
from tui.core.errors import ParallaxError
from tui.core.export import to_json, to_markdown
from tui.core.ingest import parse_article
from tui.core.model import Comparison
from tui.core.pipeline import compare

from .test_hostile_pipeline import strings

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")

PUNCTUATION = [
    "“", "”", '"', "‘", "’", "'", "«", "»", "„", "(", ")", "[", "]", "[red]", "[/]", "\n",
    "\n\n", "\n \n", "\r\n", ".", ". ", "!", "?", "…", ",", ";", ":", " — ", " - ", "\t",
]  # fmt: skip
ABBREVIATIONS = ["U.S.", "Mr.", "Dr.", "No. 10", "Jan.", "e.g.", "St.", "a.m.", "J.", "Inc."]
FRONT_MATTER_LOOKALIKES = [
    "---\n", "...\n", "title: Summit\n", 'source: "Wire"\n', "date: 2025-08-07\n",
    "url: https://example.com\n", "key: [1, 2\n", "- item\n", "# Heading\n", "Related article: ",
    "Read more: ", "By Jane Doe\n", "Advertisement\n", "\x1b[2J", "\x1b]52;c;SGVsbG8=\x07",
]  # fmt: skip
# Characters that change length under lower()/NFC or that str.splitlines() treats as breaks:
# the classic sources of offsets that drift away from the text they claim to mark.
TRICKY = [
    "İstanbul", "İ", "ß", "ǅ", "ﬁnal", "e\u0301", "Å", "\u0130\u0307", "👩\u200d👩\u200d👧",
    "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\u200b", "\u00ad", "\u202e",
    "\ufeff", "\u00a0", "\u3000", "。", "！", "؟", "«Цитата»", "„Zitat“",
]  # fmt: skip
WORDS = [
    "said", "told", "met", "the", "a", "in", "on", "Thursday", "meeting", "agreement", "summit",
    "President", "Putin", "Trump", "Vladimir Putin", "Kremlin aide Yuri Ushakov", "according to",
    "quoted", "as saying", "he said", "officials", "three", "hours", "2021", "people",
]  # fmt: skip

# Quoted statements with the attributions news uses, so quote finding and linking are exercised.
QUOTE_FORMS = [
    "“{q},” {who} said.", "{who} said: “{q}.”", '"{q}," {who} told reporters.',
    'According to {who}, "{q}".', "‘{q}’, {who} said.", "“{q}.", "{who} said the deal was “{q}”",
]  # fmt: skip
quoted = st.builds(
    lambda words, who, form: form.format(q=" ".join(words), who=who),
    st.lists(st.sampled_from([*WORDS, "we", "will", "not", "go", "back", "“", "”"]), max_size=8),
    st.sampled_from(["Ushakov", "Yuri Ushakov", "the ministry", "He", "Kremlin aide Yuri Ushakov"]),
    st.sampled_from(QUOTE_FORMS),
)

fragment = st.one_of(
    quoted,
    st.text(max_size=12),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(ABBREVIATIONS),
    st.sampled_from(TRICKY),
    st.sampled_from(FRONT_MATTER_LOOKALIKES),
    st.sampled_from(WORDS),
    st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True),
    st.integers(0, 10**7).map(str),
    st.sampled_from(["6.5%", "1,200", "3.14", "$2.1 billion", "30-day", "2025-08-07"]),
)


@st.composite
def articles(draw: st.DrawFn) -> list[tuple[str | bytes, str]]:
    """Two texts (sometimes three); later ones often retell part of the first, so that
    alignments, shared spans and quote links happen. Each comes with a file name."""
    first = draw(st.lists(fragment, max_size=50))
    sep = draw(st.sampled_from([" ", "", " \n"]))
    texts: list[str | bytes] = [sep.join(first)]
    for _ in range(draw(st.sampled_from([1, 1, 1, 2]))):
        shared = draw(st.lists(st.sampled_from(first), max_size=30)) if first else []
        texts.append(
            " ".join(draw(st.permutations(shared + draw(st.lists(fragment, max_size=25)))))
        )
    # Some arrive as bytes (the path files take), in the encodings people actually save.
    encoding = draw(st.sampled_from([None, "utf-8", "utf-16", "utf-8-sig"]))
    if encoding:
        texts[1] = str(texts[1]).encode(encoding)
    names = draw(st.permutations(["a.txt", "b.md", "c.markdown"]))
    return list(zip(texts, names, strict=False))


def _check_article(art: Article) -> None:
    body = art.body
    assert not CONTROL.search(body), f"control character in body: {body!r}"
    end = -1
    for i, p in enumerate(art.paragraphs):
        assert p.index == i and end <= p.start <= p.end <= len(body)
        end = p.end
    for i, s in enumerate(art.sentences):
        assert s.index == i
        assert body[s.start : s.end] == s.text and s.text.strip()
        para = art.paragraphs[s.paragraph]
        assert para.boilerplate is None and para.start <= s.start < s.end <= para.end
        if i:
            assert art.sentences[i - 1].end <= s.start, "sentences overlap or go backwards"


def _within(art: Article, sentences: tuple[int, ...], start: int, end: int) -> bool:
    return art.sentences[sentences[0]].start <= start <= end <= art.sentences[sentences[-1]].end


def _check_comparison(c: Comparison) -> None:
    arts = c.articles
    for art in arts:
        _check_article(art)
    for al in c.alignments:
        assert al.left.article < al.right.article, "left is the lower article index"
        assert 0.0 <= al.score <= 1.0
        for side in (al.left, al.right):
            idx = side.sentences
            assert idx and list(idx) == list(range(idx[0], idx[0] + len(idx)))
            assert idx[0] >= 0 and idx[-1] < len(arts[side.article].sentences)
        left, right = arts[al.left.article], arts[al.right.article]
        for s in al.shared:
            lt, rt = left.body[s.left_start : s.left_end], right.body[s.right_start : s.right_end]
            assert lt and rt and s.text in (lt, rt)
            assert _within(left, al.left.sentences, s.left_start, s.left_end)
            assert _within(right, al.right.sentences, s.right_start, s.right_end)
        for op in al.diff:
            assert left.body[op.left_start : op.left_end] == op.left
            assert right.body[op.right_start : op.right_end] == op.right
            assert _within(left, al.left.sentences, op.left_start, op.left_end)
            assert _within(right, al.right.sentences, op.right_start, op.right_end)
        for k in al.conflicts:
            if k.left_span:
                assert left.body[k.left_span[0] : k.left_span[1]] == k.left
            if k.right_span:
                assert right.body[k.right_span[0] : k.right_span[1]] == k.right
    for person in c.people:
        assert person.name.strip()
        for m in person.mentions:
            art = arts[m.article]
            assert art.body[m.start : m.end] == m.text
            sent = art.sentences[m.sentence]
            assert sent.start <= m.start < m.end <= sent.end
    ids = [q.id for q in c.quotes]
    assert len(ids) == len(set(ids)), "quote ids are not unique"
    for q in c.quotes:
        art = arts[q.article]
        assert art.body[q.start : q.end] == q.text
        sent = art.sentences[q.sentence]
        assert q.start < sent.end and q.end > sent.start, "a quote lies outside its sentence"
        for other in q.same_as:
            assert other in ids and other != q.id
    for link in c.quote_links:
        lq, rq = c.quote(link.left), c.quote(link.right)
        assert lq is not None and rq is not None and 0.0 <= link.score <= 1.0
        for op in link.diff:
            assert arts[lq.article].body[op.left_start : op.left_end] == op.left
            assert arts[rq.article].body[op.right_start : op.right_end] == op.right


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(articles())
def test_compare_is_a_clean_refusal_or_all_true(texts: list[tuple[str | bytes, str]]) -> None:
    try:
        comparison = compare([parse_article(text, name) for text, name in texts])
    except ParallaxError as exc:
        event("refused")
        message = str(exc)
        assert message.strip() and "\n" not in message and not CONTROL.search(message)
        return
    event("compared")
    event(f"alignments: {'yes' if comparison.alignments else 'no'}")
    event(f"quotes: {'yes' if comparison.quotes else 'no'}")
    event(f"people: {'yes' if comparison.people else 'no'}")
    _check_comparison(comparison)
    data = json.loads(to_json(comparison))
    for s in strings(data):
        assert not CONTROL.search(s), f"control character in JSON: {s!r}"
    markdown = to_markdown(comparison)
    assert not CONTROL.search(markdown), f"control character in Markdown: {markdown!r}"
