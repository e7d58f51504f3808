"""The edges of services/settle.py that mutants survived (scripts/mutation): which reply fields
reach the journal, the problem and note of a mismatched reply, and the support trail in the
log (invoice, error code and error id). Real SQLite journal; the status client is a stub
because only its reply matters here (the emulator runs these paths in tests/services)."""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.errors import EpayTimeout
from pos_app.epay.status import TransactionStatus
from pos_app.services.settle import check_once, fields_from, flag_mismatch
from pos_app.store.journal import Journal

FULL = TransactionStatus(
    result_code="100", status_name="CHARGE", reference="123456789012", approval_code="A1B2C3",
    card_mask="440563******5096", transaction_id="tx-1", reason_code="0",
)


def test_every_present_reply_field_is_copied() -> None:
    assert fields_from(FULL) == {
        "reference": "123456789012", "approval_code": "A1B2C3", "card_mask": "440563******5096",
        "transaction_id": "tx-1", "reason_code": "0",
    }


def test_a_missing_reply_field_is_not_copied() -> None:
    assert fields_from(TransactionStatus(result_code="100")) == {}


def test_a_mismatched_reply_flags_an_open_attempt(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    payment = journal.create_attempt(Decimal("1500"))
    with caplog.at_level(logging.ERROR, logger="pos_app.services.settle"):
        flagged = flag_mismatch(journal, payment, ("amount", "currency"))
    problem = "bank reply does not match: amount, currency"
    assert flagged.status is PaymentStatus.UNKNOWN
    assert flagged.problem == problem
    assert journal.events(payment.invoice_id)[-1].note == problem
    assert [r.getMessage() for r in caplog.records] == [
        f"status reply for {payment.invoice_id} does not match the attempt (amount, currency);"
        " not settled"
    ]


class _Unreachable:
    terminal_id = "T1"

    def __init__(self, error: EpayTimeout) -> None:
        self.error = error

    def transaction_status(self, invoice_id: str) -> TransactionStatus:
        raise self.error


def test_a_failed_status_check_is_logged_with_its_ids(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    payment = journal.create_attempt(Decimal("1500"))
    error = EpayTimeout("no answer", error_id="0badc0de")
    with caplog.at_level(logging.WARNING, logger="pos_app.services.settle"):
        result = check_once(journal, _Unreachable(error), payment)  # type: ignore[arg-type]
    assert result == (None, None)
    assert [r.getMessage() for r in caplog.records] == [
        f"status check for {payment.invoice_id} failed: {error.code} [0badc0de]"
    ]
    assert journal.get(payment.invoice_id).status is PaymentStatus.NEW
