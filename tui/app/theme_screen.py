"""Choose a colour theme by seeing it: moving through the list repaints the reader behind it.

Textual's own theme picker applies a theme only when one is picked and lists bare names; a
reader choosing colours wants to see their articles in each theme, and Parallax's themes carry
a one-line description worth showing. Escape puts back the theme the reader started with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .article_view import clean


class ThemeScreen(ModalScreen[str | None]):
    """A list of themes; the highlighted one is applied at once, enter keeps it."""

    AUTO_FOCUS = "#theme-list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="theme.cancel",
            tooltip="Close and go back to the theme you had",
        ),
    ]

    def __init__(self, themes: Sequence[tuple[str, str]], current: str) -> None:
        """`themes` is (name, description) in the order to list them."""
        super().__init__()
        self._themes = list(themes)
        self._original = current

    def compose(self) -> ComposeResult:
        options = []
        for name, description in self._themes:
            prompt = Text(clean(name), style="bold")
            if description:
                prompt.append("\n  " + clean(description), style="italic")
            options.append(Option(prompt, id=name))
        with Vertical(id="theme-dialog"):
            yield Static(Text("Colour theme", style="bold"), id="theme-title")
            yield OptionList(*options, id="theme-list")
            yield Static(
                Text("↑/↓ preview  ·  enter keeps it  ·  escape goes back", style="italic"),
                id="theme-hint",
            )

    def on_mount(self) -> None:
        names = [name for name, _ in self._themes]
        if self._original in names:
            self.query_one(OptionList).highlighted = names.index(self._original)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        name = event.option.id
        if name and name != self.app.theme:
            self.app.theme = name

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        if self.app.theme != self._original:
            self.app.theme = self._original
        self.dismiss(None)
