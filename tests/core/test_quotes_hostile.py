"""The quotes stage stays linear on a hostile sentence: thousands of quote marks in one
"sentence" of a quarter million characters must not make each quote re-read the sentence."""

from __future__ import annotations

import random
import time

from tui.core.ingest import parse_article
from tui.core.people import find_people
from tui.core.quotes import find_quotes

LEAD = "The port of Halden reopened on Friday after a strike, officials said."


def test_a_quarter_megabyte_sentence_full_of_quote_marks_is_attributed_in_linear_time() -> None:
    rng = random.Random(6)
    blob = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789.,“”") for _ in range(1 << 18))
    arts = [parse_article(LEAD + "\n" + blob + "\n\n" + LEAD), parse_article(LEAD)]
    people = find_people(arts)
    start = time.process_time()
    quotes, _ = find_quotes(arts, people)
    spent = time.process_time() - start
    # CPU seconds: each quote re-reading its sentence took 2.3 s here, linear work 0.2 s.
    assert spent < 1.5, f"quotes took {spent:.1f} s of CPU on a hostile sentence"
    assert all(0 <= q.start <= q.end <= len(arts[0].body) for q in quotes)
