"""The pair view's word diff reads as the articles wrote it (quotes and commas hug words)."""

from __future__ import annotations

from tui.app.pair_view import diff_text
from tui.core.model import DiffOp

VARIABLES = {"diff-delete": "#ff8a80", "diff-insert": "#7cd38f"}


def op(tag: str, left: str, lbody: str, right: str, rbody: str, lfrom=0, rfrom=0) -> DiffOp:
    """A DiffOp whose offsets point at `left`/`right` inside the bodies, as the engine's do."""
    l0 = lbody.index(left, lfrom) if left else lfrom
    r0 = rbody.index(right, rfrom) if right else rfrom
    return DiffOp(tag, l0, l0 + len(left), r0, r0 + len(right), left, right)


LEFT = "Putin would meet Donald Trump “in the coming days,” a Kremlin aide said on Thursday."
RIGHT = "Putin will meet Donald Trump “very soon,” a Kremlin aide told reporters."


def ops() -> tuple[DiffOp, ...]:
    return (
        op("equal", "Putin ", LEFT, "Putin ", RIGHT),
        op("replace", "would ", LEFT, "will ", RIGHT),
        op("equal", "meet Donald Trump “", LEFT, "meet Donald Trump “", RIGHT),
        op("replace", "in the coming days", LEFT, "very soon", RIGHT),
        op("equal", ",” a Kremlin aide ", LEFT, ",” a Kremlin aide ", RIGHT),
        op("replace", "said on Thursday.", LEFT, "told reporters.", RIGHT),
    )


def test_each_side_reads_exactly_as_its_article() -> None:
    assert diff_text(ops(), "left", VARIABLES, body=LEFT).plain == LEFT
    assert diff_text(ops(), "right", VARIABLES, body=RIGHT).plain == RIGHT


def test_own_words_are_coloured_and_shared_words_plain() -> None:
    text = diff_text(ops(), "right", VARIABLES, body=RIGHT)
    coloured = {text.plain[s.start : s.end].strip() for s in text.spans}
    assert coloured == {"will", "very soon", "told reporters."}


def test_gap_that_skips_a_sentence_is_one_space() -> None:
    """A passage of sentences 1 and 3: the text between them is not part of the diff."""
    body = "Fire broke out on Tuesday. Nobody was hurt. Police closed the road."
    a = op("equal", "Fire broke out on Tuesday.", body, "", "")
    b = op("equal", "Police closed the road.", body, "", "")
    assert diff_text((a, b), "left", VARIABLES, body=body).plain == (
        "Fire broke out on Tuesday. Police closed the road."
    )


def test_without_a_body_or_with_bad_offsets_the_op_text_is_used() -> None:
    bad = DiffOp("equal", 500, 520, 0, 0, "the storage hall", "")
    assert diff_text((bad,), "left", VARIABLES, body="short").plain == "the storage hall"
    assert diff_text(ops(), "left", VARIABLES).plain.startswith("Putin would meet")
