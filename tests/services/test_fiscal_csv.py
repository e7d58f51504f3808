"""`pos-app journal --csv` (a contract of issue 15): refund rows carry their return receipt's
fiscal columns by the same rule as the payment's sale receipt. Real ePay and Webkassa
emulators over loopback HTTP, a real SQLite journal, the real command in a subprocess."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos_app.domain.payment import Payment
from pos_app.epay.client import EpayClient
from pos_app.services.fiscal import FiscalService
from pos_app.services.refunds import RefundService
from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.journal import Journal
from tests.fiscal.conftest import fiscal_service

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fiscal(journal: Journal) -> Iterator[FiscalService]:
    with fiscal_service(journal) as service:
        yield service


def journal_csv(home: Path) -> list[dict[str, str]]:
    env = dict(os.environ, POS_APP_HOME=str(home))
    done = subprocess.run([sys.executable, "-m", "pos_app", "journal", "--csv"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return list(csv.DictReader(io.StringIO(done.stdout)))


def test_refund_rows_carry_their_return_receipt(
        tmp_path: Path, journal: Journal, fiscal: FiscalService,
        pay: Callable[[str], Payment], client: EpayClient) -> None:
    payment = pay("2000")
    sale = fiscal.process(fiscal.enqueue_sale(payment.invoice_id))
    refunds = RefundService(journal, client, fiscal)
    first = refunds.refund(payment.invoice_id, "500", "customer changed mind")
    back = fiscal.run_queue().done[0]  # the first return receipt is registered
    second = refunds.refund(payment.invoice_id, "300", "second item")  # queued, not sent
    other = pay("70")  # no fiscal receipt, no refund
    assert first.confirmed and second.confirmed and back.refund_id == first.record.id
    assert fiscal.log.for_refund(second.record.id).state is FiscalState.PREPARED  # type: ignore[union-attr]

    rows = journal_csv(tmp_path)
    assert [(r["invoice_id"], r["row_kind"]) for r in rows] == [
        (payment.invoice_id, "payment"), (payment.invoice_id, "refund"),
        (payment.invoice_id, "refund"), (other.invoice_id, "payment")]
    pay_row, done_row, queued_row, other_row = rows
    assert (pay_row["fiscal_status"], pay_row["fiscal_number"], pay_row["fiscal_ticket_url"]) \
        == ("done", sale.fiscal_number, sale.ticket_url)
    assert (done_row["fiscal_status"], done_row["fiscal_number"],
            done_row["fiscal_ticket_url"]) == ("done", back.fiscal_number, back.ticket_url)
    assert back.fiscal_number and back.fiscal_number != sale.fiscal_number
    assert (done_row["amount"], done_row["refunded_amount"], done_row["reference"]) \
        == ("500.00", "500.00", first.record.external_id)
    assert (done_row["refund_state"], done_row["description"]) == ("done", "customer changed mind")
    assert (queued_row["fiscal_status"], queued_row["fiscal_number"],
            queued_row["fiscal_ticket_url"]) == ("pending", "", "")
    assert (queued_row["amount"], queued_row["reference"]) == ("300.00",
                                                               second.record.external_id)
    assert pay_row["status"] == done_row["status"] == "partially_refunded"
    assert (other_row["fiscal_status"], other_row["row_kind"], other_row["refund_state"]) \
        == ("none", "payment", "")
