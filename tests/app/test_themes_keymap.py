"""Live theme switching (t cycles, T previews) and a settings keymap, through real keys."""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.color import Color
from textual.geometry import Region
from textual.widgets import OptionList

from tests.app.conftest import fire_comparison, screen_text
from tui.app.app import ParallaxApp
from tui.app.help_screen import HelpScreen
from tui.app.pair_view import PairView
from tui.app.theme_screen import ThemeScreen
from tui.settings import load_settings

SIZE = (140, 45)


def pane_background(app: ParallaxApp):
    """The background the left pane really paints its first row with."""
    view = app.view(0)
    (strip,) = view.render_lines(Region(0, 0, view.size.width, 1))
    return next(iter(strip)).style.bgcolor


def theme_background(app: ParallaxApp):
    return Color.parse(app.theme_variables["background"]).rich_color


async def test_t_cycles_parallax_themes_and_repaints_the_panes() -> None:
    app = ParallaxApp(fire_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ours = app.parallax_themes
        assert {"parallax-dark", "parallax-light", "parallax-ansi"} <= set(ours)
        assert app.theme == "parallax-dark"
        seen = [app.theme]
        for _ in range(len(ours)):
            await pilot.press("t")
            await pilot.pause()
            seen.append(app.theme)
            if not app.current_theme.ansi:  # ANSI themes leave the background to the terminal
                assert pane_background(app) == theme_background(app)
        # Every Parallax theme once, then back to the first; never a Textual built-in.
        start = ours.index("parallax-dark")
        assert seen == [ours[(start + k) % len(ours)] for k in range(len(ours) + 1)]


async def test_chooser_previews_while_moving_and_escape_restores() -> None:
    app = ParallaxApp(fire_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark_bg = pane_background(app)
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ThemeScreen)
        options = app.screen.query_one(OptionList)
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        # Parallax's themes first, with their descriptions; Textual's built-ins after them.
        assert names[: len(app.parallax_themes)] == app.parallax_themes
        assert "textual-dark" in names[len(app.parallax_themes) :]
        text = screen_text(app)
        assert "Off-white background with deep" in text
        assert options.highlighted == names.index("parallax-dark")
        # Moving through the list applies each theme at once, behind the dialog.
        await pilot.press("down")
        await pilot.pause()
        previewed = names[names.index("parallax-dark") + 1]
        assert app.theme == previewed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ThemeScreen)
        assert app.theme == "parallax-dark"
        assert pane_background(app) == dark_bg


async def test_chooser_enter_keeps_the_theme_and_palette_command_opens_it() -> None:
    app = ParallaxApp(fire_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Textual's "Theme" command in the palette opens the same previewing chooser.
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title == "Theme"]
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, ThemeScreen)
        options = app.screen.query_one(OptionList)
        target = next(
            i
            for i in range(options.option_count)
            if options.get_option_at_index(i).id == "parallax-light"
        )
        options.highlighted = target
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ThemeScreen)
        assert app.theme == "parallax-light"
        assert pane_background(app) == theme_background(app)
        # The pair view below repaints in the new theme too (its cached style is dropped).
        pair = app.query_one(PairView)
        surface = Color.parse(app.theme_variables["surface"]).rich_color
        assert {seg.style.bgcolor for seg in pair.render_line(0) if seg.style} == {surface}


async def test_settings_keymap_rebinds_a_reader_key_and_help_shows_it() -> None:
    folder = Path(tempfile.mkdtemp())
    settings_file = folder / "settings.yaml"
    settings_file.write_text('keymap:\n  reader.next-aligned: "space"\n', encoding="utf-8")
    settings, warnings = load_settings(settings_file)
    assert warnings == []
    app = ParallaxApp(fire_comparison(), keymap=settings.keymap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = app.view(0)
        assert left.cursor == 0
        await pilot.press("n")  # no longer bound
        await pilot.pause()
        assert left.cursor == 0
        await pilot.press("space")
        await pilot.pause()
        # The fire report's next aligned passage after sentence 0 starts at sentence 1.
        assert left.cursor == 1
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = [line for line in screen_text(app).splitlines() if "Next aligned" in line]
        assert rows and all("space" in row for row in rows)
        assert not any(" n " in row.split("Next aligned")[0] for row in rows)
