"""The current passage next to its counterpart: word diff, score and conflicts in plain words.

The panes show *where* two articles tell the same fact; this view shows *how* their wording
differs, which is the point of comparing outlets. It has a fixed height and paints its own
lines (the mouse wheel scrolls a long pair): a widget that grew or shrank with its text would
make Textual lay out the whole screen on every cursor move, which costs tens of milliseconds.
Text is built as rich `Text` by appending plain strings (article text is never parsed as
markup); colours come from the running theme's variables each time it is rebuilt, so a theme
switch only needs `refresh_view()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.core.model import Alignment, Comparison, DiffOp, QuoteLink

from .article_view import clean
from .state import letter, short_labels


@dataclass(frozen=True, slots=True)
class PairContent:
    """What the pair view is asked to show (kept so a theme change can rebuild it)."""

    kind: str  # "alignment" | "only" | "quote" | "empty"
    left_label: str = ""
    right_label: str = ""
    alignment: Alignment | None = None
    left_text: str = ""
    ordinal: int = 0
    total: int = 0
    others: int = 0
    link: QuoteLink | None = None


def _colour(variables: dict[str, str], name: str, fallback: str):
    return _parse(variables.get(name, fallback)) or _parse(fallback)


@lru_cache(maxsize=256)
def _parse(value: str):
    """Theme colour -> rich colour, cached: this runs on every cursor move."""
    try:
        return Color.parse(value).rich_color
    except Exception:
        return None


def diff_text(
    ops: tuple[DiffOp, ...],
    side: str,
    variables: dict[str, str],
    fallback: str = "",
    body: str | None = None,
) -> Text:
    """One side of a word diff: equal words plain, this side's own words coloured.

    Words are shown as the article wrote them: each op's text is cut from `body` by its
    offsets, and the gap to the previous op is the article's own (a space, nothing after an
    opening quote, a closing quote before a space), so the diff never reads “ like this ”.
    Without a body, or when a gap is not just spacing and punctuation (the passage skips a
    sentence), ops are joined by one space (none if one of them already has it).
    """
    text = Text()
    if not ops:
        text.append(clean(fallback))
        return text
    delete = Style(color=_colour(variables, "diff-delete", "#ff5555"), strike=False, bold=True)
    insert = Style(color=_colour(variables, "diff-insert", "#50fa7b"), bold=True)
    size = len(body) if body is not None else 0
    prev_end: int | None = None
    for op in ops:
        if side == "left":
            own, start, end = op.left, op.left_start, op.left_end
        else:
            own, start, end = op.right, op.right_start, op.right_end
        if not own:
            continue
        exact = body is not None and 0 <= start < end <= size
        piece = body[start:end] if exact and body is not None else own
        if text.plain:
            gap = "" if text.plain[-1].isspace() or piece[:1].isspace() else " "
            if exact and body is not None and prev_end is not None and prev_end <= start:
                raw = body[prev_end:start]
                if len(raw) <= _MAX_GAP and not any(ch.isalnum() for ch in raw):
                    gap = _SPACES.sub(" ", clean(raw))
            text.append(gap)
        if op.tag == "equal":
            text.append(clean(piece))
        else:
            text.append(clean(piece), delete if side == "left" else insert)
        prev_end = end if exact else None
    return text


# Longest stretch of spacing/punctuation between two ops kept as written (e.g. `,” `).
_MAX_GAP = 6
_SPACES = re.compile(r"\s+")


class PairView(Widget, can_focus=True):
    """The bottom panel: a fixed number of rows, wrapped to its width, painted line by line.

    A long pair does not fit its few rows: `p` focuses it so j/k (or the wheel) scroll it,
    and escape or `p` go back to the article being read.
    """

    HELP_NAME = "Pair view"
    HELP = "The current passage and its counterpart, with the words that differ coloured."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "j,down",
            "scroll_pair(1)",
            "Scroll down",
            id="pair.scroll-down",
            tooltip="Show the next line of a long pair",
        ),
        Binding(
            "k,up",
            "scroll_pair(-1)",
            "Scroll up",
            id="pair.scroll-up",
            tooltip="Show the previous line of a long pair",
        ),
        Binding(
            "escape,p",
            "leave",
            "Back to the article",
            id="pair.leave",
            tooltip="Give the focus back to the article pane",
        ),
    ]

    class Leave(Message):
        """The reader is done with the pair view: the app refocuses the active pane."""

    def __init__(self, comparison: Comparison, **kwargs) -> None:
        super().__init__(**kwargs)
        self.comparison = comparison
        self.content = PairContent("empty")
        self.last_text = Text()
        self._strips: list[Strip] = []
        self._wrapped_width = -1
        self._offset = 0
        self._base_style: Style | None = None
        # What last_text was built from; None when the next show() must rebuild.
        self._built_for: PairContent | None = None

    def show(self, content: PairContent) -> None:
        if content == self._built_for:
            # The same passage pair again (a step inside a multi-sentence passage): rebuilding
            # and re-wrapping it would repaint seven identical rows.
            return
        self.content = content
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.is_mounted:
            return
        self.last_text = self._build()
        self._built_for = self.content
        self._wrapped_width = -1
        self._offset = 0
        self.refresh()

    @property
    def lines(self) -> list[Strip]:
        width = max(1, self.size.width)
        if width != self._wrapped_width:
            console = self.app.console
            options = console.options.update(width=width, height=None, no_wrap=False)
            rendered = console.render_lines(self.last_text, options, style=self._base(), pad=True)
            self._strips = [Strip(line, width).adjust_cell_length(width) for line in rendered]
            self._wrapped_width = width
        return self._strips

    def _base(self) -> Style:
        """The panel's own style; asking `rich_style` walks every ancestor's CSS, so once."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._wrapped_width = -1
        self._built_for = None  # the text's colours come from the theme

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self.lines
        index = y + self._offset
        last_row = y == self.size.height - 1
        if last_row and index < len(lines) - 1:
            hint = "j/k scroll, escape returns" if self.has_focus else "p then j/k, or the wheel"
            more = Text(f"… {len(lines) - index} more lines ({hint})", style="italic")
            segments = list(more.render(self.app.console))
            return Strip(segments).crop_extend(0, width, self._base())
        if index < len(lines):
            return lines[index]  # wrapped and padded to this width already
        return Strip.blank(width, self._base())

    def on_resize(self, event: events.Resize) -> None:
        self._wrapped_width = -1
        self._offset = 0

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_scroll_pair(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_scroll_pair(-1)

    def action_scroll_pair(self, delta: int) -> None:
        limit = max(0, len(self.lines) - self.size.height)
        offset = max(0, min(limit, self._offset + delta))
        if offset != self._offset:
            self._offset = offset
            self.refresh()

    def action_leave(self) -> None:
        self.post_message(self.Leave())

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _build(self) -> Text:
        c = self.content
        variables = self.app.theme_variables
        # only-here is the theme's readable-but-dimmed text colour.
        muted = Style(color=_colour(variables, "only-here", "#888888"))
        label = Style(bold=True)
        out = Text(no_wrap=False)
        if c.kind == "empty":
            out.append("No sentence under the cursor.", muted)
            return out
        if c.kind == "only":
            out.append(f"Only in {clean(c.left_label)}", label)
            out.append(f" — {clean(c.right_label)} does not report this sentence.\n", muted)
            out.append(clean(c.left_text))
            return out
        if c.kind == "quote" and c.link is not None:
            return self._quote(c, variables, muted, label)
        al = c.alignment
        assert al is not None
        out.append(f"Aligned passage {c.ordinal} of {c.total}", label)
        out.append(f" · score {al.score:.2f}", muted)
        if c.others:
            out.append(f" · +{c.others} more counterpart(s), enter cycles", muted)
        out.append("\n")
        arts = self.comparison.articles
        out.append(f"{clean(c.left_label)}: ", label)
        out.append_text(
            diff_text(
                al.diff, "left", variables, self._text(al, "left"), arts[al.left.article].body
            )
        )
        out.append("\n")
        out.append(f"{clean(c.right_label)}: ", label)
        out.append_text(
            diff_text(
                al.diff, "right", variables, self._text(al, "right"), arts[al.right.article].body
            )
        )
        if al.conflicts:
            conflict = Style(color=_colour(variables, "conflict", "#ff5555"), bold=True)
            for k in al.conflicts:
                out.append("\n")
                out.append("≠ ", conflict)
                out.append(clean(self._note(k, c)))
        return out

    def _text(self, al: Alignment, side: str) -> str:
        passage = al.left if side == "left" else al.right
        article = self.comparison.articles[passage.article]
        return " ".join(article.sentences[i].text for i in passage.sentences)

    @staticmethod
    def _note(conflict, c: PairContent) -> str:
        if conflict.note:
            return conflict.note
        if conflict.left and not conflict.right:
            return f"“{conflict.left}” only in {c.left_label}"
        if conflict.right and not conflict.left:
            return f"“{conflict.right}” only in {c.right_label}"
        return f"{c.left_label} says “{conflict.left}”, {c.right_label} says “{conflict.right}”"

    def _quote(self, c: PairContent, variables, muted: Style, label: Style) -> Text:
        link = c.link
        assert link is not None
        left = self.comparison.quote(link.left)
        right = self.comparison.quote(link.right)
        out = Text()
        out.append("Same quote in two articles", label)
        out.append(f" · similarity {link.score:.2f}", muted)
        if link.speaker_mismatch:
            out.append(" · attributed to different speakers", muted)
        for side, q in (("left", left), ("right", right)):
            if q is None:
                continue
            name = short_labels(self.comparison)[q.article]
            if len(self.comparison.articles) > 2:
                name = f"{letter(q.article)} {name}"
            out.append("\n")
            out.append(f"{clean(name)} ({clean(q.speaker or 'unattributed')}): ", label)
            body = self.comparison.articles[q.article].body
            out.append_text(diff_text(link.diff, side, variables, q.text, body))
        return out
