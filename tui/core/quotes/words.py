"""The quotes stage's word lists, read from `lexicon/data/quotes-*.txt` on first use.

`W.np_stop` is the set in `quotes-np-stop.txt`: the attribute name is the file name, so a
reader of a rule finds its vocabulary at once, and a stage that never runs reads no list.
"""

from __future__ import annotations

from functools import cached_property

from ..lexicon import DATA, phrases, words
from ..lexicon.names import FUNCTION_WORDS, ROLE_HEADS, SPEECH_VERBS


class _Words:
    """Each list is read once per process: the files are constants, not per-comparison work."""

    def __getattr__(self, name: str) -> frozenset[str]:
        file = "quotes-" + name.replace("_", "-")
        if name.startswith("_") or not (DATA / f"{file}.txt").is_file():
            raise AttributeError(f"no word list {file}.txt for W.{name}")
        value = words(file)
        setattr(self, name, value)
        return value

    @cached_property
    def anaphor_nouns(self) -> dict[str, str | None]:
        """Nouns that stand for a person already named ("the mother said"), with the gender
        they imply (None: either)."""
        out: dict[str, str | None] = {}
        for line in phrases("quotes-anaphor-nouns"):
            noun, gender = line.split()
            out[noun] = None if gender == "-" else gender
        return out

    @cached_property
    def head_of(self) -> dict[str, frozenset[str]]:
        """What "the head of state" and "the head of government" stand for."""
        return {
            "state": words("quotes-head-of-state"),
            "government": words("quotes-head-of-government"),
        }

    @cached_property
    def not_role(self) -> frozenset[str]:
        """Words that never stand in a role before a name: function words, the words that end
        a speaker phrase, verbs of speech, auxiliaries."""
        return FUNCTION_WORDS | self.np_stop | SPEECH_VERBS | self.aux | self.passive

    @cached_property
    def plural_heads(self) -> frozenset[str]:
        """Plural role heads ("officials", "spokespeople"): many people, never one speaker."""
        return frozenset(
            w
            for w in ROLE_HEADS
            if (w.endswith("s") and w[:-1] in ROLE_HEADS) or w == "spokespeople"
        )


W = _Words()
