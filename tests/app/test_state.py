"""Pure rules behind the reader: colouring, stops, wrapping (no app needed)."""

from __future__ import annotations

import itertools
import random

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tests.app.conftest import fire_comparison
from tui.app.article_view import clean, wrap_paragraph
from tui.app.state import PairState, assign_colours, run_starts, step
from tui.core.model import Alignment, Passage


def _neighbour_pairs(alignments, side):
    order = sorted(
        range(len(alignments)),
        key=lambda i: (
            min(getattr(alignments[i], side).sentences),
            max(getattr(alignments[i], side).sentences),
            i,
        ),
    )
    return list(itertools.pairwise(order))


def test_neighbouring_passages_never_share_a_colour_on_either_side() -> None:
    rng = random.Random(7)
    for _ in range(200):
        n = rng.randint(1, 40)
        als = [
            Alignment(Passage(0, (rng.randint(0, 60),)), Passage(1, (rng.randint(0, 60),)), 0.5)
            for _ in range(n)
        ]
        colours = assign_colours(als)
        assert all(0 <= c < 8 for c in colours)
        for side in ("left", "right"):
            for a, b in _neighbour_pairs(als, side):
                assert colours[a] != colours[b]


def test_colours_rotate_through_the_palette() -> None:
    als = [Alignment(Passage(0, (i,)), Passage(1, (i,)), 0.9) for i in range(16)]
    assert sorted(set(assign_colours(als))) == list(range(8))


def test_pair_state_of_the_fire_report() -> None:
    pair = PairState(fire_comparison(), 0, 1)
    left, right = pair.sides
    assert left.aligned_starts == [0, 1, 2, 3, 4]
    assert left.only_here == [5]
    assert right.only_here == [4]
    assert left.conflict_sentences == [1, 3]
    assert right.conflict_sentences == [0, 3]
    # The Courier's lead sentence carries two Ledger facts: both are its counterparts.
    here, there, ids = pair.current(1, 0)
    assert here == {0} and there == {0, 1} and len(ids) == 2
    assert left.coverage == 5 / 6
    assert right.coverage == 4 / 5
    assert pair.colour_of(0, 5) is None
    assert pair.colour_of(0, 2) == pair.colour_of(1, 1)


def test_step_and_run_starts() -> None:
    stops = [2, 5, 9]
    assert step(stops, 0, True) == 2
    assert step(stops, 5, True) == 9
    assert step(stops, 9, True) is None
    assert step(stops, 5, False) == 2
    assert step(stops, 2, False) is None
    assert run_starts([3, 4, 5, 8, 10, 11]) == [3, 8, 10]


@given(
    st.text(alphabet=st.sampled_from(list("abc de\u4e2d\u6587 xyz\t-")), max_size=300),
    st.integers(min_value=1, max_value=50),
)
def test_wrap_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = wrap_paragraph(text, 100, width)
    assert lines[0][0] == 100 and lines[-1][1] == 100 + len(text)
    for (_s1, e1), (s2, _) in itertools.pairwise(lines):
        assert e1 == s2
    for s, e in lines:
        shown = clean(text[s - 100 : e - 100]).rstrip()
        # A single glyph wider than the pane is the one thing allowed to overflow.
        assert cell_len(shown) <= width or len(shown) == 1


def test_wrap_breaks_between_words() -> None:
    text = "Fire broke out at the Norsk Chemicals plant in Tromsø on Tuesday night, police said."
    lines = wrap_paragraph(text, 0, 30)
    rows = [text[s:e].rstrip() for s, e in lines]
    assert rows == [
        "Fire broke out at the Norsk",
        "Chemicals plant in Tromsø on",
        "Tuesday night, police said.",
    ]


def test_short_labels_prefer_the_outlet_then_the_file_name() -> None:
    from tests.app.conftest import make_article
    from tui.app.state import short_labels
    from tui.core.model import Comparison

    a = make_article(
        "/x/summit-a.txt", "A very long headline about a summit", "", "", [(["One."], None)]
    )
    b = make_article("/y/report.md", "Another headline", "Nordic Courier", "", [(["Two."], None)])
    c = make_article("/z/summit-a.txt", "Third", "", "", [(["Three."], None)])
    d = make_article(
        "/z/x.txt", "Fourth", "The International Herald of Everything", "", [(["Four."], None)]
    )
    labels = short_labels(Comparison((a, b, c, d)))
    assert labels == ["summit-a (1)", "Nordic Courier", "summit-a (3)", "The International…"]
