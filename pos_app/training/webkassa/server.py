"""The Webkassa v4 emulator on loopback: an API origin, an alternative origin (for 505
failover) and a separate control origin. Stdlib only; no Qt; nothing from the rest of the app.

Faults are armed per endpoint (the path's last part in lower case, e.g. ``check``, or ``*``)
and consumed one request at a time:

* ``drop_after_commit``: process (register) the request, then close the connection unanswered;
* ``delay_then_commit``: wait ``delay`` seconds (past the client's timeout), then process and
  answer (the client has usually given up by then);
* ``drop_before``: close the connection without processing;
* ``http_500`` / ``html`` / ``malformed``: an HTTP 500 page, an HTML 502 page, broken JSON,
  without processing;
* ``code_505``: error 505 with ``AlternativeDomainNames`` naming the alternative origin;
* ``code``: error ``code`` (e.g. -1 or an unknown 777) without processing;
* ``raw``: reply ``body`` with ``status`` verbatim, without processing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import struct
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from typing import Any

from pos_app.training.httpbase import LoopbackHTTPServer
from pos_app.training.server import check_loopback
from pos_app.training.webkassa import printform
from pos_app.training.webkassa.register import (
    STATUS_ACTIVE,
    STATUS_BLOCKED,
    STATUS_NOT_ACTIVATED,
    Cashbox,
    DuplicateKey,
    Register,
    User,
)
from pos_app.training.webkassa.validate import RegisterError, lower_keys

log = logging.getLogger("pos_app.training.webkassa")
FAULT_KINDS = ("drop_after_commit", "delay_then_commit", "drop_before", "http_500", "html",
               "malformed", "code_505", "code", "raw")
STATUSES = {"active": STATUS_ACTIVE, "blocked": STATUS_BLOCKED,
            "not_activated": STATUS_NOT_ACTIVATED}


@dataclass
class Fault:
    endpoint: str
    kind: str
    count: int = 1
    delay: float = 0.0
    code: int = -1
    status: int = 200
    body: str = ""


class _Server(LoopbackHTTPServer):
    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler],
                 emulator: WebkassaEmulator) -> None:
        super().__init__(address, handler)
        self.emulator = emulator


class _Base(BaseHTTPRequestHandler):
    server: _Server
    server_version = "nginx"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.command, self.path)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.server.emulator.register.now(), usegmt=False)

    def send_text(self, status: int, text: str, ctype: str = "application/json; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
        raw = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def read_json(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(min(length, 1_000_000)) if length > 0 else b""
        return json.loads(raw, parse_float=Decimal) if raw.strip() else {}


def _json(value: Any) -> str:
    """JSON text with ``Decimal`` as exact numbers (the register's replies are numbers)."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def abort_connection(handler: BaseHTTPRequestHandler) -> None:
    """Close the connection with no reply at all (RST), after or instead of processing."""
    handler.close_connection = True
    with contextlib.suppress(OSError):
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                      struct.pack("ii", 1, 0))
        handler.connection.shutdown(socket.SHUT_RDWR)


class ApiHandler(_Base):
    def do_GET(self) -> None:
        self.send_text(404, _json({"Errors": [{"Code": 404, "Text": "Not found"}]}))

    def do_POST(self) -> None:
        emu = self.server.emulator
        endpoint = self.path.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1].lower()
        fault = emu.take_fault(endpoint)
        if fault is not None and self._early_fault(fault):
            return
        try:
            body = self.read_json()
        except ValueError:
            self.send_text(200, _json({"Errors": [{"Code": 9, "Text": "Неверный JSON"}]}))
            return
        if fault is not None and fault.kind == "delay_then_commit":
            time.sleep(fault.delay)
        payload: dict[str, Any]
        try:
            data = emu.handle(self.path, lower_keys(body) if isinstance(body, dict) else {},
                              self.headers.get("x-api-key"),
                              printform.language(self.headers.get("Accept-Language", "")))
            payload = {"Data": data}
        except DuplicateKey as dup:
            payload = {"Errors": [{"Code": 14, "Text": "Дублирование кода системы-источника"}]}
            if dup.data is not None:
                payload["Data"] = dup.data
        except RegisterError as exc:
            payload = {"Errors": [{"Code": exc.code, "Text": exc.text}]}
        if fault is not None and fault.kind == "drop_after_commit":
            abort_connection(self)
            return
        self.send_text(200, _json(payload))

    def _early_fault(self, fault: Fault) -> bool:
        """Answer a fault that skips processing; False when processing must go on."""
        emu = self.server.emulator
        kind = fault.kind
        if kind in ("drop_after_commit", "delay_then_commit"):
            return False
        self.read_json_quietly()
        if kind == "drop_before":
            abort_connection(self)
        elif kind == "http_500":
            self.send_text(500, "<html><body><h1>500 Internal Server Error</h1></body></html>",
                           "text/html")
        elif kind == "html":
            self.send_text(502, "<html><head><title>502 Bad Gateway</title></head></html>",
                           "text/html")
        elif kind == "malformed":
            self.send_text(200, '{"Data": {"CheckNumber": ')
        elif kind == "code_505":
            alt = emu.urls.get("alt", "").split("://", 1)[-1]
            self.send_text(200, _json({"Errors": [{"Code": 505, "Text": "Сервис недоступен"}]}),
                           headers={"AlternativeDomainNames": alt})
        elif kind == "code":
            self.send_text(200, _json({"Errors": [{"Code": fault.code, "Text": "Ошибка"}]}))
        else:  # raw
            self.send_text(fault.status, fault.body)
        return True

    def read_json_quietly(self) -> None:
        with contextlib.suppress(ValueError):
            self.read_json()


