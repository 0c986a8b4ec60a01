"""The shapes of quantity, in the order they are tried, each with its golden examples.

A golden example is one sentence and every quantity `read_quantities` finds in it, as
(kind, text, value, unit), with a date's parts in place of its value.
"""

from __future__ import annotations

from .read import (
    QUANTITIES,
    Shape,
    read_amount,
    read_month,
    read_monthday,
    read_rate_move,
    read_spelled_duration,
    read_weak_number,
    read_weekday,
    read_year,
)

# --- the shapes, in the order they are tried -------------------------------------------------

for _shape in (
    Shape(
        "weekday",
        'A day of the week, spelled out or shortened with a period ("Thu."): "Sun" alone is '
        "a newspaper.",
        (
            (
                "Talks resumed on Thursday and again on Thu. in Geneva.",
                [("weekday", "Thursday", (3,), ""), ("weekday", "Thu", (3,), "")],
            ),
            ("The Sun reported it on Sun morning.", []),
        ),
        read_weekday,
        True,
    ),
    Shape(
        "monthday",
        'A month with its day after or before it ("Aug. 7", "7 August"): the day is part of '
        "the date, not a count.",
        (
            (
                "The truce began on Aug. 7 and was extended from 7 August.",
                [("monthday", "Aug. 7", (8, 7), ""), ("monthday", "7 August", (8, 7), "")],
            ),
        ),
        read_monthday,
        True,
    ),
    Shape(
        "month",
        'A month alone; "May", "March" and short forms only where they cannot be a verb or a '
        "name (next to a day or a year, before a period).",
        (
            (
                "In August they met; in May 2024 again, and he may come in March.",
                [
                    ("month", "August", (8,), ""),
                    ("month", "May", (5,), ""),
                    ("year", "2024", (2024,), ""),
                ],
            ),
        ),
        read_month,
        True,
    ),
    Shape(
        "year",
        "A four-digit number news writes as a year (1900-2099) is a date, not an amount.",
        (
            (
                "Prices have risen since 2021, the most since 1990, to 2150 homes.",
                [
                    ("year", "2021", (2021,), ""),
                    ("year", "1990", (1990,), ""),
                    ("count", "2150 homes", 2150.0, "home"),
                ],
            ),
        ),
        read_year,
        True,
    ),
    Shape(
        "rate-move",
        'A rate move in basis points however it is written: "50 basis points", "half a '
        'percentage point", "a quarter of a percentage point", "a quarter-point".',
        (
            (
                "The bank cut rates by half a percentage point, or 50 basis points.",
                [
                    ("rate", "half a percentage point", 50.0, "bp"),
                    ("rate", "50 basis points", 50.0, "bp"),
                ],
            ),
            (
                "A quarter-point cut followed a cut of a quarter of a percentage point.",
                [
                    ("rate", "quarter-point", 25.0, "bp"),
                    ("rate", "a quarter of a percentage point", 25.0, "bp"),
                ],
            ),
            ("Half the staff live in the old quarter.", []),
        ),
        read_rate_move,
    ),
    Shape(
        "spelled-duration",
        'A spelled count joined to its time unit ("a three-day strike") is a duration in days, '
        'like "72 hours".',
        (
            (
                "Dockers began a three-day strike after a two-week pause.",
                [("duration", "three-day", 3.0, "day"), ("duration", "two-week", 14.0, "day")],
            ),
        ),
        read_spelled_duration,
    ),
    Shape(
        "weak-number",
        '"One", "once", "half" and "second" count only before a counted noun: "one of them", '
        '"no one", "half of it" are phrasing.',
        (
            ("One of them said no one would come, and half of it was lost.", []),
            (
                "It was the second summit; one ship sank.",
                [
                    ("ordinal", "second summit", 2.0, "summit"),
                    ("count", "one ship", 1.0, "ship"),
                ],
            ),
        ),
        read_weak_number,
    ),
    Shape(
        "amount",
        'A number in digits or words, with multipliers ("$2.1 billion", "two dozen"), and what '
        "it counts: its sign, a percent word, or the next content word; durations in days.",
        (
            (
                "At least 12 people were killed and $2.1 billion of damage done.",
                [("count", "12 people", 12.0, "peopl"), ("money", "$2.1 billion", 2.1e9, "$")],
            ),
            (
                "Turnout was 79.4%, or 78.9 percent, up from 70 per cent.",
                [
                    ("percent", "79.4%", 79.4, "%"),
                    ("percent", "78.9 percent", 78.9, "%"),
                    ("percent", "70 per cent", 70.0, "%"),
                ],
            ),
            (
                "They met for 72 hours over two dozen rounds in the 3rd week.",
                [
                    ("duration", "72 hours", 3.0, "hour"),
                    ("count", "two dozen rounds", 24.0, "round"),
                    ("ordinal", "3rd week", 21.0, "week"),
                ],
            ),
            (
                "Twenty-five miners were trapped 420 metres down at 10:30.",
                [
                    ("count", "Twenty-five miners", 25.0, "miner"),
                    ("count", "420 metres", 420.0, "metr"),
                ],
            ),
        ),
        read_amount,
    ),
):
    QUANTITIES.add(_shape)
