"""The API/OAuth origin: token, status, operations, invoice links (reference §2, §5–§7)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from pos_app.training import codec
from pos_app.training.control import handle_control
from pos_app.training.httpbase import Handled, Handler, log
from pos_app.training.models import BankError, invoice_view, transaction_view

STATUS = re.compile(r"/check-status/payment/transaction/([^/]+)")
OPERATION = re.compile(r"/operation/([^/]+)/(charge|cancel|refund)")
REDIRECT = re.compile(r"/redirect/invoice-link/([^/]+)")
TOKEN_PATHS = ("/oauth2/token", "/epay2/oauth2/token")


def route_path(raw: str) -> tuple[str, dict[str, list[str]]]:
    """Path without the optional ``/api`` prefix, and the parsed query."""
    parts = urlsplit(raw)
    path = parts.path.rstrip("/") or "/"
    if path == "/api" or path.startswith("/api/"):
        path = path[4:] or "/"
    return path, parse_qs(parts.query, keep_blank_values=True)


class ApiHandler(Handler):
    """Routes of the API origin."""

    def do_GET(self) -> None:
        """Status, invoice-link redirect, control state."""
        self._dispatch("GET")

    def do_POST(self) -> None:
        """Token, operations, invoices, control."""
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        path, query = route_path(self.path)
        try:
            if path.startswith("/_emulator/"):
                handle_control(self, method, path[len("/_emulator/"):])
            elif method == "POST" and path in TOKEN_PATHS:
                self._token()
            elif method == "GET" and (m := STATUS.fullmatch(path)):
                self._status(m.group(1))
            elif method == "POST" and (m := OPERATION.fullmatch(path)):
                self._operation(m.group(1), m.group(2), query)
            elif method == "POST" and path == "/invoice":
                self._invoice()
            elif method == "POST" and path == "/invoice-links":
                self._invoice_links()
            elif method == "GET" and (m := REDIRECT.fullmatch(path)):
                self._redirect(m.group(1))
            else:
                self.reply_json(404, {"code": 404, "message": "not found"})
        except Handled:
            return
        except BankError as exc:
            log.info("%s %s refused: %s", method, path.split("/")[1], exc.message)
            self.reply_json(exc.status, exc.body)

    def _token(self) -> None:
        self.count_and_fault("token")
        self.reply_json(200, self.emu.bank.issue_token(self.form()))

    def _status(self, invoice_id: str) -> None:
        fault = self.count_and_fault("status")
        token = self.emu.bank.service_token(self.headers.get("Authorization"))
        if fault is not None:  # in_progress
            self.reply_json(200, {"resultCode": "107", "resultMessage": "Operation in progress"})
            return
        tx = self.emu.bank.transaction(invoice_id)
        with self.emu.bank.lock:
            self.emu.bank.performed["status"] += 1
        if tx is None or tx.client_id != token.client_id:
            self.reply_json(200, {"resultCode": "102", "resultMessage": "Invoice not found"})
            return
        self.reply_json(200, {"resultCode": "100", "resultMessage": "SUCCESS",
                              "transaction": transaction_view(tx)})

    def _operation(self, tx_id: str, op: str, query: dict[str, list[str]]) -> None:
        self.count_and_fault(op)
        token = self.emu.bank.service_token(self.headers.get("Authorization"))
        body_amount: object = None
        try:
            data = self.json_body()
        except ValueError:
            raise BankError(400, "invalid JSON body") from None
        if isinstance(data, dict):
            body_amount = data.get("amount")
        external = (query.get("externalID") or [""])[0]
        if isinstance(data, dict) and not external:
            external = str(data.get("externalID") or "")
        amount = query["amount"][0] if query.get("amount") else None
        self.emu.bank.operate(op, tx_id, token, amount, body_amount, external)
        self.reply(200, b"", "")

    def _invoice(self) -> None:
        self.count_and_fault("invoice")
        token = self.emu.bank.service_token(self.headers.get("Authorization"))
        try:
            data = self.json_body()
        except ValueError:
            raise BankError(400, "invalid JSON body") from None
        if not isinstance(data, dict):
            raise BankError(400, "a JSON object is required")
        link = self.emu.bank.links.create(data, token)
        self.reply_json(200, invoice_view(link, self.emu.urls["api"]))

    def _invoice_links(self) -> None:
        self.count_and_fault("invoice_links")
        token = self.emu.bank.service_token(self.headers.get("Authorization"))
        try:
            data = self.json_body() or {}
        except ValueError:
            raise BankError(400, "invalid JSON body") from None
        wanted: str | None = None
        for item in data.get("searchParameters") or [] if isinstance(data, dict) else []:
            if isinstance(item, dict) and item.get("name") == "invoice_id":
                values = item.get("searchParameter") or [""]
                wanted = str(values[0])
        links = self.emu.bank.links.search(wanted, token.client_id)
        records = [invoice_view(link, self.emu.urls["api"]) for link in links]
        self.reply_json(200, {"TotalCount": len(records), "Records": records})

    def _redirect(self, link_id: str) -> None:
        self.count_and_fault("redirect")
        try:
            params = self.emu.bank.links.payment_object(link_id)
        except BankError:
            self.reply_html(404, "<html><body><h1>Срок действия ссылки истёк</h1>"
                                 "<p>The payment link has expired.</p></body></html>")
            return
        self.redirect(f"{self.emu.urls['payform_url']}?params={codec.pack(params)}")