class ControlHandler(_Base):
    """``GET /state``, ``GET /checks``; ``POST /reset``, ``/clock``, ``/cashbox``, ``/switch``,
    ``/fault``, ``/expire_tokens``, ``/user``."""

    def do_GET(self) -> None:
        emu = self.server.emulator
        name = self.path.strip("/")
        if name == "state":
            self.send_text(200, _json(emu.state()))
        elif name == "checks":
            self.send_text(200, _json(emu.register.all_checks()))
        else:
            self.send_text(404, _json({"error": "unknown control"}))

    def do_POST(self) -> None:
        emu = self.server.emulator
        name = self.path.strip("/")
        try:
            data = self.read_json()
            if not isinstance(data, dict):
                raise ValueError("a JSON object is required")
            if name == "reset":
                emu.register.reset()
                emu.clear_faults()
            elif name == "clock":
                emu.register.advance(float(data.get("hours", 0)) * 3600
                                     + float(data.get("seconds", 0)))
            elif name == "cashbox":
                emu.set_cashbox(str(data.get("unique_number", "")) or None,
                                status=data.get("status"), ofd_down=data.get("ofd_down"))
            elif name == "switch":
                emu.switch(**data)
            elif name == "fault":
                emu.add_fault(str(data["endpoint"]), str(data["kind"]),
                              count=int(data.get("count", 1)),
                              delay=float(data.get("delay", 0)), code=int(data.get("code", -1)),
                              status=int(data.get("status", 200)), body=str(data.get("body", "")))
            elif name == "expire_tokens":
                emu.register.expire_tokens()
            elif name == "user":
                emu.add_user(str(data["login"]), str(data["password"]),
                             str(data.get("name", "Кассир")))
            else:
                self.send_text(404, _json({"error": "unknown control"}))
                return
        except (KeyError, TypeError, ValueError) as exc:
            self.send_text(400, _json({"error": f"bad request: {exc}"}))
            return
        self.send_text(200, _json({"ok": True}))


