"""The checkout service's every step, field by field (issue 14, C.7: the mutation run).

Real parts: the CheckoutService with a real SQLite journal and the real EpayClient talking to
the training emulator over loopback; httpx.MockTransport only where a refusal is needed.
Each test pins what a survivor of ``scripts/mutation services/checkout.py`` changed: the
payment object's fields, begin's checks and journal row, the token request's arguments, the
notes each step writes and the polling's edges.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from decimal import Decimal

import httpx
import pytest

from pos_app.domain.errors import AmountError
from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.domain.text import FieldError
from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.epay.errors import EpayError
from pos_app.services.checkout import Busy, CheckoutService, _js_number
from pos_app.store.journal import Journal
from pos_app.training import Emulator

APPROVED = "4405639704015096"


def _notes(journal: Journal, invoice_id: str) -> list[tuple[PaymentStatus, str]]:
    return [(e.to_status, e.note) for e in journal.events(invoice_id)]


# -- begin ------------------------------------------------------------------------------------

def test_begin_journals_the_attempt_with_its_fields(
    checkout: CheckoutService, journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="pos_app.services.checkout"):
        payment = checkout.begin(Decimal("1500.5"), " Coffee ", " ACC-1 ", PaymentMethod.QR)
    stored = journal.get(payment.invoice_id)
    assert stored == payment
    assert (stored.amount, stored.currency, stored.method, stored.status) == (
        Decimal("1500.50"), "KZT", PaymentMethod.QR, PaymentStatus.NEW)
    assert (stored.description, stored.account_id) == ("Coffee", "ACC-1")
    assert checkout.current == payment.invoice_id
    messages = [r.getMessage() for r in caplog.records if r.name == "pos_app.services.checkout"]
    assert messages == [f"attempt {payment.invoice_id} created, 1500.50 KZT"]


def test_begin_defaults_to_a_card_payment_with_no_description(
    checkout: CheckoutService, journal: Journal
) -> None:
    payment = checkout.begin(Decimal("10"))
    stored = journal.get(payment.invoice_id)
    assert (stored.description, stored.account_id, stored.method) == ("", "", PaymentMethod.CARD)


def test_begin_refuses_above_the_shops_own_maximum(
    checkout: CheckoutService, journal: Journal
) -> None:
    checkout.options = replace(checkout.options, max_amount=Decimal("5000"))
    with pytest.raises(AmountError) as caught:
        checkout.begin(Decimal("5000.01"))
    assert caught.value.code == "above_maximum"
    assert journal.recent() == []
    assert checkout.current is None
    assert checkout.begin(Decimal("5000")).amount == Decimal("5000.00")


def test_begin_checks_description_and_account_before_the_journal(
    checkout: CheckoutService, journal: Journal
) -> None:
    with pytest.raises(FieldError) as caught:
        checkout.begin(Decimal("10"), "x" * 126)
    assert caught.value.code == "description_too_long"
    with pytest.raises(FieldError) as caught:
        checkout.begin(Decimal("10"), "ok", "with space")
    assert caught.value.code == "account_id_format"
    assert journal.recent() == []
    assert checkout.current is None


def test_a_second_begin_is_busy_until_the_first_is_released(checkout: CheckoutService) -> None:
    first = checkout.begin(Decimal("10"))
    with pytest.raises(Busy):
        checkout.begin(Decimal("20"))
    checkout.release("another invoice")
    assert checkout.current == first.invoice_id
    checkout.release(first.invoice_id)
    assert checkout.current is None
    checkout.begin(Decimal("20"))


# -- request_token ----------------------------------------------------------------------------


def test_the_token_request_carries_the_shops_post_links_and_a_fresh_secret(
    checkout: CheckoutService, journal: Journal, emulator: Emulator
) -> None:
    checkout.options = replace(checkout.options, post_link="http://127.0.0.1:9/ok",
                               failure_post_link="http://127.0.0.1:9/fail")
    secrets = []
    for amount in ("10", "20"):
        payment = checkout.begin(Decimal(amount))
        token = checkout.request_token(payment.invoice_id)
        at_bank = emulator.bank.tokens[token.raw["access_token"]]
        assert (at_bank.invoice_id, at_bank.amount) == (payment.invoice_id, payment.amount)
        assert at_bank.post_link == "http://127.0.0.1:9/ok"
        assert at_bank.failure_post_link == "http://127.0.0.1:9/fail"
        assert len(at_bank.secret_hash) == 43  # token_urlsafe(32)
        secrets.append(at_bank.secret_hash)
        assert journal.get(payment.invoice_id).status is PaymentStatus.TOKEN_ISSUED
        assert _notes(journal, payment.invoice_id)[-1] == (
            PaymentStatus.TOKEN_ISSUED, "payment token issued")
        checkout.release(payment.invoice_id)
    assert secrets[0] != secrets[1]


def test_no_secret_hash_without_a_post_link(
    checkout: CheckoutService, emulator: Emulator
) -> None:
    checkout.options = replace(checkout.options, failure_post_link="http://127.0.0.1:9/fail")
    payment = checkout.begin(Decimal("10"))
    token = checkout.request_token(payment.invoice_id)
    at_bank = emulator.bank.tokens[token.raw["access_token"]]
    assert (at_bank.post_link, at_bank.secret_hash) == ("", "")
    assert at_bank.failure_post_link == "http://127.0.0.1:9/fail"


def test_a_refused_token_is_an_error_in_the_journal_with_the_errors_code(
    journal: Journal, emulator: Emulator
) -> None:
    refuse = httpx.MockTransport(lambda _r: httpx.Response(401, json={"code": 401}))
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    with httpx.Client(transport=refuse) as http:
        client = EpayClient(hosts, TEST_MERCHANT, http=http, retry=RetryPolicy(attempts=1),
                            sleep=lambda _s: None)
        checkout = CheckoutService(journal, client)
        payment = checkout.begin(Decimal("10"))
        with pytest.raises(EpayError) as caught:
            checkout.request_token(payment.invoice_id)
    assert caught.value.code
    assert journal.get(payment.invoice_id).status is PaymentStatus.ERROR
    assert _notes(journal, payment.invoice_id)[-1] == (PaymentStatus.ERROR, caught.value.code)
    assert checkout.current is None


# -- payment_object ---------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "epay"), [("ru", "rus"), ("kk", "kaz"), ("en", "eng"),
                                                ("de", "rus")])
def test_payment_object_field_by_field(
    checkout: CheckoutService, language: str, epay: str
) -> None:
    checkout.options = replace(
        checkout.options, language=language, back_link="https://shop.kz/ok",
        failure_back_link="https://shop.kz/fail", post_link="https://shop.kz/post",
        failure_post_link="https://shop.kz/post-fail")
    payment = checkout.begin(Decimal("1500.50"), "Coffee", "ACC-1")
    token = checkout.request_token(payment.invoice_id)
    obj = checkout.payment_object(payment, token, "TERMINAL-1")
    assert obj == {
        "invoiceId": payment.invoice_id,
        "backLink": "https://shop.kz/ok",
        "failureBackLink": "https://shop.kz/fail",
        "postLink": "https://shop.kz/post",
        "failurePostLink": "https://shop.kz/post-fail",
        "language": epay,
        "description": "Coffee",
        "accountId": "ACC-1",
        "terminal": "TERMINAL-1",
        "amount": "1500.5",
        "currency": "KZT",
        "auth": dict(token.raw),
    }
    assert obj["auth"] is token.raw


def test_payment_object_default_links_are_the_sentinels(checkout: CheckoutService) -> None:
    payment = checkout.begin(Decimal("7"))
    token = checkout.request_token(payment.invoice_id)
    obj = checkout.payment_object(payment, token, "T")
    assert (obj["backLink"], obj["failureBackLink"], obj["postLink"], obj["failurePostLink"],
            obj["language"], obj["amount"]) == (
        "https://pos.invalid/epay/ok", "https://pos.invalid/epay/fail", "", "", "rus", "7")


@pytest.mark.parametrize(("amount", "text"), [
    ("1500.50", "1500.5"), ("1500.00", "1500"), ("1500", "1500"), ("100", "100"),
    ("0.50", "0.5"), ("0.05", "0.05"), ("10.10", "10.1"), ("1E+3", "1000"),
])
def test_js_number(amount: str, text: str) -> None:
    assert _js_number(Decimal(amount)) == text


# -- form_opened, confirm ---------------------------------------------------------------------

def _on_form(checkout: CheckoutService, amount: str = "1500") -> str:
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    return payment.invoice_id


def test_a_paid_form_is_confirmed_with_its_notes_and_poll_count(
    checkout: CheckoutService, journal: Journal, emulator: Emulator
) -> None:
    invoice = _on_form(checkout)
    emulator.pay(invoice, APPROVED)
    polls: list[int] = []
    paid = checkout.confirm(invoice, hint=True, on_poll=polls.append)
    assert paid.status is PaymentStatus.PAID
    assert polls == [1]
    notes = _notes(journal, invoice)
    assert notes[:4] == [(PaymentStatus.NEW, notes[0][1]),
                         (PaymentStatus.TOKEN_ISSUED, "payment token issued"),
                         (PaymentStatus.WIDGET_OPEN, "card form shown"),
                         (PaymentStatus.CHECKING, "form result: paid")]
    assert checkout.current is None


@pytest.mark.parametrize(("hint", "text"), [(False, "not paid"), (None, "cancelled by cashier")])
def test_no_payment_after_a_form_that_did_not_pay_is_cancelled_on_the_second_answer(
    checkout: CheckoutService, journal: Journal, hint: bool | None, text: str
) -> None:
    invoice = _on_form(checkout)
    polls: list[int] = []
    done = checkout.confirm(invoice, hint=hint, on_poll=polls.append)
    assert done.status is PaymentStatus.CANCELLED
    assert polls == [1, 2]
    notes = _notes(journal, invoice)
    assert (PaymentStatus.CHECKING, f"form result: {text}") in notes
    assert notes[-1] == (PaymentStatus.CANCELLED, "the bank has no payment")
    assert checkout.current is None


def test_a_form_that_said_paid_is_polled_to_the_deadline_then_unknown(
    checkout: CheckoutService, journal: Journal
) -> None:
    now = [0.0]
    checkout = CheckoutService(checkout.journal, checkout.client,
                               replace(checkout.options, poll_deadline=10.0),
                               clock=lambda: now[0])
    invoice = _on_form(checkout)
    polls: list[int] = []

    def tick(n: int) -> None:
        polls.append(n)
        now[0] = 4.0 * n  # 4, 8, 12: the deadline (10) passes after the third answer

    done = checkout.confirm(invoice, hint=True, on_poll=tick)
    assert done.status is PaymentStatus.UNKNOWN
    assert done.invoice_id == invoice
    assert polls == [1, 2, 3]
    assert _notes(journal, invoice)[-1] == (
        PaymentStatus.UNKNOWN, "no final answer in time; will re-check")
    assert checkout.current is None


def test_the_deadline_is_reached_at_exactly_its_time(
    checkout: CheckoutService, journal: Journal
) -> None:
    checkout = CheckoutService(checkout.journal, checkout.client,  # time stands still
                               replace(checkout.options, poll_deadline=0.0), clock=lambda: 100.0)
    invoice = _on_form(checkout)
    stop = threading.Event()
    polls: list[int] = []

    def once(n: int) -> None:
        polls.append(n)
        stop.set()  # were the deadline missed, the wait would end the check as interrupted

    done = checkout.confirm(invoice, hint=True, stop=stop, on_poll=once)
    assert polls == [1]
    assert _notes(journal, invoice)[-1] == (
        PaymentStatus.UNKNOWN, "no final answer in time; will re-check")
    assert done.status is PaymentStatus.UNKNOWN


def test_a_stopped_check_is_unknown_and_says_so(
    checkout: CheckoutService, journal: Journal
) -> None:
    invoice = _on_form(checkout)
    stop = threading.Event()
    stop.set()
    done = checkout.confirm(invoice, hint=True, stop=stop)
    assert (done.invoice_id, done.status) == (invoice, PaymentStatus.UNKNOWN)
    assert _notes(journal, invoice)[-1] == (
        PaymentStatus.UNKNOWN, "checking interrupted; will re-check")
    assert checkout.current is None


# -- fail -------------------------------------------------------------------------------------

def test_a_failure_before_the_bank_is_an_error_with_the_reason(
    checkout: CheckoutService, journal: Journal
) -> None:
    payment = checkout.begin(Decimal("10"))
    done = checkout.fail(payment.invoice_id, "script_error")
    assert done.status is PaymentStatus.ERROR
    assert _notes(journal, payment.invoice_id)[-1] == (PaymentStatus.ERROR, "script_error")
    assert checkout.current is None


def test_a_failure_on_a_settled_payment_only_releases_it(
    checkout: CheckoutService, journal: Journal
) -> None:
    payment = checkout.begin(Decimal("10"))
    journal.transition(payment.invoice_id, PaymentStatus.ERROR, note="settled elsewhere")
    done = checkout.fail(payment.invoice_id, "late")
    assert done.status is PaymentStatus.ERROR
    assert len(journal.events(payment.invoice_id)) == 2
    assert checkout.current is None


def test_a_failure_after_the_bank_was_reached_is_checked_with_the_callers_stop_and_progress(
    checkout: CheckoutService, journal: Journal
) -> None:
    payment = checkout.begin(Decimal("10"))
    stop = threading.Event()
    stop.set()  # the cashier closed the till: one answer, then unknown
    polls: list[int] = []
    done = checkout.fail(payment.invoice_id, "network", reached_bank=True, stop=stop,
                         on_poll=polls.append)
    assert polls == [1]
    assert done.status is PaymentStatus.UNKNOWN
    notes = _notes(journal, payment.invoice_id)
    assert (PaymentStatus.UNKNOWN, "failed after the bank was reached: network") in notes
    assert notes[-1] == (PaymentStatus.UNKNOWN, "checking interrupted; will re-check")
    assert checkout.current is None


def test_a_failure_on_the_form_is_noted_then_settled(
    checkout: CheckoutService, journal: Journal
) -> None:
    invoice = _on_form(checkout)
    polls: list[int] = []
    done = checkout.fail(invoice, "script_error", on_poll=polls.append)
    assert done.status is PaymentStatus.CANCELLED
    assert polls == [1, 2]
    notes = _notes(journal, invoice)
    assert (PaymentStatus.WIDGET_OPEN, "failed after the bank was reached: script_error") in notes
    assert (PaymentStatus.CHECKING, "form result: cancelled by cashier") in notes
