"""The parts the mutation-killing tests share: a bank client that tries each call once and does
not wait, and a checkout service on it that polls quickly (emulator over loopback HTTP, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import CheckoutService
from pos_app.store.journal import Journal
from pos_app.training import Emulator


@pytest.fixture
def client(emulator: Emulator) -> Iterator[EpayClient]:
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    c = EpayClient(hosts, TEST_MERCHANT, retry=RetryPolicy(attempts=1), sleep=lambda _s: None)
    yield c
    c.close()


@pytest.fixture
def checkout(journal: Journal, client: EpayClient) -> CheckoutService:
    service = CheckoutService(journal, client)
    service.options = replace(service.options, poll_interval=0.01, poll_deadline=2.0)
    return service
