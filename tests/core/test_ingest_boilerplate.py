"""Boilerplate rules: each golden example holds in the whole classifier, and marks are traceable.

`tests/core/test_rules.py` walks every rule alone; here the same examples go through the
classifier with all rules in order, so an example that an earlier rule steals (or a news
sentence that some other rule marks) fails, and the rule named on a paragraph is the one whose
table shows the shape.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tui.core.article import BOILERPLATE_KINDS
from tui.core.export import to_json
from tui.core.ingest import parse_article
from tui.core.ingest.boilerplate import BOILERPLATE, classify, is_boilerplate_line
from tui.core.pipeline import compare

EXAMPLES = [
    pytest.param(rule.name, text, kind, id=f"{rule.name}:{i}")
    for rule in BOILERPLATE
    for i, (text, kind) in enumerate(rule.examples)
]


@pytest.mark.parametrize(("name", "text", "kind"), EXAMPLES)
def test_example_holds_in_the_whole_classifier(name: str, text: str, kind: str | None) -> None:
    found = classify(text)
    if kind is None:
        assert found is None, f"{text!r} is news, but {found and found.name} marks it"
    else:
        assert found is not None and (found.name, found.kind) == (name, kind)


def test_every_rule_has_a_positive_and_a_negative_example() -> None:
    for rule in BOILERPLATE:
        outputs = {kind for _, kind in rule.examples}
        assert rule.kind in outputs and None in outputs, rule.name
        assert rule.kind in BOILERPLATE_KINDS, rule.name


def test_paragraph_names_the_rule_that_marked_it() -> None:
    a = parse_article(
        "By Jane Doe\n\nThe ceasefire took effect at midnight.\n\n(AP Photo/Evan Vucci)\n\n"
        "Updated 10:42 AM EDT, Thu August 7, 2025\n",
        "x.txt",
    )
    got = [(p.boilerplate, p.rule) for p in a.paragraphs]
    assert got == [
        ("byline", "byline-by"),
        (None, None),
        ("credit", "credit-agency"),
        ("other", "other-timestamp"),
    ]


def test_json_report_carries_the_rule() -> None:
    a = parse_article("Nina Forsberg, Nordic correspondent\n\nThe talks resumed on Monday.\n")
    b = parse_article("The talks resumed on Monday in Geneva.\n\nAdvertisement\n")
    data = json.loads(to_json(compare([a, b])))
    first, second = data["articles"]
    assert [p["rule"] for p in first["paragraphs"]] == ["byline-role", None]
    assert [(x["kind"], x["rule"]) for x in second["boilerplate"]] == [("advert", "advert-label")]


@pytest.mark.parametrize(
    ("line", "whole", "expected"),
    [
        ("By Jane Doe", True, True),
        ("Advertisement", True, True),
        ("Read more: the full story", True, False),  # opens boilerplate, is not one alone
        ("Read more: the full story", False, True),
        ("The talks resumed on Monday", False, False),
    ],
)
def test_boilerplate_lines_for_unwrapping(line: str, whole: bool, expected: bool) -> None:
    assert is_boilerplate_line(line, whole=whole) is expected


def test_import_compiles_no_pattern() -> None:
    """Importing the stage must stay cheap: patterns compile on first use, not at import."""
    code = (
        "import gc, tui.core.ingest\n"
        "from tui.core.ingest.lazy import LazyRegex\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyRegex)]\n"
        "assert len(lazy) > 40, len(lazy)\n"
        "print(sum('_compiled' in o.__dict__ for o in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_a_gate_never_refuses_what_its_pattern_fits() -> None:
    """A gate only spares compiling the long pattern: whatever the pattern fits, it lets by."""
    from tui.core.ingest.boilerplate import BOILERPLATE

    gated = [rule for rule in BOILERPLATE if rule.gate is not None]
    assert {rule.name for rule in gated} >= {"byline-by", "byline-role", "other-timestamp"}
    texts = [text for rule in BOILERPLATE for text, _ in rule.examples]
    for rule in gated:
        for text in texts:
            if getattr(rule.pattern, rule.how)(text) is not None:
                assert rule.gate is not None and rule.gate.search(text), (rule.name, text)
