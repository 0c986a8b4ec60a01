"""The reader on the bundled sample articles, with expectations read from the Comparison.

The engine keeps improving, so nothing here hardcodes a sentence number: each check asks the
Comparison what the reader should show and then looks at the screen.
"""

from __future__ import annotations

from tests.app.conftest import pane_lines, screen_text
from tui.app.app import ParallaxApp
from tui.app.pair_view import PairView
from tui.app.state import PairState, assign_colours
from tui.core.model import Comparison

SIZE = (140, 45)


async def test_samples_open_with_both_articles_and_the_sidebar(samples: Comparison) -> None:
    app = ParallaxApp(samples)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for art in samples.articles:
            assert (art.title or art.label)[:30] in text
        assert f"People ({len(samples.people)})" in text
        assert f"Quotes ({len(samples.quotes)})" in text
        first = samples.articles[0].sentences[0].text.split()[:4]
        assert " ".join(first) in "\n".join(pane_lines(app.view(0)))


async def test_n_walks_the_aligned_passages_in_reading_order(samples: Comparison) -> None:
    pair = PairState(samples, 0, 1)
    assert pair.alignments, "the engine found no alignment between the samples"
    starts = pair.sides[0].aligned_starts
    app = ParallaxApp(samples)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = app.view(0), app.view(1)
        await pilot.press("g")
        visited = [left.cursor] if left.cursor in starts else []
        for _ in range(len(starts) + 1):
            await pilot.press("n")
            await pilot.pause()
            if not visited or left.cursor != visited[-1]:
                visited.append(left.cursor)
        assert visited == starts
        # At every aligned stop the other pane marks exactly the counterparts.
        await pilot.press("g", "n")
        await pilot.pause()
        _here, there, ids = pair.current(0, left.cursor)
        assert right.highlight.current == there
        al = pair.alignments[ids[0]]
        plain = app.query_one(PairView).last_text.plain
        assert f"score {al.score:.2f}" in plain
        status = str(app.query_one("#status").render())
        assert f"aligned {pair.ordinal(ids[0])} of {len(pair.alignments)}" in status


async def test_sample_colours_match_across_panes(samples: Comparison) -> None:
    pair = PairState(samples, 0, 1)
    assert pair.colours == assign_colours(pair.alignments)
    for i, al in enumerate(pair.alignments):
        for s in al.left.sentences:
            if pair.alignments_at(0, s)[0] == i:
                assert pair.colour_of(0, s) == pair.colours[i]


async def test_screen_invariants_at_three_sizes(samples: Comparison) -> None:
    """Snapshot-style checks that survive engine changes: the frame, not the exact text."""
    for size in [(60, 20), (100, 30), (140, 45)]:
        app = ParallaxApp(samples)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert len(lines) == size[1]
            assert all(len(line) <= size[0] for line in lines)
            status = next(line for line in lines if line.strip().startswith("left pane"))
            assert "coverage" in status or status.endswith("…")
            assert ("People (" in "\n".join(lines)) == (size[0] >= 110)
            svg = app.export_screenshot()
            assert svg.startswith("<svg") and "Parallax" in svg


def test_fixed_snapshot_data_round_trips_through_the_public_json() -> None:
    """The snapshot tests' Comparison is exactly what its saved export says."""
    import json

    from tests.app.fixed import SAMPLES_JSON, fixed_samples
    from tui.core.export import to_dict

    saved = json.loads(SAMPLES_JSON.read_text(encoding="utf-8"))
    again = to_dict(fixed_samples())
    again["parallax"] = saved["parallax"]
    assert again == saved
    assert len(saved["articles"]) == 2 and saved["alignments"]
