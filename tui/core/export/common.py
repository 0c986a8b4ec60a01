"""What every report shares: text made safe for a terminal or a file, and article letters.

Reports may be printed to a terminal (stdout) and file names never went through the loader,
so every string a report carries is cleaned again here, by the loader's own rules.
"""

from __future__ import annotations

from ..ingest import strip_escapes
from ..ingest.lazy import LazyRegex

# Anything a terminal could act on (the loader already strips these from articles).
# (Compiled on first use, like the loader's patterns.)
_CONTROLS = LazyRegex(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline
_ANY_CONTROL = LazyRegex(r"[\x00-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    # Every escape sequence starts with ESC or a C1 control, both in _CONTROLS: text without
    # one (nearly all article text) is already clean, and one search tells.
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub("", strip_escapes(text))


def one_line(text: str) -> str:
    """Text for a single line of a terminal or report: escapes gone, other controls shown as ?.

    File names may contain anything, including newlines and escape sequences.
    """
    return _ANY_CONTROL.sub("?", strip_escapes(text))


def article_id(index: int) -> str:
    """Letters A, B, C ... as people say them ("article B"); numbered beyond Z."""
    return chr(ord("A") + index) if index < 26 else f"A{index + 1}"
