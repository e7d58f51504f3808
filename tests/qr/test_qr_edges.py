"""The edges of services/qr_payment.py that mutants survived (scripts/mutation, issue 14 C.7):
what the invoice-link request carries, the sent-to note, the payform link's terminal, the time
left, a cancel that arrives while the bank is being asked, and the notes each ending leaves.

The emulator over loopback HTTP, a real SQLite journal, a fake clock (``make`` and ``Clock``
from test_qr_service.py).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from urllib.parse import parse_qs, unquote, urlsplit

import lzstring  # type: ignore[import-untyped, unused-ignore]
import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT
from pos_app.epay.errors import EpayError
from pos_app.epay.status import TransactionStatus
from pos_app.services.qr_payment import (
    ContactError,
    Interrupt,
    LinkKind,
    QrLink,
    QrOptions,
    QrPaymentService,
    normalise_email,
    normalise_phone,
)
from pos_app.store.journal import Journal
from pos_app.training import Emulator
from tests.qr.test_qr_service import Clock, make


def _fields(emulator: Emulator, invoice: str) -> dict[str, object]:
    with emulator.bank.lock:
        [link] = [k for k in emulator.bank.links.links.values()
                  if k.fields.get("invoice_id") == invoice]
        return dict(link.fields)


def test_contact_errors_say_which_field() -> None:
    with pytest.raises(ContactError) as phone:
        normalise_phone("12345")
    assert (phone.value.code, str(phone.value)) == ("phone", "A phone number is +7 and 10 digits.")
    with pytest.raises(ContactError) as email:
        normalise_email("nobody")
    assert (email.value.code, str(email.value)) == ("email", "This is not an e-mail address.")


def test_an_email_may_have_254_characters_not_255() -> None:
    longest = "a" * 64 + "@" + "b" * (254 - 65 - 3) + ".kz"
    assert len(longest) == 254 and normalise_email(longest) == longest
    too_long = "a" * 64 + "@" + "b" * (255 - 65 - 3) + ".kz"
    with pytest.raises(ContactError):
        normalise_email(too_long)


def test_the_invoice_link_carries_every_setting(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    qr.options = replace(qr.options, expire_period="3d")
    qr.checkout.options = replace(
        qr.checkout.options, language="kk", post_link="https://shop.kz/post",
        failure_post_link="https://shop.kz/post-fail", back_link="https://shop.kz/ok",
        failure_back_link="https://shop.kz/fail")
    payment = qr.begin(Decimal("1500"), "two coffees", "customer-7")
    assert (payment.description, payment.account_id) == ("two coffees", "customer-7")
    link = qr.create_link(payment.invoice_id, phone="+77011234567", email="a@shop.kz")
    assert link.sent_to == "+77011234567" and link.amount == Decimal("1500")
    fields = _fields(emulator, payment.invoice_id)
    assert {k: fields.get(k) for k in (
        "account_id", "description", "language", "expire_period", "recipient_contact",
        "recipient_contact_sms", "post_link", "failure_post_link", "back_link",
        "failure_back_link")} == {
        "account_id": "customer-7", "description": "two coffees", "language": "kaz",
        "expire_period": "3d", "recipient_contact": "a@shop.kz",
        "recipient_contact_sms": "+77011234567", "post_link": "https://shop.kz/post",
        "failure_post_link": "https://shop.kz/post-fail", "back_link": "https://shop.kz/ok",
        "failure_back_link": "https://shop.kz/fail"}
    assert journal.events(payment.invoice_id)[-1].note == (
        "QR shown: invoice link (sent to the customer)")


def test_no_return_page_and_an_unknown_language(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    qr.checkout.options = replace(qr.checkout.options, language="de")
    payment = qr.begin(Decimal("10"))
    assert (payment.description, payment.account_id) == ("", "")
    link = qr.create_link(payment.invoice_id, email="a@shop.kz")
    assert link.sent_to == "a@shop.kz"
    fields = _fields(emulator, payment.invoice_id)
    assert fields["language"] == "rus"
    assert "back_link" not in fields and "failure_back_link" not in fields
    assert "recipient_contact_sms" not in fields


def test_a_link_shown_without_sending(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    payment = qr.begin(Decimal("10"))
    link = qr.create_link(payment.invoice_id)
    assert link.sent_to == ""
    assert journal.events(payment.invoice_id)[-1].note == "QR shown: invoice link"


def test_the_payform_link_names_the_terminal(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal, shop_id="")
    payment = qr.begin(Decimal("99.50"))
    link = qr.create_link(payment.invoice_id)
    packed = parse_qs(urlsplit(link.url).query)["params"][0]
    params = lzstring.LZString().decompressFromEncodedURIComponent(packed)
    pairs = dict(pair.split("=", 1) for pair in params.split("&"))
    assert unquote(pairs["terminal"]) == TEST_MERCHANT.terminal_id
    assert unquote(pairs["invoiceId"]) == payment.invoice_id
    assert journal.events(payment.invoice_id)[-1].note == "QR shown: payform link"


def test_seconds_left(emulator: Emulator, journal: Journal) -> None:
    clock = Clock()
    qr = make(emulator, journal, clock=clock)
    link = QrLink("000001", "https://x", qr.kind, Decimal("1"), expires_at=clock.now + 60)
    assert qr.seconds_left(link) == 60.0
    clock.now += 61
    assert qr.seconds_left(link) == 0.0


def test_a_link_that_cannot_be_made_for_an_internal_reason(
    emulator: Emulator, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    qr = make(emulator, journal)

    def broken(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(qr.client, "create_invoice_link", broken)
    payment = qr.begin(Decimal("12"))
    with pytest.raises(RuntimeError):
        qr.create_link(payment.invoice_id)
    assert journal.get(payment.invoice_id).status is PaymentStatus.ERROR
    assert journal.events(payment.invoice_id)[-1].note == "internal error"
    assert qr.checkout.current is None
    assert qr.begin(Decimal("13")).invoice_id != payment.invoice_id  # the till is free


def test_a_refused_link_is_journaled_with_the_banks_code(emulator: Emulator,
                                                         journal: Journal) -> None:
    qr = make(emulator, journal)
    emulator.add_fault("invoice", "http_error", status=400, count=1)
    payment = qr.begin(Decimal("12"))
    with pytest.raises(EpayError) as caught:
        qr.create_link(payment.invoice_id)
    assert caught.value.code == "epay_rejected"
    assert journal.events(payment.invoice_id)[-1].note == "epay_rejected"


class _CancelWhileAsking(EpayClient):
    """The real client; the cashier presses Cancel while the first status request is out."""

    def __init__(self, client: EpayClient, interrupt: Interrupt) -> None:
        super().__init__(client.hosts, TEST_MERCHANT)
        self.interrupt = interrupt
        self.asked = 0

    def transaction_status(self, invoice_id: str) -> TransactionStatus:
        self.asked += 1
        self.interrupt.cancel()
        return super().transaction_status(invoice_id)


def test_a_cancel_during_a_check_asks_once_more(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    link = qr.create_link(qr.begin(Decimal("990")).invoice_id)
    interrupt = Interrupt()
    spy = _CancelWhileAsking(qr.client, interrupt)
    qr.checkout.client = spy
    try:
        result = qr.watch(link, interrupt)
    finally:
        spy.close()
    assert result.status is PaymentStatus.CANCELLED and spy.asked == 2
    assert journal.events(link.invoice_id)[-1].note == (
        "cancelled by cashier; the bank has no payment")


def test_a_cancel_the_bank_cannot_confirm_says_why(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    link = qr.create_link(qr.begin(Decimal("991")).invoice_id)
    emulator.add_fault("status", "http_error", status=503, count=-1)
    interrupt = Interrupt()
    interrupt.cancel()
    assert qr.watch(link, interrupt).status is PaymentStatus.UNKNOWN
    assert journal.events(link.invoice_id)[-1].note == (
        "cancelled wanted but the bank could not be asked; will re-check")


def test_an_expiry_while_the_bank_works_on_it_says_so(emulator: Emulator,
                                                      journal: Journal) -> None:
    clock = Clock()
    qr = make(emulator, journal, clock=clock)
    link = qr.create_link(qr.begin(Decimal("800")).invoice_id)
    emulator.add_fault("status", "in_progress", count=-1)
    clock.now = link.expires_at
    assert qr.watch(link, Interrupt()).status is PaymentStatus.UNKNOWN
    assert journal.events(link.invoice_id)[-1].note == (
        "expired wanted but bank: in_progress; will re-check")


def test_an_expiry_note(emulator: Emulator, journal: Journal) -> None:
    clock = Clock()
    qr = make(emulator, journal, clock=clock)
    link = qr.create_link(qr.begin(Decimal("800")).invoice_id)
    clock.now = link.expires_at
    assert qr.watch(link, Interrupt()).status is PaymentStatus.EXPIRED
    assert journal.events(link.invoice_id)[-1].note == "link expired unpaid"


def test_a_stop_note(emulator: Emulator, journal: Journal) -> None:
    qr = make(emulator, journal)
    qr.options = QrOptions(poll_interval=30.0, expiry=600.0)
    link = qr.create_link(qr.begin(Decimal("5")).invoice_id)
    interrupt = Interrupt()
    interrupt.stop()
    assert qr.watch(link, interrupt).status is PaymentStatus.UNKNOWN
    assert journal.events(link.invoice_id)[-1].note == "checking interrupted; will re-check"


def test_without_a_shop_id_the_link_is_a_payform_link(emulator: Emulator,
                                                      journal: Journal) -> None:
    made = make(emulator, journal)
    qr = QrPaymentService(made.checkout, payform_url=made.payform_url,
                          terminal_id=TEST_MERCHANT.terminal_id)
    assert qr.kind is LinkKind.PAYFORM and not qr.can_send


def test_sending_without_invoice_links_is_refused_and_frees_the_till(
    emulator: Emulator, journal: Journal
) -> None:
    qr = make(emulator, journal, shop_id="")
    payment = qr.begin(Decimal("12"))
    with pytest.raises(ContactError) as refused:
        qr.create_link(payment.invoice_id, email="a@shop.kz")
    assert refused.value.code == "send"
    assert journal.get(payment.invoice_id).status is PaymentStatus.ERROR
    assert journal.events(payment.invoice_id)[-1].note == "send"
    assert qr.begin(Decimal("13")).invoice_id != payment.invoice_id  # the till is free


def test_a_link_lost_in_a_timeout_with_the_journal_failing_too_frees_the_till(
    emulator: Emulator, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The invoice link's request timed out (it may exist at ePay) and the journal then fails
    inside ``checkout.fail``: the storage error is raised, the attempt stays open for the next
    start, and the till is free for the next payment (it stayed busy before)."""
    from pos_app.store.errors import StorageError

    qr = make(emulator, journal)
    payment = qr.begin(Decimal("10"))
    timeout = EpayError("no answer", code="epay_outcome_unknown", outcome_unknown=True)
    monkeypatch.setattr(qr.client, "create_invoice_link",
                        lambda *_a, **_k: (_ for _ in ()).throw(timeout))

    def unwritable(*_a: object, **_k: object) -> None:
        raise StorageError("read_only", "the journal cannot be written")

    monkeypatch.setattr(journal, "transition", unwritable)
    with pytest.raises(StorageError):
        qr.create_link(payment.invoice_id)
    assert qr.checkout.current is None  # the next payment may start
    assert journal.get(payment.invoice_id).status is PaymentStatus.NEW  # open, for the next start
