"""Every word list and pattern table the engine uses, kept as data files and loaded once.

Word lists are plain text in `data/` (one entry a line, `#` starts a comment, blank lines and
several entries on one line separated by spaces both allowed); larger tables are YAML. They are
general vocabulary of news writing, never a story's names, so a rule change is a data change
that a reviewer can read. Loading is lazy (a stage that never runs never reads its lists) and
happens once per process: the files are constants, not per-comparison work.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    out: list[str] = []
    for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The set of words in `data/NAME.txt`, split on whitespace, as written."""
    return frozenset(w for line in _lines(name) for w in line.split())


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of `data/NAME.txt`, one per line (multi-word entries kept whole), in order."""
    return tuple(_lines(name))


@cache
def pairs(name: str) -> dict[str, str]:
    """The `key: value` lines of `data/NAME.txt`, in order (a value may hold spaces).

    Small mappings are kept in this form rather than YAML so that no run has to import a
    YAML parser for them (about 12 ms of every start).
    """
    out: dict[str, str] = {}
    for line in _lines(name):
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"lexicon {name}: line without a colon: {line!r}")
        out[key.strip()] = value.strip()
    return out


@cache
def values(name: str) -> Mapping[str, float]:
    """The `word value` lines of `data/NAME.txt` as a read-only mapping of numbers."""
    return MappingProxyType({w: float(v) for w, v in (line.split() for line in _lines(name))})


@cache
def table(name: str) -> Any:
    """The YAML document `data/NAME.yaml` (safe_load: data, never code), for tables that
    need nesting; YAML is imported only by a run that reads one."""
    import yaml

    return yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
