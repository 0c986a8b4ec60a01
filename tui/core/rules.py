"""Named rules with golden examples: the shape every stage's rules take.

A rule hidden in a branch of a long function cannot be seen, tested alone, or traced from a
wrong answer. So each attribution shape, boilerplate kind, name shape and conflict check is a
small object with a `name` (the value of the `rule` key in the JSON report), a line saying what
news shape it captures, and golden examples: inputs with the output the rule must give. A stage
keeps its rules in a `Registry`, in the order they are tried, and gives the registry a `runner`
that applies one rule to one golden input; `tests/core/test_rules.py` walks every registered
rule's examples through it (as pySBD walks its GOLDEN_EN_RULES).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar


@dataclass(frozen=True, slots=True)
class Rule:
    """One named rule. Stages subclass it to add what their rule needs (a pattern, a test)."""

    name: str
    why: str
    # (input, expected output) pairs; what an input and an output are is the stage's choice,
    # and the registry's runner knows how to apply the rule to an input.
    examples: tuple[tuple[Any, Any], ...]


R = TypeVar("R", bound=Rule)

REGISTRIES: list[Registry[Any]] = []


class Registry(Generic[R]):
    """The ordered rules of one stage, with the runner that applies one rule to one example."""

    def __init__(self, stage: str, runner: Callable[[R, Any], Any] | None = None) -> None:
        self.stage = stage
        self.runner = runner
        self._rules: dict[str, R] = {}
        REGISTRIES.append(self)

    def add(self, rule: R) -> R:
        if rule.name in self._rules:
            raise ValueError(f"{self.stage}: rule {rule.name!r} registered twice")
        self._rules[rule.name] = rule
        return rule

    def get(self, name: str) -> R:
        return self._rules[name]

    def names(self) -> list[str]:
        return list(self._rules)

    def __iter__(self) -> Iterator[R]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)
