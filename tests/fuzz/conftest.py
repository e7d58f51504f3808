"""Counts the examples every fuzz target ran and prints the totals after the run."""

from __future__ import annotations

from collections import Counter
from typing import Any

EXAMPLES: Counter[str] = Counter()


def count(target: str) -> None:
    EXAMPLES[target] += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if EXAMPLES:
        parts = ", ".join(f"{name} {n}" for name, n in sorted(EXAMPLES.items()))
        terminalreporter.write_line(
            f"fuzz: {sum(EXAMPLES.values())} examples, no uncaught exception ({parts})"
        )
