"""Domain errors. Each carries a message a cashier can read; none ever contains a secret."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error raised by :mod:`pos_app.domain`.

    ``code`` is a stable identifier the UI maps to a translated sentence; ``str(exc)`` is the
    English sentence, for logs and for callers without a translation table.
    """

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class AmountError(DomainError, ValueError):
    """The typed amount is not a payable amount; ``str(exc)`` says why in plain words."""


class InvoiceError(DomainError, ValueError):
    """An invoice number breaks ePay's format or uniqueness rules."""


class IllegalTransition(DomainError):
    """A payment was asked to move to a state its life cycle does not allow.

    This is a bug in the caller, not a user error.
    """
