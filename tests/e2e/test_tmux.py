"""The installed `parallax` command in a real terminal (tmux), driven by keys like a person.

Nothing here sleeps a fixed time: every step polls `tmux capture-pane` until the screen shows
what it should, with a timeout, so a slow CI machine only makes the test slower.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.core.ingest import load_article
from tui.resources import sample_articles

TMUX = shutil.which("tmux")
PARALLAX = Path(sys.executable).with_name("parallax")

if TMUX is None and not os.environ.get("CI"):
    pytest.skip(
        "tmux is not installed (install it to run the terminal tests)", allow_module_level=True
    )


def _tmux(*args: str) -> str:
    if TMUX is None:
        pytest.fail("tmux is required when CI is set, and it is missing")
    out = subprocess.run([TMUX, *args], capture_output=True, text=True, timeout=20)
    return out.stdout


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def screen(self) -> str:
        return _tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        _tmux("send-keys", "-t", self.session, *keys)

    def wait(self, check: Callable[[str], bool], what: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.05)  # polling interval, not a wait for a guess
        raise AssertionError(f"timed out waiting for {what}; screen was:\n{screen}")

    def alive(self) -> bool:
        return self.session in _tmux("list-sessions", "-F", "#{session_name}").split()


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    if TMUX is None:
        pytest.fail("tmux is required when CI is set, and it is missing")
    assert PARALLAX.exists(), f"the installed command is missing: {PARALLAX}"
    session = f"parallax-e2e-{uuid.uuid4().hex[:8]}"
    env = {"TERM": "xterm-256color", "COLORTERM": "truecolor"}
    _tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "120",
        "-y",
        "40",
        "-e",
        f"TERM={env['TERM']}",
        "-e",
        f"COLORTERM={env['COLORTERM']}",
        # pytest exports COLUMNS/LINES (80x24), which tmux hands to the program and which
        # would win over the real terminal size: the program must see the 120x40 window.
        "env",
        "-u",
        "COLUMNS",
        "-u",
        "LINES",
        str(PARALLAX),
    )
    term = Terminal(session)
    try:
        yield term
    finally:
        if term.alive():
            _tmux("kill-session", "-t", session)


def _titles() -> list[str]:
    return [(a.title or a.label)[:25] for a in (load_article(p) for p in sample_articles())]


def _status(screen: str) -> str:
    return next((line for line in screen.splitlines() if "pane · sentence" in line), "")


def test_reader_in_a_real_terminal(terminal: Terminal) -> None:
    titles = _titles()
    assert len(titles) >= 2
    screen = terminal.wait(
        lambda s: all(t in s for t in titles) and "People (" in s and "pane · sentence" in s,
        "both sample titles and the sidebar",
    )
    assert _status(screen).strip().startswith("left pane · sentence 1/")

    terminal.keys("j")
    terminal.wait(lambda s: "left pane · sentence 2/" in s, "the cursor on sentence 2")

    terminal.keys("n")
    screen = terminal.wait(
        lambda s: "aligned " in _status(s) and " of " in _status(s), "an aligned passage"
    )
    assert "Aligned passage" in screen

    terminal.keys("Tab")
    terminal.wait(lambda s: _status(s).strip().startswith("right pane"), "focus on the right pane")

    terminal.keys("Enter")
    terminal.wait(
        lambda s: _status(s).strip().startswith("left pane"),
        "enter jumping to the counterpart on the left",
    )

    terminal.keys("?")
    terminal.wait(lambda s: "Parallax keys" in s and "Next aligned" in s, "the help screen")
    terminal.keys("Escape")
    terminal.wait(lambda s: "Parallax keys" not in s, "help closed")

    terminal.keys("q")
    deadline = time.monotonic() + 20
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not terminal.alive(), "parallax did not exit on q"
