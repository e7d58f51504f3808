"""The payment life cycle: every (from, to) pair is checked against TRANSITIONS."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos_app.domain.errors import IllegalTransition
from pos_app.domain.payment import (
    FINAL,
    OPEN,
    TRANSITIONS,
    Payment,
    PaymentMethod,
    PaymentStatus,
    check_transition,
)

CONTRACT_STATUSES = {
    "new", "token_issued", "widget_open", "checking", "paid", "declined", "cancelled",
    "expired", "unknown", "refunded", "partially_refunded", "error",
}  # fmt: skip


def test_statuses_are_the_contract() -> None:
    assert {s.value for s in PaymentStatus} == CONTRACT_STATUSES
    assert {m.value for m in PaymentMethod} == {"card", "qr"}
    assert set(TRANSITIONS) == set(PaymentStatus)
    assert set(PaymentStatus) == OPEN | FINAL
    assert not OPEN & FINAL


@pytest.mark.parametrize(
    ("current", "new"), list(itertools.product(PaymentStatus, PaymentStatus))
)
def test_every_pair(current: PaymentStatus, new: PaymentStatus) -> None:
    allowed = new in TRANSITIONS[current] or (current == new and current in OPEN)
    if allowed:
        check_transition(current, new)
    else:
        with pytest.raises(IllegalTransition) as info:
            check_transition(current, new)
        assert info.value.code == "transition"


def test_final_states_with_no_way_out() -> None:
    assert not TRANSITIONS[PaymentStatus.REFUNDED]
    for status in (PaymentStatus.DECLINED, PaymentStatus.CANCELLED, PaymentStatus.EXPIRED):
        # closed unpaid: only a late payment reported by the bank may reopen the story
        assert TRANSITIONS[status] == {PaymentStatus.PAID}
        assert status.is_final and not status.needs_reconciliation


def test_every_open_state_can_settle() -> None:
    for status in OPEN:
        assert {PaymentStatus.PAID, PaymentStatus.DECLINED} <= TRANSITIONS[status]


def test_payment_remaining() -> None:
    now = datetime.now(UTC)
    p = Payment("000001", Decimal("100.00"), "KZT", PaymentMethod.CARD, PaymentStatus.PAID,
                now, now, refunded_amount=Decimal("30.00"))  # fmt: skip
    assert p.remaining == Decimal("70.00")
