"""OAuth token issuing and bearer checks (reference §2)."""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from pos_app.training.models import BankError, Merchant, Token

INVOICE_ID = re.compile(r"\d{6,15}")
AMOUNT = re.compile(r"\d{1,12}(\.\d{1,2})?")


class OAuthError(BankError):
    """A token-endpoint refusal, with an OAuth-style body."""

    @property
    def body(self) -> dict[str, object]:
        """``{"error": .., "error_description": ..}``."""
        kind = "invalid_client" if self.status == 401 else "invalid_request"
        return {"error": kind, "error_description": self.message}


def parse_amount(text: object, error: type[BankError] = BankError) -> Decimal:
    """A positive amount with at most two decimals, or ``error`` (400)."""
    raw = str(text).strip()
    if isinstance(text, bool) or not AMOUNT.fullmatch(raw):
        raise error(400, "invalid amount")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise error(400, "invalid amount") from None
    if value <= 0:
        raise error(400, "amount must be positive")
    return value


def new_token_string() -> str:
    """Random upper-case token looking like ePay's (``DCEB8O_ZM5U7SO_T_U5EJQ``)."""
    return secrets.token_urlsafe(16).upper().replace("-", "_")


def authenticate(merchants: Mapping[str, Merchant], form: Mapping[str, str]) -> Merchant:
    """The merchant whose ``client_id``/``client_secret`` are in ``form``, else 401."""
    merchant = merchants.get(form.get("client_id", ""))
    secret = form.get("client_secret", "")
    if merchant is None or not hmac.compare_digest(merchant.secret.encode(), secret.encode()):
        raise OAuthError(401, "invalid client credentials", None)
    return merchant


def build_token(merchant: Merchant, form: Mapping[str, str], now: float, lifetime: int) -> Token:
    """A client-credentials token from a validated ``form`` (payment if it has ``invoiceID``)."""
    scope = form.get("scope", "").strip()
    if not scope:
        raise OAuthError(400, "scope is required")
    terminal = form.get("terminal", "").strip()
    if not terminal:
        raise OAuthError(400, "terminal is required")
    if terminal != merchant.terminal:
        raise OAuthError(400, "terminal does not belong to the client")
    token = Token(new_token_string(), merchant.client_id, terminal, scope, now + lifetime)
    invoice_id = form.get("invoiceID")
    if invoice_id is None:
        return token
    if not INVOICE_ID.fullmatch(invoice_id):
        raise OAuthError(400, "invoiceID must be 6 to 15 digits")
    token.invoice_id = invoice_id
    token.amount = parse_amount(form.get("amount", ""), OAuthError)
    if form.get("currency", "") != "KZT":
        raise OAuthError(400, "currency must be KZT")
    token.scope = "payment"
    token.post_link = form.get("postLink", "")
    token.failure_post_link = form.get("failurePostLink", "")
    token.secret_hash = form.get("secret_hash", "")
    return token


def token_reply(token: Token, lifetime: int, as_string: bool, bearer: str = "Bearer"
                ) -> dict[str, object]:
    """The JSON body of a successful token request (reference §2.4)."""
    return {
        "access_token": token.access_token,
        "expires_in": str(lifetime) if as_string else lifetime,
        "refresh_token": token.refresh_token,
        "scope": token.scope,
        "token_type": bearer,
    }


def bearer_of(header: str | None) -> str:
    """The token string in an ``Authorization: Bearer ...`` header ("" if none)."""
    if not header:
        return ""
    scheme, _, value = header.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""
