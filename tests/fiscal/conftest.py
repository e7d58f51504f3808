"""A running Webkassa emulator and an adapter pointed at it over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


@contextmanager
def fiscal_service(journal: Any, emu: WebkassaEmulator | None = None) -> Iterator[Any]:
    """A FiscalService on ``journal`` talking to ``emu`` (default: an emulator of its own,
    stopped afterwards) over loopback HTTP."""
    from pos_app.services.fiscal import FiscalProfile, FiscalService

    register = emu or WebkassaEmulator().start()
    adapter = make_adapter(register)
    try:
        yield FiscalService(journal, adapter, FiscalProfile("Товар", 16, ""))
    finally:
        adapter.close()
        if emu is None:
            register.stop()
