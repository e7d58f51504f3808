"""Webkassa's ``XReport`` / ``ZReport`` reply (reference §2.7) → :class:`RegisterReport`.

Fields: ``ShiftNumber``, ``ReportNumber``, ``CashboxRN``, ``CashboxSN``, ``StartOn``,
``ReportOn``, ``CloseOn`` (a closed shift only), ``DocumentCount``, ``OfflineMode``, and per
operation (``Sell``, ``ReturnSell``) ``Count`` and ``PaymentsByTypesApiModel`` [{``Sum``}].
A reply that is not an object raises OutcomeUnknown; a missing or odd field reads as 0 / "".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pos_app.fiscal.errors import OutcomeUnknown
from pos_app.fiscal.report import RegisterReport

_MAX_DIGITS = 18
_LIMIT = Decimal(10) ** _MAX_DIGITS


def parse_report(data: object, *, closed: bool) -> RegisterReport:
    if not isinstance(data, dict):
        raise OutcomeUnknown("The register's report reply is unreadable.")
    sell, back = _operation(data.get("Sell")), _operation(data.get("ReturnSell"))
    return RegisterReport(
        closed, _int(data.get("ShiftNumber")), _int(data.get("ReportNumber")),
        _text(data.get("CashboxRN")), _text(data.get("CashboxSN")), _text(data.get("StartOn")),
        _text(data.get("ReportOn")), _text(data.get("CloseOn")),
        _int(data.get("DocumentCount")), sell[0], sell[1], back[0], back[1],
        data.get("OfflineMode") is True,
    )  # fmt: skip


def _operation(value: object) -> tuple[int, Decimal]:
    if not isinstance(value, dict):
        return 0, Decimal("0")
    payments = value.get("PaymentsByTypesApiModel")
    total = sum((_money(p.get("Sum")) for p in payments if isinstance(p, dict)),
                Decimal("0")) if isinstance(payments, list) else Decimal("0")
    return _int(value.get("Count")), total


def _money(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        return Decimal("0")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return Decimal("0")
    if not amount.is_finite() or amount.copy_abs() >= _LIMIT:  # beyond any shift's takings
        return Decimal("0")
    return amount.quantize(Decimal("0.01"), ROUND_HALF_UP)


def _int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**_MAX_DIGITS:
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= _MAX_DIGITS:
        return int(value)
    return 0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""
