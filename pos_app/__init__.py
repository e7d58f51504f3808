"""Halyk ePay counter point-of-sale."""

import sys

__version__ = "0.1.0"

# httpx imports its command-line client (click, rich and pygments) whenever those happen to be
# installed: about 90 ms of every start in a developer's environment, on the way to the first
# payment (the shipped bundle and a wheel install have none of them). The till never runs it;
# httpx falls back to a stub `httpx.main`. tests/test_startup_imports.py keeps it so.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
