"""The only object the checkout page can reach: one slot taking a JSON string.

Messages are validated here, in Python. Anything else (not JSON, unknown type, wrong invoice,
a second result for the same page, a message after the page was discarded) is rejected and
logged, never acted on.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("pos_app.ui.checkout.web.bridge")
MAX_MESSAGE = 4096


class Bridge(QObject):
    """Registered on the page's QWebChannel as ``bridge``."""

    ready = Signal()  # the host page's channel is up
    form_loaded = Signal()  # ePay's form finished loading inside the overlay
    result = Signal(str, bool)  # invoice id, success flag from the widget callback
    script_failed = Signal(str)  # the widget script could not be loaded or run
    rejected = Signal(str)  # a message was refused (for tests and diagnostics)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._invoice: str | None = None
        self._answered = False

    def expect(self, invoice_id: str | None) -> None:
        """Accept messages for ``invoice_id`` only (``None``: accept nothing)."""
        self._invoice = invoice_id
        self._answered = False

    @Slot(str)
    def post(self, message: str) -> None:
        reason = self._handle(message)
        if reason:
            log.warning("bridge message rejected: %s", reason)
            self.rejected.emit(reason)

    def _handle(self, message: object) -> str:
        if not isinstance(message, str) or len(message) > MAX_MESSAGE:
            return "not a short string"
        try:
            data = json.loads(message)
        except ValueError:
            return "not JSON"
        if not isinstance(data, dict) or not isinstance(data.get("type"), str):
            return "no message type"
        if self._invoice is None:
            return "no payment is open"
        if data.get("invoiceId") != self._invoice:
            return "message for another invoice"
        kind = data["type"]
        if kind == "ready" and set(data) == {"type", "invoiceId"}:
            self.ready.emit()
            return ""
        if kind == "form_loaded" and set(data) == {"type", "invoiceId"}:
            self.form_loaded.emit()
            return ""
        if kind == "result" and set(data) == {"type", "invoiceId", "success"}:
            if not isinstance(data["success"], bool):
                return "success is not a boolean"
            if self._answered:
                return "a result was already received"
            self._answered = True
            self.result.emit(self._invoice, data["success"])
            return ""
        if kind == "script_error" and set(data) <= {"type", "invoiceId", "detail"}:
            detail = data.get("detail", "")
            self.script_failed.emit(detail[:200] if isinstance(detail, str) else "")
            return ""
        return f"unknown message type {kind[:40]!r}"
