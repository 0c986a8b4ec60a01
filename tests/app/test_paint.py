"""The fast paint paths draw exactly what Textual's general path would draw.

`ArticleView.render_lines` and `PaneScrollBar.render_lines` skip Textual's per-row restyling
for speed; these tests render the same rows both ways, after real moves and scrolls, and
compare every cell's text and style, so the shortcut can never change what the reader sees.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from tests.app.conftest import long_comparison
from tui.app.app import ParallaxApp
from tui.app.article_view import PaneScrollBar

SIZE = (140, 45)


def cells(strips) -> list[list[tuple[str, object]]]:
    """Every cell as (character, style): how segments are split is not what the user sees."""
    return [[(ch, seg.style) for seg in strip for ch in seg.text] for strip in strips]


def general_path(widget: Widget, crop: Region):
    widget._styles_cache.clear()
    return Widget.render_lines(widget, crop)


async def test_pane_rows_match_textuals_general_path() -> None:
    app = ParallaxApp(long_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = app.view(0), app.view(1)
        # Far counterparts: every move scrolls the right pane, n scrolls the left one too.
        for key in ("j", "j", "n", "n", "n", "G", "k"):
            await pilot.press(key)
        await pilot.pause()
        assert right.scroll_offset.y > 0 and left.scroll_offset.y > 0
        for view in (left, right):
            full = Region(0, 0, view.size.width, view.size.height)
            assert cells(view.render_lines(full)) == cells(general_path(view, full))
            part = Region(3, 5, 20, 4)  # a partial update, cropped on both axes
            assert cells(view.render_lines(part)) == cells(general_path(view, part))


async def test_scrollbar_matches_textuals_scrollbar() -> None:
    app = ParallaxApp(long_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("n", "n", "G"):
            await pilot.press(key)
        await pilot.pause()
        for view in (app.view(0), app.view(1)):
            bar = view.vertical_scrollbar
            assert isinstance(bar, PaneScrollBar) and bar.display
            assert view.scroll_offset.y > 0  # the thumb is away from the top
            full = Region(0, 0, bar.size.width, bar.size.height)
            mine = cells(bar.render_lines(full))
            bar._styles_cache.clear()
            stock = cells(ScrollBar.render_lines(bar, full))
            assert mine == stock
            # The thumb is drawn somewhere below the top row (a reverse-styled cell).
            assert any(seg[1].reverse for row in mine[1:] for seg in row)
        # After a theme switch both paths still agree (nothing stale in the caches).
        app.theme = "parallax-light"
        await pilot.pause()
        for view in (app.view(0), app.view(1)):
            bar = view.vertical_scrollbar
            full = Region(0, 0, bar.size.width, bar.size.height)
            mine = cells(bar.render_lines(full))
            bar._styles_cache.clear()
            assert mine == cells(ScrollBar.render_lines(bar, full))
            region = Region(0, 0, view.size.width, view.size.height)
            assert cells(view.render_lines(region)) == cells(general_path(view, region))
