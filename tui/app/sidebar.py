"""People and quotes across the articles, as two lists the reader can step through.

The lists carry plain `Text` prompts (never markup: names and quotes come from articles) and
post what was chosen as small messages, so the app decides what selecting means (highlight
mentions, jump a pane) and the sidebar stays a dumb view of the Comparison.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tui.core.model import Comparison, Person, Quote

from .article_view import clean
from .state import short_labels

QUOTE_WIDTH = 60


def person_prompt(person: Person, comparison: Comparison) -> Text:
    labels = short_labels(comparison)
    counts: dict[int, int] = {}
    for m in person.mentions:
        counts[m.article] = counts.get(m.article, 0) + 1
    text = Text(clean(person.name), style="bold")
    if person.titles:
        text.append("\n  " + clean(", ".join(person.titles)), style="italic")
    per = " · ".join(
        f"{clean(labels[a])} {counts.get(a, 0)}" for a in range(len(comparison.articles))
    )
    text.append("\n  " + per)
    return text


def quote_prompt(quote: Quote, comparison: Comparison, linked: bool) -> Text:
    body = clean(quote.text).strip()
    if len(body) > QUOTE_WIDTH:
        body = body[: QUOTE_WIDTH - 1].rstrip() + "…"
    text = Text(clean(quote.speaker or "unattributed"), style="bold")
    text.append(f" · {clean(short_labels(comparison)[quote.article])}")
    if linked:
        text.append(" · also elsewhere", style="italic")
    text.append("\n  “" + body + "”")
    return text


class Sidebar(Vertical):
    """Tabs for People and Quotes; empty tabs say so instead of showing nothing."""

    HELP_NAME = "Sidebar"
    HELP = (
        "People: enter highlights every mention in both panes (m / M step through them). "
        "Quotes: enter jumps to the quote; a quote both articles carry shows its two wordings."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "left,h",
            "tab(-1)",
            "Prev tab",
            id="sidebar.prev-tab",
            tooltip="Show the previous sidebar tab",
            show=False,
        ),
        Binding(
            "right,l",
            "tab(1)",
            "Next tab",
            id="sidebar.next-tab",
            tooltip="Show the next sidebar tab",
            show=False,
        ),
    ]

    class PersonChosen(Message):
        def __init__(self, person: Person | None) -> None:
            super().__init__()
            self.person = person

    class QuoteChosen(Message):
        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, comparison: Comparison, **kwargs) -> None:
        super().__init__(**kwargs)
        self.comparison = comparison
        linked = {q for link in comparison.quote_links for q in (link.left, link.right)}
        self._linked = linked
        self._filled = False

    async def _fill(self) -> None:
        if not self._filled:
            self._filled = True
            await self.recompose()

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill)

    def compose(self) -> ComposeResult:
        # Empty on the first frame: the tabs and lists cost about as much to build and lay out
        # as both panes together, and a reader starts with the panes. They are composed right
        # after that frame is painted (`_fill`).
        if not self._filled:
            return
        c = self.comparison
        with TabbedContent(id="sidebar-tabs"):
            with TabPane(f"People ({len(c.people)})", id="tab-people"):
                if c.people:
                    yield OptionList(
                        *(Option(person_prompt(p, c), id=f"p{i}") for i, p in enumerate(c.people)),
                        id="people-list",
                    )
                else:
                    yield Static(Text("No people found in these articles."), classes="empty-state")
            with TabPane(f"Quotes ({len(c.quotes)})", id="tab-quotes"):
                if c.quotes:
                    yield OptionList(
                        *(
                            Option(quote_prompt(q, c, q.id in self._linked), id=f"q{i}")
                            for i, q in enumerate(c.quotes)
                        ),
                        id="quotes-list",
                    )
                else:
                    yield Static(
                        Text("No direct quotes found in these articles."), classes="empty-state"
                    )

    def action_tab(self, delta: int) -> None:
        tabs = self.query_one(TabbedContent)
        order = ["tab-people", "tab-quotes"]
        k = order.index(tabs.active) if tabs.active in order else 0
        tabs.active = order[(k + delta) % len(order)]
        self.focus_list()

    def focus_list(self) -> None:
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(tabs.active) if tabs.active else None
        lists = pane.query(OptionList) if pane is not None else None
        if lists:
            lists.first().focus()
        else:
            tabs.query_one("Tabs").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        oid = event.option.id or ""
        if oid.startswith("p"):
            self.post_message(self.PersonChosen(self.comparison.people[int(oid[1:])]))
        elif oid.startswith("q"):
            self.post_message(self.QuoteChosen(self.comparison.quotes[int(oid[1:])]))
