"""Every error the ePay client raises. The tree::

    EpayError                    base; never raised itself
    ├── EpayAuthError            credentials or terminal refused: OAuth 401/403 (or an OAuth
    │                            ``invalid_client``), a 401 that a fresh service token did not
    │                            cure, 403 on an API call, operation code 104/106/109
    ├── EpayRejected             the bank answered and said no: HTTP 400 ``{"code","message"}``
    │                            on an operation, any other 4xx (404, 409, ...)
    ├── EpayTimeout              no answer in time (after the allowed retries); for an operation
    │                            (charge, cancel, refund, invoice link) whose request may have
    │                            reached the bank, ``outcome_unknown`` is true: re-read the status
    ├── EpayUnavailable          cannot reach the bank: connection refused or reset, 5xx, 408,
    │                            429 after the retries were used up
    ├── EpayProtocolError        the bank answered something we cannot read: HTML instead of JSON,
    │                            malformed JSON, missing or ill-typed fields
    └── EpayInvalidRequest       refused locally, nothing sent: a refund under 10 tenge, a
                                 non-positive amount, more than two decimals, a bad phone number

Attributes a caller may rely on:

* ``code``: a stable identifier the UI maps to a translated cashier sentence
  (e.g. ``"epay_timeout"``, ``"refund_below_minimum"``).
* ``error_id``: a short random id written to the log next to the failure, so a cashier can
  quote it and support can find the log line.
* ``retryable``: trying the same call again later may succeed.
* ``for_cashier``: the message describes a situation the cashier can act on (network down,
  card refused, amount too small); false means a bug or a bank-side change for support.
* ``outcome_unknown``: the request may have been processed; ask the status API before
  assuming anything.
* ``status_code``: the HTTP status, when there was a response.

``str(exc)`` is a short English sentence for logs. It never contains the client secret, a
token, a card number or a response body; callers must not add them either.
"""

from __future__ import annotations

import os


def new_error_id() -> str:
    """Eight hex digits: short enough to read aloud, random enough to find one log line."""
    return os.urandom(4).hex()


class EpayError(Exception):
    """Base of every error raised by :mod:`pos_app.epay`."""

    code: str = "epay_error"
    retryable: bool = False
    for_cashier: bool = True

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status_code: int | None = None,
        outcome_unknown: bool = False,
        error_id: str | None = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.status_code = status_code
        self.outcome_unknown = outcome_unknown
        self.error_id = error_id or new_error_id()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, error_id={self.error_id!r})"


class EpayAuthError(EpayError):
    """The bank refused our credentials or terminal: a configuration problem, not transient."""

    code = "epay_auth"


class EpayRejected(EpayError):
    """The bank understood the request and refused it.

    ``bank_code`` is the ``code`` of the bank's JSON error body (``""`` if none);
    ``bank_message`` its ``message``, shortened and redacted (never shown as-is to a cashier).
    """

    code = "epay_rejected"

    def __init__(
        self,
        message: str,
        *,
        bank_code: str = "",
        bank_message: str = "",
        code: str | None = None,
        status_code: int | None = None,
        error_id: str | None = None,
    ) -> None:
        super().__init__(message, code=code, status_code=status_code, error_id=error_id)
        self.bank_code = bank_code
        self.bank_message = bank_message


class EpayTimeout(EpayError):
    """The bank did not answer in time."""

    code = "epay_timeout"
    retryable = True


class EpayUnavailable(EpayError):
    """The bank could not be reached or is failing (connection errors, 5xx, 429)."""

    code = "epay_unavailable"
    retryable = True


class EpayProtocolError(EpayError):
    """The bank's answer is not what the API promises; for support, not the cashier."""

    code = "epay_protocol"
    for_cashier = False


class EpayInvalidRequest(EpayError, ValueError):
    """Refused before anything was sent; ``code`` says which rule was broken."""

    code = "epay_invalid_request"
