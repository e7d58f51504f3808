"""Fixtures for the ePay emulator tests."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from pos_app.training import Emulator

TEST_CLIENT = "test"
TEST_SECRET = "yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG"
TEST_TERMINAL = "67e34d63-102f-4bd1-898e-370781d0074d"
TEST_SHOP = "04f25a4b-d2bd-4dd8-b3a7-9390be4774c4"
LONG_SCOPE = "webapi usermanagement email_send verification statement statistics payment"



@pytest.fixture
def http() -> Iterator[httpx.Client]:
    """A plain httpx client with a short timeout."""
    with httpx.Client(timeout=5.0) as client:
        yield client


def payment_form(invoice_id: str, amount: str = "100", **extra: str) -> dict[str, str]:
    """A valid payment-token form for the test merchant."""
    form = {
        "grant_type": "client_credentials", "scope": "payment", "client_id": TEST_CLIENT,
        "client_secret": TEST_SECRET, "invoiceID": invoice_id, "amount": amount,
        "currency": "KZT", "terminal": TEST_TERMINAL,
    }
    form.update(extra)
    return form


def service_form() -> dict[str, str]:
    """A valid service-token form for the test merchant."""
    return {"grant_type": "client_credentials", "scope": LONG_SCOPE, "client_id": TEST_CLIENT,
            "client_secret": TEST_SECRET, "terminal": TEST_TERMINAL}


def payment_token(http: httpx.Client, emu: Emulator, invoice_id: str, amount: str = "100",
                  **extra: str) -> dict[str, Any]:
    """Request a payment token; assert success."""
    reply = http.post(emu.urls["oauth_url"], data=payment_form(invoice_id, amount, **extra))
    assert reply.status_code == 200, reply.text
    data: dict[str, Any] = reply.json()
    return data


def service_headers(http: httpx.Client, emu: Emulator) -> dict[str, str]:
    """``Authorization`` header with a fresh service token."""
    reply = http.post(emu.urls["oauth_url"], data=service_form())
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['access_token']}"}


def payment_object(invoice_id: str, auth: object, amount: object = 100,
                   **extra: object) -> dict[str, object]:
    """A paymentObject as the app builds it."""
    obj: dict[str, object] = {
        "invoiceId": invoice_id, "backLink": "https://pos.invalid/ok",
        "failureBackLink": "https://pos.invalid/fail", "postLink": "", "failurePostLink": "",
        "language": "rus", "description": "Test payment", "accountId": "",
        "terminal": TEST_TERMINAL, "amount": amount, "currency": "KZT",
    }
    obj.update(extra)
    obj["auth"] = auth
    return obj


def as_decimal(value: object) -> Decimal:
    """JSON number → Decimal."""
    return Decimal(str(value))
