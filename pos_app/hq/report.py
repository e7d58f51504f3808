"""``pos-app hq report``: totals per shop, till, local day and method from the central views."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO, Any

import psycopg

COLUMNS = ("shop_id", "till_id", "day", "method", "payments", "amount", "refunds",
           "refunded_amount")


@dataclass(frozen=True, slots=True)
class ReportRow:
    shop_id: str
    till_id: str
    day: date
    method: str
    payments: int
    amount: Decimal
    refunds: int
    refunded_amount: Decimal


def daily(conn: psycopg.Connection[tuple[object, ...]], day_from: date, day_to: date,
          shop: str | None = None) -> list[ReportRow]:
    """Rows of ``hq.daily_report`` (a plain SQL function over the view ``hq.daily_totals``)."""
    rows: list[tuple[Any, ...]] = conn.execute("SELECT * FROM hq.daily_report(%s, %s, %s)",
                        (day_from, day_to, shop)).fetchall()
    return [ReportRow(str(r[0]), str(r[1]), r[2], str(r[3]), int(r[4]), Decimal(r[5]),
                      int(r[6]), Decimal(r[7])) for r in rows]


def write_csv(stream: IO[str], rows: list[ReportRow]) -> None:
    """The contract's CSV: amounts in tenge with two decimals, days as YYYY-MM-DD."""
    out = csv.writer(stream, lineterminator="\n")
    out.writerow(COLUMNS)
    for r in rows:
        out.writerow([r.shop_id, r.till_id, r.day.isoformat(), r.method, r.payments,
                      f"{r.amount:.2f}", r.refunds, f"{r.refunded_amount:.2f}"])


def write_table(stream: IO[str], rows: list[ReportRow]) -> None:
    widths = (12, 12, 10, 6, 8, 14, 7, 14)
    print("  ".join(c[:w].ljust(w) for c, w in zip(COLUMNS, widths, strict=True)), file=stream)
    total, refunded = Decimal("0"), Decimal("0")
    for r in rows:
        cells = (r.shop_id, r.till_id, r.day.isoformat(), r.method, str(r.payments),
                 f"{r.amount:.2f}", str(r.refunds), f"{r.refunded_amount:.2f}")
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)), file=stream)
        total += r.amount
        refunded += r.refunded_amount
    print(f"total {total:.2f}, refunded {refunded:.2f}, net {total - refunded:.2f}", file=stream)


# `pos-app hq list NAME`: the other head-office views, as they are.
LISTS = {
    "refunds": "SELECT * FROM hq.refunds WHERE at >= %(since)s ORDER BY at",
    "unsettled": "SELECT * FROM hq.unsettled_payments ORDER BY created_at",
    "problems": "SELECT * FROM hq.payment_problems ORDER BY flagged_at",
    "z-missing": "SELECT * FROM hq.z_reports_missing ORDER BY till_id, missing_number",
    "z-reports": "SELECT till_id, shop_id, number, created_at, period_from, period_to"
                 " FROM hq.z_reports WHERE created_at >= %(since)s ORDER BY till_id, number",
    "stale-tills": "SELECT * FROM hq.till_sync WHERE last_sync_at IS NULL"
                   " OR hours_since_sync > %(hours)s ORDER BY last_sync_at NULLS FIRST",
}


def write_list(conn: psycopg.Connection[tuple[object, ...]], name: str, stream: IO[str], *,
               since: date, hours: float) -> int:
    """The rows of list ``name`` as CSV; returns how many."""
    cursor = conn.execute(LISTS[name], {"since": since, "hours": hours})  # names: a whitelist
    out = csv.writer(stream, lineterminator="\n")
    out.writerow([c.name for c in cursor.description or ()])
    rows = cursor.fetchall()
    out.writerows(rows)
    return len(rows)

