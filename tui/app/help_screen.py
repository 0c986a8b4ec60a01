"""Help generated from the live bindings (after any keymap), never from a hand-kept table.

A user who remaps keys in settings must see their keys here, so the table is read from the
screen's active bindings at the moment help opens, grouped by the widget that owns them, with
each widget's short HELP text, followed by a legend drawn in the running theme's colours.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.color import Color
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

LEGEND = [
    ("align-0", "passage both articles report (same colour in both panes)"),
    ("current-bg", "the current passage and its counterpart"),
    ("only-here", "sentence only this article reports (dimmed, italic)"),
    ("conflict", "words the two articles state differently (underlined)"),
    ("shared-span", "names and numbers the current pair shares (bold)"),
    ("person-mark", "mentions of the person selected in the sidebar"),
    ("search-match", "search matches"),
    ("boilerplate", "related links, bylines, credits: not facts"),
    ("diff-delete", "pair view: words only the left passage has"),
    ("diff-insert", "pair view: words only the right passage has"),
]


def group_bindings(
    active: dict[str, ActiveBinding],
) -> list[tuple[DOMNode, list[tuple[str, Binding]]]]:
    """Bindings per owning node, each binding once with all its keys (after the keymap)."""
    groups: dict[
        int, tuple[DOMNode, dict[tuple[str, str], list[str]], dict[tuple[str, str], Binding]]
    ] = {}
    for key, ab in active.items():
        node = ab.node
        if ab.binding.system and not ab.binding.id:
            continue
        entry = groups.setdefault(id(node), (node, {}, {}))
        # One row per thing the user can do: Textual's own ctrl+q and Parallax's q both quit.
        ident = (ab.binding.action, ab.binding.description)
        entry[1].setdefault(ident, []).append(key)
        entry[2][ident] = ab.binding
    out: list[tuple[DOMNode, list[tuple[str, Binding]]]] = []
    for node, keys, bindings in groups.values():
        rows = [(", ".join(keys[ident]), bindings[ident]) for ident in keys]
        out.append((node, rows))
    return out


class HelpScreen(ModalScreen[None]):
    """Keys of the focused widget and the app, and what the colours mean."""

    AUTO_FOCUS = "#help-body"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,question_mark",
            "dismiss",
            "Close help",
            id="help.close",
            tooltip="Close this help",
        ),
    ]

    def __init__(self, active: dict[str, ActiveBinding], app_title: str = "Parallax") -> None:
        super().__init__()
        self._active = active
        self._title = app_title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._bindings_table(), id="help-keys")
            yield Static(self._legend(), id="help-legend")
            yield Static(Text("escape closes this help", style="italic"), id="help-footer")

    def _bindings_table(self) -> Table:
        table = Table(title=f"{self._title} keys", expand=True, show_edge=False, box=None)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action")
        table.add_column("what it does")
        for node, rows in group_bindings(self._active):
            name = getattr(node, "HELP_NAME", None) or type(node).__name__
            help_text = getattr(node, "HELP", "")
            table.add_row(Text(name, style="bold underline"), Text(""), Text(help_text or ""))
            for keys, binding in rows:
                display = ", ".join(
                    self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",")
                )
                table.add_row(
                    Text(display),
                    Text(binding.description or binding.action),
                    Text(binding.tooltip),
                )
            table.add_row("", "", "")
        return table

    def _legend(self) -> Text:
        variables = self.app.theme_variables
        text = Text("Colours\n", style="bold underline")
        accent = _parse(variables.get("accent", "#ffa62b"))
        text.append("  ▌       ", Style(color=accent, bold=True))
        text.append(" the cursor: the sentence you are on (in the pane being read)\n")
        for name, meaning in LEGEND:
            colour = _parse(variables.get(name, "#888888"))
            if name.endswith("-bg") or name == "search-match":
                text.append("  sample  ", Style(bgcolor=colour))
            else:
                text.append("  sample  ", Style(color=colour, bold=True))
            text.append(f" {meaning}\n")
        palette = Text("  palette: ")
        for i in range(8):
            colour = _parse(variables.get(f"align-{i}", "#888888"))
            palette.append(f" {i} ", Style(color=colour, bold=True))
        text.append_text(palette)
        text.append("\n  Neighbouring passages never share a palette colour.")
        return text


def _parse(value: str):
    try:
        return Color.parse(value).rich_color
    except Exception:
        return None
