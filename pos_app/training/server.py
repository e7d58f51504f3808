"""The :class:`Emulator`: a local stand-in for ePay's test environment on two loopback origins.

See ``docs/interfaces.md`` (Emulator) for the contract and :mod:`pos_app.training.cards` for the
test-card table. Nothing here talks to the internet; postLinks go to loopback URLs only.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from importlib import resources
from typing import Any

from pos_app.training import api, form
from pos_app.training.faults import Fault, FaultPlan
from pos_app.training.httpbase import EmulatorHTTPServer, serve
from pos_app.training.models import Merchant, Transaction, invoice_view, transaction_view
from pos_app.training.postlink import deliver
from pos_app.training.state import Bank

log = logging.getLogger("pos_app.training")

TEST_MERCHANT = Merchant(
    client_id="test",
    secret="yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG",  # noqa: S106 - the published test secret
    terminal="67e34d63-102f-4bd1-898e-370781d0074d",
    shop_id="04f25a4b-d2bd-4dd8-b3a7-9390be4774c4",
)


def check_loopback(host: str) -> None:
    """Raise ValueError unless ``host`` is a loopback address or ``localhost``."""
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the emulator listens on loopback only, not {host!r}")


class Emulator:
    """ePay emulator: an API/OAuth origin and a payform origin, each a ThreadingHTTPServer."""

    def __init__(self, api_port: int = 0, form_port: int = 0, host: str = "127.0.0.1") -> None:
        check_loopback(host)
        self.host, self._ports = host, (api_port, form_port)
        self.bank = Bank()
        self.bank.merchants[TEST_MERCHANT.client_id] = TEST_MERCHANT
        self.bank.notify = self._notify
        self.faults = FaultPlan()
        self._stopping = threading.Event()
        self._servers: list[EmulatorHTTPServer] = []
        self.urls: dict[str, str] = {}
        self._script_template = "\n".join(
            (resources.files("pos_app.training") / "static" / name).read_text("utf-8")
            for name in ("lz-string.min.js", "payment-api.js")
        )

    # lifecycle ---------------------------------------------------------------------------
    def start(self) -> Emulator:
        """Bind both servers and serve them in daemon threads; returns ``self``."""
        api_server = EmulatorHTTPServer((self.host, self._ports[0]), api.ApiHandler, self)
        form_server = EmulatorHTTPServer((self.host, self._ports[1]), form.FormHandler, self)
        self._servers = [api_server, form_server]
        host = f"[{self.host}]" if ":" in self.host else self.host
        base_api = f"http://{host}:{api_server.server_address[1]}"
        base_form = f"http://{host}:{form_server.server_address[1]}"
        self.urls = {
            "api": base_api, "form": base_form, "oauth_url": f"{base_api}/oauth2/token",
            "widget_url": f"{base_form}/payform/payment-api.js",
            "payform_url": f"{base_form}/payform/",
        }
        for server in self._servers:
            serve(server)
        log.info("ePay emulator: API %s, payform %s", base_api, base_form)
        return self

    def stop(self) -> None:
        """Release hung requests and shut both servers down."""
        self._stopping.set()
        self.faults.release_hangs()
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers = []

    def __enter__(self) -> Emulator:
        return self.start() if not self._servers else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # knobs -------------------------------------------------------------------------------
    def add_merchant(self, client_id: str, secret: str, terminal: str, shop_id: str = "") -> None:
        """Register another merchant."""
        with self.bank.lock:
            self.bank.merchants[client_id] = Merchant(client_id, secret, terminal, shop_id)

    def add_fault(self, endpoint: str, kind: str, count: int = 1, status: int | None = None,
                  delay: float = 0.0) -> None:
        """Script a fault for the next ``count`` calls of ``endpoint`` (-1: forever)."""
        self.faults.add(Fault(endpoint, kind, count, None if status is None else int(status),
                              float(delay)))

    def configure(self, **knobs: Any) -> None:
        """Set scenario knobs: widget_message, widget_delay, two_step, auto_pay, ..."""
        self.bank.configure(**knobs)

    def advance_clock(self, seconds: float) -> None:
        """Move the fake clock (token and invoice-link expiry) forward."""
        self.bank.advance(seconds)

    def reset(self) -> None:
        """Back to a fresh state (merchants are kept); releases hung requests."""
        self.faults.clear()
        self.bank.reset()

    def release_hangs(self) -> None:
        """Let requests held by "hang" faults go (closed without a reply)."""
        self.faults.release_hangs()

    # inspection --------------------------------------------------------------------------
    def calls(self, endpoint: str) -> int:
        """How many requests ``endpoint`` received."""
        with self.bank.lock:
            return self.bank.calls[endpoint]

    def performed(self, operation: str) -> int:
        """How many times the bank did ``operation`` (payment_token, service_token, status,
        charge, cancel, refund, invoice), whatever became of its reply."""
        with self.bank.lock:
            return self.bank.performed[operation]

    def count_call(self, endpoint: str) -> Fault | None:
        """Count a request and return the fault that applies to it, if any."""
        with self.bank.lock:
            self.bank.calls[endpoint] += 1
        return self.faults.take(endpoint)

    def sleep(self, seconds: float) -> None:
        """Sleep that :meth:`stop` cuts short."""
        self._stopping.wait(seconds)

    @property
    def postlinks(self) -> list[dict[str, object]]:
        """postLink attempts so far (``delivered``, ``status``, ``url``, ``payload``)."""
        with self.bank.lock:
            return list(self.bank.postlinks)

    def transaction(self, invoice_id: str) -> dict[str, object] | None:
        """The status API's ``transaction`` object for ``invoice_id`` (None if not paid)."""
        tx = self.bank.transaction(invoice_id)
        with self.bank.lock:
            return transaction_view(tx) if tx else None

    def pay(self, invoice_id: str, pan: str, expiry: str = "01/27", cvc: str = "321"
            ) -> dict[str, object]:
        """Submit the card form server-side with the invoice's newest payment token.

        Returns the transaction object; raises :class:`~pos_app.training.models.BankError`
        when there is no usable token or the PAN fails Luhn.
        """
        token = self.bank.token_for(invoice_id)
        tx, sender = self.bank.pay(token, pan, expiry, cvc, {})
        if sender is not None:
            sender.join(form.POSTLINK_WAIT)
        with self.bank.lock:
            return transaction_view(tx)

    def state(self) -> dict[str, object]:
        """Snapshot for ``GET /_emulator/state``."""
        with self.bank.lock:
            return {
                "transactions": [transaction_view(t) for t in self.bank.transactions.values()],
                "invoice_links": [invoice_view(link, self.urls.get("api", ""))
                                  for link in self.bank.links.links.values()],
                "postlinks": list(self.bank.postlinks), "calls": dict(self.bank.calls),
                "performed": dict(self.bank.performed),
                "faults": self.faults.pending(), "config": dict(self.bank.config),
                "clock_offset": self.bank.offset,
            }

    def script(self) -> str:
        """``payment-api.js`` pointing at this emulator's payform."""
        return (self._script_template.replace("__PAGE_URL__", self.urls["payform_url"])
                .replace("__ORIGIN__", self.urls["form"])
                .replace("__TOKEN_URL__", self.urls["oauth_url"]))

    def _notify(self, tx: Transaction, url: str) -> threading.Thread:
        from pos_app.training.models import postlink_payload

        payload = postlink_payload(tx)

        def run() -> None:
            record = deliver(url, payload)
            with self.bank.lock:
                self.bank.postlinks.append(record)

        thread = threading.Thread(target=run, name="epay-postlink", daemon=True)
        thread.start()
        return thread
