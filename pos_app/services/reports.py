"""Shift reports: X (running, any time) and Z (closing the shift, numbered, stored for good).

Totals are counts and sums per payment method and status of the attempts created in the
shift, plus the refunds and cancels the bank confirmed in it. Before a Z report every open
attempt is reconciled with the bank, so the report does not freeze a guess.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import IO, Any, Protocol

from pos_app.domain.payment import PaymentStatus
from pos_app.fiscal.errors import (
    FiscalError,
    OutcomeUnknown,
    RegisterBlocked,
    TemporarilyUnavailable,
)
from pos_app.fiscal.report import RegisterReport
from pos_app.services.fiscal import FiscalRefused
from pos_app.services.reconcile import Reconciler, ReconcileReport
from pos_app.store.journal import Journal
from pos_app.store.journal_schema import utc_now
from pos_app.store.refunds import RefundLog
from pos_app.store.shifts import Shift, ShiftError, ShiftStore

# Payments whose money was taken (some of it may have gone back since).
TAKEN = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED)


@dataclass(frozen=True, slots=True)
class ReportLine:
    method: str
    status: str
    count: int
    total: Decimal


@dataclass(frozen=True, slots=True)
class ShiftReport:
    kind: str  # "X" or "Z"
    number: int | None  # Z reports only
    opened_at: datetime
    until: datetime
    lines: tuple[ReportLine, ...]
    sales_count: int
    sales_total: Decimal
    refunds_count: int
    refunds_total: Decimal
    cancels_count: int
    register: RegisterReport | None = None  # the cash register's Z report (issue 15)

    @property
    def net_total(self) -> Decimal:
        return self.sales_total - self.refunds_total

    def to_data(self) -> dict[str, Any]:
        """JSON-able (amounts as decimal strings), as the Z report is stored."""
        return {
            "kind": self.kind, "number": self.number, "opened_at": self.opened_at.isoformat(),
            "until": self.until.isoformat(),
            "lines": [[x.method, x.status, x.count, f"{x.total:f}"] for x in self.lines],
            "sales_count": self.sales_count, "sales_total": f"{self.sales_total:f}",
            "refunds_count": self.refunds_count, "refunds_total": f"{self.refunds_total:f}",
            "cancels_count": self.cancels_count,
            **({"register": self.register.to_json()} if self.register else {}),
        }  # fmt: skip

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ShiftReport:
        return cls(
            data["kind"], data["number"], datetime.fromisoformat(data["opened_at"]),
            datetime.fromisoformat(data["until"]),
            tuple(ReportLine(m, s, int(c), Decimal(t)) for m, s, c, t in data["lines"]),
            int(data["sales_count"]), Decimal(data["sales_total"]), int(data["refunds_count"]),
            Decimal(data["refunds_total"]), int(data["cancels_count"]),
            RegisterReport.from_json(data["register"]) if data.get("register") else None,
        )  # fmt: skip


def build_report(journal: Journal, since: datetime, until: datetime, kind: str = "X",
                 number: int | None = None) -> ShiftReport:  # fmt: skip
    """Totals of the attempts created in ``[since, until)`` and refunds confirmed in it."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    sales_count, sales_total = 0, Decimal("0")
    for payment in journal.iter_payments(since, until):
        key = (payment.method.value, payment.status.value)
        counts[key] += 1
        totals[key] += payment.amount
        if payment.status in TAKEN:
            sales_count += 1
            sales_total += payment.amount
    done = RefundLog(journal).done_between(since, until)
    refunds = [r for r in done if r.kind == "refund"]
    lines = tuple(ReportLine(m, s, counts[(m, s)], totals[(m, s)]) for m, s in sorted(counts))
    return ShiftReport(kind, number, since, until, lines, sales_count, sales_total,
                       len(refunds), sum((r.amount for r in refunds), Decimal("0")),
                       sum(1 for r in done if r.kind == "cancel"))  # fmt: skip


def fiscal_refusal(exc: FiscalRefused | FiscalError) -> str:
    """Why our Z report waits for the register, as a code for the cashier's sentence:
    ``fiscal_unconfirmed`` (receipts sent, outcome not known yet), ``fiscal_unreachable``,
    ``fiscal_blocked``, else ``fiscal_not_closed`` (login, set-up: support must act)."""
    if isinstance(exc, FiscalRefused):
        return "fiscal_unconfirmed" if exc.code == "queue_not_empty" else "fiscal_not_closed"
    if isinstance(exc, TemporarilyUnavailable | OutcomeUnknown):
        return "fiscal_unreachable"
    return "fiscal_blocked" if isinstance(exc, RegisterBlocked) else "fiscal_not_closed"


class FiscalShift(Protocol):
    """services.fiscal.FiscalService: sends the queue, then closes the register's shift."""

    def close_shift(self) -> RegisterReport | None: ...


class ShiftService:
    """Open and close shifts; X and Z reports. Closing talks to the bank: run it off the GUI."""

    def __init__(self, journal: Journal, reconciler: Reconciler | None,
                 *, clock: Callable[[], datetime] = utc_now,
                 fiscal: FiscalShift | None = None) -> None:  # fmt: skip
        self.journal = journal
        self.reconciler = reconciler
        self.fiscal = fiscal
        self.store = ShiftStore(journal, clock=clock)
        self.clock = clock

    def current(self) -> Shift | None:
        return self.store.current()

    def open(self) -> Shift:
        return self.store.open()

    def x_report(self) -> ShiftReport:
        """The running totals of the open shift (:class:`ShiftError` ``none`` if closed)."""
        shift = self._open_shift()
        return build_report(self.journal, shift.opened_at, self.clock(), "X")

    def close(self) -> tuple[ShiftReport, ReconcileReport | None]:
        """Reconcile open attempts, then close the shift with its Z report (stored for good)."""
        shift = self._open_shift()
        reconciled = self.reconciler.run() if self.reconciler is not None else None
        register = None
        if self.fiscal is not None:  # issue 15: settle the receipts, then the register's Z
            try:
                register = self.fiscal.close_shift()
            except (FiscalRefused, FiscalError) as exc:  # nothing is closed here either
                raise ShiftError(f"register shift not closed: {exc}", fiscal_refusal(exc)
                                 ) from exc
        until = self.clock()
        report = replace(build_report(self.journal, shift.opened_at, until, "Z"),
                         register=register)
        stored = self.store.close(shift, until, report.to_data())
        return ShiftReport.from_data(stored.data), reconciled

    def z_report(self, number: int) -> ShiftReport:
        return ShiftReport.from_data(self.store.z_report(number).data)

    def _open_shift(self) -> Shift:
        shift = self.store.current()
        if shift is None:
            raise ShiftError("No shift is open.", "none")
        return shift


def export_csv(journal: Journal, stream: IO[str], since: datetime | None,
               until: datetime | None) -> int:  # fmt: skip
    """The journal's attempts created in ``[since, until)`` (each followed by its refund rows)
    as CSV; returns the number of payments."""
    return journal.write_csv(stream, since, until)
