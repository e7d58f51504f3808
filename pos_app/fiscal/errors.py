"""Every error a fiscal adapter raises, whatever the register's own codes. The tree::

    FiscalError                  base; never raised itself
    ├── AuthExpired              token expired / not authorized (Webkassa 2, 3) after the one
    │                            allowed re-authorization: nothing was registered
    ├── AuthRejected             wrong login or password (1), missing or wrong API key
    ├── ConfigError              unknown cashbox (6), no access (4, 5), not activated (10),
    │                            offline checks not supported (1013)
    ├── RegisterBlocked          the cashbox is blocked (7)
    ├── ShiftTooLong             the register's shift is older than 24 h (11): close it (Z) first
    ├── OfflineTooLong           autonomous mode longer than 72 h (18): the OFD link must return
    ├── ValidationError          the register refused the data (8, 9, 17, 20, 1007, 1008, ...)
    ├── Duplicate                the key was already used (14); ``result`` holds the original
    │                            check when the register sent it
    ├── NotFound                 a lookup found nothing (16, 19)
    ├── ShiftState               report calls: shift closed / none open / not found (12, 13, 15)
    ├── TemporarilyUnavailable   nothing reached the register: connection refused, 505 on every
    │                            advertised host
    ├── OutcomeUnknown           the request may have been registered: timeout or broken
    │                            connection after sending, 5xx, an unreadable reply, code -1
    └── InvalidReceipt           refused locally before sending (totals, tax, key)

Attributes a caller may rely on: ``code`` (stable id for a translated sentence), ``register_code``
(the register's integer code, if any), ``registered`` (``False``: definitely nothing was
registered; ``None``: unknown; ``True``: a check exists), ``retryable`` (sending the same request
later may succeed), ``error_id`` (eight hex digits, also in the log).

``str(exc)`` is a short English sentence. It never holds a token, password, API key or a
response body; the register's ``Text`` is kept apart in ``register_text`` (shortened).
"""

from __future__ import annotations

import os
from typing import Any


def new_error_id() -> str:
    return os.urandom(4).hex()


class FiscalError(Exception):
    code = "fiscal_error"
    registered: bool | None = False
    retryable = False

    def __init__(self, message: str, *, register_code: int | None = None,
                 register_text: str = "", error_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.register_code = register_code
        self.register_text = register_text[:300]
        self.error_id = error_id or new_error_id()

    def __repr__(self) -> str:
        return (f"{type(self).__name__}(code={self.code!r}, register_code={self.register_code!r},"
                f" error_id={self.error_id!r})")


class AuthExpired(FiscalError):
    code = "fiscal_auth_expired"
    retryable = True


class AuthRejected(FiscalError):
    code = "fiscal_auth_rejected"


class ConfigError(FiscalError):
    code = "fiscal_config"


class RegisterBlocked(FiscalError):
    code = "fiscal_blocked"
    retryable = True  # support can unblock it; the receipt stays queued


class ShiftTooLong(FiscalError):
    code = "fiscal_shift_24h"
    retryable = True  # after a Z report


class OfflineTooLong(FiscalError):
    code = "fiscal_offline_72h"
    retryable = True  # once the OFD link is back


class ValidationError(FiscalError):
    code = "fiscal_validation"


class NotFound(FiscalError):
    code = "fiscal_not_found"


class ShiftState(FiscalError):
    code = "fiscal_shift_state"


class Duplicate(FiscalError):
    """The key was used before: a check exists. ``result`` is its data when the reply held it."""

    code = "fiscal_duplicate"
    registered = True

    def __init__(self, message: str, *, result: Any = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.result = result


class TemporarilyUnavailable(FiscalError):
    code = "fiscal_unavailable"
    retryable = True


class OutcomeUnknown(FiscalError):
    code = "fiscal_outcome_unknown"
    registered = None
    retryable = True


class InvalidReceipt(FiscalError, ValueError):
    code = "fiscal_invalid_receipt"


# Webkassa codes (reference §2.10) → error class. Codes not listed are OutcomeUnknown for a
# write (the register said something we do not understand) and ValidationError otherwise.
WEBKASSA_CODES: dict[int, type[FiscalError]] = {
    -1: OutcomeUnknown,
    1: AuthRejected,
    2: AuthExpired,
    3: AuthExpired,
    4: ConfigError,
    5: ConfigError,
    6: ConfigError,
    7: RegisterBlocked,
    8: ValidationError,
    9: ValidationError,
    10: ConfigError,
    11: ShiftTooLong,
    12: ShiftState,
    13: ShiftState,
    14: Duplicate,
    15: ShiftState,
    16: NotFound,
    17: ValidationError,
    18: OfflineTooLong,
    19: NotFound,
    20: ValidationError,
    505: TemporarilyUnavailable,
    1007: ValidationError,
    1008: ValidationError,
    1013: ConfigError,
    1014: ShiftState,
}

_MESSAGES: dict[type[FiscalError], str] = {
    OutcomeUnknown: "The register reported an unknown error; the outcome is unknown.",
    AuthRejected: "The register refused the login, password or API key.",
    AuthExpired: "The register session expired and a new one was refused.",
    ConfigError: "The register refused the cashbox or the user's access to it.",
    RegisterBlocked: "The cashbox is blocked.",
    ShiftTooLong: "The register's shift is longer than 24 hours.",
    OfflineTooLong: "The register has been in autonomous mode for more than 72 hours.",
    ValidationError: "The register refused the receipt data.",
    Duplicate: "The register already has a check with this number.",
    NotFound: "The register has no such check.",
    ShiftState: "The register's shift is not in the needed state.",
    TemporarilyUnavailable: "The register service is temporarily unavailable.",
}


def from_register_code(code: int, text: str, *, write: bool) -> FiscalError:
    """The error for a Webkassa ``Errors[0]`` entry; unknown codes follow the module rule."""
    cls = WEBKASSA_CODES.get(code)
    if cls is None:
        cls = OutcomeUnknown if write else ValidationError
    message = _MESSAGES.get(cls, "The register refused the request.")
    return cls(f"{message} (code {code})", register_code=code, register_text=text)
