"""Validation of the fiscal settings (issue 15); the fields live on :class:`Settings`.

* ``fiscal_provider``: ``none`` or ``webkassa``;
* ``fiscal_environment``: ``auto`` (training with a training till, the test host with a test
  till, production with a production till), or ``training``, ``test``, ``prod``;
* ``fiscal_cashbox``: the cashbox unique number (ЗНМ, e.g. ``SWK00033717``);
* ``fiscal_login``: the Webkassa cashier login (its password and the API key: OS keyring);
* ``fiscal_vat_percent``: the VAT rate, ``-1`` for a seller without VAT;
* ``fiscal_item_name``, ``fiscal_section``: what a free-amount receipt line says;
* ``fiscal_paper_mm``: 80 or 58 (the width of the register's print lines);
* ``receipt_printer``: the ESC/POS printer receipts are printed on ("" = none).
"""

from __future__ import annotations

import re
from typing import Any

PROVIDERS = ("none", "webkassa")
FISCAL_ENVIRONMENTS = ("auto", "training", "test", "prod")
_CASHBOX = re.compile(r"[A-Za-z0-9-]{1,50}")
_PRINTER = re.compile(r"tcp://[A-Za-z0-9.\-\[\]:]+|usb://[0-9A-Fa-f]{4}:[0-9A-Fa-f]{4}"
                      r"|(serial|file):///[A-Za-z0-9_./\-]+")


def fiscal_environment(settings: Any, till_environment: str) -> str:
    """The register environment to use with a till running in ``till_environment``."""
    chosen = str(settings.fiscal_environment)
    if till_environment == "training":
        return "training"  # a training till never registers real receipts
    if chosen == "auto":
        return "prod" if till_environment == "prod" else "test"
    return chosen


def fiscal_problems(settings: Any) -> dict[str, str]:
    """Field name → problem for the fiscal fields of ``settings``."""
    errors: dict[str, str] = {}
    if settings.fiscal_provider not in PROVIDERS:
        errors["fiscal_provider"] = f"Choose one of: {', '.join(PROVIDERS)}."
    if settings.fiscal_environment not in FISCAL_ENVIRONMENTS:
        errors["fiscal_environment"] = f"Choose one of: {', '.join(FISCAL_ENVIRONMENTS)}."
    if settings.environment == "prod" and settings.fiscal_environment in ("training", "test"):
        errors["fiscal_environment"] = "A production till registers receipts in production."
    enabled = settings.fiscal_provider != "none"
    if settings.fiscal_cashbox and not _CASHBOX.fullmatch(settings.fiscal_cashbox):
        errors["fiscal_cashbox"] = "Latin letters, digits and -, at most 50 (e.g. SWK00033717)."
    if enabled and settings.environment != "training" and not settings.fiscal_cashbox:
        errors["fiscal_cashbox"] = "The cashbox unique number (ЗНМ) is required."
    login = settings.fiscal_login
    if len(login) > 100 or any(c.isspace() for c in login):
        errors["fiscal_login"] = "A login without spaces, at most 100 characters."
    if enabled and settings.environment != "training" and not login:
        errors["fiscal_login"] = "The register login (e-mail) is required."
    vat = settings.fiscal_vat_percent
    if isinstance(vat, bool) or not isinstance(vat, int) or not -1 <= vat <= 99:
        errors["fiscal_vat_percent"] = "A VAT rate 0 … 99, or -1 for a seller without VAT."
    name = settings.fiscal_item_name
    if not name.strip() or len(name) > 255:
        errors["fiscal_item_name"] = "1 … 255 characters."
    if len(settings.fiscal_section) > 50:
        errors["fiscal_section"] = "At most 50 characters."
    if settings.fiscal_paper_mm not in (58, 80):
        errors["fiscal_paper_mm"] = "58 or 80."
    printer = settings.receipt_printer
    if printer and (len(printer) > 200 or not _PRINTER.fullmatch(printer)):
        errors["receipt_printer"] = ("tcp://host[:port], usb://VID:PID, serial:///dev/… or "
                                     "file:///dev/…")
    return errors
