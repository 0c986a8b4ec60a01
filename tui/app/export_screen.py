"""Ask where to save a report, in which format, and say what happened.

The path is proposed (current folder, a name that says what it is) but editable, and the
format follows the extension so the user never gets JSON in a `.md` file. Writing and its
checks (never overwrite an input article, atomic replace) belong to `tui.core.export`; this
screen only returns the user's choice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

EXTENSIONS = {"markdown": ".md", "json": ".json"}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: str
    fmt: str  # "markdown" | "json"


def default_path(fmt: str, folder: Path | None = None) -> str:
    base = folder if folder is not None else Path.cwd()
    return str(base / f"parallax-comparison{EXTENSIONS[fmt]}")


def format_for(path: str, fallback: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return fallback


class ExportScreen(ModalScreen[ExportRequest | None]):
    """A small dialog: path input, format buttons, enter to write, escape to cancel."""

    AUTO_FOCUS = "#export-path"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, fmt: str = "markdown") -> None:
        super().__init__()
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Text("Export the comparison", style="bold"), id="export-title")
            yield Input(default_path(self.fmt), id="export-path", select_on_focus=False)
            yield Static(self._hint(), id="export-hint")
            with Horizontal(id="export-buttons"):
                yield Button("Markdown", id="export-markdown", variant="primary")
                yield Button("JSON", id="export-json")
                yield Button("Cancel", id="export-cancel")

    def _hint(self) -> Text:
        return Text(f"Format: {self.fmt}  ·  enter saves, escape cancels", style="italic")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fmt = format_for(event.value, self.fmt)
        self.query_one("#export-hint", Static).update(self._hint())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit(event.value)

    def _submit(self, value: str) -> None:
        path = value.strip()
        if not path:
            self.notify("Type a file name to export to.", severity="warning")
            return
        self.dismiss(ExportRequest(path, format_for(path, self.fmt)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-cancel":
            self.dismiss(None)
            return
        fmt = "json" if event.button.id == "export-json" else "markdown"
        field = self.query_one("#export-path", Input)
        path = Path(field.value.strip() or default_path(fmt))
        if path.suffix.lower() in {".md", ".markdown", ".json", ""}:
            path = path.with_suffix(EXTENSIONS[fmt])
        self.fmt = fmt
        self._submit(str(path))

    def action_cancel(self) -> None:
        self.dismiss(None)
