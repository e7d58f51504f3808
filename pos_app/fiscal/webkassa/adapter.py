"""The Webkassa v4 adapter: receipts to ``check`` bodies, replies to :class:`FiscalResult`.

Sale = ``OperationType`` 2, return = 3 with ``ReturnBasisDetails``; card payment type 1;
``RoundType`` 0; ``Tax`` per position as in reference §2.3. Lookup (reference §6.2) walks the
recent shifts' ``Check/History`` for the key.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from pos_app.fiscal.adapter import PreparedRequest
from pos_app.fiscal.errors import ConfigError, Duplicate, InvalidReceipt, OutcomeUnknown
from pos_app.fiscal.receipt import (
    FiscalResult,
    Operation,
    PrintLine,
    Receipt,
    RegisterStatus,
    ReturnBasis,
)
from pos_app.fiscal.report import RegisterReport
from pos_app.fiscal.webkassa.client import WebkassaClient, call_json
from pos_app.fiscal.webkassa.report import parse_report
from pos_app.fiscal.webkassa.wire import dumps, loads, parse_local

PROVIDER = "webkassa"
VAT_TAX_TYPE = 100
SHIFT_LIMIT_HOURS = 24.0
_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
_OPERATION = {Operation.SALE: 2, Operation.RETURN: 3}
_PAPER = {80: 0, 58: 3, 57: 3}


def check_key(key: str) -> str:
    if not 1 <= len(key) <= 50 or not set(key) <= _KEY_CHARS:
        raise InvalidReceipt("The check key must be 1 … 50 characters of A-Z, a-z, 0-9 and -.")
    return key


class WebkassaAdapter:
    provider = PROVIDER

    def __init__(self, client: WebkassaClient, cashbox: str, *, paper_mm: int = 80,
                 lookup_shifts: int = 3) -> None:
        if not cashbox:
            raise InvalidReceipt("No cashbox unique number is configured.")
        self.client = client
        self.cashbox = cashbox
        self.paper_kind = _PAPER.get(paper_mm, 0)
        self.lookup_shifts = lookup_shifts

    def close(self) -> None:
        self.client.close()

    # -- registering ----------------------------------------------------------------------

    def prepare(self, receipt: Receipt, key: str,
                basis: ReturnBasis | None = None) -> PreparedRequest:
        operation = Operation.SALE if basis is None else Operation.RETURN
        positions: list[dict[str, Any]] = []
        for line in receipt.lines:
            position: dict[str, Any] = {
                "Count": line.count, "Price": line.price,
                "TaxType": VAT_TAX_TYPE if receipt.tax.vat else 0,
            }
            if receipt.tax.vat:
                position["TaxPercent"] = receipt.tax.percent
            position.update({"Tax": receipt.line_tax(line), "PositionName": line.name,
                             "UnitCode": line.unit_code})
            if line.section:
                position["SectionCode"] = line.section
            positions.append(position)
        body: dict[str, Any] = {
            "CashboxUniqueNumber": self.cashbox, "OperationType": _OPERATION[operation],
            "Positions": positions,
            "Payments": [{"Sum": receipt.total, "PaymentType": int(receipt.payment)}],
            "RoundType": 0, "ExternalCheckNumber": check_key(key), "PaperKind": self.paper_kind,
        }
        if basis is not None:
            body["ReturnBasisDetails"] = {
                "CheckNumber": basis.fiscal_number, "DateTime": basis.date_time,
                "RegistrationNumber": basis.registration_number, "Total": basis.total,
                "IsOffline": basis.offline,
            }
        return PreparedRequest(PROVIDER, key, operation, dumps(body))

    def send(self, request: PreparedRequest) -> FiscalResult:
        total = _request_total(request.body)
        try:
            reply = self.client.call("/api/v4/check", request.body, write=True)
        except Duplicate as exc:
            if isinstance(exc.result, dict):
                return self._result(exc.result, request.key, total, recovered=True)
            raise
        if not isinstance(reply.data, dict):
            raise OutcomeUnknown("The register's check reply has no data.")
        return self._result(reply.data, request.key, total)

    def _result(self, data: dict[str, Any], key: str, total: Decimal, *,
                recovered: bool = False) -> FiscalResult:
        number = data.get("CheckNumber")
        if not isinstance(number, str | int) or isinstance(number, bool) or not str(number):
            raise OutcomeUnknown("The register's check reply has no fiscal number.")
        raw_box = data.get("Cashbox")
        cashbox: dict[str, Any] = raw_box if isinstance(raw_box, dict) else {}
        lines = data.get("TicketPrintFormat")
        reported = data.get("Total")
        return FiscalResult(
            provider=PROVIDER, key=key, fiscal_number=str(number),
            date_time=str(data.get("DateTime", "")),
            registered_at=parse_local(data.get("DateTime")),
            shift_number=_int(data.get("ShiftNumber")),
            order_number=_int(data.get("CheckOrderNumber")),
            registration_number=str(cashbox.get("RegistrationNumber", "")),
            cashbox=str(cashbox.get("UniqueNumber", self.cashbox)),
            offline=data.get("OfflineMode") is True, ticket_url=str(data.get("TicketUrl", "")),
            total=Decimal(reported) if isinstance(reported, int | Decimal)
            and not isinstance(reported, bool) else total,
            print_lines=_lines(lines) if isinstance(lines, list) else (),
            recovered=recovered,
        )  # fmt: skip

    # -- lookup ---------------------------------------------------------------------------

    def find_by_key(self, key: str) -> FiscalResult | None:
        shifts = self._shift_numbers()
        for shift in shifts[: self.lookup_shifts]:
            skip = 0
            while True:
                page = call_json(self.client, "/api/v4/Check/History", {
                    "CashboxUniqueNumber": self.cashbox, "ShiftNumber": shift,
                    "Skip": skip, "Take": 50}).data
                items = page.get("Items") if isinstance(page, dict) else None
                if not isinstance(items, list):
                    raise OutcomeUnknown("The register's check history is unreadable.")
                for item in items:
                    if isinstance(item, dict) and item.get("ExternalCheckNumber") == key:
                        return self._from_history(item, key)
                skip += len(items)
                if not items or skip >= _int(page.get("Total")):
                    break
        return None

    def _shift_numbers(self) -> list[int]:
        data = call_json(self.client, "/api/v4/Cashbox/ShiftHistory", {
            "CashboxUniqueNumber": self.cashbox, "Skip": 0, "Take": 50}).data
        shifts = data.get("Shifts") if isinstance(data, dict) else None
        if not isinstance(shifts, list):
            raise OutcomeUnknown("The register's shift history is unreadable.")
        numbers = {_int(s.get("ShiftNumber")) for s in shifts if isinstance(s, dict)}
        return sorted((n for n in numbers if n > 0), reverse=True)

    def _from_history(self, item: dict[str, Any], key: str) -> FiscalResult:
        total = item.get("Total")
        return FiscalResult(
            provider=PROVIDER, key=key, fiscal_number=str(item.get("Number", "")),
            date_time=str(item.get("RegistratedOn", "")),
            registered_at=parse_local(item.get("RegistratedOn")),
            shift_number=_int(item.get("ShiftNumber")), order_number=_int(item.get("OrderNumber")),
            registration_number=str(item.get("CashboxRegistrationNumber", "")),
            cashbox=str(item.get("CashboxUniqueNumber", self.cashbox)),
            offline=item.get("IsOffline") is True, ticket_url=str(item.get("TicketUrl", "")),
            total=Decimal(total) if isinstance(total, int | Decimal)
            and not isinstance(total, bool) else Decimal("0"),
            recovered=True,
        )  # fmt: skip

    def print_lines(self, key: str) -> tuple[PrintLine, ...]:
        data = call_json(self.client, "/api/v4/Ticket/PrintFormat", {
            "CashboxUniqueNumber": self.cashbox, "ExternalCheckNumber": key,
            "PaperKind": self.paper_kind}).data
        lines = data.get("Lines") if isinstance(data, dict) else None
        if not isinstance(lines, list):
            raise OutcomeUnknown("The register's print form is unreadable.")
        return _lines(lines)

    # -- state and reports ----------------------------------------------------------------

    def status(self) -> RegisterStatus:
        reply = call_json(self.client, "/api/v4/Cashboxes", {})
        listing = reply.data.get("List") if isinstance(reply.data, dict) else None
        mine = next((c for c in listing or [] if isinstance(c, dict)
                     and c.get("UniqueNumber") == self.cashbox), None)
        if mine is None:
            raise ConfigError(f"The register does not list cashbox {self.cashbox}.")
        shifts = call_json(self.client, "/api/v4/Cashbox/ShiftHistory", {
            "CashboxUniqueNumber": self.cashbox, "Skip": 0, "Take": 50})
        open_shift = None
        for shift in (shifts.data or {}).get("Shifts", []) if isinstance(shifts.data, dict) else []:
            if isinstance(shift, dict) and not shift.get("CloseDate"):
                open_shift = shift
        opened = parse_local(open_shift.get("OpenDate")) if open_shift else None
        now = shifts.server_time or datetime.now(UTC)
        hours = (now - opened).total_seconds() / 3600 if opened else None
        status_code = _int(mine.get("CurrentStatus"))
        return RegisterStatus(
            cashbox=self.cashbox, active=status_code == 1,
            status_text={0: "created", 1: "active", 2: "blocked by the OFD",
                         4: "data integrity broken", 5: "deregistered"}.get(
                             status_code, f"status {status_code}"),
            offline=mine.get("IsOffline") is True, shift_open=open_shift is not None,
            shift_number=_int(open_shift.get("ShiftNumber")) if open_shift else None,
            shift_opened_at=opened, hours_open=hours,
            hours_left=None if hours is None else SHIFT_LIMIT_HOURS - hours,
        )  # fmt: skip

    def x_report(self) -> RegisterReport:
        return parse_report(call_json(self.client, "/api/v4/XReport",
                                      {"CashboxUniqueNumber": self.cashbox}).data, closed=False)

    def close_shift(self) -> RegisterReport:
        return parse_report(call_json(self.client, "/api/v4/ZReport",
                                      {"CashboxUniqueNumber": self.cashbox}, write=True).data,
                            closed=True)


def _int(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    return 0


def _lines(raw: list[Any]) -> tuple[PrintLine, ...]:
    kinds = {0: "text", 1: "image", 2: "qr"}
    items = sorted((r for r in raw if isinstance(r, dict)), key=lambda r: _int(r.get("Order")))
    return tuple(PrintLine(kinds.get(_int(r.get("Type")), "text"), str(r.get("Value", "")),
                           _int(r.get("Style")) & 1 == 1) for r in items)


def _request_total(body: str) -> Decimal:
    data = loads(body)
    return Decimal(sum((Decimal(p["Sum"]) for p in data["Payments"]), Decimal("0")))
