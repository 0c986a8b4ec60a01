"""Cleaning: terminal escapes, control characters, invisible characters, spaces, NFC.

Article text is data, never instructions: nothing in it may act on the terminal that shows it,
and what a reader cannot see must not decide whether two words match. So before anything else
the loader removes escape sequences whole (with their parameters), deletes other controls and
invisible characters, turns unusual spaces into ordinary ones and normalises to NFC.
"""

from __future__ import annotations

import re
import unicodedata

from .lazy import LazyRegex, word_list

# Controls that mark data rather than prose (tab, newlines and ESC are left out: text has them).
BINARY_CTRL_RE = LazyRegex(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
CONTROL_RE = LazyRegex(r"[\x00-\x1f\x7f-\x9f]")
# Terminal escape sequences, removed whole with their parameters. 7-bit string sequences (ESC ]
# OSC, DCS, SOS, PM, APC) end at BEL or ST, or at the end of the line so that an unterminated one
# cannot swallow the article. The 8-bit (C1) forms take their parameters only when they are
# complete (a CSI with its final byte, a string sequence with its terminator close by): a lone C1
# character in decoded text is more often mojibake than an escape, so it is deleted by itself
# (see _table) and the words after it stay.
ESCAPE_RE = LazyRegex(
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]{0,256}(?:\x07|\x1b\\|\x9c)"
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x9b[0-?]{0,32}[ -/]{0,8}[@-~]"
    r"|\x1b[ -/]*[0-~]?"
)
SPACE_RUN = LazyRegex(r" {2,}")


def strip_escapes(text: str) -> str:
    """Remove terminal escape sequences whole, by the same rules the loader applies to articles.

    Reports and error messages use it for text that did not come through the loader (file names)
    or must stay inert whatever a future loader path lets through.
    """
    return ESCAPE_RE.sub("", text)


def _code_points(name: str) -> list[str]:
    """The characters listed as U+XXXX in `data/NAME.txt`."""
    return [chr(int(w[2:], 16)) for w in word_list(name)]


class _Table:
    """The `str.translate` table of cleaning, built on first use from the lexicon lists."""

    def __init__(self) -> None:
        self._table: dict[int, str | None] | None = None
        self._changed: re.Pattern[str] | None = None

    def get(self) -> dict[int, str | None]:
        if self._table is None:
            table: dict[int, str | None] = {}
            for c in range(0x20):
                table[c] = None
            for c in range(0x7F, 0xA0):
                table[c] = None
            table[ord("\n")] = "\n"
            for ch in "\x0b\x0c\x85\u2028":
                table[ord(ch)] = "\n"
            table[ord("\u2029")] = "\n\n"
            for ch in _code_points("ingest-clean-invisible"):
                table[ord(ch)] = None
            for ch in _code_points("ingest-clean-spaces"):
                table[ord(ch)] = " "
            self._table = table
        return self._table

    def needs(self, text: str) -> bool:
        """Does `text` hold a character cleaning removes or replaces (the table's, which
        include ESC and every C1 control, so also the first character of any escape)?

        Translating looks every character up in the table (about 20 ms for a 20k-word
        article) and most text has none of them: one regex search of a character class of
        them, in C, says so.
        """
        changed = self._changed
        if changed is None:
            table = self.get()
            chars = "".join(chr(c) for c in sorted(table) if table[c] != chr(c))
            changed = self._changed = re.compile(f"[{re.escape(chars)}]")
        return changed.search(text) is not None


_TABLE = _Table()


def clean(text: str) -> str:
    """Remove what a reader cannot see or a terminal would obey; keep every visible word.

    Leading spaces survive (YAML front matter needs its indentation); runs of spaces are
    collapsed later, per line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TABLE.needs(text):  # else neither step below would change a character
        text = ESCAPE_RE.sub("", text)
        text = text.translate(_TABLE.get())
    return unicodedata.normalize("NFC", text)


def inline(text: str) -> str:
    """One-line form of a metadata value: cleaned, newlines and space runs as single spaces."""
    text = clean(text).replace("\n", " ")
    return SPACE_RUN.sub(" ", text).strip()
