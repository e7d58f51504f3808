"""The interface every cloud-register adapter implements (Webkassa now; ReKassa, ukassa later).

The journal needs the exact request before anything is sent, so registering is two steps:
:meth:`FiscalAdapter.prepare` turns a receipt into a :class:`PreparedRequest` (no secrets in it;
the journal stores it), and :meth:`FiscalAdapter.send` sends a stored request, byte for byte the
same every time, adding only the session token (ReKassa/ukassa would add a header instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pos_app.fiscal.receipt import (
    FiscalResult,
    Operation,
    PrintLine,
    Receipt,
    RegisterStatus,
    ReturnBasis,
)
from pos_app.fiscal.report import RegisterReport


@dataclass(frozen=True, slots=True)
class PreparedRequest:
    """What the journal stores: the provider, the idempotency key and the request body text."""

    provider: str
    key: str
    operation: Operation
    body: str


class FiscalAdapter(Protocol):
    provider: str
    cashbox: str

    def prepare(self, receipt: Receipt, key: str, basis: ReturnBasis | None = None
                ) -> PreparedRequest:
        """The request for a sale (``basis`` None) or a return; raises InvalidReceipt."""

    def send(self, request: PreparedRequest) -> FiscalResult:
        """Register ``request``; a duplicate whose original came back is a result with
        ``recovered=True``; raises a :class:`~pos_app.fiscal.errors.FiscalError` otherwise."""

    def find_by_key(self, key: str) -> FiscalResult | None:
        """The check registered under ``key``, or None after a complete search; raises
        OutcomeUnknown/TemporarilyUnavailable when the search could not finish."""

    def print_lines(self, key: str) -> tuple[PrintLine, ...]:
        """The register's print form of the check ``key``."""

    def status(self) -> RegisterStatus:
        """The register's state: active, offline, shift and its age."""

    def x_report(self) -> RegisterReport:
        """The current shift's report without closing it."""

    def close_shift(self) -> RegisterReport:
        """Close the register's shift (Z report) and return the report."""

    def close(self) -> None:
        """Release connections."""
