"""Payments whose bank reply did not match (issue 14 A.4) reach the head office's lists."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import psycopg

from pos_app.domain.payment import PaymentStatus
from pos_app.hq import report
from pos_app.hq.sync import sync_once
from pos_app.store.journal import Journal
from tests.hq.helpers import config, fill


def test_a_mismatched_reply_is_listed_for_the_accountant(hq_url: str, tmp_path: Path) -> None:
    with Journal(tmp_path / "journal-training.sqlite3") as journal:
        fill(journal, 2)
        odd = journal.create_attempt(Decimal("50000"))
        journal.transition(odd.invoice_id, PaymentStatus.TOKEN_ISSUED)
        journal.transition(odd.invoice_id, PaymentStatus.CHECKING)
        journal.transition(odd.invoice_id, PaymentStatus.UNKNOWN,
                           problem="bank reply does not match: terminalID")
        sync_once(journal, config(hq_url), None)
    with psycopg.connect(hq_url) as conn:
        out = io.StringIO()
        count = report.write_list(conn, "problems", out, since=date(2000, 1, 1), hours=24)
        unsettled = io.StringIO()
        report.write_list(conn, "unsettled", unsettled, since=date(2000, 1, 1), hours=24)
    assert count == 1, out.getvalue()
    header, row = out.getvalue().splitlines()
    assert header.split(",")[:7] == ["shop_id", "till_id", "invoice_id", "method", "amount",
                                     "status", "problem"]
    assert f",{odd.invoice_id}," in row and "50000.00" in row and ",unknown," in row
    assert "bank reply does not match: terminalID" in row
    assert odd.invoice_id in unsettled.getvalue()  # and it is still open
