"""A paid payment in training mode without a browser: checkout service + emulator.pay."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import CheckoutService
from pos_app.store.journal import Journal
from pos_app.training import Emulator

APPROVED = "4405639704015096"


@pytest.fixture
def client(emulator: Emulator) -> Iterator[EpayClient]:
    c = EpayClient(training_hosts(emulator.urls["api"], emulator.urls["form"]), TEST_MERCHANT)
    yield c
    c.close()


@pytest.fixture
def fast(client: EpayClient) -> Iterator[EpayClient]:
    """A client that does not wait between its retries."""
    c = EpayClient(client.hosts, TEST_MERCHANT, sleep=lambda _s: None)
    yield c
    c.close()


@pytest.fixture
def pay(emulator: Emulator, journal: Journal, client: EpayClient) -> Callable[[str], Payment]:
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.05)

    def _pay(amount: str, pan: str = APPROVED) -> Payment:
        payment = checkout.begin(Decimal(amount))
        checkout.request_token(payment.invoice_id)
        checkout.form_opened(payment.invoice_id)
        emulator.pay(payment.invoice_id, pan)
        return checkout.confirm(payment.invoice_id, hint=True)

    return _pay
