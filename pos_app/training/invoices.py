"""Invoice links (reference §7.1): create, look up, redirect to the payform, expire."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Mapping, MutableMapping
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any, Protocol

from pos_app.training.models import BankError, InvoiceLink, Merchant, Token, from_epoch
from pos_app.training.tokens import new_token_string, parse_amount, token_reply

PHONE = re.compile(r"\+7\d{10}")
PERIOD = re.compile(r"(\d{1,3})d")


class LinkBank(Protocol):
    """What the invoice links use of the :class:`~pos_app.training.state.Bank` that owns them
    (the bank imports this module, not the other way round)."""

    @property
    def lock(self) -> AbstractContextManager[Any]: ...
    @property
    def merchants(self) -> Mapping[str, Merchant]: ...
    @property
    def performed(self) -> Counter[str]: ...
    @property
    def tokens(self) -> MutableMapping[str, Token]: ...
    @property
    def last_token(self) -> MutableMapping[str, Token]: ...
    def now(self) -> float: ...


class InvoiceBook:
    """The invoice links of one :class:`~pos_app.training.state.Bank` (uses its lock)."""

    def __init__(self, bank: LinkBank) -> None:
        self.bank = bank
        self.links: dict[str, InvoiceLink] = {}

    def create(self, body: Mapping[str, Any], token: Token) -> InvoiceLink:
        """Validate the snake_case request and store a new ``ACTIVE`` link."""
        with self.bank.lock:
            merchant = self.bank.merchants[token.client_id]
            shop_id = str(body.get("shop_id") or "")
            if not shop_id:
                raise BankError(400, "shop_id is required")
            if shop_id != merchant.shop_id:
                raise BankError(400, "shop not found")
            invoice_id = str(body.get("invoice_id") or "")
            if not invoice_id or len(invoice_id) > 30:
                raise BankError(400, "invoice_id is required")
            if any(link.fields.get("invoice_id") == invoice_id for link in self.links.values()):
                raise BankError(400, "invoice_id already exists")
            amount = parse_amount(body.get("amount", ""))
            if str(body.get("currency") or "KZT") != "KZT":
                raise BankError(400, "currency must be KZT")
            sms = str(body.get("recipient_contact_sms") or "")
            if sms and not PHONE.fullmatch(sms):
                raise BankError(400, "invalid recipient_contact_sms", code=1079)
            period = PERIOD.fullmatch(str(body.get("expire_period") or "1d"))
            if period is None:
                raise BankError(400, "invalid expire_period")
            created = from_epoch(self.bank.now())
            fields = dict(body)
            fields.setdefault("expire_period", "1d")
            link = InvoiceLink(
                id=str(uuid.uuid4()), fields=fields, amount=amount, client_id=merchant.client_id,
                terminal=merchant.terminal, created=created,
                expire=created + timedelta(days=int(period.group(1))),
            )
            self.links[link.id] = link
            self.bank.performed["invoice"] += 1
            return link

    def refresh(self, link: InvoiceLink) -> InvoiceLink:
        """Apply fake-clock expiry to ``link``."""
        with self.bank.lock:
            if link.status == "ACTIVE" and from_epoch(self.bank.now()) >= link.expire:
                link.status = "EXPIRED"
                link.updated = link.expire
            return link

    def get(self, link_id: str) -> InvoiceLink | None:
        """The link with ``link_id`` (expiry applied)."""
        with self.bank.lock:
            link = self.links.get(link_id)
            return self.refresh(link) if link else None

    def search(self, invoice_id: str | None, client_id: str) -> list[InvoiceLink]:
        """Links of ``client_id``, optionally only those for ``invoice_id``."""
        with self.bank.lock:
            return [
                self.refresh(link) for link in self.links.values()
                if link.client_id == client_id
                and (invoice_id is None or link.fields.get("invoice_id") == invoice_id)
            ]

    def mark_paid(self, invoice_id: str, when: datetime) -> None:
        """Turn the active link of ``invoice_id`` into ``CHARGED``."""
        with self.bank.lock:
            for link in self.links.values():
                if link.fields.get("invoice_id") == invoice_id and link.status == "ACTIVE":
                    link.status, link.updated = "CHARGED", when

    def payment_object(self, link_id: str) -> dict[str, object]:
        """The payment object (with a fresh internal token) the link's redirect opens."""
        with self.bank.lock:
            link = self.get(link_id)
            if link is None or link.status != "ACTIVE":
                raise BankError(404, "the invoice link is not active")
            f = link.fields
            invoice_id = str(f.get("invoice_id"))
            lifetime = max(1, int((link.expire - from_epoch(self.bank.now())).total_seconds()))
            token = Token(
                new_token_string(), link.client_id, link.terminal, "payment",
                self.bank.now() + lifetime, invoice_id=invoice_id, amount=link.amount,
                post_link=str(f.get("post_link") or ""),
                failure_post_link=str(f.get("failure_post_link") or ""),
            )
            self.bank.tokens[token.access_token] = token
            self.bank.last_token[invoice_id] = token
            return {
                "invoiceId": invoice_id, "backLink": f.get("back_link") or "",
                "failureBackLink": f.get("failure_back_link") or "",
                "postLink": token.post_link, "failurePostLink": token.failure_post_link,
                "language": f.get("language") or "rus", "description": f.get("description") or "",
                "accountId": f.get("account_id") or "", "terminal": link.terminal,
                "amount": str(link.amount), "currency": "KZT",
                "auth": token_reply(token, lifetime, False),
            }
