"""Sentence boundaries on real and realistic news prose.

Each case is a sentence pattern that news copy uses every day; the expected split is the one a
careful human editor would make.
"""

from __future__ import annotations

import pytest

from tui.core.article import Paragraph
from tui.core.ingest import parse_article
from tui.core.ingest.segment import segment


def split(text: str) -> list[str]:
    """Sentences of one paragraph of text, through the public segmenter."""
    paragraphs = (Paragraph(0, 0, len(text)),)
    return [s.text for s in segment(text, paragraphs)]


@pytest.mark.parametrize(
    "sentence",
    [
        # From the samples: abbreviations in mid-sentence that must not split.
        "Russian President Vladimir Putin and U.S. President Donald Trump will meet in the coming"
        " days, Kremlin aide Yuri Ushakov said on Thursday, in what would be the first summit"
        " between leaders of the two countries since 2021.",
        "“Today was a good day, but we’ve got a lot of work ahead,” Rubio said.",
        "The U.S. State Department declined to comment on a potential Putin-Trump meeting,"
        " redirecting reporters’ questions to the White House.",
        # Titles never end a sentence.
        "Mr. Smith met Mrs. Jones, Ms. Lee and Dr. Patel before Prof. Keller spoke.",
        "Gen. Mark Milley, Sen. Lindsey Graham, Rep. Nancy Mace and Gov. Gavin Newsom attended.",
        "Lt. Col. James Ward and Sgt. Maria Lopez were honoured in St. Petersburg on Monday.",
        # Companies, suffixes and "vs." inside a sentence.
        "Apple Inc. Chief Executive Tim Cook said Acme Corp. and Smith & Co. would appeal.",
        "Martin Luther King Jr. Day falls on Monday, when Smith vs. Jones resumes.",
        "E.U. and U.N. envoys met Acme Ltd. executives, John Smith Sr. and others, in Oslo.",
        "Fuel, food, medicine, etc. were stockpiled between Jan. 3 and Feb. 9 last year.",
        # Dates, times and numbers.
        "The talks began on Aug. 7 and will resume on Sept. 15 at 10 a.m. local time.",
        "The vote is set for 9 p.m. Thursday in the Senate chamber.",
        "Starmer returned to No. 10 Downing Street after the summit.",
        "Inflation rose 3.5 percent, wiping $1.2 billion off the company’s value.",
        "The company was founded in the U.K. in 1998 and moved to the U.S. in 2004.",
        # Initials.
        "Former President George W. Bush praised Vice President J.D. Vance on Tuesday.",
        "The novels of J. R. R. Tolkien sold 150 million copies, publisher HarperCollins said.",
        "She earned a Ph.D. in economics from Harvard before joining the Fed.",
        # Latin and lowercase abbreviations.
        "Several capitals, e.g. Paris and Berlin, sent approx. 300 observers, i.e. fewer than"
        " hoped.",
        # URLs and e-mail addresses.
        "The statement was posted at https://www.example.gov/news/2025/statement.html on Friday.",
        "Readers can write to tips@example.com with information about the case.",
        # Ellipsis inside a quoted omission.
        "“We will respond … at a time of our choosing,” the ministry said.",
        "He said the plan was “not finished... but close” and left.",
        # A quote ending with a comma is not the end of the sentence.
        "“At the suggestion of the American side, a preliminary agreement was reached,”"
        " Kremlin foreign policy adviser Yuri Ushakov told Russian state media.",
        # A question mark closing a quote, followed by a short attribution.
        "“Why now?” Ushakov asked.",
        "“Is this the end?” he asked reporters.",
        "“Enough!” shouted a protester outside the court.",
        # A sentence that starts with "By" is an ordinary sentence.
        "By Thursday, talks had stalled.",
    ],
)
def test_one_sentence(sentence: str) -> None:
    assert split(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sentence ending with an acronym still ends when the next one starts.
        (
            "The company moved its headquarters to the U.S. The decision surprised investors.",
            ["The company moved its headquarters to the U.S.", "The decision surprised investors."],
        ),
        (
            "The meeting ended at 11 p.m. He left without comment.",
            ["The meeting ended at 11 p.m.", "He left without comment."],
        ),
        (
            "The shares were bought by Berkshire Hathaway Inc. But the deal was never closed.",
            ["The shares were bought by Berkshire Hathaway Inc.", "But the deal was never closed."],
        ),
        (
            "She holds a Ph.D. She taught at Oxford for a decade.",
            ["She holds a Ph.D.", "She taught at Oxford for a decade."],
        ),
        # Closing quotes after the period belong to the sentence.
        (
            "He called it “a disaster.” The ministry disagreed.",
            ["He called it “a disaster.”", "The ministry disagreed."],
        ),
        (
            'He called it "a disaster." The ministry disagreed.',
            ['He called it "a disaster."', "The ministry disagreed."],
        ),
        (
            "However, Putin told reporters that a sit-down was “still far off.” Kyiv did not"
            " comment.",
            [
                "However, Putin told reporters that a sit-down was “still far off.”",
                "Kyiv did not comment.",
            ],
        ),
        # A quote of several sentences is split inside; the attribution stays with its part.
        (
            "“Today was a good day, but we’ve got a lot of work ahead,” Rubio said. “There’s"
            " still many impediments to overcome.”",
            [
                "“Today was a good day, but we’ve got a lot of work ahead,” Rubio said.",
                "“There’s still many impediments to overcome.”",
            ],
        ),
        (
            "“We are ready. We want peace,” Ushakov said.",
            ["“We are ready.", "We want peace,” Ushakov said."],
        ),
        (
            "“We are now beginning concrete preparations.” Ushakov said Witkoff had raised the"
            " possibility of a three-way meeting with Ukrainian President Volodymyr Zelenskyy.",
            [
                "“We are now beginning concrete preparations.”",
                "Ushakov said Witkoff had raised the possibility of a three-way meeting with"
                " Ukrainian President Volodymyr Zelenskyy.",
            ],
        ),
        # Question and exclamation marks.
        (
            "Will the summit happen? Officials in both capitals say yes. It must!",
            ["Will the summit happen?", "Officials in both capitals say yes.", "It must!"],
        ),
        # Parentheses closing after a period.
        (
            "The bank raised rates. (It had held them for a year.) Markets fell.",
            ["The bank raised rates.", "(It had held them for a year.)", "Markets fell."],
        ),
        # Numbers at the end of one sentence and the start of the next.
        (
            "The war began in 2022. 2023 brought a stalemate.",
            ["The war began in 2022.", "2023 brought a stalemate."],
        ),
        # A numbered list item keeps its number.
        (
            "1. The ceasefire starts at midnight.",
            ["1. The ceasefire starts at midnight."],
        ),
        # A sentence opening with a quote after an acronym.
        (
            "He studied in the U.K. “It changed my life,” he said.",
            ["He studied in the U.K.", "“It changed my life,” he said."],
        ),
        # A quote opened mid-sentence: what follows it is a new sentence.
        (
            "He called it “a disaster.” Officials said little.",
            ["He called it “a disaster.”", "Officials said little."],
        ),
        # A quote of two sentences ending in a question keeps its short attribution.
        (
            "“We came in good faith. Why would we leave now?” Taha asked. The talks resumed.",
            [
                "“We came in good faith.",
                "Why would we leave now?” Taha asked.",
                "The talks resumed.",
            ],
        ),
        # Brand names that start in lowercase still start a sentence.
        (
            "Nimbus shares fell. iPhone sales, by contrast, rose 4%.",
            ["Nimbus shares fell.", "iPhone sales, by contrast, rose 4%."],
        ),
        # Interview labels stay with their question or answer.
        (
            "Q. What happened in Jeddah? A. The talks failed.",
            ["Q. What happened in Jeddah?", "A. The talks failed."],
        ),
        # A sentence ending with a date or a time.
        (
            "The agreement was signed Feb. 24. Russia invaded later that day.",
            ["The agreement was signed Feb. 24.", "Russia invaded later that day."],
        ),
        (
            "She moved to Washington, D.C. She later joined the State Department.",
            ["She moved to Washington, D.C.", "She later joined the State Department."],
        ),
        # Non-Latin full stops split without a following space.
        ("会谈结束了。双方同意再次会面。", ["会谈结束了。", "双方同意再次会面。"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sample_quote_paragraph_from_summit_a() -> None:
    text = (
        "“At the suggestion of the American side, an agreement was essentially reached to hold a"
        " bilateral meeting at the highest level in the coming days,” Interfax news agency quoted"
        " Ushakov as saying. “We are now beginning concrete preparations together with our"
        " American colleagues.”"
    )
    parts = split(text)
    assert len(parts) == 2
    assert parts[0].endswith("quoted Ushakov as saying.")
    assert (
        parts[1]
        == "“We are now beginning concrete preparations together with our American colleagues.”"
    )


def test_offsets_index_and_paragraph_numbers() -> None:
    body = "First one. Second one.\n\nBy Jane Doe\n\nThird one."
    paragraphs = (
        Paragraph(0, 0, 22),
        Paragraph(1, 24, 35, "byline"),
        Paragraph(2, 37, 47),
    )
    sentences = segment(body, paragraphs)
    assert [(s.index, s.paragraph, s.text) for s in sentences] == [
        (0, 0, "First one."),
        (1, 0, "Second one."),
        (2, 2, "Third one."),
    ]
    for s in sentences:
        assert body[s.start : s.end] == s.text


def test_boilerplate_paragraphs_have_no_sentences() -> None:
    article = parse_article(
        "The talks began on Monday.\n\nAdvertisement\n\nThey ended on Friday.", "x.txt"
    )
    assert [s.text for s in article.sentences] == [
        "The talks began on Monday.",
        "They ended on Friday.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 2]


def test_stray_punctuation_is_not_a_sentence() -> None:
    assert split("The talks collapsed. …") == ["The talks collapsed. …"]


def test_long_line_without_spaces_is_one_sentence() -> None:
    text = "a." * 500_000
    assert split(text) == [text]


def test_many_abbreviations_in_one_line() -> None:
    text = "U.S. " * 100_000 + "end."
    assert split(text) == [text]
