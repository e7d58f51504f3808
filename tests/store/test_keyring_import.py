"""keyring's backends are loaded without its macOS backend searching for macOS frameworks off
macOS (pos_app.store.keyring_import): the same answer (none), 30 ms sooner."""

from __future__ import annotations

import ctypes.util
import subprocess
import sys
import textwrap

import pytest

from pos_app.store import keyring_import
from pos_app.store.keyring_import import MACOS_FRAMEWORKS, quick_macos_lookups


class _Platform:
    """Stands in for the module's ``sys`` (the process's own sys.platform is left alone)."""

    def __init__(self, platform: str) -> None:
        self.platform = platform


def test_off_macos_the_frameworks_are_not_searched_and_other_names_are(
        monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []

    def search(name: str) -> str | None:
        searched.append(name)
        return f"lib{name}.so"

    monkeypatch.setattr(keyring_import, "sys", _Platform("linux"))
    monkeypatch.setattr(keyring_import, "_loaded", False)
    monkeypatch.setattr(ctypes.util, "find_library", search)
    with quick_macos_lookups():
        assert [ctypes.util.find_library(n) for n in sorted(MACOS_FRAMEWORKS)] == [None] * 3
        assert ctypes.util.find_library("c") == "libc.so"
    assert searched == ["c"]
    assert ctypes.util.find_library is search  # put back
    with quick_macos_lookups():  # keyring's backends are loaded: nothing to spare any more
        assert ctypes.util.find_library is search


def test_on_macos_nothing_is_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    def search(name: str) -> str | None:
        return f"/System/{name}"

    monkeypatch.setattr(keyring_import, "sys", _Platform("darwin"))
    monkeypatch.setattr(keyring_import, "_loaded", False)
    monkeypatch.setattr(ctypes.util, "find_library", search)
    with quick_macos_lookups():
        assert ctypes.util.find_library is search


def test_the_till_s_keyring_check_searches_for_no_macos_framework() -> None:
    """A fresh process, as the till's services' thread meets it: every name keyring looks up
    while its backends load, and what it found."""
    code = textwrap.dedent("""
        import ctypes.util, sys
        searched = []
        original = ctypes.util.find_library
        def recording(name):
            searched.append(name)
            return original(name)
        ctypes.util.find_library = recording
        from pos_app.store.credentials import keyring_status
        keyring_status()
        print(",".join(searched))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60)
    searched = set(filter(None, out.stdout.strip().split(",")))
    if sys.platform != "darwin":
        assert not searched & MACOS_FRAMEWORKS, out.stdout
