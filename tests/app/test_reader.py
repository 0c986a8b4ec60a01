"""The reader as a person uses it: keys in, state and screen out (hand-built fire report)."""

from __future__ import annotations

from textual import events
from textual.color import Color

from tests.app.conftest import (
    fire_articles,
    fire_comparison,
    make_article,
    pane_lines,
    screen_text,
    segment_styles,
)
from tui.app.app import ParallaxApp
from tui.app.article_view import ArticleView
from tui.app.pair_view import PairView
from tui.core.model import Comparison

SIZE = (140, 45)


def colour(app: ParallaxApp, name: str):
    return Color.parse(app.theme_variables[name]).rich_color


async def test_panes_show_titles_sources_dates_and_text(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for art in fire.articles:
            assert art.title in text
            assert art.source in text
            assert art.date in text
        left = "\n".join(pane_lines(app.view(0)))
        assert "Fire broke out at the Norsk Chemicals" in left
        assert "Related article: Chemical safety rules" in left
        # Paragraphs are separated by one blank row.
        rows = pane_lines(app.view(0))
        first = next(i for i, r in enumerate(rows) if "Related article" in r)
        last = next(i for i, r in enumerate(rows) if "2023" in r)
        assert rows[first - 1].strip() == "" and rows[last + 1].strip() == ""


async def test_boilerplate_is_muted_and_only_here_is_dimmed(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = app.view(0)
        (boiler,) = segment_styles(left, "Related article")
        assert boiler.color == colour(app, "boilerplate")
        only = segment_styles(left, "Residents")
        assert only and all(s.color == colour(app, "only-here") and s.italic for s in only)


async def test_article_text_is_never_markup() -> None:
    _a, b = fire_articles()
    tricky = make_article(
        "/tmp/tricky.txt",
        "[bold]Not bold[/bold] title",
        "[red]Source",
        "2024-01-01",
        [
            (
                ["Protesters held signs reading [red] and [@click=app.quit] outside the plant."],
                None,
            ),
            (["A second line with \x1b[31m escape and a tab\there."], None),
        ],
    )
    app = ParallaxApp(Comparison((tricky, b)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[red] and [@click=app.quit]" in text
        assert "[bold]Not bold[/bold] title" in text
        assert "[red]Source" in text
        assert "\x1b" not in "".join(
            seg.text for y in range(10) for seg in app.view(0).render_line(y)
        )
        # Clicking the literal "link" selects the sentence; the app does not quit.
        await pilot.click(ArticleView, offset=(10, 1))
        await pilot.pause()
        assert app.is_running
        assert app.view(0).cursor == 0


async def test_cursor_keys_move_by_sentence_and_g_G_go_to_top_and_bottom(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view(0)
        assert app.focused is view and view.cursor == 0
        await pilot.press("j", "j", "down")
        assert view.cursor == 3
        await pilot.press("k")
        assert view.cursor == 2
        await pilot.press("G")
        assert view.cursor == len(fire.articles[0].sentences) - 1
        await pilot.press("g")
        assert view.cursor == 0
        await pilot.press("k")  # already at the top: stays
        assert view.cursor == 0


async def test_current_passage_and_counterpart_are_linked_in_both_panes(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = app.view(0), app.view(1)
        await pilot.press("j", "j")  # the Dahl quote sentence, aligned to Courier sentence 1
        await pilot.pause()
        assert left.highlight.current == {2}
        assert right.highlight.current == {1}
        current_bg = colour(app, "current-bg")
        assert all(s.bgcolor == current_bg for s in segment_styles(right, "Plant manager"))
        # The same palette colour on both sides of the pair.
        slot = app.pair.colour_of(0, 2)
        assert slot == app.pair.colour_of(1, 1)
        want = colour(app, f"align-{slot}")
        assert any(s.color == want for s in segment_styles(left, "spread very"))
        assert any(s.color == want for s in segment_styles(right, "Plant manager"))
        # Shared names of the current pair are bold in both panes.
        assert any(s.bold for s in segment_styles(left, "Ingrid Dahl"))
        assert any(s.bold for s in segment_styles(right, "Ingrid Dahl"))
        # Moving on clears the old marks.
        await pilot.press("j")
        await pilot.pause()
        assert right.highlight.current == {3}
        assert not any(s.bgcolor == current_bg for s in segment_styles(right, "Plant manager"))


async def test_conflicting_words_are_underlined(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.view(0).cursor == 1
        (three,) = [s for s in segment_styles(app.view(0), "Three") if s.underline]
        assert three.color == colour(app, "conflict")
        assert any(s.underline for s in segment_styles(app.view(1), "two"))
        await pilot.press("c")
        await pilot.pause()
        assert app.view(0).cursor == 3
        await pilot.press("c")  # no further conflict: the cursor stays
        assert app.view(0).cursor == 3
        await pilot.press("C")
        assert app.view(0).cursor == 1


async def test_next_aligned_and_only_here_stops(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.view(0)
        await pilot.press("o")
        assert view.cursor == 5
        await pilot.press("N")
        assert view.cursor == 4
        await pilot.press("g", "n")
        assert view.cursor == 1
        await pilot.press("O")
        assert view.cursor == 1  # nothing only-here before it


async def test_tab_switches_panes_and_enter_jumps_and_cycles(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = app.view(0), app.view(1)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is right and app.active_side == 1
        # Courier's lead holds two Ledger facts: enter goes to the first, back, then the second.
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is left and left.cursor == 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is right and right.cursor == 0
        assert "+1 more counterpart" in app.query_one(PairView).last_text.plain
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is left and left.cursor == 1
        # A sentence only one article has: enter says so and stays.
        await pilot.press("G", "enter")
        await pilot.pause()
        assert app.focused is left and left.cursor == 5


async def test_pair_view_shows_diff_score_and_conflicts(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")  # "three hours" vs "four hours"
        await pilot.pause()
        text = screen_text(app)
        assert "Aligned passage 4 of 5" in text
        assert "score 0.58" in text
        assert "“three hours” only" not in text
        assert "The Ledger says “three hours”, Nordic Courier says “four hours”" in text
        body = app.query_one(PairView).last_text
        spans = {body.plain[s.start : s.end]: s.style for s in body.spans}
        delete = colour(app, "diff-delete")
        insert = colour(app, "diff-insert")
        assert any(k.startswith("needed") and v.color == delete for k, v in spans.items())
        assert any("fought" in k and v.color == insert for k, v in spans.items())
        await pilot.press("j", "j")
        await pilot.pause()
        assert "Only in The Ledger — Nordic Courier does not report this sentence." in screen_text(
            app
        )


async def test_status_line_says_where_and_coverage(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert status.startswith("left pane") and "The Ledger" in status
        assert "sentence 3/6" in status
        assert "aligned 3 of 5" in status
        assert "83% of left is in right" in status
        assert "80% of right is in left" in status


async def test_search_highlights_and_steps_through_matches(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"blaze", "enter")
        await pilot.pause()
        left = app.view(0)
        assert app.focused is left
        assert left.cursor == 3
        match = colour(app, "search-match")
        assert any(s.bgcolor == match for s in segment_styles(left, "blaze"))
        assert any(s.bgcolor == match for s in segment_styles(app.view(1), "blaze"))
        await pilot.press("semicolon")
        assert left.cursor == 3  # the only match in this article
        await pilot.press("escape")
        await pilot.pause()
        assert app.search_query == ""
        assert not any(s.bgcolor == match for s in segment_styles(left, "blaze"))


async def test_mouse_click_selects_a_sentence_and_wheel_scrolls() -> None:
    from tests.app.conftest import long_comparison

    comparison = long_comparison()
    app = ParallaxApp(comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        right = app.view(1)
        await pilot.click("#right", offset=(5, 3))
        await pilot.pause()
        assert app.focused is right
        line = right.scroll_offset.y + 3
        expected = right.sentence_at(right._lines[line][0])
        assert right.cursor == expected
        before = right.scroll_offset.y
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollUp], "#right", offset=(5, 5))
        await pilot.pause()
        assert right.scroll_offset.y < before


async def test_counterpart_far_away_is_scrolled_into_view() -> None:
    from tests.app.conftest import long_comparison

    comparison = long_comparison()
    app = ParallaxApp(comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        right = app.view(1)
        (target,) = app.pair.current(0, 0)[1]
        a, b = right.sentence_lines(target)
        top = right.scroll_offset.y
        assert top <= a and b < top + right.scrollable_content_region.height
        await pilot.press("n", "n")
        await pilot.pause()
        (target,) = app.pair.current(0, app.view(0).cursor)[1]
        a, b = right.sentence_lines(target)
        top = right.scroll_offset.y
        assert top <= a and b < top + right.scrollable_content_region.height
        assert any("households" in row for row in pane_lines(right))


async def test_a_cursor_move_repaints_only_the_old_and_new_passage() -> None:
    from tests.app.conftest import long_comparison

    app = ParallaxApp(long_comparison())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left = app.view(0)
        painted: list[int] = []
        original = left._render_text_line

        def spy(index, *args):
            painted.append(index)
            return original(index, *args)

        left._render_text_line = spy
        await pilot.press("j")
        await pilot.pause()
        lines = set(range(left.sentence_lines(0)[0], left.sentence_lines(1)[1] + 1))
        assert painted and set(painted) <= lines


async def test_resize_from_tiny_to_huge_never_crashes(fire: Comparison) -> None:
    from tests.app.conftest import long_comparison

    app = ParallaxApp(long_comparison(20, 8))
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        for size in [
            (60, 20),
            (20, 5),
            (300, 100),
            (61, 21),
            (109, 30),
            (110, 30),
            (1, 1),
            (80, 24),
        ]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j")
            await pilot.pause()
        assert app.is_running
        view = app.view(0)
        # Still wrapped to the pane and the cursor still visible after all that.
        a, _ = view.sentence_lines(view.cursor)
        assert (
            view.scroll_offset.y <= a < view.scroll_offset.y + view.scrollable_content_region.height
        )


async def test_sidebar_collapses_first_when_narrow_and_b_toggles(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        sidebar = app.query_one("#sidebar")
        assert sidebar.display
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert not sidebar.display
        assert app.view(0).size.width > 30 and app.view(1).size.width > 30
        await pilot.press("b")
        await pilot.pause()
        assert sidebar.display
        await pilot.press("b")
        await pilot.pause()
        assert not sidebar.display
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not sidebar.display  # the user hid it: it stays hidden


async def test_pair_view_exists(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.query_one(PairView).display
        assert "Aligned passage 1 of 5" in screen_text(app)


async def test_startup_warnings_are_notified(fire: Comparison) -> None:
    app = ParallaxApp(
        fire,
        startup_warnings=["settings.yaml: theme: expected text, got a list"],
        theme="no-such-theme",
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "settings.yaml: theme: expected text, got a list" in messages
        assert any("no-such-theme" in m for m in messages)
        assert app.is_running


async def test_fire_comparison_helper_is_consistent() -> None:
    comparison = fire_comparison()
    for al in comparison.alignments:
        for s in al.shared:
            assert comparison.articles[0].body[s.left_start : s.left_end] == s.text
        for c in al.conflicts:
            a = comparison.articles[0].body[slice(*c.left_span)]
            b = comparison.articles[1].body[slice(*c.right_span)]
            assert (a, b) == (c.left, c.right)


async def test_only_the_pane_being_read_shows_the_cursor_bar(fire: Comparison) -> None:
    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def bars(view: ArticleView) -> int:
            return sum(1 for row in pane_lines(view) if row.startswith("▌"))

        assert bars(app.view(0)) > 0 and bars(app.view(1)) == 0
        await pilot.press("tab")
        await pilot.pause()
        assert bars(app.view(0)) == 0 and bars(app.view(1)) > 0


async def test_a_long_pair_says_there_is_more_and_the_wheel_scrolls_it() -> None:
    from tests.app.conftest import long_comparison

    app = ParallaxApp(long_comparison(4, 20))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pair = app.query_one(PairView)
        # Make the current pair long: one alignment spanning many sentences.
        first = [line.text for line in (pair.render_line(y) for y in range(pair.size.height))]
        if not any("more lines" in row for row in first):
            await pilot.resize_terminal(60, 20)
            await pilot.pause()
            first = [pair.render_line(y).text for y in range(pair.size.height)]
        assert any("more lines" in row for row in first)
        await pilot._post_mouse_events([events.MouseScrollDown], PairView, offset=(2, 1))
        await pilot.pause()
        after = [pair.render_line(y).text for y in range(pair.size.height)]
        assert after[0] == first[1]


async def test_screenshot_module_writes_an_svg(tmp_path) -> None:
    from tui.app.screenshot import render

    target = tmp_path / "shot.svg"
    await render(target, size=(100, 30))
    svg = target.read_text()
    assert svg.startswith("<svg") and "Aligned" in svg


async def test_escape_cancels_a_search_and_returns_to_the_pane(fire: Comparison) -> None:
    from textual.widgets import Input

    app = ParallaxApp(fire)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "slash")
        await pilot.pause()
        field = app.query_one("#search", Input)
        assert field.display and app.focused is field
        await pilot.press(*"Dahl", "escape")
        await pilot.pause()
        assert not field.display
        assert app.focused is app.view(0) and app.view(0).cursor == 1
        assert app.search_query == ""
        await pilot.press("slash", *"no such words", "enter")
        await pilot.pause()
        assert any("No match" in n.message for n in app._notifications)
        assert app.view(0).cursor == 1


async def test_odd_articles_never_crash_the_reader(fire: Comparison) -> None:
    """Only boilerplate, one huge URL-like word, wide CJK text and emoji, tiny panes."""
    only_boiler = make_article(
        "/tmp/boiler.txt",
        "",
        "",
        "",
        [
            (["Related article: Markets slide as rates rise"], "related"),
            (["Photo: Reuters"], "credit"),
        ],
    )
    odd = make_article(
        "/tmp/odd.txt",
        "東京で火災 🔥",
        "共同通信",
        "2024-03-12",
        [
            (
                [
                    "東京の化学工場で火災が発生し、三人が負傷した。",
                    "See https://example.org/" + "x" * 300 + " for more.",
                ],
                None,
            ),
            (["Emoji 🔥🚒 in a sentence, and a tab\tinside."], None),
        ],
    )
    app = ParallaxApp(Comparison((only_boiler, odd)))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        for key in [
            "j",
            "n",
            "o",
            "c",
            "enter",
            "G",
            "g",
            "tab",
            "j",
            "j",
            "enter",
            "m",
            "semicolon",
        ]:
            await pilot.press(key)
        await pilot.pause()
        for size in [(20, 5), (41, 12), (300, 100)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j", "k")
        await pilot.pause()
        assert app.is_running
        text = screen_text(app)
        assert "東京で火災" in text
        assert "no sentences" in str(app.query_one("#status").render()) or app.active_side == 1
        rows = pane_lines(app.view(1))
        assert all(len(r) <= 400 for r in rows)


async def test_p_focuses_the_pair_view_which_scrolls_with_j_k_and_escape_returns() -> None:
    """A long pair does not fit the panel: the reader can scroll it without a mouse."""
    long_a = " ".join(
        f"Officials in district {i} said {i * 7} households had been evacuated." for i in range(12)
    )
    long_b = " ".join(
        f"In district {i}, {i * 7} households were evacuated, officials said." for i in range(12)
    )
    a = make_article("/tmp/a.txt", "Flood A", "Wire A", "2024-05-01", [([long_a], None)])
    b = make_article("/tmp/b.txt", "Flood B", "Wire B", "2024-05-01", [([long_b], None)])
    from tui.core.model import Alignment, Passage

    comparison = Comparison((a, b), (Alignment(Passage(0, (0,)), Passage(1, (0,)), 0.7),))
    app = ParallaxApp(comparison)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        pair = app.query_one(PairView)
        assert len(pair.lines) > pair.size.height
        first_row = pair.render_line(0).text
        assert "more lines" in pair.render_line(pair.size.height - 1).text
        await pilot.press("p")
        await pilot.pause()
        assert pair.has_focus
        await pilot.press("j", "j")
        await pilot.pause()
        assert pair.render_line(0).text == pair.lines[2].text
        assert pair.render_line(0).text != first_row
        await pilot.press("k")
        await pilot.pause()
        assert pair.render_line(0).text == pair.lines[1].text
        # The article cursor did not move while the pair view had the keys.
        assert app.view(0).cursor == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.view(0).has_focus
