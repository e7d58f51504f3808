"""keyring's backends loaded without the macOS one's library search, off macOS.

keyring loads all of its backends when the backend is first asked for
(``keyring.get_keyring()``), on every system, and the macOS one
(``keyring.backends.macOS.api``) then looks up three macOS frameworks with
``ctypes.util.find_library``. Off macOS each lookup runs ``ldconfig`` and a compiler to find
nothing: 30 ms of a shop till's start, on the services' thread, before the secret can be read
(measured 2026-12-02). Here those three names are answered ``None`` at once, as the search
would answer; any other name, and macOS itself, go to ``find_library`` as before.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

MACOS_FRAMEWORKS = frozenset({"Security", "CoreServices", "Foundation"})


@contextlib.contextmanager
def quick_macos_lookups() -> Iterator[None]:
    """Within the block (the first ``keyring.get_keyring()``), the macOS frameworks are not
    searched for."""
    if sys.platform == "darwin":
        yield
        return
    import ctypes.util

    search = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        return None if name in MACOS_FRAMEWORKS else search(name)

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = search
