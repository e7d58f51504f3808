"""PySide6's import hook, made cheap: imported by ``pos_app.ui`` before anything else of Qt.

Once PySide6 is loaded, it looks at every module imported after it, to tell the modules that
use PySide6 (they may select ``from __feature__ import snake_case``) from the rest: its
``shibokensupport.feature._mod_uses_pyside`` reads the module's source with
``inspect.getsource()`` and searches it for ``"PySide6"``. ``inspect`` resolves the file,
decodes it and keeps every line in ``linecache`` for the life of the process: 0.2 to 0.3 ms a
module, and a till imports about 260 of them after PySide6 (httpx, the journal, our own), on
the way to its first payment. Measured 2026-12-02: 38–58 ms of the start-up's CPU, on the
same single core the window, the worker and Chromium share.

:func:`uses_pyside` gives the same answer (the module's source file contains ``PySide6``) by
reading the file's bytes, and nothing is cached. A module without a source file (built in, an
extension, the bundle's bytecode-only modules) is "does not use PySide6", as before. The till
never selects a ``__feature__``, so the answer only tells PySide6 which modules to ignore.

``tests/ui/test_qt_imports.py`` checks that the replacement is installed and agrees with
PySide6's own check on every module a till loads; a PySide6 upgrade that moves the hook makes
that test fail rather than silently leave the slow path in place.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401 - loads shiboken6, whose signature loader installs the hook

_MARK = b"PySide6"
# PySide6's own check, kept for tests/ui/test_qt_imports.py (None until install() found it).
pyside_check: Callable[[ModuleType], bool] | None = None


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6 (PySide6's own criterion)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return _MARK in source.read()
    except OSError:
        return False


def install() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's check; False if PySide6 has none (any
    other version than the one pinned in pyproject.toml may have moved it)."""
    global pyside_check
    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(current):
        return False
    if current is not uses_pyside:
        pyside_check = current
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


installed = install()