class WebkassaEmulator:
    """The emulator; ``urls`` has ``api`` (base URL), ``alt`` (the 505 alternative) and
    ``control``. Training credentials: :mod:`pos_app.training.webkassa.register`."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        check_loopback(host)
        self.host, self.port = host, port
        self.register = Register()
        self.urls: dict[str, str] = {}
        self._faults: list[Fault] = []
        self._faults_lock = threading.Lock()
        self._servers: list[_Server] = []

    def start(self) -> WebkassaEmulator:
        api = _Server((self.host, self.port), ApiHandler, self)
        alt = _Server((self.host, 0), ApiHandler, self)
        control = _Server((self.host, 0), ControlHandler, self)
        self._servers = [api, alt, control]
        host = f"[{self.host}]" if ":" in self.host else self.host
        names = ("api", "alt", "control")
        self.urls = {n: f"http://{host}:{s.server_address[1]}" for n, s in zip(names,
                                                                             self._servers,
                                                                             strict=True)}
        self.register.public_url = self.urls["api"]
        for server in self._servers:
            threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True,
                             name="webkassa-emulator").start()
        log.info("Webkassa emulator: %s (control %s)", self.urls["api"], self.urls["control"])
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers = []

    def __enter__(self) -> WebkassaEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- faults and switches --------------------------------------------------------------

    def add_fault(self, endpoint: str, kind: str, *, count: int = 1, delay: float = 0.0,
                  code: int = -1, status: int = 200, body: str = "") -> None:
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; one of {', '.join(FAULT_KINDS)}")
        with self._faults_lock:
            self._faults.append(Fault(endpoint.lower(), kind, count, delay, code, status, body))

    def clear_faults(self) -> None:
        with self._faults_lock:
            self._faults.clear()

    def take_fault(self, endpoint: str) -> Fault | None:
        with self._faults_lock:
            for fault in self._faults:
                if fault.endpoint in (endpoint, "*") and fault.count > 0:
                    fault.count -= 1
                    if fault.count == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def switch(self, **values: Any) -> None:
        sw = self.register.switches
        for name, value in values.items():
            if not hasattr(sw, name):
                raise ValueError(f"unknown switch {name!r}")
            setattr(sw, name, frozenset(value) if name == "allowed_rates" else value)

    def set_cashbox(self, unique_number: str | None = None, *, status: object = None,
                    ofd_down: object = None) -> None:
        reg = self.register
        with reg.lock:
            box = reg.cashboxes[unique_number or next(iter(reg.cashboxes))]
            if status is not None:
                box.status = STATUSES[str(status)]
            if ofd_down is True and box.ofd_down_since is None:
                box.ofd_down_since = reg.now()
            elif ofd_down is False:
                box.ofd_down_since = None

    def add_user(self, login: str, password: str, name: str = "Кассир") -> None:
        with self.register.lock:
            self.register.users[login] = User(login, password, name)

    def add_cashbox(self, unique_number: str, rnm: str) -> None:
        with self.register.lock:
            self.register.cashboxes[unique_number] = Cashbox(unique_number, rnm)

    def state(self) -> dict[str, Any]:
        reg = self.register
        with reg.lock:
            return {
                "now": reg.now().isoformat(), "registrations": reg.registrations,
                "concurrency_violations": reg.concurrency_violations,
                "warnings": list(reg.warnings),
                "cashboxes": {n: {"status": b.status, "ofd_down": b.ofd_down_since is not None,
                                  "shift": None if b.open_shift is None else b.open_shift.number,
                                  "checks": len(b.checks)} for n, b in reg.cashboxes.items()},
            }

    # -- the API --------------------------------------------------------------------------

    def handle(self, path: str, body: dict[str, Any], api_key: str | None,
               lang: str) -> Any:
        reg = self.register
        route = path.split("?", 1)[0].rstrip("/").lower()
        reg.check_api_key(api_key)
        if route == "/api/v4/authorize":
            return reg.authorize(body)
        user = reg.user_for(body.get("token"))
        if route == "/api/v4/cashboxes":
            return reg.cashboxes_list()
        if route == "/api/v4/references/refunits":
            return [{"Code": 796, "NameRu": "штука", "NameKz": "дана", "NameEn": "piece"},
                    {"Code": 166, "NameRu": "килограмм", "NameKz": "килограмм",
                     "NameEn": "kilogram"}]
        box = reg.cashbox(body)
        reg.begin(box)
        try:
            return self._on_cashbox(route, body, user, lang)
        finally:
            reg.end(box)

    def _on_cashbox(self, route: str, body: dict[str, Any], user: User, lang: str) -> Any:
        reg = self.register
        routes: dict[str, Any] = {
            "/api/v4/check": lambda: reg.check(body, user, lang),
            "/api/v4/xreport": lambda: reg.report(body, close=False, user=user),
            "/api/v4/zreport": lambda: reg.report(body, close=True, user=user),
            "/api/v4/cashbox/shifthistory": lambda: reg.shift_history(body),
            "/api/v4/check/history": lambda: reg.check_history(body),
            "/api/v4/check/historybynumber": lambda: reg.history_by_number(body),
            "/api/v4/ticket/printformat": lambda: reg.print_format(body, lang),
            "/api-portal/v4/cashbox/client-info": lambda: reg.client_info(body),
            "/api-history/v4/ticket/getticketbyexternalchecknumber":
                lambda: reg.ticket_by_key(body),
        }
        action = routes.get(route)
        if action is None:
            raise RegisterError(404, "Метод не найден")
        return action()
