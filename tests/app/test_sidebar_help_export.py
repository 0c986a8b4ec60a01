"""Sidebar, help, keymap, export, article switching and themes."""

from __future__ import annotations

import json
from pathlib import Path

from textual.color import Color
from textual.widgets import Input, OptionList

from tests.app.conftest import fire_comparison, make_article, screen_text, segment_styles
from tui.app.app import ParallaxApp
from tui.app.export_screen import ExportScreen
from tui.app.help_screen import HelpScreen
from tui.app.pair_view import PairView
from tui.core.model import Comparison

SIZE = (140, 45)


def sidebar_text(app: ParallaxApp) -> str:
    """The sidebar column of the screen, rows joined, so wrapped entries read as one line."""
    rows = [
        line.split("▕▏", 1)[1].strip() for line in screen_text(app).splitlines() if "▕▏" in line
    ]
    return " ".join(r for r in rows if r)


def colour(app: ParallaxApp, name: str):
    return Color.parse(app.theme_variables[name]).rich_color


async def test_people_tab_lists_people_and_selecting_marks_every_mention(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "People (1)" in text and "Quotes (2)" in text
        assert "Ingrid Dahl" in text and "plant manager" in text
        assert "The Ledger 2 · Nordic Courier 1" in sidebar_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        await pilot.pause()
        left, right = app.view(0), app.view(1)
        assert app.selected_person is fire.people[0]
        assert app.focused is left and left.cursor == 2
        mark = colour(app, "person-mark")
        assert any(s.color == mark and s.underline for s in segment_styles(right, "Ingrid Dahl"))
        await pilot.press("m")
        assert left.cursor == 4
        assert any(s.color == mark for s in segment_styles(left, "Dahl"))
        await pilot.press("m")  # no further mention: stays
        assert left.cursor == 4
        await pilot.press("M")
        assert left.cursor == 2
        assert "person: Ingrid Dahl" in str(app.query_one("#status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.selected_person is None
        assert not any(s.color == mark for s in segment_styles(right, "Ingrid Dahl"))


async def test_quotes_tab_jumps_and_shows_both_renderings(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "right")
        await pilot.pause()
        quotes = app.query_one("#quotes-list", OptionList)
        assert app.focused is quotes
        await pilot.press("down", "enter")  # the Courier's rendering
        await pilot.pause()
        right = app.view(1)
        assert app.focused is right and right.cursor == 1
        plain = app.query_one(PairView).last_text.plain
        assert "Same quote in two articles" in plain
        assert "The fire spread very quickly through the storage hall," in plain
        assert "the fire spread quickly through the storage hall." in plain
        spans = app.query_one(PairView).last_text.spans
        deleted = [
            plain[s.start : s.end] for s in spans if s.style.color == colour(app, "diff-delete")
        ]
        assert "very" in deleted
        await pilot.press("j")
        await pilot.pause()
        assert "Same quote" not in app.query_one(PairView).last_text.plain


async def test_empty_people_and_quotes_say_so() -> None:
    app = ParallaxApp(fire_comparison(with_people=False))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "People (0)" in text
        assert "No people found in these articles." in sidebar_text(app)
        await pilot.press("s", "right")
        await pilot.pause()
        assert "No direct quotes found in these articles." in sidebar_text(app)
        await pilot.press("1", "j")
        assert app.view(0).cursor == 1


async def test_help_is_built_from_live_bindings_and_explains_colours(fire: Comparison) -> None:
    app = ParallaxApp(fire, keymap={"reader.next-aligned": "f"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")  # the remapped key works ...
        assert app.view(0).cursor == 1
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        # ... and help shows it, with every binding's tooltip.
        row = next(line for line in text.splitlines() if "Next passage both articles" in line)
        assert row.split("│")[1].split()[0] == "f"
        assert "Next passage both articles report" in text
        assert "Go to the first sentence" in text
        assert "Leave Parallax" in text
        legend = str(app.screen.query_one("#help-legend").render())
        assert "Colours" in legend and "only this article reports" in legend
        await pilot.press("end")
        await pilot.pause()
        assert "only this article reports" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_help_lists_only_keys_that_do_something(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=(140, 70)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        # The panes wrap: ScrollView's sideways scrolling keys do nothing and are not listed.
        for useless in ("Scroll Left", "Scroll Right", "Page Left", "Page Right", "Scroll Up"):
            assert useless not in text
        # Textual's ctrl+q and Parallax's q both quit: one row with both keys.
        quit_rows = [line for line in text.splitlines() if "Leave Parallax" in line]
        assert len(quit_rows) == 1
        keys = quit_rows[0].split("│")[1].split("Quit")[0]
        assert "^q" in keys and "q" in keys.replace("^q", "")
        assert "Choose theme" in text and "Next theme" in text


async def test_every_binding_has_an_id_and_a_tooltip(fire: Comparison) -> None:
    from tui.app.article_view import ArticleView
    from tui.app.export_screen import ExportScreen
    from tui.app.pair_view import PairView
    from tui.app.sidebar import Sidebar
    from tui.app.theme_screen import ThemeScreen

    classes = (ParallaxApp, ArticleView, PairView, Sidebar, HelpScreen, ExportScreen, ThemeScreen)
    for cls in classes:
        for b in cls.BINDINGS:
            assert b.id and b.tooltip, (cls.__name__, b)


async def test_export_writes_markdown_and_json(
    fire: Comparison, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path", Input)
        assert field.value == str(tmp_path / "parallax-comparison.md")
        await pilot.press("enter")
        await pilot.pause()
        report = tmp_path / "parallax-comparison.md"
        assert report.exists() and "Ingrid Dahl" in report.read_text()
        assert any("Saved markdown report" in n.message for n in app._notifications)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#export-json")
        await pilot.pause()
        data = json.loads((tmp_path / "parallax-comparison.json").read_text())
        assert len(data["articles"]) == 2


async def test_export_refuses_to_overwrite_an_input_article(tmp_path: Path) -> None:
    a, b = fire_comparison().articles
    source = tmp_path / "ledger.txt"
    source.write_text("original text")
    a2 = make_article(
        str(source), a.title, a.source, a.date, [([s.text for s in a.sentences], None)]
    )
    app = ParallaxApp(Comparison((a2, b)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#export-path", Input)
        field.value = str(source)
        await pilot.press("enter")
        await pilot.pause()
        assert source.read_text() == "original text"
        assert any(n.severity == "error" for n in app._notifications)
        assert app.is_running


async def test_export_commands_in_the_palette(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Export as Markdown" in titles and "Export as JSON" in titles
        assert "Swap panes" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"export as json")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-path", Input).value.endswith(".json")


async def test_three_articles_cycle_and_swap(fire: Comparison) -> None:
    a, b = fire.articles
    c = make_article(
        "/tmp/herald-fire.txt",
        "Chemical plant fire under control",
        "Herald",
        "2024-03-12",
        [
            (
                [
                    "Firefighters brought the blaze at the Tromsø plant under control "
                    "after three hours."
                ],
                None,
            )
        ],
    )
    app = ParallaxApp(Comparison((a, b, c), fire.alignments))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.shown == [0, 1]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.shown == [0, 2]
        assert "Chemical plant fire under control" in screen_text(app)
        assert app.pair.alignments == []
        assert "0% of left is in right" in str(app.query_one("#status").render())
        await pilot.press("x")
        await pilot.pause()
        assert app.shown == [2, 0]
        assert app.view(0).article is c
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.shown == [1, 0]
        # Alignments are oriented to the panes after the swap.
        assert [al.left.article for al in app.pair.alignments] == [1] * len(fire.alignments)


async def test_swap_with_two_articles_keeps_cursors(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.press("x")
        await pilot.pause()
        assert app.view(1).article is fire.articles[0] and app.view(1).cursor == 2
        assert app.view(0).article is fire.articles[1]


async def test_theme_switch_repaints_with_the_new_colours(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = segment_styles(app.view(0), "Related article")[0].color
        light = next(name for name, t in app.available_themes.items() if not t.dark)
        app.theme = light
        await pilot.pause()
        await pilot.pause()
        after = segment_styles(app.view(0), "Related article")[0].color
        assert after == colour(app, "boilerplate")
        assert after != before


async def test_clicking_a_sidebar_entry_selects_it(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#people-list", offset=(3, 0))
        await pilot.pause()
        assert app.selected_person is fire.people[0]
        assert app.view(0).cursor == 2


async def test_three_real_articles_are_lettered_and_cycle_with_the_real_loader() -> None:
    """tests/corpus/ceasefire: three outlets, loaded and compared by the real engine."""
    from tui.core.ingest import load_article
    from tui.core.pipeline import compare

    folder = Path(__file__).parents[1] / "corpus" / "ceasefire"
    paths = sorted(folder.glob("*.txt"))
    assert len(paths) == 3
    comparison = compare([load_article(p) for p in paths])
    app = ParallaxApp(comparison)

    def headers() -> tuple[str, str]:
        rows = screen_text(app).splitlines()[:2]
        left = "\n".join(r.split("▕")[0] for r in rows)
        right = "\n".join(r.split("▕")[1] for r in rows)
        return left, right

    def status() -> str:
        return str(app.query_one("#status").render())

    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        left, right = headers()
        assert "A of 3" in left and "B of 3" in right
        assert status().startswith("left pane: A")
        assert "A " in status() and "⇄ B " in status()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.shown == [0, 2]
        assert "C of 3" in headers()[1]
        assert "⇄ C " in status()
        # The pair now holds the engine's alignments between A and C, oriented to the panes.
        assert app.pair.alignments == comparison.between(0, 2)
        assert "Horn Monitor" not in headers()[1]
        await pilot.press("x")
        await pilot.pause()
        assert app.shown == [2, 0]
        assert "C of 3" in headers()[0] and "A of 3" in headers()[1]
        assert app.pair.alignments == comparison.between(2, 0)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        # C -> A would repeat the right pane's article, so the left pane goes on to B.
        assert app.shown == [1, 0]
        assert "B of 3" in headers()[0]
        await pilot.press("2")
        await pilot.pause()
        assert status().startswith("right pane: A")
