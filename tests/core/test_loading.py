"""Loading articles: the two samples, front matter, Markdown, paragraphs, boilerplate,
encodings and refusals, on real and realistic news text."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tui.core.errors import LoadError
from tui.core.ingest import MAX_BYTES, load_article, parse_article

SHARED = Path("/work/shared/articles")
ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "sample_articles"


def raw_sample(name: str) -> bytes:
    """The raw sample text (shared copy if present, else the bundled one without front matter)."""
    shared = SHARED / name
    if shared.exists():
        return shared.read_bytes()
    text = (BUNDLED / name).read_text(encoding="utf-8")
    return text.split("---\n", 2)[2].encode("utf-8")


def paragraph_texts(article) -> list[str]:
    return [article.body[p.start : p.end] for p in article.paragraphs]


# --------------------------------------------------------------------------------------------
# The two samples


def test_summit_a_one_paragraph_per_line() -> None:
    article = parse_article(raw_sample("summit-a.txt"), "summit-a.txt")
    paras = paragraph_texts(article)
    assert len(paras) == 11
    assert all(p.boilerplate is None for p in article.paragraphs)
    assert paras[2] == (
        "He did not say where the summit would take place. Putin was due later on Thursday to"
        " meet the president of the United Arab Emirates, which sources have previously"
        " suggested as a possible venue."
    )
    assert len(article.sentences) == 14
    texts = [s.text for s in article.sentences]
    assert texts[0] == (
        "Russian President Vladimir Putin and U.S. President Donald Trump will meet in the coming"
        " days, Kremlin aide Yuri Ushakov said on Thursday, in what would be the first summit"
        " between leaders of the two countries since 2021."
    )
    assert texts[2] == (
        "“We are now beginning concrete preparations together with our American colleagues.”"
    )
    assert (
        texts[7]
        == "But he said the Russian side had left this proposal “completely without comment.”"
    )
    assert article.body == "\n\n".join(paras)


def test_summit_b_hard_wrapped_blocks() -> None:
    article = parse_article(raw_sample("summit-b.txt"), "summit-b.txt")
    paras = paragraph_texts(article)
    # 13 blank-line-separated blocks in the file, one of them the "Related article" line.
    assert len(paras) == 13
    kinds = [p.boilerplate for p in article.paragraphs]
    assert kinds == [None] * 6 + ["related"] + [None] * 6
    assert paras[6] == (
        "Related article: Trump Claims ‘Great Progress Made’ During Putin-Witkoff Meeting in Moscow"
    )
    # The stray leading space of a wrapped line disappears; the wrap becomes one space.
    assert paras[4] == (
        "The U.S. State Department declined to comment on a potential Putin-Trump meeting,"
        " redirecting reporters’ questions to the White House."
    )
    texts = [s.text for s in article.sentences]
    assert len(texts) == 14
    assert (
        "Putin, answering questions from the press later on Thursday, suggested that the summit"
        " with Trump may take place in the United Arab Emirates." in texts
    )
    assert "“Today was a good day, but we’ve got a lot of work ahead,” Rubio said." in texts
    assert "“There’s still many impediments to overcome.”" in texts
    assert not any("Related article" in t for t in texts)
    assert "\n" not in "".join(texts)


def test_bundled_samples_have_front_matter() -> None:
    a = load_article(BUNDLED / "summit-a.txt")
    b = load_article(BUNDLED / "summit-b.txt")
    assert a.title == "Putin and Trump to meet in the coming days, Kremlin aide says"
    assert b.title == 'Russia and U.S. agree to hold Putin-Trump meeting "in the coming days"'
    assert a.date == b.date == "2025-08-07"
    assert a.warnings == b.warnings == ()
    assert a.body.startswith("Russian President Vladimir Putin")
    assert b.body.startswith("Russia and the United States")
    assert len(b.paragraphs) == 13


# --------------------------------------------------------------------------------------------
# Front matter

ARTICLE = "The central bank raised its key rate to 7.25% on Wednesday.\n"


def test_front_matter_fields_and_extra_keys() -> None:
    text = (
        "---\n"
        "title: Kestovia raises rates\n"
        "source: Northern Wire\n"
        "date: 2026-03-18\n"
        "url: https://example.com/rates\n"
        "author: Anna Pelkonen\n"
        "updated: 2026-03-18 14:05:00\n"
        "tags: [economy, rates]\n"
        "score: .nan\n"
        "---\n" + ARTICLE
    )
    a = parse_article(text, "rates.md")
    assert (a.title, a.source, a.date, a.url) == (
        "Kestovia raises rates",
        "Northern Wire",
        "2026-03-18",
        "https://example.com/rates",
    )
    assert a.extra["author"] == "Anna Pelkonen"
    assert a.extra["updated"] == "2026-03-18T14:05:00"
    assert a.extra["tags"] == ["economy", "rates"]
    assert a.extra["score"] == "nan"
    json.dumps(a.extra, allow_nan=False)
    assert a.body == ARTICLE.strip()
    assert a.warnings == ()


def test_yaml_booleans_do_not_eat_metadata_words() -> None:
    a = parse_article("---\ntitle: No\nsource: NO\nlive: yes\n---\n" + ARTICLE, "n.txt")
    assert (a.title, a.source) == ("No", "NO")
    assert a.extra == {"live": True}


def test_path_may_be_bytes_or_pathlike() -> None:
    by_bytes = load_article(os.fsencode(BUNDLED / "summit-a.txt"))
    by_path = load_article(BUNDLED / "summit-a.txt")
    assert by_bytes.body == by_path.body
    assert by_bytes.path == str(BUNDLED / "summit-a.txt")


def test_front_matter_is_never_executed() -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n" + ARTICLE
    a = parse_article(text, "evil.txt")
    assert a.title == ""
    assert a.warnings and "front matter" in a.warnings[0]
    assert a.body == ARTICLE.strip()


def test_invalid_yaml_warns_and_keeps_simple_keys() -> None:
    text = "---\ntitle: Rates rise\nsource: [Northern Wire\nurl: {x\n---\n" + ARTICLE
    a = parse_article(text, "rates.txt")
    assert (a.title, a.source, a.url) == ("Rates rise", "", "")
    assert len(a.warnings) == 1 and "\n" not in a.warnings[0]
    assert "rates.txt" in a.warnings[0] and "not valid YAML" in a.warnings[0]
    assert a.body == ARTICLE.strip()


def test_front_matter_that_is_not_a_mapping() -> None:
    a = parse_article("---\ntitle: Rates\n---\n---\n- one\n---\n" + ARTICLE, "list.txt")
    assert a.title == "Rates"
    a = parse_article("---\n42\n---\n" + ARTICLE, "scalar.txt")
    assert a.warnings and "scalar.txt" in a.warnings[0]
    assert ARTICLE.strip() in a.body


def test_prose_between_rules_is_kept_as_text() -> None:
    a = parse_article("---\nThe summit was confirmed.\n---\n" + ARTICLE, "rules.txt")
    assert "The summit was confirmed." in a.body
    assert ARTICLE.strip() in a.body
    assert a.warnings


def test_unclosed_front_matter_read_up_to_blank_line() -> None:
    a = parse_article("---\ntitle: Rates rise\ndate: 2026-03-18\n\n" + ARTICLE, "open.txt")
    assert a.title == "Rates rise"
    assert a.date == "2026-03-18"
    assert a.body == ARTICLE.strip()
    assert any("not closed" in w for w in a.warnings)


def test_unclosed_rule_followed_by_prose_loses_no_words() -> None:
    a = parse_article("---\n" + ARTICLE + "\nMarkets fell.\n", "open.txt")
    assert ARTICLE.strip() in a.body and "Markets fell." in a.body
    assert a.warnings


def test_title_with_escape_sequence_is_cleaned() -> None:
    a = parse_article('---\ntitle: "\\e[31mRates\\e[0m rise\\x07"\n---\n' + ARTICLE, "t.txt")
    assert a.title == "Rates rise"


def test_front_matter_only_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^meta\.md: no article text after the front matter$"):
        parse_article("---\ntitle: Nothing here\n---\n\n   \n", "meta.md")


# --------------------------------------------------------------------------------------------
# Markdown


def test_markdown_heading_becomes_title_and_syntax_is_stripped() -> None:
    text = (
        "# EU fines Nimbus €2.1 billion\n\n"
        "*By Julia Ferreira, Brussels*\n\n"
        "The **European Commission** on Tuesday fined _Nimbus_ for abusing its"
        " [app store](https://example.com/store) dominance.\n\n"
        "## What happens next\n\n"
        "![The Nimbus logo](logo.png)\n\n"
        "[Read more: How the Digital Markets Act changes app stores](https://example.com/dma)\n"
    )
    a = parse_article(text, "techdesk.md")
    assert a.title == "EU fines Nimbus €2.1 billion"
    assert paragraph_texts(a) == [
        "By Julia Ferreira, Brussels",
        "The European Commission on Tuesday fined Nimbus for abusing its app store dominance.",
        "What happens next",
        "The Nimbus logo",
        "Read more: How the Digital Markets Act changes app stores",
    ]
    kinds = [p.boilerplate for p in a.paragraphs]
    assert kinds == ["byline", None, None, None, "read-more"]


def test_markdown_heading_equal_to_front_matter_title_is_dropped() -> None:
    a = parse_article("---\ntitle: Rates rise\n---\n# Rates rise\n\n" + ARTICLE, "r.md")
    assert a.title == "Rates rise"
    assert a.body == ARTICLE.strip()


def test_markdown_heading_different_from_title_is_kept() -> None:
    a = parse_article("---\ntitle: Rates rise\n---\n# Kestovia acts\n\n" + ARTICLE, "r.md")
    assert paragraph_texts(a)[0] == "Kestovia acts"


def test_a_plain_text_headline_becomes_the_title() -> None:
    text = (
        "Gothenburg port grinds to a halt as dockers strike over robot cranes\n\n"
        "Nina Forsberg, Nordic correspondent\n\n"
        "Sweden's busiest port was brought almost to a standstill on Monday.\n"
    )
    a = parse_article(text, "port.txt")
    assert a.title == "Gothenburg port grinds to a halt as dockers strike over robot cranes"
    assert [p.boilerplate for p in a.paragraphs] == ["byline", None]
    assert [s.text for s in a.sentences] == [
        "Sweden's busiest port was brought almost to a standstill on Monday."
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Two lines over the text: outlet, section or kicker, which one is the headline is a
        # guess, so neither is taken.
        "Gazeta Poranna, Lodz edition\n\nTragedy on the tracks near Debowa Wola\n\n"
        "Three people were killed.\n",
        # A sentence, not a headline, even when short.
        "Three people were killed.\n\nThe line is closed.\n",
        # Two sentences on one line are text.
        "Storm hits coast. Thousands flee\n\nThe storm hit at dawn.\n",
        # Nothing after it: the line is the article.
        "Storm hits the coast of Odesa overnight\n",
    ],
)
def test_text_that_is_not_one_headline_over_the_article_stays_text(text: str) -> None:
    a = parse_article(text, "a.txt")
    assert a.title == ""
    assert a.body == text.strip()


def test_a_headline_repeated_under_the_front_matter_title_is_dropped() -> None:
    a = parse_article("---\ntitle: Rates rise again\n---\nRates rise again\n\n" + ARTICLE)
    assert a.title == "Rates rise again"
    assert a.body == ARTICLE.strip()
    b = parse_article("---\ntitle: Rates rise again\n---\nKestovia acts on prices\n\n" + ARTICLE)
    assert b.body.startswith("Kestovia acts on prices")


def test_a_byline_may_name_the_beat_without_by() -> None:
    for line in ("Nina Forsberg, Nordic correspondent", "Jane Doe, Political Editor"):
        a = parse_article(f"{line}\n\n{ARTICLE}")
        assert a.paragraphs[0].boilerplate == "byline"


def test_markdown_lists_are_separate_paragraphs() -> None:
    text = (
        "The agreement has three parts:\n\n"
        "- a ceasefire starting at midnight;\n"
        "- safe corridors for aid;\n"
        "- a monitoring committee.\n"
    )
    a = parse_article(text, "deal.md")
    assert paragraph_texts(a) == [
        "The agreement has three parts:",
        "a ceasefire starting at midnight;",
        "safe corridors for aid;",
        "a monitoring committee.",
    ]


def test_markdown_soft_wrapped_paragraph_is_joined() -> None:
    text = "The talks\nbegan on Monday.\nThey ended on Friday.\n\nA second paragraph.\n"
    a = parse_article(text, "notes.md")
    assert paragraph_texts(a) == [
        "The talks began on Monday. They ended on Friday.",
        "A second paragraph.",
    ]


def test_plain_text_keeps_asterisks_and_underscores() -> None:
    a = parse_article("Shares of snake_case Ltd rose 5 * 3 points, *analysts said.\n", "x.txt")
    assert a.body == "Shares of snake_case Ltd rose 5 * 3 points, *analysts said."


# --------------------------------------------------------------------------------------------
# Paragraphs


def test_no_blank_lines_means_one_paragraph_per_line() -> None:
    text = "The bank raised rates.\nMarkets fell.\n“We had no choice,” the governor said.\n"
    assert paragraph_texts(parse_article(text)) == [
        "The bank raised rates.",
        "Markets fell.",
        "“We had no choice,” the governor said.",
    ]


def test_camel_case_brand_starts_a_paragraph() -> None:
    text = "Nimbus shares fell 3% on Tuesday.\niPhone sales, by contrast, rose.\n"
    assert len(parse_article(text).paragraphs) == 2


def test_line_broken_mid_sentence_is_rejoined_even_without_wrapping() -> None:
    text = "The bank raised rates on Wednesday,\nthe third increase this year.\nMarkets fell.\n"
    assert paragraph_texts(parse_article(text)) == [
        "The bank raised rates on Wednesday, the third increase this year.",
        "Markets fell.",
    ]


WRAPPED = (
    "The Central Bank of Kestovia raised its benchmark interest rate by half a percentage\n"
    "point to 7.25% on Wednesday, its third increase this year, as inflation remained\n"
    "stubbornly above target.\n"
    "Governor Irena Dvorakova told reporters in Lensk that the decision was necessary and\n"
    "overdue, adding that the bank would not hesitate to act again if price growth failed\n"
    "to slow. Consumer prices rose 6.8% in February from a year earlier, according to the\n"
    "statistics office.\n"
)


def test_hard_wrapped_without_blank_lines_uses_the_wrap_width() -> None:
    # "stubbornly above target." is followed by a word that would have fitted: a real break.
    paras = paragraph_texts(parse_article(WRAPPED))
    assert len(paras) == 2
    assert paras[0].endswith("as inflation remained stubbornly above target.")
    assert paras[1].startswith("Governor Irena Dvorakova told reporters")
    assert paras[1].endswith("according to the statistics office.")


def test_indented_first_lines_start_paragraphs_in_wrapped_text() -> None:
    text = (
        "    The bank raised rates on Wednesday, its third increase this year, as the\n"
        "inflation remained stubbornly above its target for a year and some months.\n"
        "    Governor Irena Dvorakova told reporters in Lensk that the decision was\n"
        "necessary and overdue, adding that the bank would not hesitate again if\n"
        "price growth failed to slow down over the next few months, as expected.\n"
        "    Markets fell.\n"
    )
    paras = paragraph_texts(parse_article(text))
    assert len(paras) == 3
    assert paras[0].endswith("for a year and some months.")
    assert paras[2] == "Markets fell."


def test_byline_line_directly_above_the_text_is_its_own_paragraph() -> None:
    text = (
        "By Anna Pelkonen\n"
        "LENSK, March 18 (Northern Wire) - Kestovia's central bank lifted borrowing costs.\n\n"
        "The increase surprised most analysts.\n"
    )
    a = parse_article(text)
    assert paragraph_texts(a)[0] == "By Anna Pelkonen"
    assert a.paragraphs[0].boilerplate == "byline"
    assert len(a.paragraphs) == 3


def test_text_pasted_from_a_news_page() -> None:
    text = (
        "World\n"
        "Putin and Trump to meet in the coming days, Kremlin says\n"
        "By Guy Faulconbridge and Andrew Osborn\n"
        "Updated 2 hours ago\n"
        "\n"
        "MOSCOW, Aug 7 (Reuters) - Russian President Vladimir Putin and U.S. President Donald"
        " Trump will meet in the coming days, the Kremlin said on Thursday.\n"
        "Advertisement · Scroll to continue\n"
        "The White House did not immediately respond to a request for comment.\n"
        "Sign up here.\n"
        "(Reporting by Guy Faulconbridge and Andrew Osborn; Editing by Kevin Liffey)\n"
        "Suggested Topics:\n"
        "Europe\n"
    )
    a = parse_article(text, "reuters.txt")
    # The headline under the section label is the title, not a fact paragraph.
    assert a.title == "Putin and Trump to meet in the coming days, Kremlin says"
    got = [(p.boilerplate, a.body[p.start : p.end]) for p in a.paragraphs]
    assert got == [
        ("other", "World"),
        ("byline", "By Guy Faulconbridge and Andrew Osborn"),
        ("other", "Updated 2 hours ago"),
        (
            None,
            "MOSCOW, Aug 7 (Reuters) - Russian President Vladimir Putin and U.S. President"
            " Donald Trump will meet in the coming days, the Kremlin said on Thursday.",
        ),
        ("advert", "Advertisement · Scroll to continue"),
        (None, "The White House did not immediately respond to a request for comment."),
        ("advert", "Sign up here."),
        ("byline", "(Reporting by Guy Faulconbridge and Andrew Osborn; Editing by Kevin Liffey)"),
        ("related", "Suggested Topics:"),
        ("other", "Europe"),
    ]


def test_hyphenated_word_broken_at_the_wrap_is_rejoined() -> None:
    text = "Concerns grew over a military build-\nup near the border.\n\nTalks resumed.\n"
    assert paragraph_texts(parse_article(text))[0] == (
        "Concerns grew over a military build-up near the border."
    )


def test_separator_lines_are_paragraph_breaks_not_text() -> None:
    text = "The first part ends here.\n\n* * *\n\nThe second part begins.\n"
    assert paragraph_texts(parse_article(text)) == [
        "The first part ends here.",
        "The second part begins.",
    ]


def test_bulleted_lines_in_plain_text() -> None:
    text = "Key points:\n• Rates rose to 7.25%.\n• Inflation is 6.8%.\n"
    assert paragraph_texts(parse_article(text)) == [
        "Key points:",
        "Rates rose to 7.25%.",
        "Inflation is 6.8%.",
    ]


def test_mixed_line_endings() -> None:
    raw = b"First paragraph.\r\n\r\nSecond paragraph.\rThird paragraph.\nFourth paragraph.\r\n"
    assert paragraph_texts(parse_article(raw)) == [
        "First paragraph.",
        "Second paragraph.",
        "Third paragraph.",
        "Fourth paragraph.",
    ]


def test_body_is_paragraphs_joined_by_one_blank_line() -> None:
    a = parse_article("\n\n  First.  \n\n\n\n\n   Second.   \n\n")
    assert a.body == "First.\n\nSecond."
    assert [(p.start, p.end) for p in a.paragraphs] == [(0, 6), (8, 15)]


# --------------------------------------------------------------------------------------------
# Boilerplate


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Related article: Trump Claims ‘Great Progress Made’ During Putin-Witkoff Meeting",
            "related",
        ),
        ("Related: Bangladesh's garment industry ten years after Rana Plaza", "related"),
        ("RELATED COVERAGE: Sudan truce talks resume in Jeddah", "related"),
        ("See also: How the Digital Markets Act changes app stores", "related"),
        ("Read more: Inside the battle for El Fasher", "read-more"),
        ("READ MORE:", "read-more"),
        ("Read more", "read-more"),
        ("Click here to watch the full press conference", "read-more"),
        ("Continue reading", "read-more"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("By JANE DOE | Associated Press", "byline"),
        ("By Julia Ferreira, Brussels", "byline"),
        ("By Jean-Noël Barrot and Mohamed bin Salman, The New York Times", "byline"),
        ("By R.J. Whitaker", "byline"),
        ("By Helen Marchetti in The Hague", "byline"),
        ("By Ana Soto in Santiago and Tom Reyes in Lima", "byline"),
        (
            "(Reporting by Omar Said in Jeddah; Writing by Helen Ward; Editing by Dana Whitlock)",
            "byline",
        ),
        ("Reporting by Anna Pelkonen; Editing by Mark Osei", "byline"),
        ("Additional reporting by Karim Haddad in Cairo.", "byline"),
        ("The Associated Press contributed to this report.", "byline"),
        (
            "Photo: Firefighters work to put out the blaze in Gazipur. (Dhaka Daily / Rahim Uddin)",
            "credit",
        ),
        ("(Photo by John Smith/Getty Images)", "credit"),
        ("(AP Photo/Evan Vucci)", "credit"),
        ("Credit: Pierre Lambert / Daily Ledger", "credit"),
        ("Image: Reuters", "credit"),
        (
            "FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow, Russia."
            " REUTERS/Evelyn Hockstein/File Photo",
            "credit",
        ),
        ("Advertisement", "advert"),
        ("ADVERTISEMENT", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Sign up for our daily Morning Briefing newsletter", "advert"),
        ("Share this article", "share"),
        ("Follow us on Twitter and Facebook", "share"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "other"),
        ("© 2026 Northern Wire", "other"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "other"),
        ("Updated 10:42 AM EDT, Thu August 7, 2025", "other"),
        ("Published: 7 August 2025", "other"),
        ("Read the full story here", "read-more"),
    ],
)
def test_boilerplate_kinds(text: str, kind: str) -> None:
    a = parse_article(f"The ceasefire took effect at midnight.\n\n{text}\n", "x.txt")
    assert a.paragraphs[1].boilerplate == kind
    assert a.body.endswith(text)
    assert [s.paragraph for s in a.sentences] == [0]


@pytest.mark.parametrize(
    "text",
    [
        "By Thursday, talks had stalled.",
        "By Monday in Brussels the deal was done.",
        "By Thursday, Reuters reported, the two sides had agreed to meet.",
        "By midnight the fire had spread to three floors.",
        "By contrast, the army delegation left without comment.",
        "By Jane Doe’s own account, the meeting lasted three hours.",
        "Related talks in Geneva ended without agreement, diplomats said.",
        "Read the full statement, officials urged reporters on Thursday, before judging the deal.",
        "Photographers were kept away from the site, police said.",
        "The advertisement campaign cost $2 million, the company said.",
        "Copyright lawyers said the case could take years.",
        "Shares in the company fell 3% after the announcement.",
        "Credit Suisse shares fell 5%.",
        "Sign language interpreters were present at the briefing.",
        "Follow-up talks are expected next week.",
        "Updated figures showed 5% growth in 2024.",
        "Posted on Tuesday, the video drew 5 million views.",
    ],
)
def test_news_sentences_are_not_boilerplate(text: str) -> None:
    a = parse_article(text, "x.txt")
    assert a.paragraphs[0].boilerplate is None
    assert [s.text for s in a.sentences] == [text]


# --------------------------------------------------------------------------------------------
# Encodings

NEWS = "“We’re ready,” said José Ortega, the café’s owner — naïve or not. Prices rose 5 €."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings(encoding: str) -> None:
    raw = NEWS.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        raw = (b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff") + raw
    a = parse_article(raw, "x.txt")
    assert a.body == NEWS
    assert a.warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding: str) -> None:
    text = "Putin and Trump will meet in the coming days, Kremlin aide Yuri Ushakov said."
    a = parse_article(text.encode(encoding), "x.txt")
    assert a.body == text


def test_windows_1252_curly_quotes_and_accents() -> None:
    raw = "“We’re ready,” said José Ortega, the café’s owner.".encode("cp1252")
    assert b"\x93" in raw and b"\x92" in raw and b"\xe9" in raw
    a = parse_article(raw, "legacy.txt")
    assert a.body == "“We’re ready,” said José Ortega, the café’s owner."
    assert len(a.warnings) == 1 and "Windows-1252" in a.warnings[0]


def test_windows_1252_mixed_with_utf8_keeps_both() -> None:
    raw = "“Talks” resumed".encode("cp1252") + " — José said".encode() + b" \x81ok\x92s."
    a = parse_article(raw, "mixed.txt")
    assert a.body == "“Talks” resumed — José said \ufffdok’s."
    assert a.warnings == (
        "mixed.txt: not UTF-8; read as Windows-1252; 1 undefined byte(s) replaced",
    )


def test_invalid_utf8_bytes_are_replaced_with_a_warning() -> None:
    raw = "Zelenskyy’s café — the talks".encode() + b" \xff\xfe\x81 " + "résumé.".encode()
    a = parse_article(raw, "broken.txt")
    assert a.body.startswith("Zelenskyy’s café — the talks")
    assert a.body.endswith("résumé.")
    assert "\ufffd" in a.body
    assert len(a.warnings) == 1 and "broken.txt" in a.warnings[0]


def test_unicode_is_nfc_normalised() -> None:
    a = parse_article("Jose\u0301 Ortega arrived.", "x.txt")
    assert a.body == "José Ortega arrived."


# --------------------------------------------------------------------------------------------
# Refusals: one line, naming the file


def assert_refused(exc: pytest.ExceptionInfo[LoadError], name: str, problem: str) -> None:
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(name + ": ")
    assert problem in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as exc:
        load_article(tmp_path / "gone.txt")
    assert_refused(exc, str(tmp_path / "gone.txt"), "no such file")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as exc:
        load_article(tmp_path)
    assert_refused(exc, str(tmp_path), "is a directory")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user

        def deny(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(LoadError) as exc:
        load_article(path)
    assert_refused(exc, str(path), "permission denied")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (bytes(range(256)) * 40, "binary data"),
        (b"text\x00\x00\x00\x00\x00\x01\x02\x03more", "binary data"),
    ],
)
def test_binary_data(tmp_path: Path, raw: bytes, problem: str) -> None:
    path = tmp_path / "summit.txt"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as exc:
        load_article(path)
    assert_refused(exc, str(path), f"not a text file ({problem}")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n\t \r\n  ", "empty"),
        ("\u200b\u00a0\ufeff\n".encode(), "no readable text"),
        (b"\x1b[31m\x1b[0m\n", "no readable text"),
    ],
)
def test_empty_articles(tmp_path: Path, raw: bytes, problem: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as exc:
        load_article(path)
    assert_refused(exc, str(path), problem)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        # A page is read as one (tests/core/test_ingest_html.py); with no text it is refused.
        (b"<!DOCTYPE html>\n<html><head><title>Summit</title></head>", "an HTML page"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Putin and Trump}", "an RTF document"),
        (b"<?xml version='1.0'?><rss><channel></channel></rss>", "XML data"),
    ],
)
def test_markup_documents_are_refused(tmp_path: Path, raw: bytes, kind: str) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(raw)
    with pytest.raises(LoadError) as exc:
        load_article(path)
    assert_refused(exc, str(path), kind)


def test_too_large_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 20 MB file: no need to write the bytes
        fh.truncate(20 * 1024 * 1024)
    with pytest.raises(LoadError) as exc:
        load_article(path)
    assert_refused(exc, str(path), "too large for an article (20.0 MB")


def test_too_large_in_memory_is_refused() -> None:
    with pytest.raises(LoadError, match=r"^big: too large"):
        parse_article(b"a" * (MAX_BYTES + 1), "big")


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as exc:
        load_article(fifo)
    assert_refused(exc, str(fifo), "not a regular file")


def test_file_name_with_control_characters_stays_on_one_line(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as exc:
        load_article(tmp_path / "evil\n\x1b[31mname.txt")
    message = str(exc.value)
    assert "\n" not in message and "\x1b" not in message
    assert "no such file" in message


def test_loading_never_writes_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "summit-b.txt"
    raw = b"\xef\xbb\xbf---\ntitle: x\n---\r\n" + raw_sample("summit-b.txt")
    path.write_bytes(raw)
    before = path.stat()
    load_article(path)
    after = path.stat()
    assert path.read_bytes() == raw
    assert (before.st_mtime_ns, before.st_size) == (after.st_mtime_ns, after.st_size)
