"""The register's shift report (X or Z), in a form every adapter fills and the till prints.

An adapter turns its provider's reply into a :class:`RegisterReport` (Webkassa:
:func:`pos_app.fiscal.webkassa.report.parse_report`); our Z report stores it (``to_json``) so a
reprint shows the same figures. Amounts are ``Decimal``; times are the register's own strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class RegisterReport:
    closed: bool  # a Z report (the register's shift is closed) or an X report
    shift_number: int
    report_number: int
    registration_number: str  # the register's RNM
    serial_number: str  # the cashbox's unique number
    opened_on: str  # the register's date-time strings, unchanged
    report_on: str
    closed_on: str
    documents: int
    sales_count: int
    sales_total: Decimal
    returns_count: int
    returns_total: Decimal
    offline: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "closed": self.closed, "shift_number": self.shift_number,
            "report_number": self.report_number,
            "registration_number": self.registration_number,
            "serial_number": self.serial_number, "opened_on": self.opened_on,
            "report_on": self.report_on, "closed_on": self.closed_on,
            "documents": self.documents, "sales_count": self.sales_count,
            "sales_total": f"{self.sales_total:f}", "returns_count": self.returns_count,
            "returns_total": f"{self.returns_total:f}", "offline": self.offline,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RegisterReport:
        return cls(
            bool(data["closed"]), int(data["shift_number"]), int(data["report_number"]),
            str(data["registration_number"]), str(data["serial_number"]),
            str(data["opened_on"]), str(data["report_on"]), str(data["closed_on"]),
            int(data["documents"]), int(data["sales_count"]), Decimal(data["sales_total"]),
            int(data["returns_count"]), Decimal(data["returns_total"]), bool(data["offline"]),
        )  # fmt: skip
