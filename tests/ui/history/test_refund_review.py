"""Issue 14 A.5 in the history window: a refund the bank did not confirm blocks the next one
and the administrator decides, reading the bank's answer; sending again reuses the externalID.
The emulator over loopback HTTP, a real SQLite journal, the real window and dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT
from pos_app.services.refunds import RefundService
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundState
from pos_app.training import Emulator
from pos_app.ui.common import pin_guard as admin
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.history.refund_review import Decision, RefundReviewDialog
from tests.services import conftest as training
from tests.ui.history.test_history import answer_dialog, make_window

client, pay = training.client, training.pay


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    t = Tasks()
    yield t
    t.shutdown(wait=True)


def _decide(monkeypatch: pytest.MonkeyPatch, decision: Decision, reason: str,
            seen: list[RefundReviewDialog]) -> None:
    def exec_(self: RefundReviewDialog) -> int:
        seen.append(self)
        self.reason.setText(reason)
        self.choices[decision].click()
        return self.result()

    monkeypatch.setattr(RefundReviewDialog, "exec", exec_)


@pytest.mark.parametrize("decision", [Decision.APPLIED, Decision.RESEND])
def test_unconfirmed_refund_is_decided_by_the_administrator(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, journal: Journal, client: EpayClient,
    emulator: Emulator, pay: Callable[[str], Payment], tasks: Tasks, decision: Decision,
) -> None:
    paid = pay("1000")
    emulator.add_fault("refund", "reset", count=-1)  # the first request's fate is unknown
    with EpayClient(client.hosts, TEST_MERCHANT, sleep=lambda _s: None) as fast:
        first = RefundService(journal, fast).refund(paid.invoice_id, "400", "damaged")
    emulator.faults.clear()
    assert not first.confirmed
    window = make_window(qtbot, journal, client, tasks)
    window.select_row(0)
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: True)
    answer_dialog(monkeypatch, "300", "another item", [])
    seen: list[RefundReviewDialog] = []
    _decide(monkeypatch, decision, "seen in the cabinet", seen)
    window.refund_selected()  # a second refund: refused, the administrator is asked
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "CHARGE, amount 1000.00, orgAmount 1000.00, KZT" in seen[0].answer.text()
    assert first.record.external_id in seen[0].intro.text()
    log = RefundService(journal, client).log
    qtbot.waitUntil(lambda: log.for_payment(paid.invoice_id)[0].state is RefundState.DONE
                    and journal.get(paid.invoice_id).status is PaymentStatus.PARTIALLY_REFUNDED,
                    timeout=10_000)  # fmt: skip
    payment = journal.get(paid.invoice_id)
    assert payment.refunded_amount == Decimal("400")  # only the first refund, never the 300
    [record] = log.for_payment(paid.invoice_id)
    assert record.external_id == first.record.external_id
    with emulator.bank.lock:
        sent = [op["externalID"] for op in emulator.bank.transactions[paid.invoice_id].operations]
    expected = [first.record.external_id] if decision is Decision.RESEND else []
    assert sent == expected  # sent again with the same externalID, or not at all


def test_a_reply_that_did_not_match_is_shown_in_the_history(
    qtbot: QtBot, journal: Journal, client: EpayClient, emulator: Emulator,
) -> None:
    """Issue 14 A.4: a bank reply about another terminal is flagged in the row and detail."""
    from dataclasses import replace

    from pos_app.services.checkout import CheckoutService

    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.01)
    payment = checkout.begin(Decimal("50000"))
    checkout.request_token(payment.invoice_id)
    emulator.pay(payment.invoice_id, "4405639704015096")
    with emulator.bank.lock:
        emulator.bank.transactions[payment.invoice_id].terminal = "00000000-0000-0000-0000-0"
    assert checkout.confirm(payment.invoice_id, hint=True).status is PaymentStatus.UNKNOWN
    window = make_window(qtbot, journal, client)
    window.select_row(0)
    assert "⚠" in window.model.data(window.model.index(0, 4))
    assert "bank reply does not match: terminalID" in window.detail.fields["status"].text()
