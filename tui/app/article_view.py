"""One article as a line-API ScrollView: wrapped once per width, painted one cached line at a time.

A 20k-word article is thousands of lines; a widget per sentence or a Static that redraws the
whole text on each cursor move is far too slow (see STYLE.md). Here the text is wrapped into
(start, end) offset ranges of `Article.body`, `render_line` builds a `Strip` only for the rows
on screen, and strips are cached under a per-line version that is bumped only for the lines
whose highlight changed, so a cursor move repaints the old and new passage and nothing else.

Article text is data: it goes into rich `Segment`s as plain strings (never markup), with any
control character replaced by a space so it cannot move the terminal cursor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from math import ceil
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.core.article import Article

from .state import PairState, run_starts, step

GUTTER = 2  # cells before the text: the cursor bar lives here
_WORD = re.compile(r"\S+\s*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Span kinds drawn over the sentence colours, in the order they are layered.
SPAN_KINDS = ("shared", "quote", "person", "conflict", "search")


def clean(text: str) -> str:
    """Text safe to put in a Segment: newlines, tabs and any other control character -> space."""
    return _CONTROL.sub(" ", text)


def wrap_paragraph(text: str, base: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text` to `width` cells; returns body offset ranges per line.

    Trailing spaces stay with their word (they are never drawn past the width because the
    strip is cut to the pane), and a word longer than the line is split by cells. `clean`
    maps one character to one character, so offsets into the cleaned text are body offsets.
    """
    width = max(1, width)
    text = clean(text)
    lines: list[tuple[int, int]] = []
    line_start = 0
    lead = len(text) - len(text.lstrip())
    used = cell_len(text[:lead])  # leading blanks take room on the first line
    for m in _WORD.finditer(text):
        chunk = m.group()
        word = chunk.rstrip()
        w = len(word) if word.isascii() else cell_len(word)
        if used and used + w > width:
            lines.append((base + line_start, base + m.start()))
            line_start, used = m.start(), 0
        if w > width:  # split an over-long word (a URL, a long compound) by cells
            pos = m.start()
            end = m.start() + len(word)
            while pos < end:
                cut, cells = pos, 0
                while cut < end and cells + cell_len(text[cut]) <= width - used:
                    cells += cell_len(text[cut])
                    cut += 1
                if cut == pos and used == 0:
                    cut += 1  # a glyph wider than the pane: put it alone on the line
                if cut >= end:
                    used += cells
                    break
                lines.append((base + line_start, base + cut))
                line_start, pos, used = cut, cut, 0
            used += len(chunk) - len(word)
            continue
        used += len(chunk) if chunk.isascii() else cell_len(chunk)
    if line_start < len(text) or not lines:
        lines.append((base + line_start, base + len(text)))
    return lines


class PaneScrollBar(ScrollBar):
    """Textual's vertical scrollbar, drawn without the rich render round trip.

    The stock bar renders a rich renderable and re-styles every row each time the pane
    scrolls, which cost about as much as the pane's own text. The bar is a column of at most
    four distinct cells, so the same glyphs and styles (mouse actions included) are built
    here straight into a handful of reused strips.
    """

    _strips: ClassVar[dict[tuple[Segment, Style], Strip]] = {}
    _widget_style: tuple[Style, Color] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._widget_style = None

    def render_lines(self, crop: Region) -> list[Strip]:
        parent = self.parent
        if parent is None or not self.vertical or self.screen.styles.scrollbar_color.a == 0:
            return super().render_lines(crop)
        styles = parent.styles
        if self.grabbed:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.mouse_over:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base_background, _ = parent.background_colors
            background = base_background + background
        color = background + color
        width, height = self.size
        window = self.window_size if self.window_size < self.window_virtual_size else 0
        bar = self.renderer.render_bar(
            size=height,
            virtual_size=ceil(self.window_virtual_size),
            window_size=ceil(window),
            position=self.position,
            thickness=width,
            vertical=True,
            back_color=background.rich_color,
            bar_color=color.rich_color,
        )
        rows = list(bar.segments)
        # As Textual's render does: the widget's own colours under each cell's style.
        if self._widget_style is None:
            self._widget_style = (self.rich_style, self.background_colors[1])
        widget_style, widget_background = self._widget_style
        filters = self.get_line_filters()
        cache = self._strips
        strips: list[Strip] = []
        for y in crop.line_range:
            segment = rows[y] if y < len(rows) else Segment(" " * width)
            strip = cache.get((segment, widget_style))
            if strip is None:
                if len(cache) > 256:
                    cache.clear()
                cell = Segment(segment.text, widget_style + segment.style)
                strip = cache[(segment, widget_style)] = Strip([cell], width)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, widget_background)
            strips.append(strip)
        x1, x2 = crop.column_span
        if (x1, x2) != (0, width):
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips


