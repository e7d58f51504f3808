"""Invoice numbers under ePay's rules: 6 to 15 digits, unique, and the last 6 digits unique too.

An invoice number here is ``prefix + 6-digit sequence``. The sequence is never reset and lives
in the journal database (see :mod:`pos_app.store.journal`), so the last six digits repeat only
after a million payments on one till, when :func:`next_invoice` refuses instead of wrapping.
"""

from __future__ import annotations

import re

from pos_app.domain.errors import InvoiceError

SEQUENCE_DIGITS = 6
MAX_SEQUENCE = 10**SEQUENCE_DIGITS - 1
_INVOICE = re.compile(r"[0-9]{6,15}")
_PREFIX = re.compile(r"[0-9]{0,9}")


def validate_invoice_id(invoice_id: str) -> str:
    """Return ``invoice_id`` if it is 6-15 ASCII digits, else raise :class:`InvoiceError`."""
    if not isinstance(invoice_id, str) or not _INVOICE.fullmatch(invoice_id):
        raise InvoiceError("An invoice number is 6 to 15 digits.", code="invoice_format")
    return invoice_id


def validate_prefix(prefix: str) -> str:
    """A till prefix is 0-9 ASCII digits (so prefix + sequence stays within 15 digits)."""
    if not _PREFIX.fullmatch(prefix):
        raise InvoiceError("The invoice prefix is up to 9 digits.", code="invoice_prefix")
    return prefix


def format_invoice(prefix: str, sequence: int) -> str:
    """``format_invoice("12", 7)`` → ``"12000007"``."""
    validate_prefix(prefix)
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise InvoiceError(
            "This till has used all its invoice numbers; set a new invoice prefix.",
            code="invoice_exhausted",
        )
    return validate_invoice_id(f"{prefix}{sequence:0{SEQUENCE_DIGITS}d}")


def suffix(invoice_id: str) -> str:
    """The last six digits, which ePay requires to be unique on their own."""
    return validate_invoice_id(invoice_id)[-SEQUENCE_DIGITS:]
