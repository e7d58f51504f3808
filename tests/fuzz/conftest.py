"""Counts the examples every fuzz target ran and prints the totals after the run.

The count is of executions of each target's body: the generated examples plus the pinned
``@example`` runs (counted apart and subtracted for the "generated" figure). Hypothesis shrinks
only after a failure, and a failure fails the run, so a green run's figure holds no shrink
replays; a failure replayed from the local example database (``.hypothesis/``) would count,
but CI starts without one.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

EXAMPLES: Counter[str] = Counter()
PINNED: Counter[str] = Counter()  # explicit @example runs among the tests collected


def count(target: str) -> None:
    EXAMPLES[target] += 1


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        pinned = getattr(getattr(item, "obj", None), "hypothesis_explicit_examples", None)
        if pinned:
            PINNED[item.nodeid.split("[")[0]] = len(pinned)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if EXAMPLES:
        total, pinned = sum(EXAMPLES.values()), sum(PINNED.values())
        parts = ", ".join(f"{name} {n}" for name, n in sorted(EXAMPLES.items()))
        terminalreporter.write_line(
            f"fuzz: {total - pinned} generated examples and {pinned} pinned @example runs, "
            f"no uncaught exception ({parts})"
        )
