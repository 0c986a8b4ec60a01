"""The close-spelling look-up finds exactly what scoring every surname would."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from tui.core.people.cluster import Cluster, _FormIndex


def test_close_matches_brute_force() -> None:
    rng = random.Random(3)
    index = _FormIndex()
    seen: list[str] = []
    for _ in range(1500):
        n = rng.randint(3, 16)
        word = "".join(rng.choice("abdeiklmnorstu") for _ in range(n))
        if seen and rng.random() < 0.5:  # a near spelling of one already seen
            base = list(rng.choice(seen))
            base[rng.randrange(len(base))] = rng.choice("aeiok")
            if rng.random() < 0.5:
                base.insert(rng.randrange(len(base) + 1), "e")
            word = "".join(base)
        want = {
            o
            for o in seen
            if len(word) >= 4
            and len(o) >= 4
            and 2 * min(len(o), len(word)) >= 0.84 * (len(o) + len(word))
            and (len(word) * 7) // 10 <= len(o) < (len(word) * 14) // 10 + 2
            and fuzz.ratio(word, o) >= 85
        }
        got = index._close("anna", word)
        assert got == want, (word, got, want)
        form = ("Anna", word.capitalize())
        index.add(Cluster(), form, {"anna", word})
        if word not in seen:
            seen.append(word)
