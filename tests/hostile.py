"""Hostile but legal articles, generated at any size instead of committed as 2 MB files.

Each case is a shape that once made a stage explode (issue 16 measured them: a file of only
opening quotation marks ran past 600 s; one-word paragraphs took 1.3 GB and wrote a 125 MB
report). `make(case, size)` returns the text, cut to at most `size` UTF-8 bytes at a whole
repetition. `tests/test_limits.py` runs them small in every test run and at full size when
heavy tests are asked for; `benchmarks/limits.py` prints each case's seconds and peak RSS.
"""

from __future__ import annotations

import random
from collections.abc import Callable

LIMIT = 2 * 1024 * 1024 - 4096  # just under the loader's 2 MB size limit


def _repeat(unit: str, size: int) -> str:
    n = max(1, size // max(1, len(unit.encode("utf-8"))))
    return unit * n


def _names(size: int) -> str:
    rng = random.Random(7)
    given = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo", "Ines"]
    parts: list[str] = []
    used = 0
    while used < size:
        surname = "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        first, second = rng.choice(given), rng.choice(given)
        s = f"{first} {surname.capitalize()} met {second} {surname[::-1].capitalize()}. "
        parts.append(s)
        used += len(s)
    return "".join(parts)


def _numbered_list(size: int) -> str:
    lines, used, k = [], 0, 1
    while used < size:
        line = f"{k}. Item {k} of the list\n"
        lines.append(line)
        used += len(line)
        k += 1
    return "".join(lines)


CASES: dict[str, Callable[[int], str]] = {
    "open-quotes": lambda n: _repeat("“", n),
    "neutral-quotes": lambda n: _repeat('"', n),
    "unbalanced-quotes": lambda n: _repeat('He said "we will go. She said “no. ', n),
    "quote-heavy": lambda n: _repeat("“We go,” Vries said. ", n),
    "numbered-list-md": _numbered_list,
    "abbreviations": lambda n: _repeat("Dr. Mr. U.S. e.g. Gen. Sen. Ms. St. ", n),
    "names": _names,
    "one-word-lines": lambda n: _repeat("word\n", n),
    "one-word-paragraphs": lambda n: _repeat("word\n\n", n),
    "digits": lambda n: _repeat("1", n),
    "numbers": lambda n: _repeat("12 345 6.7 89% $10 ", n),
    "one-long-line": lambda n: _repeat("The port reopened on Monday after the strike ", n),
    "long-word": lambda n: "A " + "x" * (n - 10) + " end.",
    "combining-marks": lambda n: _repeat("e\u0301\u0302\u0303\u0304 ", n),
    "right-to-left": lambda n: _repeat("أعلنت الحكومة يوم الاثنين إعادة فتح الميناء. ", n),
    "cjk": lambda n: _repeat("港口周一在罢工结束后重新开放。", n),
    "emoji": lambda n: _repeat("🔥🚒 Fire crews 👩‍🚒 arrived. ", n),
    "capitalised-words": lambda n: _repeat("The Big Red Fox Jumped Over The Lazy Brown Dog. ", n),
}


def make(case: str, size: int = LIMIT) -> str:
    text = CASES[case](size)
    data = text.encode("utf-8")[:size]
    return data.decode("utf-8", errors="ignore")
