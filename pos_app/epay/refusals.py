"""Turning a refused answer (4xx other than 401/403 with their token logic) into an error.

Only the bank's ``code`` and a redacted, shortened ``message`` are kept; bodies never travel
further than this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import httpx

from pos_app.epay.errors import EpayAuthError, EpayError, EpayProtocolError, EpayRejected
from pos_app.epay.redact import redact
from pos_app.epay.status import as_text
from pos_app.epay.transport import decode_json

TOKEN_ENDPOINT = "the token endpoint"  # noqa: S105 - a description, not a password
_CONFIG_CODES = frozenset({"104", "106", "109"})


def token_refusal(response: httpx.Response, secrets: Iterable[str]) -> EpayError:
    """The error for a token request answered with a non-200, non-retryable status."""
    status = response.status_code
    if not 400 <= status < 500:
        return EpayProtocolError(f"HTTP {status} from {TOKEN_ENDPOINT}.", status_code=status)
    try:
        body = decode_json(response, TOKEN_ENDPOINT)
    except EpayProtocolError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, str) and error in ("invalid_client", "unauthorized_client"):
        return EpayAuthError(
            f"HTTP {status} from {TOKEN_ENDPOINT}: the credentials were refused.",
            status_code=status,
        )
    bank_code, bank_message = bank_fields(body, secrets)
    return EpayRejected(
        f"HTTP {status} from {TOKEN_ENDPOINT}: the token was refused.",
        status_code=status,
        code="epay_token_refused",
        bank_code=bank_code,
        bank_message=bank_message,
    )


def refusal(
    response: httpx.Response, what: str, secrets: Iterable[str], body: object = None
) -> EpayError:
    """The error for an answered-but-refused request (4xx other than 401/403)."""
    status = response.status_code
    if not 400 <= status < 500:
        return EpayProtocolError(f"Unexpected HTTP {status} from {what}.", status_code=status)
    if body is None:
        try:
            body = decode_json(response, what, parse_float=Decimal) if response.content else {}
        except EpayProtocolError:
            body = {}
    bank_code, bank_message = bank_fields(body, secrets)
    if bank_code in _CONFIG_CODES:
        return EpayAuthError(
            f"HTTP {status} from {what}: code {bank_code} (terminal configuration).",
            status_code=status,
        )
    code = "epay_not_found" if status == 404 else None
    suffix = f" (code {bank_code})" if bank_code else ""
    return EpayRejected(
        f"HTTP {status} from {what}{suffix}.",
        status_code=status,
        code=code,
        bank_code=bank_code,
        bank_message=bank_message,
    )


def bank_fields(body: object, secrets: Iterable[str]) -> tuple[str, str]:
    """The bank's ``code`` and a redacted, shortened ``message`` from an error body."""
    if not isinstance(body, dict):
        return "", ""
    try:
        bank_code = as_text(body.get("code"), "code")
    except EpayProtocolError:
        bank_code = ""
    message = body.get("message")
    text = redact(message, secrets, limit=120) if isinstance(message, str) else ""
    return redact(bank_code, (), limit=20), text
