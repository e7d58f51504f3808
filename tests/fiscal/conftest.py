"""A running Webkassa emulator and an adapter pointed at it over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient, WebkassaCredentials
from pos_app.training.webkassa import (
    TRAINING_API_KEY,
    TRAINING_CASHBOX,
    TRAINING_LOGIN,
    TRAINING_PASSWORD,
    WebkassaEmulator,
)

CREDS = WebkassaCredentials(TRAINING_API_KEY, TRAINING_LOGIN, TRAINING_PASSWORD)


@pytest.fixture
def wk() -> Iterator[WebkassaEmulator]:
    emu = WebkassaEmulator().start()
    try:
        yield emu
    finally:
        emu.stop()


def make_adapter(emu: WebkassaEmulator, *, timeout: float = 5.0) -> WebkassaAdapter:
    client = WebkassaClient(emu.urls["api"], CREDS,
                            timeout=httpx.Timeout(timeout, connect=2.0))
    return WebkassaAdapter(client, TRAINING_CASHBOX)


@pytest.fixture
def adapter(wk: WebkassaEmulator) -> Iterator[WebkassaAdapter]:
    a = make_adapter(wk)
    yield a
    a.close()
