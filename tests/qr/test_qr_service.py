"""The QR payment service against the emulator over HTTP, without Qt; a fake clock for expiry."""

from __future__ import annotations

import threading
from dataclasses import replace
from decimal import Decimal

import httpx
import pytest

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import Busy, CheckoutService
from pos_app.services.qr_payment import (
    ContactError,
    Interrupt,
    LinkKind,
    QrOptions,
    QrPaymentService,
    QrState,
    normalise_email,
    normalise_phone,
)
from pos_app.store.journal import Journal
from pos_app.training import Emulator


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def open_link(url: str) -> None:
    """What a phone does first: the invoice link redirects to the payform (minting its token)."""
    assert httpx.get(url, follow_redirects=False, timeout=10).status_code in (302, 303)


def make(emulator: Emulator, journal: Journal, *, shop_id: str = TEST_MERCHANT.shop_id,
         clock: Clock | None = None) -> QrPaymentService:
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    client = EpayClient(hosts, TEST_MERCHANT, retry=RetryPolicy(), sleep=lambda _s: None)
    checkout = CheckoutService(journal, client)
    return QrPaymentService(checkout, payform_url=hosts.payform_url,
                            terminal_id=TEST_MERCHANT.terminal_id, shop_id=shop_id,
                            options=QrOptions(poll_interval=0.01, expiry=60.0),
                            clock=clock or Clock())


def test_phone_and_email_validation() -> None:
    assert normalise_phone(" +7 (701) 123-45-67 ") == "+77011234567"
    assert normalise_phone("") == ""
    for bad in ("87011234567", "+7701123456", "+770112345678", "+1 701 123 45 67", "+7abc"):
        with pytest.raises(ContactError):
            normalise_phone(bad)
    assert normalise_email(" a.b@shop.kz ") == "a.b@shop.kz"
    for bad in ("ab", "a@b", "a b@c.kz", "@c.kz"):
        with pytest.raises(ContactError):
            normalise_email(bad)


def test_invoice_link_paid_is_journaled_paid_with_method_qr(emulator: Emulator,
                                                           journal: Journal) -> None:
    qr = make(emulator, journal)
    payment = qr.begin(Decimal("1500"))
    assert payment.method is PaymentMethod.QR
    with pytest.raises(Busy):
        qr.begin(Decimal("10"))  # the card checkout's one-payment rule
    link = qr.create_link(payment.invoice_id)
    assert link.kind is LinkKind.INVOICE_LINK and "/redirect/invoice-link/" in link.url
    open_link(link.url)
    emulator.pay(payment.invoice_id, "4405639704015096")
    result = qr.watch(link, Interrupt())
    assert result.status is PaymentStatus.PAID and result.method is PaymentMethod.QR
    assert qr.checkout.current is None


def test_payform_link_without_shop_id(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal, shop_id="")
    assert qr.kind is LinkKind.PAYFORM and not qr.can_send
    payment = qr.begin(Decimal("99.50"))
    link = qr.create_link(payment.invoice_id)
    assert link.url.startswith(emulator.urls["payform_url"] + "?params=")
    assert "isShortForm" not in link.url
    statuses = [e.to_status for e in journal.events(payment.invoice_id)]
    assert statuses == [PaymentStatus.NEW, PaymentStatus.TOKEN_ISSUED, PaymentStatus.WIDGET_OPEN]
    with pytest.raises(ContactError):
        qr.create_link(payment.invoice_id, phone="+77011234567")


def test_expiry_with_nothing_at_epay_is_expired(emulator: Emulator, journal: Journal) -> None:
    clock = Clock()
    qr = make(emulator, journal, clock=clock)
    link = qr.create_link(qr.begin(Decimal("800")).invoice_id)
    states: list[QrState] = []

    def on_poll(state: QrState) -> None:
        states.append(state)
        clock.now += 30  # two polls and the time is up

    result = qr.watch(link, Interrupt(), on_poll)
    assert result.status is PaymentStatus.EXPIRED
    assert states == [QrState.WAITING, QrState.WAITING]


def test_cancel_settles_cancelled_after_a_last_check(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    link = qr.create_link(qr.begin(Decimal("990")).invoice_id)
    interrupt = Interrupt()
    interrupt.cancel()
    before = emulator.calls("status")
    assert qr.watch(link, interrupt).status is PaymentStatus.CANCELLED
    assert emulator.calls("status") == before + 1


def test_cancel_when_the_bank_cannot_answer_is_unknown(emulator: Emulator,
                                                       journal: Journal) -> None:
    qr = make(emulator, journal)
    link = qr.create_link(qr.begin(Decimal("991")).invoice_id)
    emulator.add_fault("status", "http_error", status=503, count=-1)
    interrupt = Interrupt()
    interrupt.cancel()
    assert qr.watch(link, interrupt).status is PaymentStatus.UNKNOWN  # the reconciler decides


def test_failing_status_api_keeps_polling(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    payment = qr.begin(Decimal("2500"))
    link = qr.create_link(payment.invoice_id)
    emulator.add_fault("status", "http_error", status=503, count=9)
    states: list[QrState] = []

    def on_poll(state: QrState) -> None:
        states.append(state)
        if len(states) == 3:
            open_link(link.url)
            emulator.pay(payment.invoice_id, "4405639704015096")

    result = qr.watch(link, Interrupt(), on_poll)
    assert QrState.NO_ANSWER in states
    assert result.status is PaymentStatus.PAID


def test_stop_leaves_the_attempt_for_the_reconciler(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    qr.options = QrOptions(poll_interval=30.0, expiry=600.0)
    link = qr.create_link(qr.begin(Decimal("5")).invoice_id)
    interrupt = Interrupt()
    threading.Timer(0.2, interrupt.stop).start()
    result = qr.watch(link, interrupt)
    assert result.status is PaymentStatus.UNKNOWN
    assert result.status.needs_reconciliation


def test_link_failure_is_journaled_error_and_frees_the_till(emulator: Emulator,
                                                            journal: Journal) -> None:
    qr = make(emulator, journal)
    emulator.add_fault("invoice", "http_error", status=400, count=1)
    payment = qr.begin(Decimal("12"))
    with pytest.raises(Exception):  # noqa: B017 - any EpayError
        qr.create_link(payment.invoice_id)
    assert journal.get(payment.invoice_id).status is PaymentStatus.ERROR
    assert qr.checkout.current is None


def test_link_whose_creation_may_have_reached_the_bank_is_settled_by_the_status_api(
        emulator: Emulator, journal: Journal) -> None:
    """Issue 14 A.1: a reset after the invoice-link request may leave a link (and its SMS) at
    ePay; the attempt is settled through the status API, never a bare ``error``."""
    from pos_app.epay.errors import EpayError

    qr = make(emulator, journal)
    qr.checkout.options = replace(qr.checkout.options, poll_interval=0.01)
    emulator.add_fault("invoice", "reset", count=-1)
    payment = qr.begin(Decimal("12"))
    with pytest.raises(EpayError) as caught:
        qr.create_link(payment.invoice_id)
    assert caught.value.outcome_unknown
    assert journal.get(payment.invoice_id).status is PaymentStatus.CANCELLED  # ePay has nothing
    assert emulator.calls("status") == 2
    assert qr.checkout.current is None
