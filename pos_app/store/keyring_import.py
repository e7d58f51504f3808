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
import threading
from collections.abc import Iterator

MACOS_FRAMEWORKS = frozenset({"Security", "CoreServices", "Foundation"})
# keyring_status() runs on several threads (services, head office, fiscal, settings): one at a
# time swaps the function, and only until keyring has loaded its backends once.
_lock = threading.Lock()
_loaded = False


@contextlib.contextmanager
def quick_macos_lookups() -> Iterator[None]:
    """Within the block (the first ``keyring.get_keyring()``), the macOS frameworks are not
    searched for."""
    global _loaded
    if sys.platform == "darwin" or _loaded:
        yield
        return
    import ctypes.util

    with _lock:
        search = ctypes.util.find_library

        def find_library(name: str) -> str | None:
            return None if name in MACOS_FRAMEWORKS else search(name)

        ctypes.util.find_library = find_library
        try:
            yield
            _loaded = True
        finally:
            ctypes.util.find_library = search
