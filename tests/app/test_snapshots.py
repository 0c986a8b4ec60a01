"""SVG snapshots of the reader on the bundled samples (pytest-textual-snapshot).

The app is built from a Comparison saved as test data (tests/app/fixed.py), not from the live
engine, so a snapshot changes only when the reader's look changes. After a deliberate UI
change, review the new pictures with `pytest tests/app/test_snapshots.py --snapshot-update`.
No cursor blinks here (the only Input is hidden) and snap_compare waits for the screen to
settle before it takes the picture.
"""

from __future__ import annotations

from tests.app.fixed import fixed_samples
from tui.app.app import ParallaxApp

SIZE = (120, 40)


def reader(theme: str | None = None) -> ParallaxApp:
    return ParallaxApp(fixed_samples(), theme=theme)


def test_reader_dark_default(snap_compare) -> None:
    assert snap_compare(reader(), terminal_size=SIZE)


def test_reader_parallax_light(snap_compare) -> None:
    assert snap_compare(reader("parallax-light"), terminal_size=SIZE)


def test_reader_parallax_ansi(snap_compare) -> None:
    assert snap_compare(reader("parallax-ansi"), terminal_size=SIZE)


def test_cursor_on_an_aligned_passage_with_a_conflict(snap_compare) -> None:
    """`c` goes to the first passage the articles state differently: marks in both panes."""
    assert snap_compare(reader(), press=["c"], terminal_size=SIZE)


def test_counterpart_jump_to_the_right_pane(snap_compare) -> None:
    assert snap_compare(reader(), press=["n", "n", "enter"], terminal_size=SIZE)


def test_help_screen(snap_compare) -> None:
    assert snap_compare(reader(), press=["question_mark"], terminal_size=SIZE)


def test_theme_chooser_previewing_light(snap_compare) -> None:
    async def open_and_preview(pilot) -> None:
        await pilot.press("T")
        await pilot.pause()
        options = pilot.app.screen.query_one("#theme-list")
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = names.index("parallax-light")
        await pilot.pause()

    assert snap_compare(reader(), run_before=open_and_preview, terminal_size=SIZE)
