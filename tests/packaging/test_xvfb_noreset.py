"""Our private X servers do not reset when their last client leaves.

An X server resets by default when its last client disconnects, and a till started in that
instant fails with "could not connect to display": CI met it when one bundle test's till had
exited and the next started on the same server (2026-12-02). A reset also clears the root
window's name, which is what this checks, every time, with no timing to win or lose.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest

from tests.support import xtill

SERVERS: dict[str, Callable[[], AbstractContextManager[str]]] = {
    "packaging": xtill.xvfb_till.xvfb,  # the bundle's tests, packaging/xvfb_till.py's checks
    "tests": xtill.xvfb,  # the till typed at with xdotool (tests/support/xtill.py)
}


def _xdotool(display: str, *args: str) -> str:
    return xtill.xvfb_till.xdo(display, *args).strip()


@pytest.mark.parametrize("server", sorted(SERVERS))
def test_the_server_keeps_its_state_when_the_last_client_leaves(server: str) -> None:
    if missing := xtill.missing_tools():
        pytest.fail(f"missing {', '.join(missing)}: run scripts/setup --dev")
    with SERVERS[server]() as display:
        root = _xdotool(display, "search", "--maxdepth", "0", "--name", "").splitlines()[0]
        _xdotool(display, "set_window", "--name", "kept", root)  # this client now leaves
        names = []
        deadline = time.monotonic() + 1.0  # a reset follows the last client within ms
        while time.monotonic() < deadline:
            names.append(_xdotool(display, "getwindowname", root))
        assert set(names) == {"kept"}, names
