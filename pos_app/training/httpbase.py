"""Shared request-handler plumbing: bodies, replies, fault injection, quiet logging."""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import json
import logging
import socket
import struct
import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs

from pos_app.training.faults import AFTER_KINDS, Fault, FaultPlan
from pos_app.training.state import Bank

log = logging.getLogger("pos_app.training")
MAX_BODY = 1_000_000


class EmulatorPort(Protocol):
    """What the request handlers (here, ``api``, ``form``, ``control``) use of the
    :class:`pos_app.training.server.Emulator`, which imports them, not the other way round."""

    @property
    def bank(self) -> Bank: ...
    @property
    def faults(self) -> FaultPlan: ...
    @property
    def urls(self) -> Mapping[str, str]: ...
    def count_call(self, endpoint: str) -> Fault | None: ...
    def sleep(self, seconds: float) -> None: ...
    def script(self) -> str: ...
    def state(self) -> dict[str, object]: ...
    # the control API's knobs
    def add_fault(self, endpoint: str, kind: str, count: int = 1, status: int | None = None,
                  delay: float = 0.0) -> None: ...
    def add_merchant(self, client_id: str, secret: str, terminal: str,
                     shop_id: str = "") -> None: ...
    def configure(self, **knobs: Any) -> None: ...
    def reset(self) -> None: ...
    def advance_clock(self, seconds: float) -> None: ...
    def release_hangs(self) -> None: ...
    def pay(self, invoice_id: str, pan: str, expiry: str = "01/27", cvc: str = "321"
            ) -> dict[str, object]: ...


class LoopbackHTTPServer(ThreadingHTTPServer):
    """The emulators' threading server. Its listening socket never blocks in ``accept()``: a
    client that resets its connection between ``select()`` and ``accept()`` (a till killed or
    closed mid-request) left ``serve_forever`` blocked there, and ``shutdown()`` waiting for it
    for good. ``socketserver`` treats the ``BlockingIOError`` as "no request this turn"."""

    daemon_threads = True
    allow_reuse_address = True

    def server_activate(self) -> None:
        super().server_activate()
        self.socket.setblocking(False)

    def get_request(self) -> tuple[Any, Any]:
        conn, address = self.socket.accept()
        conn.setblocking(True)  # the request itself is read and written as usual
        return conn, address


class EmulatorHTTPServer(LoopbackHTTPServer):
    """A threading server that knows its emulator."""

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 emulator: EmulatorPort) -> None:
        super().__init__(address, handler)
        self.emulator = emulator


class Handler(BaseHTTPRequestHandler):
    """Base handler; subclasses route requests."""

    server: EmulatorHTTPServer
    server_version = "nginx"
    sys_version = ""
    after_fault: Fault | None = None  # applied to the reply, once the bank has acted

    @property
    def emu(self) -> EmulatorPort:
        """The emulator this request belongs to."""
        return self.server.emulator

    def log_message(self, format: str, *args: Any) -> None:
        """Log method and path only: query strings carry tokens."""
        log.debug("%s %s", self.command, self.path.split("?", 1)[0])

    # request bodies ----------------------------------------------------------------------
    def body(self) -> bytes:
        """The raw request body (Content-Length; at most 1 MB)."""
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(min(length, MAX_BODY)) if length > 0 else b""

    def form(self) -> dict[str, str]:
        """An urlencoded or multipart form body as a flat dict (first value wins)."""
        raw = self.body()
        ctype = self.headers.get("Content-Type", "")
        if ctype.lower().startswith("multipart/form-data"):
            message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + raw)
            result: dict[str, str] = {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if name and name not in result:
                    text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
                    result[str(name)] = text
            return result
        parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
        return {key: values[0] for key, values in parsed.items()}

    def json_body(self) -> Any:
        """The JSON body (None when empty); ValueError when not JSON."""
        raw = self.body()
        return json.loads(raw) if raw.strip() else None

    # replies -----------------------------------------------------------------------------
    def reply(self, status: int, body: bytes = b"", ctype: str = "application/json; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        """Send a complete response (through a pending "after" fault, if any)."""
        fault, self.after_fault = self.after_fault, None
        if fault is not None:
            if fault.kind == "drop_after":
                self.abort()
                return
            if fault.kind == "delay_after":
                self.emu.sleep(fault.delay)
            elif fault.kind == "corrupt_after":
                status, body = 200, b'{"resultCode": "100", "transaction": {"id": \xff'
                ctype = "application/json; charset=utf-8"
            elif fault.kind == "error_after":
                status = fault.status or 500
                body = f'{{"code": {status}, "message": "emulated error"}}'.encode()
                ctype = "application/json; charset=utf-8"
        self.send_response(status)
        if body or ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def reply_json(self, status: int, data: object) -> None:
        """Send ``data`` as JSON."""
        self.reply(status, json.dumps(data, ensure_ascii=False).encode())

    def reply_html(self, status: int, html: str) -> None:
        """Send an HTML page."""
        self.reply(status, html.encode(), "text/html; charset=utf-8")

    def redirect(self, location: str) -> None:
        """302 to ``location``."""
        self.reply(302, b"", "", {"Location": location})

    # faults ------------------------------------------------------------------------------
    def count_and_fault(self, endpoint: str) -> Fault | None:
        """Count a call to ``endpoint`` and apply its next fault.

        Returns the fault when the handler must still act ("in_progress"); returns None when
        the request should proceed normally (an "after" fault then spoils the reply, see
        :meth:`reply`); raises :class:`Handled` when the fault answered.
        """
        fault = self.emu.count_call(endpoint)
        if fault is None:
            return None
        log.info("fault %s on %s", fault.kind, endpoint)
        if fault.kind in AFTER_KINDS:
            self.after_fault = fault
            return None
        if fault.kind == "slow":
            self.emu.sleep(fault.delay)
            return None
        if fault.kind == "in_progress":
            return fault
        if fault.kind == "http_error":
            status = fault.status or 500
            self.reply_json(status, {"code": status, "message": "emulated error", "status": status})
        elif fault.kind == "html":
            status = fault.status or 502
            self.reply_html(status, f"<html><head><title>{status} Bad Gateway</title></head>"
                                    f"<body><center><h1>{status}</h1></center><hr>"
                                    "<center>nginx</center></body></html>")
        elif fault.kind == "malformed":
            self.reply(200, b'{"resultCode": "100", "transaction": {"id": ')
        else:  # hang, reset
            if fault.kind == "hang":
                self.emu.faults.wait_hang()
            self.abort()
        raise Handled

    def abort(self) -> None:
        """Close the connection without any response (RST where possible)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.wfile = _NullWriter()  # type: ignore[assignment]


class Handled(Exception):
    """The request was already answered (by a fault)."""


class _NullWriter:
    closed = False

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True


def serve(server: EmulatorHTTPServer) -> threading.Thread:
    """Run ``server`` in a daemon thread."""
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="epay-emulator",
                              daemon=True)
    thread.start()
    return thread
