"""ParallaxApp: two articles side by side, linked by what they both report.

The app owns the one piece of shared state: which article fills each pane, and so the
`PairState` of alignments between them. Each pane owns its sentence cursor; when one moves it
tells the app (`cursor_moved`), and `_link` marks the passage and its counterpart in both
panes, scrolls the other pane to it and refreshes the pair view and status line. Everything
the engine found is rendered from the `Comparison`; nothing here analyses text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.core.errors import ParallaxError
from tui.core.model import Comparison, Person, Quote, QuoteLink

from .article_view import ArticleView, Highlight, clean
from .pair_view import PairContent, PairView
from .sidebar import Sidebar
from .state import PairState, letter, short_labels

if TYPE_CHECKING:  # the dialogs are imported when first opened: nothing on the first frame
    from textual.widgets import Input

    from .export_screen import ExportRequest

from tui.themes import DEFAULT_THEME, load_themes, variable_defaults

W = TypeVar("W", bound=Widget)

# Below this width two readable panes and the sidebar do not fit: the sidebar collapses first.
SIDEBAR_MIN_WIDTH = 110


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


class ParallaxApp(App[None]):
    """The reader. Build it with a Comparison; the CLI loads files and runs it."""

    CSS_PATH = "parallax.tcss"
    TITLE = "Parallax"
    HELP_NAME = "Parallax"
    HELP = "Parallax lines up how different outlets report the same news event."
    AUTO_FOCUS = "#left"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave Parallax"),
        Binding(
            "question_mark",
            "help",
            "Help",
            id="app.help",
            tooltip="Keys of the focused pane and the app, and what the colours mean",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="app.search",
            tooltip="Find words in both articles; ; and , step through matches",
        ),
        Binding(
            "e",
            "export",
            "Export",
            id="app.export",
            tooltip="Save the comparison as Markdown or JSON",
        ),
        Binding(
            "b",
            "toggle_sidebar",
            "Sidebar",
            id="app.toggle-sidebar",
            tooltip="Show or hide the people and quotes sidebar",
        ),
        Binding(
            "s",
            "focus_sidebar",
            "People/quotes",
            id="app.focus-sidebar",
            tooltip="Move the focus to the sidebar",
            show=False,
        ),
        Binding(
            "1",
            "focus_pane(0)",
            "Left pane",
            id="app.focus-left",
            tooltip="Move the focus to the left article",
            show=False,
        ),
        Binding(
            "2",
            "focus_pane(1)",
            "Right pane",
            id="app.focus-right",
            tooltip="Move the focus to the right article",
            show=False,
        ),
        Binding(
            "p",
            "focus_pair",
            "Pair view",
            id="app.focus-pair",
            tooltip="Focus the pair view below, to scroll a long pair with j/k",
            show=False,
        ),
        Binding(
            "x",
            "swap",
            "Swap",
            id="app.swap",
            tooltip="Swap the left and right articles",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "cycle(0)",
            "Left article",
            id="app.cycle-left",
            tooltip="Show the next article in the left pane (3+ articles)",
            show=False,
        ),
        Binding(
            "right_square_bracket",
            "cycle(1)",
            "Right article",
            id="app.cycle-right",
            tooltip="Show the next article in the right pane (3+ articles)",
            show=False,
        ),
        Binding(
            "t",
            "cycle_theme",
            "Next theme",
            id="app.next-theme",
            tooltip="Switch to the next Parallax colour theme",
            show=False,
        ),
        Binding(
            "T",
            "change_theme",
            "Choose theme",
            id="app.choose-theme",
            tooltip="List all themes; moving through the list previews each one",
            show=False,
        ),
        Binding(
            "escape",
            "clear_marks",
            "Clear marks",
            id="app.clear-marks",
            tooltip="Clear search and person highlights",
            show=False,
        ),
    ]

    def __init__(
        self,
        comparison: Comparison,
        *,
        theme: str | None = None,
        show_sidebar: bool = True,
        keymap: dict[str, str] | None = None,
        extra_themes: Sequence[Theme] = (),
        startup_warnings: Sequence[str] = (),
    ) -> None:
        self.comparison = comparison
        self._warnings = list(startup_warnings)
        super().__init__()
        # The CLI loads (and reports) the themes once and passes them in; built without them
        # (tests, `python -m tui.app.app`) the app loads the shipped and user themes itself.
        themes, theme_warnings = ([], []) if extra_themes else load_themes()
        # Parallax's own themes (shipped and the user's), in load order, for `t` to cycle.
        self.parallax_themes: list[str] = []
        for t in [*themes, *extra_themes]:
            self.register_theme(t)
            if t.name not in self.parallax_themes:
                self.parallax_themes.append(t.name)
        self._warnings += [w for w in theme_warnings if w not in self._warnings]
        wanted = theme or DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted
        else:
            if theme:
                self._warnings.append(f"theme {theme!r} not found; using {DEFAULT_THEME}")
            if DEFAULT_THEME in self.available_themes:
                self.theme = DEFAULT_THEME
        if keymap:
            self.set_keymap(keymap)
        self.labels = short_labels(comparison)
        self.shown = [0, 1 if len(comparison.articles) > 1 else 0]
        self.pair = PairState(comparison, *self.shown)
        self.sidebar_wanted = show_sidebar
        self.sidebar_visible = show_sidebar
        self.active_side = 0
        self.selected_person: Person | None = None
        self.search_query = ""
        self._pinned_quote: tuple[Quote, QuoteLink] | None = None
        self._cycle: dict[tuple[int, int, int], int] = {}
        self._last_jump: tuple[int, int, int, int] | None = None
        self._narrow: bool | None = None
        self._views: tuple[ArticleView, ArticleView] | None = None
        self._widgets: dict[str, Widget] = {}
        self._search: Input | None = None
        # (view, alignment ids) whose pair view and status line still have to be painted.
        self.bottom_pending: tuple[ArticleView, list[int]] | None = None

    # ------------------------------------------------------------------------------ theme

    def get_theme_variable_defaults(self) -> dict[str, str]:
        try:
            dark = self.current_theme.dark
        except Exception:
            dark = True
        return variable_defaults(dark)

    # ---------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        arts = self.comparison.articles
        # As flat as the layout allows: every container behind a repainted pane is rendered
        # again on each frame that touches it.
        with Horizontal(id="main"):
            for side, pane_id in ((0, "left"), (1, "right")):
                with Vertical(classes="pane", id=f"{pane_id}-pane"):
                    yield Static(id=f"{pane_id}-header", classes="pane-header")
                    view = ArticleView(arts[self.shown[side]], self.shown[side], side, id=pane_id)
                    view.pair = self.pair
                    view.cursor_listener = self.cursor_moved
                    yield view
            yield Sidebar(self.comparison, id="sidebar")
        yield PairView(self.comparison, id="pair")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._on_theme_changed)
        self._apply_sidebar()
        self._update_headers()
        for warning in self._warnings:
            self.notify(clean(warning), severity="warning", timeout=8, markup=False)
        # Scrolling is ignored before the first layout, so link the panes once it exists.
        self.call_after_refresh(self._link, self.view(0))

    def view(self, side: int) -> ArticleView:
        views = self._views
        if views is None:
            # Looked up once: the panes live as long as the app (articles change inside them),
            # and a query per cursor move or key press is wasted time.
            views = self._views = (
                self.query_one("#left", ArticleView),
                self.query_one("#right", ArticleView),
            )
        return views[side]

    def _widget(self, selector: str, kind: type[W]) -> W:
        found = self._widgets.get(selector)
        if found is None:
            found = self._widgets[selector] = self.query_one(selector, kind)
        assert isinstance(found, kind)
        return found

    def action_cycle_theme(self) -> None:
        names = [n for n in self.parallax_themes if n in self.available_themes]
        if not names:
            return
        k = names.index(self.theme) + 1 if self.theme in names else 0
        self.theme = names[k % len(names)]
        description = getattr(self.current_theme, "description", "")
        self.notify(
            clean(f"{self.theme}: {description}" if description else self.theme),
            title="Theme (t: next, T: choose)",
            timeout=2,
            markup=False,
        )

    def action_change_theme(self) -> None:
        """Textual's "Change theme" command and `T` open the previewing chooser."""
        from .theme_screen import ThemeScreen

        if isinstance(self.screen, ThemeScreen):
            return
        themes = self.available_themes
        ours = [n for n in self.parallax_themes if n in themes]
        listed = [(n, getattr(themes[n], "description", "") or "Parallax theme") for n in ours]
        listed += [(n, "Textual built-in") for n in sorted(set(themes) - set(ours))]
        self.push_screen(ThemeScreen(listed, self.theme))

    def _on_theme_changed(self, theme: Theme) -> None:
        for side in (0, 1):
            self.view(side).repaint_all()
        self._widget("#pair", PairView).refresh_view()
        self._update_headers()

    def on_resize(self, event: Resize) -> None:
        narrow = event.size.width < SIDEBAR_MIN_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            self.sidebar_visible = self.sidebar_wanted and not narrow
            self._apply_sidebar()
        screen = self.screen
        screen.set_class(event.size.height < 30, "-short")
        screen.set_class(event.size.height < 16, "-tiny")

    def _apply_sidebar(self) -> None:
        try:
            sidebar = self.query_one(Sidebar)
        except Exception:
            return
        if sidebar.display != self.sidebar_visible:
            sidebar.display = self.sidebar_visible
        if not self.sidebar_visible and sidebar.has_focus_within:
            self.view(self.active_side).focus()

    def _update_headers(self) -> None:
        arts = self.comparison.articles
        for side, pane_id in ((0, "left"), (1, "right")):
            index = self.shown[side]
            art = arts[index]
            text = Text(
                clean(art.title or art.label) or "(untitled)",
                style="bold",
                no_wrap=True,
                overflow="ellipsis",
            )
            # The outlet, or at least the file, so the reader always knows what they read.
            where = art.source or Path(art.path).name
            meta = " · ".join(clean(x) for x in (where, art.date) if x)
            text.append("\n")
            if len(arts) > 2:
                # First, so a narrow pane cuts the date, not which article this is.
                text.append(f"{letter(index)} of {len(arts)} ", style="bold reverse")
                text.append(" ")
            text.append(meta, style="italic")
            try:
                self.query_one(f"#{pane_id}-header", Static).update(text, layout=False)
            except Exception:
                return

    # ---------------------------------------------------------------------------- linking

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self.cursor_moved(message.view)

    def cursor_moved(self, view: ArticleView) -> None:
        """A pane's cursor moved (or it took the focus): re-link if it is the pane read."""
        if view.has_focus or self.focused is None or not isinstance(self.focused, ArticleView):
            self.active_side = view.side
        if view.side == self.active_side:
            self._link(view)

    def _link(self, view: ArticleView) -> None:
        """Mark the cursor's passage and its counterpart in both panes; refresh the rest."""
        pair = self.pair
        side = view.side
        other = self.view(1 - side)
        if not view.sentence_count:
            view.set_highlight(self._marks(view, set(), []))
            other.set_highlight(self._marks(other, set(), []))
            self._widget("#pair", PairView).show(PairContent("empty"))
            self._update_status()
            return
        here, there, ids = pair.current(side, view.cursor)
        view.set_highlight(self._marks(view, here, ids))
        other.set_highlight(self._marks(other, there, ids))
        if there:
            other.show_passage(there)
        # The pair view and status line are painted in the next frame: Textual repaints the
        # bounding box of everything dirty, so updating the bottom rows together with a few
        # pane rows near the top would repaint the whole screen on every cursor move.
        if self.bottom_pending is None:
            self.call_after_refresh(self._refresh_bottom)
        self.bottom_pending = (view, ids)

    def _refresh_bottom(self) -> None:
        pending, self.bottom_pending = self.bottom_pending, None
        if pending is None:
            return
        view, ids = pending
        if view.sentence_count:
            self._show_pair(view, ids)
        self._update_status()

    def _marks(self, view: ArticleView, current: set[int], ids: list[int]) -> Highlight:
        spans: list[tuple[int, int, str]] = []
        for i in ids:
            al = self.pair.alignments[i]
            for s in al.shared:
                a, b = (
                    (s.left_start, s.left_end) if view.side == 0 else (s.right_start, s.right_end)
                )
                spans.append((a, b, "shared"))
            for c in al.conflicts:
                span = c.left_span if view.side == 0 else c.right_span
                if span:
                    spans.append((span[0], span[1], "conflict"))
        if self.selected_person is not None:
            for m in self.selected_person.mentions:
                if m.article == view.article_index:
                    spans.append((m.start, m.end, "person"))
        if self._pinned_quote is not None:
            for q in self._quote_pair(self._pinned_quote[1]):
                if q is not None and q.article == view.article_index:
                    spans.append((q.start, q.end, "quote"))
        if self.search_query:
            spans.extend((a, b, "search") for a, b in self._matches(view))
        return Highlight(frozenset(current), tuple(spans))

    def _quote_pair(self, link: QuoteLink) -> tuple[Quote | None, Quote | None]:
        return self.comparison.quote(link.left), self.comparison.quote(link.right)

    def article_name(self, index: int) -> str:
        """The article's short label, led by its letter when there are more than two."""
        if len(self.comparison.articles) > 2:
            return f"{letter(index)} {self.labels[index]}"
        return self.labels[index]

    def _show_pair(self, view: ArticleView, ids: list[int]) -> None:
        pair = self.pair
        arts = self.comparison.articles
        left_label = self.article_name(self.shown[0])
        right_label = self.article_name(self.shown[1])
        panel = self._widget("#pair", PairView)
        if self._pinned_quote is not None:
            quote, link = self._pinned_quote
            if quote.article == view.article_index and view.cursor == quote.sentence:
                panel.show(PairContent("quote", left_label, right_label, link=link))
                return
            self._pinned_quote = None
        if not ids:
            here = arts[view.article_index]
            panel.show(
                PairContent(
                    "only",
                    self.article_name(view.article_index),
                    self.article_name(self.shown[1 - view.side]),
                    left_text=here.sentences[view.cursor].text,
                )
            )
            return
        k = self._cycle.get((view.side, view.article_index, view.cursor), 0) % len(ids)
        chosen = ids[k]
        panel.show(
            PairContent(
                "alignment",
                left_label,
                right_label,
                alignment=pair.alignments[chosen],
                ordinal=pair.ordinal(chosen),
                total=len(pair.alignments),
                others=len(ids) - 1,
            )
        )

    def _update_status(self) -> None:
        pair = self.pair
        view = self.view(self.active_side)
        # Position first: on a narrow terminal the end of the line is what gets cut.
        where = "left" if view.side == 0 else "right"
        if len(self.comparison.articles) > 2:
            parts = [f"{where} pane: {letter(view.article_index)}"]
        else:
            parts = [f"{where} pane"]
        if view.sentence_count:
            parts.append(f"sentence {view.cursor + 1}/{view.sentence_count}")
            ids = pair.alignments_at(view.side, view.cursor)
            if ids:
                parts.append(f"aligned {pair.ordinal(ids[0])} of {len(pair.alignments)}")
            else:
                parts.append(f"only here ({len(pair.alignments)} aligned)")
        else:
            parts.append("no sentences")
        parts.append(
            f"coverage: {percent(pair.sides[0].coverage)} of left is in right, "
            f"{percent(pair.sides[1].coverage)} of right is in left"
        )
        if len(self.comparison.articles) > 2:
            left, right = (clean(self.article_name(i)) for i in self.shown)
            parts.append(f"{left} ⇄ {right} ([ ] change, x swaps)")
        else:
            parts.append(clean(self.labels[view.article_index]))
        if self.selected_person is not None:
            parts.append(f"person: {clean(self.selected_person.name)} (m/M)")
        if self.search_query:
            parts.append(f"search: {clean(self.search_query)} (;/,)")
        self._widget("#status", Static).update(Text(" · ".join(parts)), layout=False)

    # ---------------------------------------------------------------------------- panes

    @on(ArticleView.Action)
    def _pane_action(self, message: ArticleView.Action) -> None:
        if message.name == "switch":
            self.action_focus_pane(1 - message.view.side)
        elif message.name == "counterpart":
            self._jump_counterpart(message.view)

    def _jump_counterpart(self, view: ArticleView) -> None:
        side, sentence = view.side, view.cursor
        ids = self.pair.alignments_at(side, sentence)
        if not ids:
            self.notify("Only this article reports this sentence.", timeout=2)
            return
        other = self.view(1 - side)
        last = self._last_jump
        # Coming back from a jump returns to where it started, so enter toggles and cycles.
        if (
            last
            and last[2:] == (side, sentence)
            and any(last[1] in self.pair.passage(i, 1 - side) for i in ids)
        ):
            target = last[1]
            # A return trip: the next enter from the origin goes on to its next counterpart.
            self._last_jump = None
        else:
            key = (side, view.article_index, sentence)
            k = self._cycle.get(key, -1) + 1
            self._cycle[key] = k
            target = min(self.pair.passage(ids[k % len(ids)], 1 - side))
            self._last_jump = (side, sentence, 1 - side, target)
        self.active_side = other.side
        other.focus()
        moves = other.cursor != target
        other.move_to(target)  # a move links the panes itself
        if not moves:
            self._link(other)

    def action_focus_pane(self, side: int) -> None:
        self.active_side = side
        self.view(side).focus()

    def action_focus_pair(self) -> None:
        pair = self._widget("#pair", PairView)
        if pair.display:
            pair.focus()

    @on(PairView.Leave)
    def _pair_left(self) -> None:
        self.view(self.active_side).focus()

    def action_focus_sidebar(self) -> None:
        if not self.sidebar_visible:
            self.sidebar_visible = True
            self._apply_sidebar()
        self.query_one(Sidebar).focus_list()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_visible = not self.sidebar_visible
        self.sidebar_wanted = self.sidebar_visible
        self._apply_sidebar()

    def show_articles(self, left: int, right: int) -> None:
        """Put other articles in the panes (swap, cycle), keeping each article's cursor."""
        cursors = {self.view(s).article_index: self.view(s).cursor for s in (0, 1)}
        self.shown = [left, right]
        self.pair = PairState(self.comparison, left, right)
        self._cycle.clear()
        self._last_jump = None
        for side, index in ((0, left), (1, right)):
            v = self.view(side)
            v.set_article(self.comparison.articles[index], index)
            v.set_pair(self.pair)
            if self.selected_person is not None:
                v.set_person_spans(
                    (m.start, m.end) for m in self.selected_person.mentions if m.article == index
                )
                v.person_stops = self._person_stops(v)
            v.search_stops = self._search_stops(v)
            v.set_reactive(
                ArticleView.cursor, min(cursors.get(index, 0), max(0, v.sentence_count - 1))
            )
            v.call_after_refresh(v.scroll_to_sentence, v.cursor, True)
        self._update_headers()
        self._link(self.view(self.active_side))

    def action_swap(self) -> None:
        self.show_articles(self.shown[1], self.shown[0])

    def action_cycle(self, side: int) -> None:
        n = len(self.comparison.articles)
        if n < 3:
            if n == 2:
                self.notify("Only two articles: x swaps them.", timeout=2)
            return
        current = self.shown[side]
        other = self.shown[1 - side]
        nxt = (current + 1) % n
        if nxt == other:
            nxt = (nxt + 1) % n
        shown = list(self.shown)
        shown[side] = nxt
        self.show_articles(*shown)

    def show_article(self, index: int, side: int) -> None:
        shown = list(self.shown)
        if shown[1 - side] == index:
            shown[1 - side] = shown[side]
        shown[side] = index
        self.show_articles(*shown)

    # ---------------------------------------------------------------------------- sidebar

    @on(Sidebar.PersonChosen)
    def _person_chosen(self, message: Sidebar.PersonChosen) -> None:
        self.select_person(message.person)

    def select_person(self, person: Person | None) -> None:
        self.selected_person = person
        for side in (0, 1):
            v = self.view(side)
            v.person_stops = self._person_stops(v)
        if person is None:
            self._link(self.view(self.active_side))
            return
        view = self.view(self.active_side)
        if not view.person_stops and self.view(1 - view.side).person_stops:
            view = self.view(1 - view.side)
        count = len(person.mentions)
        self.notify(
            f"{clean(person.name)}: {count} mention{'s' if count != 1 else ''}; "
            "m / M step through them.",
            timeout=3,
            markup=False,
        )
        if view.person_stops:
            self.active_side = view.side
            view.focus()
            view.move_to(view.person_stops[0])
        self._link(self.view(self.active_side))

    def _person_stops(self, view: ArticleView) -> list[int]:
        if self.selected_person is None:
            return []
        return sorted(
            {m.sentence for m in self.selected_person.mentions if m.article == view.article_index}
        )

    @on(Sidebar.QuoteChosen)
    def _quote_chosen(self, message: Sidebar.QuoteChosen) -> None:
        self.select_quote(message.quote)

    def select_quote(self, quote: Quote) -> None:
        link = next(
            (lk for lk in self.comparison.quote_links if quote.id in (lk.left, lk.right)), None
        )
        if quote.article not in self.shown:
            partner = None
            if link is not None:
                other_id = link.right if link.left == quote.id else link.left
                partner = self.comparison.quote(other_id)
            side = 0 if partner is not None and partner.article == self.shown[1] else 1
            self.show_article(quote.article, side)
        side = self.shown.index(quote.article)
        view = self.view(side)
        self._pinned_quote = (quote, link) if link is not None else None
        self.active_side = side
        view.focus()
        view.move_to(quote.sentence)
        self._link(view)

    # ----------------------------------------------------------------------------- search

    def _search_field(self) -> Input | None:
        """The search field, or None before the first search mounted it."""
        field = self._search
        return field if field is not None and field.is_attached else None

    async def action_search(self) -> None:
        field = self._search_field()
        if field is None:
            # Mounted on first use: the first frame never shows it, and Input's module and
            # styles are not worth loading for a reader who never searches.
            from textual.widgets import Input

            field = Input(
                placeholder="search both articles (enter: find, escape: cancel)", id="search"
            )
            await self.mount(field, before=self._widget("#status", Static))
            self._search = field
        field.display = True
        field.value = self.search_query
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        event.stop()
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        field = self._search_field()
        if field is not None:
            field.display = False
        self.search_query = query.strip()
        for side in (0, 1):
            v = self.view(side)
            v.search_stops = self._search_stops(v)
        view = self.view(self.active_side)
        view.focus()
        if not self.search_query:
            self._link(view)
            return
        total = sum(len(self._matches(self.view(s))) for s in (0, 1))
        if not total:
            self.notify(f"No match for “{clean(self.search_query)}”.", timeout=3, markup=False)
        else:
            self.notify(f"{total} match{'es' if total != 1 else ''} in both articles.", timeout=2)
        stops = view.search_stops or self.view(1 - view.side).search_stops
        if not view.search_stops and stops:
            view = self.view(1 - view.side)
            self.active_side = view.side
            view.focus()
        if stops:
            nxt = next((s for s in stops if s >= view.cursor), stops[0])
            view.move_to(nxt)
        self._link(view)

    def _matches(self, view: ArticleView) -> list[tuple[int, int]]:
        if not self.search_query:
            return []
        pattern = re.compile(re.escape(self.search_query), re.IGNORECASE)
        return [(m.start(), m.end()) for m in pattern.finditer(view.article.body)]

    def _search_stops(self, view: ArticleView) -> list[int]:
        stops = {view.sentence_at(a) for a, _ in self._matches(view)}
        return sorted(s for s in stops if s is not None)

    def on_key(self, event) -> None:
        field = self._search_field()
        if event.key == "escape" and field is not None and field.has_focus:
            event.stop()
            field.display = False
            self.view(self.active_side).focus()

    def action_clear_marks(self) -> None:
        self.search_query = ""
        self.selected_person = None
        self._pinned_quote = None
        for side in (0, 1):
            v = self.view(side)
            v.search_stops = []
            v.person_stops = []
        self._link(self.view(self.active_side))

    # ---------------------------------------------------------------------------- screens

    def action_help(self) -> None:
        from .help_screen import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen.active_bindings))

    def action_export(self, fmt: str = "markdown") -> None:
        from .export_screen import ExportScreen

        self.push_screen(ExportScreen(fmt), self._export_done)

    def _export_done(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        try:
            from tui.core import export

            text = (
                export.to_json(self.comparison)
                if request.fmt == "json"
                else export.to_markdown(self.comparison)
            )
            written = export.write_atomic(
                request.path, text, protect=[a.path for a in self.comparison.articles]
            )
        except ParallaxError as exc:
            self.notify(clean(str(exc)), title="Export failed", severity="error", markup=False)
            return
        except Exception as exc:  # a report must never crash the reader
            self.notify(
                clean(f"{type(exc).__name__}: {exc}"),
                title="Export failed",
                severity="error",
                markup=False,
            )
            return
        self.notify(
            clean(f"Saved {request.fmt} report to {written}"), title="Exported", markup=False
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Export as Markdown",
            "Save the comparison as a Markdown report",
            lambda: self.action_export("markdown"),
        )
        yield SystemCommand(
            "Export as JSON",
            "Save the comparison as JSON (public schema)",
            lambda: self.action_export("json"),
        )
        yield SystemCommand(
            "Swap panes", "Put the left article on the right and back", self.action_swap
        )
        yield SystemCommand(
            "Toggle sidebar", "Show or hide people and quotes", self.action_toggle_sidebar
        )
        yield SystemCommand(
            "Clear marks", "Clear search and person highlights", self.action_clear_marks
        )
        arts = self.comparison.articles
        for i, art in enumerate(arts):
            name = clean(art.title or art.label)
            for side, where in ((0, "left"), (1, "right")):
                if self.shown[side] != i:
                    yield SystemCommand(
                        f"Show {name} on the {where}",
                        f"Article {i + 1}: {clean(art.path)}",
                        lambda i=i, side=side: self.show_article(i, side),
                    )
        for person in self.comparison.people:
            yield SystemCommand(
                f"Person: {clean(person.name)}",
                f"Highlight the {len(person.mentions)} mentions",
                lambda p=person: self.select_person(p),
            )


def main() -> None:  # development entry: python -m tui.app.app A B
    import sys

    from tui.core.ingest import load_article
    from tui.core.pipeline import compare
    from tui.resources import sample_articles

    paths = sys.argv[1:] or [str(p) for p in sample_articles()]
    ParallaxApp(compare([load_article(p) for p in paths])).run()


if __name__ == "__main__":
    main()