@dataclass(frozen=True, slots=True)
class Highlight:
    """What one pane marks: the current passage and the spans laid over it."""

    current: frozenset[int] = frozenset()
    spans: tuple[tuple[int, int, str], ...] = ()


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """One article, wrapped, with sentence colours from the pair and a sentence cursor.

    ScrollView's own bindings are not inherited: the text wraps (no sideways scrolling), and
    up/down/page keys move the sentence cursor instead of the view, so help lists only keys
    that do something here.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "move(1)",
            "Next sentence",
            id="reader.next-sentence",
            tooltip="Move the cursor to the next sentence",
            show=False,
        ),
        Binding(
            "k,up",
            "move(-1)",
            "Prev sentence",
            id="reader.prev-sentence",
            tooltip="Move the cursor to the previous sentence",
            show=False,
        ),
        Binding(
            "ctrl+d,pagedown",
            "page(1)",
            "Page down",
            id="reader.page-down",
            tooltip="Move the cursor one screen down",
            show=False,
        ),
        Binding(
            "ctrl+u,pageup",
            "page(-1)",
            "Page up",
            id="reader.page-up",
            tooltip="Move the cursor one screen up",
            show=False,
        ),
        Binding(
            "g,home",
            "edge(False)",
            "Top",
            id="reader.top",
            tooltip="Go to the first sentence (as in vim and less)",
            show=False,
        ),
        Binding(
            "G,end",
            "edge(True)",
            "Bottom",
            id="reader.bottom",
            tooltip="Go to the last sentence (as in vim and less)",
            show=False,
        ),
        Binding(
            "n",
            "stop('aligned', True)",
            "Next aligned",
            id="reader.next-aligned",
            tooltip="Next passage both articles report",
        ),
        Binding(
            "N",
            "stop('aligned', False)",
            "Prev aligned",
            id="reader.prev-aligned",
            tooltip="Previous passage both articles report",
            show=False,
        ),
        Binding(
            "o",
            "stop('only', True)",
            "Next only-here",
            id="reader.next-only",
            tooltip="Next passage only this article reports",
        ),
        Binding(
            "O",
            "stop('only', False)",
            "Prev only-here",
            id="reader.prev-only",
            tooltip="Previous passage only this article reports",
            show=False,
        ),
        Binding(
            "c",
            "stop('conflict', True)",
            "Next conflict",
            id="reader.next-conflict",
            tooltip="Next passage where the articles disagree (numbers, dates, names)",
        ),
        Binding(
            "C",
            "stop('conflict', False)",
            "Prev conflict",
            id="reader.prev-conflict",
            tooltip="Previous passage where the articles disagree",
            show=False,
        ),
        Binding(
            "enter",
            "counterpart",
            "Counterpart",
            id="reader.counterpart",
            tooltip="Jump to the matching passage in the other pane (repeat to cycle)",
        ),
        Binding(
            "tab",
            "switch_pane",
            "Other pane",
            id="reader.switch-pane",
            tooltip="Move the focus to the other article",
        ),
        Binding(
            "m",
            "stop('person', True)",
            "Next mention",
            id="reader.next-mention",
            tooltip="Next mention of the person selected in the sidebar",
            show=False,
        ),
        Binding(
            "M",
            "stop('person', False)",
            "Prev mention",
            id="reader.prev-mention",
            tooltip="Previous mention of the selected person",
            show=False,
        ),
        Binding(
            "semicolon,f3",
            "stop('search', True)",
            "Next match",
            id="reader.next-match",
            tooltip="Next match of the last search",
            show=False,
        ),
        Binding(
            "comma,shift+f3",
            "stop('search', False)",
            "Prev match",
            id="reader.prev-match",
            tooltip="Previous match of the last search",
            show=False,
        ),
    ]

    HELP_NAME = "Article pane"
    HELP = (
        "An article. The cursor is on one sentence; the passage it belongs to and the "
        "matching passage in the other pane are highlighted."
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--cursor"}

    cursor: reactive[int] = reactive(0, init=False, always_update=False, repaint=False)
    """Index of the sentence under the cursor (fact sentences only)."""

    class CursorMoved(Message):
        """The cursor went to another sentence: the app re-links the panes and pair view."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

    class Action(Message):
        """A key that needs both panes (counterpart, switch pane)."""

        def __init__(self, view: ArticleView, name: str) -> None:
            super().__init__()
            self.view = view
            self.name = name

    def __init__(self, article: Article, article_index: int, side: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side
        self.pair: PairState | None = None
        # Told synchronously of every cursor move (the app links the panes); None: a message.
        self.cursor_listener: Callable[[ArticleView], None] | None = None
        self.highlight = Highlight()
        self.person_stops: list[int] = []
        self.search_stops: list[int] = []
        # Finished rows (gutter filled, line filters applied) by line and its marks' version.
        self._rows: LRUCache[tuple[int, int, int, int, int], Strip] = LRUCache(1024)
        self._painted_with: tuple[tuple[LineFilter, ...], Color] | None = None
        self._blank_row: Strip | None = None
        self._line_versions: dict[int, int] = {}
        self._generation = 0
        self._styles: dict[str, Style] = {}
        self._spans_by_line: dict[int, list[tuple[int, int, str]]] = {}
        self._width = 0
        self._lines: list[tuple[int, int, int]] = []
        self._anchor = 0
        self._base_style: Style | None = None
        self._inner_style: Style | None = None
        self.set_article(article, article_index)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The pane's scrollbar is a `PaneScrollBar` (same look, cheaper to repaint)."""
        if self._vertical_scrollbar is None:
            bar = PaneScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            self._vertical_scrollbar = bar
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # ----------------------------------------------------------------------------- content

    def set_article(self, article: Article, article_index: int) -> None:
        """Show another article (pane cycling, swapping): new layout, cursor at the top."""
        self.article = article
        self.article_index = article_index
        self._starts = [s.start for s in article.sentences]
        self._para_boiler = {p.index: p.boilerplate for p in article.paragraphs}
        self.highlight = Highlight()
        self._spans_by_line = {}
        self.person_stops = []
        self.search_stops = []
        self.set_reactive(ArticleView.cursor, 0)
        self._anchor = 0
        self._width = 0
        if self.is_mounted:
            self._relayout(force=True)
            self.scroll_to(y=0, animate=False, immediate=True)

    @property
    def sentence_count(self) -> int:
        return len(self.article.sentences)

    def _relayout(self, force: bool = False) -> None:
        """Wrap the body for the current width; called on resize and when the article changes."""
        width = max(1, self.scrollable_content_region.width - GUTTER)
        if width == self._width and not force:
            return
        self._width = width
        lines: list[tuple[int, int, int]] = []
        body = self.article.body
        for n, p in enumerate(self.article.paragraphs):
            if n:
                lines.append((-1, -1, -1))
            for s, e in wrap_paragraph(body[p.start : p.end], p.start, width):
                lines.append((s, e, p.index))
        self._lines = lines
        # Increasing key for bisect: a blank line takes the end offset of the line before it,
        # which lies between that line's start and the next paragraph's start.
        key: list[int] = []
        prev_end = -1
        for s, e, _ in lines:
            key.append(s if s >= 0 else prev_end)
            prev_end = e if s >= 0 else prev_end
        self._line_key = key
        self._sentence_lines = [self._lines_for(s.start, s.end) for s in self.article.sentences]
        self._rows.clear()
        self._line_versions.clear()
        self._index_spans()
        self.virtual_size = Size(width + GUTTER, len(lines))
        self.refresh()

    def _lines_for(self, start: int, end: int) -> tuple[int, int]:
        """First and last line holding any of body[start:end]."""
        first = max(0, bisect_right(self._line_key, start) - 1)
        last = max(first, bisect_left(self._line_key, max(start, end - 1) + 1) - 1)
        while last > first and self._lines[last][0] < 0:
            last -= 1
        return first, last

    def sentence_lines(self, sentence: int) -> tuple[int, int]:
        if not self._lines or not (0 <= sentence < len(self._sentence_lines)):
            return 0, 0
        return self._sentence_lines[sentence]

    def sentence_at(self, offset: int) -> int | None:
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self.article.sentences[k].end:
            return k
        return None

    # ------------------------------------------------------------------------- highlights

    def set_pair(self, pair: PairState | None) -> None:
        """New alignments (other article, swap): every colour may change, so repaint all."""
        self.pair = pair
        self.repaint_all()

    def repaint_all(self) -> None:
        self._generation += 1
        self._styles = {}
        self._base_style = None
        self._blank_row = None
        self._inner_style = None
        self.refresh()

    def set_highlight(self, highlight: Highlight) -> None:
        """Mark a new current passage / spans, repainting only lines whose marks changed."""
        old = self.highlight
        if highlight == old:
            return
        self.highlight = highlight
        changed: set[int] = set(old.current ^ highlight.current)
        lines: set[int] = set()
        for s in changed:
            lines.update(self._line_range(s))
        if old.spans != highlight.spans:
            for s, e, _ in set(old.spans) ^ set(highlight.spans):
                a, b = self._lines_for(s, e) if self._lines else (0, 0)
                lines.update(range(a, b + 1))
            self._index_spans()
        self._touch(lines)

    def set_person_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        self.person_stops = sorted({s for s, _ in spans})

    def _line_range(self, sentence: int) -> range:
        a, b = self.sentence_lines(sentence)
        return range(a, b + 1)

    def _touch(self, lines: Iterable[int]) -> None:
        """Bump the version of each line and refresh only the visible ones, in runs."""
        versions = self._line_versions
        top = self.scroll_offset.y
        bottom = top + self.size.height
        visible: list[int] = []
        for y in sorted(set(lines)):
            versions[y] = versions.get(y, 0) + 1
            if top <= y < bottom:
                visible.append(y)
        if not visible:
            return
        width = max(self.virtual_size.width, self.size.width)
        regions: list[Region] = []
        run_start = prev = visible[0]
        for y in visible[1:]:
            if y != prev + 1:
                regions.append(Region(0, run_start - top, width, prev - run_start + 1))
                run_start = y
            prev = y
        regions.append(Region(0, run_start - top, width, prev - run_start + 1))
        self.refresh(*regions)

    def _index_spans(self) -> None:
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        if self._lines:
            for span in self.highlight.spans:
                a, b = self._lines_for(span[0], span[1])
                for y in range(a, b + 1):
                    by_line.setdefault(y, []).append(span)
        self._spans_by_line = by_line

    # ------------------------------------------------------------------------------ styles

    def _style(self, name: str) -> Style:
        """A rich Style for a Parallax theme variable, resolved from the running theme."""
        style = self._styles.get(name)
        if style is None:
            variables = self.app.theme_variables
            style = Style()
            if name == "cursor":
                style = Style(color=_rich(variables.get("accent", "#ffa62b")), bold=True)
            elif name == "current":
                style = Style(bgcolor=_rich(variables.get("current-bg", "#333333")))
            elif name == "search":
                style = Style(bgcolor=_rich(variables.get("search-match", "#665500")))
            elif name == "shared":
                style = Style(color=_rich(variables.get("shared-span", "#ffffff")), bold=True)
            elif name == "conflict":
                style = Style(
                    color=_rich(variables.get("conflict", "#ff5555")), underline=True, bold=True
                )
            elif name == "person":
                style = Style(color=_rich(variables.get("person-mark", "#ff79c6")), underline=True)
            elif name == "quote":
                style = Style(color=_rich(variables.get("quote-mark", "#f1fa8c")))
            elif name == "only-here":
                style = Style(color=_rich(variables.get("only-here", "#888888")), italic=True)
            elif name in variables:
                style = Style(color=_rich(variables[name]))
            self._styles[name] = style
        return style

    # ---------------------------------------------------------------------------- painting

    def render_lines(self, crop: Region) -> list[Strip]:
        """Hand the compositor finished rows from a cache, not fresh copies.

        Textual's general path rebuilds every visible row on a scroll (fit to width, border
        and tint pass, line filters), making three new Strips per row: with a whole pane to
        repaint after a jump that was most of a cursor move's cost. This pane has no border,
        padding, outline, tint or opacity (checked, else the general path runs), so a row is
        exactly what `render_line` returns, padded over the scrollbar gutter and passed
        through the app's line filters. A row is built in one Strip with the gutter already
        in it, filtered once and cached as finished, so a row shown again costs a look-up and
        a new row two Strips instead of four.
        """
        scroll_x, scroll_y = self.scroll_offset
        if scroll_x or not self._plain_box():  # never in practice: the text wraps
            return super().render_lines(crop)
        _, background = self.background_colors
        filters = tuple(self.get_line_filters())
        if (filters, background) != self._painted_with:
            self._rows.clear()
            self._blank_row = None
            self._painted_with = (filters, background)
        # Asked once per frame, not once per row: each is a walk through Textual's layout.
        width = self.scrollable_content_region.width
        full = self.size.width
        row = self._row
        strips = [row(y + scroll_y, width, full, filters, background) for y in crop.line_range]
        x1, x2 = crop.column_span
        if (x1, x2) != (0, full):
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def _plain_box(self) -> bool:
        styles = self.styles
        return (
            not any(styles.padding)
            and not any(edge for edge, _ in styles.border)
            and not any(edge for edge, _ in styles.outline)
            and not styles.tint.a
            and styles.opacity == 1.0
            and styles.text_opacity == 1.0
            and (not styles.has_rule("hatch") or styles.hatch == "none")
        )

    def render_line(self, y: int) -> Strip:
        """The text area of one row, for Textual's general path (and the paint tests)."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = y + scroll_y
        base = self._base()
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._render_text_line(index, base)
        if scroll_x == 0 and strip.cell_length == width:
            return strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _row(
        self, index: int, width: int, full: int, filters: tuple[LineFilter, ...], bg: Color
    ) -> Strip:
        """Row `index` as the compositor wants it, cached until its marks change."""
        if index >= len(self._lines):
            blank = self._blank_row
            if blank is None or blank.cell_length != full:
                row = Strip.blank(width, self._base()).adjust_cell_length(full, self._inner())
                for line_filter in filters:
                    row = row.apply_filter(line_filter, bg)
                blank = self._blank_row = row
            return blank
        key = (index, self._width, full, self._generation, self._line_versions.get(index, 0))
        cached = self._rows.get(key)
        if cached is not None:
            return cached
        strip = self._render_text_line(index, self._base(), full)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, bg)
        self._rows.set(key, strip)
        return strip

    def _base(self) -> Style:
        base = self._base_style
        if base is None:
            # rich_style walks every ancestor's CSS: far too slow to ask once per line.
            base = self._base_style = self.rich_style
        return base

    def _inner(self) -> Style:
        """The style Textual fills the scrollbar gutter with (the pane's background only)."""
        if self._inner_style is None:
            base_background, own = self.background_colors
            self._inner_style = Style(bgcolor=(base_background + own).rich_color)
        return self._inner_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._blank_row = None
        self._inner_style = None
        self._generation += 1

    def _render_text_line(self, index: int, base: Style, full: int = 0) -> Strip:
        """Line `index` of the text area; with `full`, padded over the gutter to that width."""
        start, end, para = self._lines[index]
        total = self._width + GUTTER
        if start < 0:
            return self._padded([Segment(" " * total, base)], total, full)
        body = self.article.body
        boiler = self._para_boiler.get(para)
        pair = self.pair
        current = self.highlight.current
        spans = self._spans_by_line.get(index, ())
        cut_points = {start, end}
        k = bisect_right(self._starts, start) - 1
        k = max(k, 0)
        sentences = self.article.sentences
        on_line: list[int] = []
        while k < len(sentences) and sentences[k].start < end:
            sentence = sentences[k]
            if sentence.end > start:
                on_line.append(k)
                cut_points.update(p for p in (sentence.start, sentence.end) if start < p < end)
            k += 1
        for s, e, _kind in spans:
            cut_points.update(p for p in (s, e) if start < p < end)
        cuts = sorted(cut_points)
        if self.cursor in on_line and bool(sentences) and self._shows_cursor():
            gutter_style = base + self._style("cursor")
            if not self.has_focus:
                gutter_style += Style(dim=True)
            segments = [Segment("▌ ", gutter_style)]
        else:
            segments = [Segment("  ", base)]
        used = 0
        for a, b in pairwise(cuts):
            text = clean(body[a:b])
            if b == end:
                text = text.rstrip()
            if not text:
                continue
            if boiler:
                style = base + self._style("boilerplate")
            else:
                sent = self.sentence_at(a)
                style = base
                if sent is not None:
                    slot = pair.colour_of(self.side, sent) if pair else None
                    if slot is not None:
                        style += self._style(f"align-{slot}")
                    elif pair is not None:
                        style += self._style("only-here")
                    if sent in current:
                        style += self._style("current")
            for s, e, kind in spans:
                if s <= a and b <= e:
                    style += self._style(kind)
            segments.append(Segment(text, style))
            used += cell_len(text) if not text.isascii() else len(text)
        if used + GUTTER < total:
            segments.append(Segment(" " * (total - used - GUTTER), base))
        return self._padded(segments, max(total, used + GUTTER), full)

    def _padded(self, segments: list[Segment], length: int, full: int) -> Strip:
        """One Strip of `segments`, filled to `full` cells as Textual fills the gutter."""
        if full > length:
            segments.append(Segment(" " * (full - length), self._inner()))
            return Strip(segments, full)
        strip = Strip(segments, length)
        return strip.adjust_cell_length(full, self._inner()) if full else strip

    def _shows_cursor(self) -> bool:
        """Only the pane being read shows its cursor bar, so there is never two of them."""
        if self.has_focus:
            return True
        focused = self.app.focused
        if isinstance(focused, ArticleView):
            return False
        return getattr(self.app, "active_side", self.side) == self.side

    # ---------------------------------------------------------------------------- events

    def on_resize(self, event: events.Resize) -> None:
        # Keep in view what the reader was looking at: the cursor, or the counterpart passage
        # the other pane last scrolled us to (the wrap changes, the sentence stays).
        self._relayout()
        if self.sentence_count:
            self.call_after_refresh(self._keep_anchor)

    def _keep_anchor(self) -> None:
        self.scroll_to_sentence(self._anchor, False)

    def on_mount(self) -> None:
        # Before the first layout the width is unknown (0): wrapping a long article to one
        # cell would cost seconds for nothing, so the first Resize does it.
        if self.scrollable_content_region.width > GUTTER:
            self._relayout(force=True)

    def on_focus(self) -> None:
        self._touch(self._line_range(self.cursor))
        self.post_message(self.CursorMoved(self))

    def on_blur(self) -> None:
        self._touch(self._line_range(self.cursor))

    def watch_cursor(self, old: int, new: int) -> None:
        self._touch([*self._line_range(old), *self._line_range(new)])
        self._anchor = new
        self.scroll_to_sentence(new, False)
        if self.cursor_listener is not None:
            # At once, not by message: a frame painted between this pane's cursor lines and
            # the app's re-marking of both panes would repaint the same lines twice.
            self.cursor_listener(self)
        else:
            self.post_message(self.CursorMoved(self))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if not (0 <= index < len(self._lines)):
            return
        start, end, _ = self._lines[index]
        if start < 0:
            return
        # Walk the line by cells to find the character under the pointer.
        x = event.x + self.scroll_offset.x - GUTTER
        offset, cells = start, 0
        body = self.article.body
        while offset < end and cells + cell_len(clean(body[offset])) <= x:
            cells += cell_len(clean(body[offset]))
            offset += 1
        sentence = self.sentence_at(min(offset, end - 1))
        if sentence is None:
            sentence = self.sentence_at(start)
        self.focus()
        if sentence is not None:
            self.cursor = sentence

    # ---------------------------------------------------------------------------- moving

    def scroll_to_sentence(self, sentence: int, center: bool) -> None:
        """Bring a sentence into view: minimally for the cursor, centred for a counterpart."""
        if not self._lines or not (0 <= sentence < self.sentence_count):
            return
        a, b = self.sentence_lines(sentence)
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        if center:
            target = max(0, a - max(0, (height - (b - a + 1)) // 2))
        elif a < top:
            target = a
        elif b >= top + height:
            target = min(a, b - height + 1)
        else:
            return
        self.scroll_to(y=target, animate=False, immediate=True)

    def show_passage(self, sentences: Iterable[int]) -> None:
        """Scroll so a counterpart passage is visible (centred only when it was off screen)."""
        sentences = sorted(sentences)
        if not sentences or not self._lines:
            return
        self._anchor = sentences[0]
        a = self.sentence_lines(sentences[0])[0]
        b = self.sentence_lines(sentences[-1])[1]
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height)
        if a >= top and b < top + height:
            return
        self.scroll_to_sentence(sentences[0], True)

    def move_to(self, sentence: int) -> None:
        if self.sentence_count:
            self.cursor = max(0, min(self.sentence_count - 1, sentence))

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        """Move by a screenful of lines, landing on the sentence found there."""
        if not self.sentence_count:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        a, b = self.sentence_lines(self.cursor)
        target_line = (b if direction > 0 else a) + direction * height
        target_line = max(0, min(len(self._lines) - 1, target_line))
        start = self._line_key[target_line]
        sentence = self.sentence_at(start)
        if sentence is None:
            sentence = max(0, bisect_right(self._starts, start) - (1 if direction < 0 else 0))
        if sentence == self.cursor:
            sentence += direction
        self.move_to(sentence)

    def action_edge(self, bottom: bool) -> None:
        self.move_to(self.sentence_count - 1 if bottom else 0)

    def stops(self, kind: str) -> list[int]:
        pair = self.pair
        if kind == "person":
            return self.person_stops
        if kind == "search":
            return self.search_stops
        if pair is None:
            return []
        info = pair.sides[self.side]
        if kind == "aligned":
            return info.aligned_starts
        if kind == "only":
            return run_starts(info.only_here)
        return run_starts(info.conflict_sentences)

    def action_stop(self, kind: str, forward: bool) -> None:
        stops = self.stops(kind)
        target = step(stops, self.cursor, forward)
        if target is None:
            what = {
                "aligned": "aligned passage",
                "only": "passage only this article has",
                "conflict": "conflict",
                "person": "mention of the selected person",
                "search": "search match",
            }[kind]
            if not stops:
                self.notify(f"No {what} in this article.", timeout=2)
            else:
                self.notify(f"No {'next' if forward else 'previous'} {what}.", timeout=2)
            return
        self.move_to(target)

    def action_counterpart(self) -> None:
        self.post_message(self.Action(self, "counterpart"))

    def action_switch_pane(self) -> None:
        self.post_message(self.Action(self, "switch"))

    def region_of_sentence(self, sentence: int) -> Region:
        a, b = self.sentence_lines(sentence)
        return Region(0, a, self.virtual_size.width, b - a + 1)


def _rich(value: str):
    """A theme variable value (hex, rgb(), names, 'auto 80%') as a rich colour."""
    try:
        return Color.parse(value).rich_color
    except Exception:
        return None
