"""The client against the training emulator over real HTTP: every call and every fault kind.

Back-off sleeps are recorded, not slept; timeouts are short so "slow" and "hang" faults cost
well under a second each.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.epay.errors import (
    EpayAuthError,
    EpayInvalidRequest,
    EpayProtocolError,
    EpayRejected,
    EpayTimeout,
    EpayUnavailable,
)
from pos_app.epay.models import InvoiceLinkRequest, StatusOutcome
from pos_app.training import Emulator

APPROVE = ("4405639704015096", "01/27", "321")
LOCKED = ("4003032704547597", "09/20", "170")
SHORT = httpx.Timeout(0.4, connect=2.0)
_invoices = itertools.count(1)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    emu = Emulator().start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def emu(emulator: Emulator) -> Iterator[Emulator]:
    emulator.reset()
    yield emulator
    emulator.reset()  # also lets go of anything a "hang" fault still holds


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(emu: Emulator, sleeps: list[float]) -> Iterator[EpayClient]:
    hosts = training_hosts(emu.urls["api"], emu.urls["form"])
    with EpayClient(
        hosts, TEST_MERCHANT, timeout=SHORT, retry=RetryPolicy(3, 0.35, 3.0), sleep=sleeps.append
    ) as c:
        yield c


def new_invoice() -> str:
    """A fresh invoice number whose last six digits are unique too."""
    return f"77{next(_invoices):06d}"


def paid(
    emu: Emulator, client: EpayClient, amount: str = "1500", card: tuple[str, str, str] = APPROVE
) -> str:
    invoice = new_invoice()
    client.payment_token(invoice, Decimal(amount))
    emu.pay(invoice, *card)
    return invoice


# -- every call ---------------------------------------------------------------------------------


def test_payment_token_and_paid_status(emu: Emulator, client: EpayClient) -> None:
    invoice = new_invoice()
    token = client.payment_token(invoice, Decimal("1500.50"), secret_hash="abc")
    assert set(token.raw) >= {"access_token", "expires_in", "token_type"}
    assert isinstance(token.raw["expires_in"], int)
    assert client.transaction_status(invoice).outcome is StatusOutcome.NOT_FOUND
    emu.pay(invoice, *APPROVE)
    status = client.transaction_status(invoice)
    assert status.outcome is StatusOutcome.PAID
    assert status.amount == Decimal("1500.50")
    assert status.invoice_id == invoice
    assert status.card_mask.endswith("5096") and "4405639704015096" not in status.card_mask
    assert status.transaction_id and status.reference and status.approval_code
    assert status.terminal_id == TEST_MERCHANT.terminal_id


def test_expires_in_as_string(emu: Emulator, client: EpayClient) -> None:
    emu.configure(token_expires_in_as_string=True, token_lifetime=1200)
    token = client.payment_token(new_invoice(), Decimal("100"))
    assert token.raw["expires_in"] == "1200"
    assert token.expires_in == 1200


def test_declined_card(emu: Emulator, client: EpayClient) -> None:
    status = client.transaction_status(paid(emu, client, card=LOCKED))
    assert status.outcome is StatusOutcome.DECLINED
    assert status.reason_code == "465"


def test_refunds(emu: Emulator, client: EpayClient) -> None:
    invoice = paid(emu, client, "1000")
    tx = client.transaction_status(invoice).transaction_id
    client.refund(tx, Decimal("300"), "R-1")
    assert client.transaction_status(invoice).outcome is StatusOutcome.PAID
    with pytest.raises(EpayRejected) as info:
        client.refund(tx, Decimal("800"), "R-2")  # more than remains
    assert info.value.bank_code == "100"
    with pytest.raises(EpayInvalidRequest):
        client.refund(tx, Decimal("9.99"), "R-3")
    client.refund(tx, None, "R-4")
    assert client.transaction_status(invoice).outcome is StatusOutcome.REFUNDED
    assert emu.calls("refund") == 3  # the local refusal never reached the bank


def test_two_step_charge_and_cancel(emu: Emulator, client: EpayClient) -> None:
    emu.configure(two_step=True)
    first, second = paid(emu, client, "500"), paid(emu, client, "700")
    st1, st2 = client.transaction_status(first), client.transaction_status(second)
    assert st1.outcome is st2.outcome is StatusOutcome.AUTHORIZED
    client.charge(st1.transaction_id, Decimal("400"))
    client.cancel(st2.transaction_id)
    after = client.transaction_status(first)
    assert after.outcome is StatusOutcome.PAID
    assert after.amount == Decimal("400")
    assert client.transaction_status(second).outcome is StatusOutcome.CANCELLED
    with pytest.raises(EpayRejected):
        client.cancel(st2.transaction_id)  # only from AUTH


def test_invoice_link(emu: Emulator, client: EpayClient) -> None:
    invoice = new_invoice()
    link = client.create_invoice_link(
        InvoiceLinkRequest(
            invoice_id=invoice,
            amount=Decimal("1180"),
            recipient_contact_sms="+77021234567",
            description="Заказ на кассе",
        )
    )
    assert link.invoice_url.startswith(emu.urls["api"])
    assert link.status == "ACTIVE"
    assert link.invoice_id == invoice
    with pytest.raises(EpayRejected):  # the same invoice_id twice
        client.create_invoice_link(InvoiceLinkRequest(invoice_id=invoice, amount=Decimal("1")))


def test_bad_credentials(emu: Emulator) -> None:
    hosts = training_hosts(emu.urls["api"], emu.urls["form"])
    creds = type(TEST_MERCHANT)("test", "wrong-secret", TEST_MERCHANT.terminal_id)
    with EpayClient(hosts, creds, timeout=SHORT) as bad, pytest.raises(EpayAuthError):
        bad.transaction_status("000001000001")
    assert emu.calls("token") == 1


def test_expired_service_token_is_renewed(emu: Emulator, client: EpayClient) -> None:
    client.transaction_status("000001000001")
    emu.advance_clock(7300)  # the bank's clock: the cached token is now dead there
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("token") == 2
    assert emu.calls("status") == 3


def test_connection_refused(sleeps: list[float]) -> None:
    hosts = training_hosts("http://127.0.0.1:9", "http://127.0.0.1:9")
    with (
        EpayClient(hosts, TEST_MERCHANT, timeout=SHORT, sleep=sleeps.append) as c,
        pytest.raises(EpayUnavailable) as info,
    ):
        c.transaction_status("000001000001")
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert sleeps == [0.35, 0.7]


# -- every fault kind ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [503, 429, 502])
def test_transient_status_fault_retried(
    emu: Emulator, client: EpayClient, sleeps: list[float], status: int
) -> None:
    emu.add_fault("status", "http_error", count=2, status=status)
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("status") == 3
    assert sleeps == [0.35, 0.7]


@pytest.mark.parametrize("status", [503, 429])
def test_persistent_status_fault(emu: Emulator, client: EpayClient, status: int) -> None:
    emu.add_fault("status", "http_error", count=-1, status=status)
    with pytest.raises(EpayUnavailable) as info:
        client.transaction_status("000001000001")
    assert info.value.status_code == status
    assert emu.calls("status") == 3


def test_token_503_then_ok(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("token", "http_error", count=1, status=503)
    client.payment_token(new_invoice(), Decimal("10"))
    assert emu.calls("token") == 2


def test_http_400_fault_not_retried(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("status", "http_error", count=-1, status=400)
    with pytest.raises(EpayRejected):
        client.transaction_status("000001000001")
    assert emu.calls("status") == 1


def test_html_fault(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("token", "html", count=1)  # 502 page, then fine
    client.service_token()
    assert emu.calls("token") == 2
    emu.add_fault("status", "html", count=-1)
    with pytest.raises(EpayUnavailable) as info:
        client.transaction_status("000001000001")
    assert info.value.status_code == 502
    emu.reset()
    emu.add_fault("status", "html", count=1, status=200)
    with pytest.raises(EpayProtocolError) as protocol:
        client.transaction_status("000001000001")
    assert protocol.value.code == "epay_html"


def test_malformed_fault(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("status", "malformed", count=1)
    with pytest.raises(EpayProtocolError):
        client.transaction_status("000001000001")
    assert emu.calls("status") == 1
    emu.add_fault("token", "malformed", count=1)
    with pytest.raises(EpayProtocolError):
        client.payment_token(new_invoice(), Decimal("10"))


def test_slow_fault(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("status", "slow", count=1, delay=0.05)
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("status") == 1
    emu.add_fault("status", "slow", count=1, delay=1.0)
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("status") == 3  # the slow one timed out and was asked again
    emu.add_fault("status", "slow", count=-1, delay=1.0)
    with pytest.raises(EpayTimeout) as info:
        client.transaction_status("000001000001")
    assert not info.value.outcome_unknown


def test_hang_fault(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("status", "hang", count=1)
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("status") == 2
    emu.add_fault("status", "hang", count=-1)
    with pytest.raises(EpayTimeout):
        client.transaction_status("000001000001")


def test_reset_fault(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("status", "reset", count=1)
    assert client.transaction_status("000001000001").outcome is StatusOutcome.NOT_FOUND
    assert emu.calls("status") == 2
    emu.add_fault("token", "reset", count=-1)
    with pytest.raises(EpayUnavailable):
        client.payment_token(new_invoice(), Decimal("10"))
    assert emu.calls("token") == 4  # 1 service token before + 3 attempts


def test_in_progress_fault(emu: Emulator, client: EpayClient) -> None:
    invoice = paid(emu, client)
    emu.add_fault("status", "in_progress", count=1)
    assert client.transaction_status(invoice).outcome is StatusOutcome.IN_PROGRESS
    assert client.transaction_status(invoice).outcome is StatusOutcome.PAID


@pytest.mark.parametrize("kind", ["hang", "reset", "slow"])
def test_refund_never_retried_once_sent(emu: Emulator, client: EpayClient, kind: str) -> None:
    invoice = paid(emu, client, "1000")
    tx = client.transaction_status(invoice).transaction_id
    emu.add_fault("refund", kind, count=1, delay=1.0)
    with pytest.raises(EpayTimeout) as info:
        client.refund(tx, Decimal("100"), "R-1")
    assert info.value.outcome_unknown
    assert emu.calls("refund") == 1
    emu.release_hangs()
    # The caller re-reads the status; a "slow" refund went through after all.
    if kind == "slow":
        deadline = time.monotonic() + 5
        while client.transaction_status(invoice).amount != Decimal("900"):
            assert time.monotonic() < deadline, "the slow refund was never booked"
            time.sleep(0.05)
    else:
        assert client.transaction_status(invoice).amount == Decimal("1000")


def test_refund_503_retried_and_500_not(emu: Emulator, client: EpayClient) -> None:
    invoice = paid(emu, client, "1000")
    tx = client.transaction_status(invoice).transaction_id
    emu.add_fault("refund", "http_error", count=1, status=503)
    client.refund(tx, Decimal("100"), "R-1")
    assert emu.calls("refund") == 2
    emu.add_fault("refund", "http_error", count=1, status=500)
    with pytest.raises(EpayUnavailable) as info:
        client.refund(tx, Decimal("100"), "R-2")
    assert info.value.outcome_unknown
    assert emu.calls("refund") == 3
    emu.add_fault("refund", "html", count=1)  # a 502 page from a proxy: outcome unknown
    with pytest.raises(EpayUnavailable):
        client.refund(tx, Decimal("100"), "R-3")
    assert emu.calls("refund") == 4
    assert client.transaction_status(invoice).amount == Decimal("900")


@pytest.mark.parametrize("op", ["charge", "cancel"])
def test_charge_cancel_faults(emu: Emulator, client: EpayClient, op: str) -> None:
    emu.configure(two_step=True)
    invoice = paid(emu, client, "500")
    tx = client.transaction_status(invoice).transaction_id
    emu.add_fault(op, "http_error", count=1, status=429)
    emu.add_fault(op, "reset", count=1)
    with pytest.raises(EpayTimeout) as info:
        client.charge(tx) if op == "charge" else client.cancel(tx)
    assert info.value.outcome_unknown
    assert emu.calls(op) == 2  # the 429 retried, the reset not
    assert client.transaction_status(invoice).outcome is StatusOutcome.AUTHORIZED
    client.charge(tx) if op == "charge" else client.cancel(tx)
    final = StatusOutcome.PAID if op == "charge" else StatusOutcome.CANCELLED
    assert client.transaction_status(invoice).outcome is final


def test_invoice_faults(emu: Emulator, client: EpayClient) -> None:
    emu.add_fault("invoice", "http_error", count=1, status=503)
    client.create_invoice_link(InvoiceLinkRequest(new_invoice(), Decimal("100")))
    assert emu.calls("invoice") == 2
    emu.add_fault("invoice", "malformed", count=1)
    with pytest.raises(EpayProtocolError):
        client.create_invoice_link(InvoiceLinkRequest(new_invoice(), Decimal("100")))
    emu.add_fault("invoice", "reset", count=1)
    with pytest.raises(EpayTimeout) as info:
        client.create_invoice_link(InvoiceLinkRequest(new_invoice(), Decimal("100")))
    assert info.value.outcome_unknown
