"""Free-text fields ePay limits in bytes, not characters."""

from __future__ import annotations

from pos_app.domain.errors import DomainError

DESCRIPTION_MAX_BYTES = 125
ACCOUNT_ID_MAX = 64


class FieldError(DomainError, ValueError):
    """A free-text field does not fit ePay's limits."""


def check_description(text: str) -> str:
    """Return the trimmed description or raise if it is over 125 bytes in UTF-8."""
    text = text.strip()
    size = len(text.encode("utf-8"))
    if size > DESCRIPTION_MAX_BYTES:
        raise FieldError(
            f"The description is {size} bytes; ePay accepts at most {DESCRIPTION_MAX_BYTES}.",
            code="description_too_long",
        )
    if any(ord(ch) < 32 for ch in text):
        raise FieldError(
            "The description cannot contain control characters.", code="description_control"
        )
    return text


def check_account_id(text: str) -> str:
    """A customer account id: printable ASCII, at most 64 characters."""
    text = text.strip()
    if len(text) > ACCOUNT_ID_MAX or not all(33 <= ord(ch) < 127 for ch in text):
        raise FieldError(
            "The customer id may have up to 64 Latin letters, digits and signs, no spaces.",
            code="account_id_format",
        )
    return text
