"""A till process for the fiscal crash suite: payments become paid, then fiscal receipts go to
the Webkassa emulator (``POS_APP_FISCAL_URL``), printing a step marker before and after every
journal write and HTTP request so the test can SIGKILL it anywhere in between.

    python -m tests.support.fiscal_crash_driver JOURNAL URL PAYMENTS

It starts with the start-up reconciliation, as the till does before its first payment.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

from pos_app.domain.payment import PaymentStatus
from pos_app.fiscal.adapter import PreparedRequest
from pos_app.fiscal.receipt import FiscalResult
from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient, WebkassaCredentials
from pos_app.services.fiscal import FiscalProfile, FiscalService
from pos_app.store.journal import Journal
from pos_app.training.webkassa import (
    TRAINING_API_KEY,
    TRAINING_CASHBOX,
    TRAINING_LOGIN,
    TRAINING_PASSWORD,
)

TIMEOUT = 0.4  # the emulator's "delay then commit" fault waits longer than this


def mark(step: str) -> None:
    print(f"step {step}", flush=True)


class MarkingAdapter(WebkassaAdapter):
    def send(self, request: PreparedRequest) -> FiscalResult:
        mark("sending")
        try:
            return super().send(request)
        finally:
            mark("replied")

    def find_by_key(self, key: str) -> Any:
        mark("lookup")
        return super().find_by_key(key)


def main(argv: list[str]) -> int:
    path, url, payments = Path(argv[0]), argv[1], int(argv[2])
    creds = WebkassaCredentials(TRAINING_API_KEY, TRAINING_LOGIN, TRAINING_PASSWORD)
    client = WebkassaClient(url, creds, timeout=httpx.Timeout(TIMEOUT, connect=1.0))
    journal = Journal(path)
    service = FiscalService(journal, MarkingAdapter(client, TRAINING_CASHBOX),
                            FiscalProfile("Товар", 16))
    service.listeners.append(lambda op: mark(f"journaled_{op.state}"))
    mark("start")
    service.reconcile()
    mark("reconciled")
    for n in range(payments):
        attempt = journal.create_attempt(Decimal(100 + n) + Decimal("0.50"))
        journal.transition(attempt.invoice_id, PaymentStatus.PAID, note="bank: CHARGE")
        mark("paid")
        op = service.enqueue_sale(attempt.invoice_id)
        mark("prepared")
        service.process(op)
        mark("done")
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
