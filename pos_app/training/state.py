"""The emulated bank's state machine: tokens, transactions, operations, fake clock (§5, §6, §10).

Thread-safe: every public method takes the lock. Partial refunds keep ``statusName`` ``CHARGE``
with ``amount`` reduced to the remainder (``orgAmount`` keeps the original); a refund that
brings the remainder to zero turns the status into ``REFUND``.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from pos_app.training import cards
from pos_app.training.invoices import InvoiceBook
from pos_app.training.models import BankError, Merchant, Token, Transaction, from_epoch
from pos_app.training.tokens import (
    OAuthError,
    authenticate,
    bearer_of,
    build_token,
    new_token_string,
    parse_amount,
    token_reply,
)

DEFAULT_CONFIG: dict[str, Any] = {
    "widget_message": "string", "widget_delay": 0.0, "two_step": False, "auto_pay": None,
    "token_expires_in_as_string": False, "token_lifetime": 7200,
}
WIDGET_MESSAGES = frozenset({"string", "none", "object", "malformed", "delayed"})
OPEN_STATES = frozenset({"NEW", "AUTH", "CHARGE", "REFUND", "CANCEL"})  # block a new payment


class PayformRejected(BankError):
    """The payform refuses the token or parameters: it shows "expired"."""


class CardRejected(BankError):
    """The card number fails Luhn: the form shows an inline error, no transaction."""


class Bank:
    """All state of the emulator. ``notify(tx, url)`` sends a postLink (set by the server)."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.merchants: dict[str, Merchant] = {}
        self.notify: Callable[[Transaction, str], threading.Thread | None] = lambda t, u: None
        self.reset()

    def reset(self) -> None:
        """Forget tokens, transactions, links, postLinks, counters, config and clock offset."""
        with self.lock:
            self.config: dict[str, Any] = dict(DEFAULT_CONFIG)
            self.offset = 0.0
            self.tokens: dict[str, Token] = {}
            self.refresh: dict[str, Token] = {}
            self.last_token: dict[str, Token] = {}  # invoice → newest payment token
            self.suffixes: dict[str, str] = {}  # last 6 digits → invoice
            self.transactions: dict[str, Transaction] = {}  # invoice → latest transaction
            self.by_id: dict[str, Transaction] = {}
            self.postlinks: list[dict[str, object]] = []
            self.calls: Counter[str] = Counter()
            # what the bank did (not what it was asked): payment_token, service_token, status,
            # charge, cancel, refund, invoice; a fault that fires before acting adds nothing
            self.performed: Counter[str] = Counter()
            self.auto_due: dict[str, tuple[float, dict[str, Any]]] = {}
            self.links = InvoiceBook(self)

    # clock and configuration -------------------------------------------------------------
    def now(self) -> float:
        """Fake-clock time (epoch seconds): real time plus :meth:`advance`."""
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        """Move the fake clock forward."""
        with self.lock:
            self.offset += float(seconds)

    def configure(self, **knobs: Any) -> None:
        """Set scenario knobs (see ``docs/interfaces.md``)."""
        with self.lock:
            for key, value in knobs.items():
                if key not in DEFAULT_CONFIG:
                    raise ValueError(f"unknown knob {key!r}")
                if key == "widget_message" and value not in WIDGET_MESSAGES:
                    raise ValueError(f"unknown widget_message {value!r}")
                if key == "auto_pay" and value is not None:
                    value = {"after": float(value.get("after", 0.0)),
                             "approve": bool(value.get("approve", True)),
                             "reason_code": int(value.get("reason_code", 0 if
                                                          value.get("approve", True) else 465))}
                self.config[key] = value

    # tokens ------------------------------------------------------------------------------
    def issue_token(self, form: Mapping[str, str]) -> dict[str, object]:
        """Handle ``POST /oauth2/token``; raise :class:`OAuthError` on refusal."""
        with self.lock:
            merchant = authenticate(self.merchants, form)
            lifetime = int(self.config["token_lifetime"])
            as_string = bool(self.config["token_expires_in_as_string"])
            grant = form.get("grant_type", "")
            if grant in ("password", "refresh_token"):
                return self._other_grant(merchant, form, grant)
            if grant != "client_credentials":
                raise OAuthError(400, "unsupported grant_type")
            token = build_token(merchant, form, self.now(), lifetime)
            if token.invoice_id is not None:
                self._check_invoice_free(token.invoice_id)
                self.suffixes[token.invoice_id[-6:]] = token.invoice_id
                self.last_token[token.invoice_id] = token
                self._schedule_auto(token)
            self.tokens[token.access_token] = token
            kind = "payment_token" if token.invoice_id is not None else "service_token"
            self.performed[kind] += 1
            return token_reply(token, lifetime, as_string)

    def _other_grant(self, merchant: Merchant, form: Mapping[str, str], grant: str
                     ) -> dict[str, object]:
        if grant == "password":
            if not form.get("username") or not form.get("password"):
                raise OAuthError(400, "username and password are required")
        else:
            old = self.refresh.pop(form.get("refresh_token", ""), None)
            if old is None or old.client_id != merchant.client_id:
                raise OAuthError(400, "invalid refresh_token")
        token = Token(new_token_string(), merchant.client_id, merchant.terminal,
                      form.get("scope", "api") or "api", self.now() + 43199,
                      refresh_token=new_token_string())
        self.tokens[token.access_token] = token
        self.refresh[token.refresh_token] = token
        self.performed["service_token"] += 1
        return token_reply(token, 43199, False, bearer="bearer")

    def _check_invoice_free(self, invoice_id: str) -> None:
        owner = self.suffixes.get(invoice_id[-6:])
        if owner is not None and owner != invoice_id:
            raise OAuthError(400, "the last 6 digits of invoiceID were already used")
        tx = self.transactions.get(invoice_id)
        if tx is not None and tx.status in OPEN_STATES:
            raise OAuthError(400, "invoice already paid")

    def service_token(self, header: str | None) -> Token:
        """The unexpired non-payment token in ``header``, else 401."""
        with self.lock:
            token = self.tokens.get(bearer_of(header))
            if token is None or token.is_payment or token.expires_at <= self.now():
                raise BankError(401, "unauthorized", None)
            return token

    # payment -----------------------------------------------------------------------------
    def check_payform(self, params: Mapping[str, object]) -> Token:
        """The payment token the payform ``params`` carry, or :class:`PayformRejected`."""
        with self.lock:
            auth = params.get("auth")
            if not isinstance(auth, Mapping):
                raise PayformRejected(400, "auth is not the token object")
            if not {"access_token", "expires_in", "token_type"} <= set(auth):
                raise PayformRejected(400, "auth lacks token fields")
            token = self.tokens.get(str(auth["access_token"]))
            if token is None or not token.is_payment:
                raise PayformRejected(400, "unknown token")
            if token.expires_at <= self.now() or token.used:
                raise PayformRejected(400, "token expired or used")
            if params.get("invoiceId") != token.invoice_id:
                raise PayformRejected(400, "invoiceId does not match the token")
            try:
                amount = parse_amount(params.get("amount", ""), PayformRejected)
            except PayformRejected:
                raise PayformRejected(400, "amount does not match the token") from None
            if amount != token.amount or params.get("terminal") != token.terminal:
                raise PayformRejected(400, "amount or terminal does not match the token")
            if params.get("currency", token.currency) != token.currency:
                raise PayformRejected(400, "currency does not match the token")
            tx = self.transactions.get(token.invoice_id or "")
            if tx is not None and tx.status in OPEN_STATES:
                raise PayformRejected(400, "invoice already paid")
            return token

    def pay(self, token: Token, pan: str, expiry: str, cvc: str,
            params: Mapping[str, object] | None = None
            ) -> tuple[Transaction, threading.Thread | None]:
        """Submit the card form; returns the transaction and the postLink thread (if any)."""
        digits = cards.normalise_pan(pan)
        if not cards.luhn_ok(digits):
            raise CardRejected(400, "Check the card number")
        code = cards.decide(digits, expiry, cvc)
        return self.record(token, code, digits, params or {})

    def record(self, token: Token, code: int, pan: str, params: Mapping[str, object]
               ) -> tuple[Transaction, threading.Thread | None]:
        """Book a card result for ``token``'s invoice and send its postLink."""
        with self.lock:
            invoice_id, amount = token.invoice_id or "", token.amount or Decimal(0)
            status = "REJECT" if code else ("AUTH" if self.config["two_step"] else "CHARGE")
            moment = self.now()
            tx = Transaction(
                id=str(uuid.uuid4()), invoice_id=invoice_id, amount=amount,
                currency=token.currency, terminal=token.terminal, client_id=token.client_id,
                status=status, reason_code=code, card_mask=cards.mask(pan),
                card_type=cards.card_type(pan),
                reference="" if code else f"{secrets.randbelow(10**12):012d}",
                approval_code="" if code else f"{secrets.randbelow(10**6):06d}",
                int_reference=secrets.token_hex(8).upper(), created=from_epoch(moment),
                created_ns=int(moment % 1 * 1e9), secure=code == 0,
                charged=amount if status == "CHARGE" else Decimal(0),
                description=str(params.get("description", "")),
                language=str(params.get("language", "rus")).upper(),
                account_id=str(params.get("accountId", "")), email=str(params.get("email", "")),
                phone=str(params.get("phone", "")), name=str(params.get("name", "")),
                secret_hash=token.secret_hash,
            )
            self.transactions[invoice_id] = tx
            self.by_id[tx.id] = tx
            self.auto_due.pop(invoice_id, None)
            if code == 0:
                token.used = True
                self.links.mark_paid(invoice_id, tx.created)
            url = token.post_link if code == 0 else (token.failure_post_link or token.post_link)
        return tx, (self.notify(tx, url) if url else None)

    def token_for(self, invoice_id: str) -> Token:
        """The newest usable payment token of ``invoice_id`` (for server-side payments)."""
        with self.lock:
            token = self.last_token.get(invoice_id)
            if token is None or token.used or token.expires_at <= self.now():
                raise BankError(400, f"no usable payment token for invoice {invoice_id}")
            return token

    # auto pay ----------------------------------------------------------------------------
    def _schedule_auto(self, token: Token) -> None:
        plan = self.config["auto_pay"]
        if not plan or token.invoice_id is None:
            return
        self.auto_due[token.invoice_id] = (time.monotonic() + plan["after"], dict(plan))
        timer = threading.Timer(plan["after"], self.settle_auto, (token.invoice_id,))
        timer.daemon = True
        timer.start()

    def settle_auto(self, invoice_id: str) -> None:
        """Book the automatic payment of ``invoice_id`` if it is due."""
        with self.lock:
            due = self.auto_due.get(invoice_id)
            token = self.last_token.get(invoice_id)
            if due is None or token is None or time.monotonic() < due[0]:
                return
            del self.auto_due[invoice_id]
            code = 0 if due[1]["approve"] else int(due[1]["reason_code"] or 465)
        self.record(token, code, "4405639704015096", {})

    # status and operations ---------------------------------------------------------------
    def transaction(self, invoice_id: str) -> Transaction | None:
        """The latest transaction of ``invoice_id`` (settling a due auto-payment first)."""
        self.settle_auto(invoice_id)
        with self.lock:
            return self.transactions.get(invoice_id)

    def operate(self, op: str, tx_id: str, token: Token, query_amount: str | None,
                body_amount: object, external_id: str) -> None:
        """Charge, cancel or refund; :class:`BankError` (400, code 100) when not allowed."""
        with self.lock:
            tx = self.by_id.get(tx_id)
            if tx is None or tx.client_id != token.client_id:
                raise BankError(400, "transaction not found")
            amount = _operation_amount(query_amount, body_amount)
            if op in ("charge", "cancel"):
                if tx.status != "AUTH":
                    raise BankError(400, f"{op} is allowed only in AUTH status")
                if amount is not None and amount > tx.amount:
                    raise BankError(400, "amount exceeds the authorised amount")
                if op == "cancel" and amount not in (None, tx.amount):
                    raise BankError(400, "only a full cancel is possible")
                tx.status = "CHARGE" if op == "charge" else "CANCEL"
                tx.charged = (amount or tx.amount) if op == "charge" else Decimal(0)
            else:
                remaining = tx.charged - tx.refunded
                if tx.status != "CHARGE" or remaining <= 0:
                    raise BankError(400, "refund is allowed only in CHARGE status")
                amount = remaining if amount is None else amount
                if amount < 10:
                    raise BankError(400, "refund amount must be at least 10")
                if amount > remaining:
                    raise BankError(400, "refund amount exceeds the remainder")
                tx.refunded += amount
                if tx.refunded == tx.charged:
                    tx.status = "REFUND"
            tx.updated = from_epoch(self.now())
            tx.operations.append({"op": op, "amount": str(amount or ""), "externalID": external_id})
            self.performed[op] += 1


def _operation_amount(query: str | None, body: object) -> Decimal | None:
    values = [parse_amount(v) for v in (query, body) if v not in (None, "")]
    if len(values) == 2 and values[0] != values[1]:
        raise BankError(400, "amount in query and body differ")
    return values[0] if values else None
