"""The emulators stop even when a client's connection is gone before it was accepted.

A till killed or closed mid-request can reset a connection between the server's ``select()``
and its ``accept()``: a blocking ``accept()`` then waited for the next client for good, and
``Emulator.stop()`` (``shutdown()``) with it. That hung a clean-clone CI run in a test's
teardown. Here the server is asked to take a request when none is waiting, which is what it
sees in that race.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler

import pytest

from pos_app.training import Emulator
from pos_app.training.httpbase import LoopbackHTTPServer
from pos_app.training.webkassa import WebkassaEmulator


def _returns(server: LoopbackHTTPServer) -> bool:
    done = threading.Event()

    def take_one() -> None:
        server._handle_request_noblock()  # what serve_forever calls after select()
        done.set()

    threading.Thread(target=take_one, daemon=True).start()
    return done.wait(2.0)


def test_taking_a_request_that_is_not_there_does_not_block() -> None:
    server = LoopbackHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    try:
        assert _returns(server)
    finally:
        server.server_close()


@pytest.mark.parametrize("kind", [Emulator, WebkassaEmulator])
def test_both_emulators_use_the_non_blocking_server(kind: type) -> None:
    emulator = kind().start()
    try:
        servers = emulator._servers
        assert servers and all(isinstance(s, LoopbackHTTPServer) for s in servers)
        assert all(_returns(s) for s in servers)
    finally:
        emulator.stop()
