"""No secret, token or card number in any log record or exception, even if the bank echoes them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from pos_app.epay.client import EpayClient
from pos_app.epay.errors import EpayError
from pos_app.epay.models import InvoiceLinkRequest
from pos_app.epay.redact import redact

from .conftest import PAN, SECRET, TX_ID, FakeBank, Reply, json_reply, raises, text_reply

LEAKY_TOKEN = "LEAKY_TOKEN_Zx81"


def echo_everything(status: int) -> Reply:
    return json_reply(
        status,
        {
            "code": 100,
            "message": f"card {PAN} secret {SECRET} token {LEAKY_TOKEN} Bearer {LEAKY_TOKEN}",
            "error": "invalid_request",
            "resultMessage": f"pan {PAN}",
        },
    )


def test_failure_scenario_leaks_nothing(
    client: EpayClient, bank: FakeBank, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bank.script(
        "token",
        json_reply(200, {"access_token": LEAKY_TOKEN, "expires_in": 7200}),
        json_reply(200, {"access_token": LEAKY_TOKEN + "2", "expires_in": 7200}),
    )
    bank.script(
        "status",
        json_reply(401, {"message": LEAKY_TOKEN}),
        text_reply(503, f"<html>{SECRET} {PAN}</html>", "text/html"),
        raises(httpx.ReadError),
        text_reply(200, f'{{"resultCode": "100", "x": "{PAN}" ', "application/json"),
        echo_everything(400),
    )
    bank.script("refund", echo_everything(400), raises(httpx.ReadTimeout))
    bank.script("invoice", echo_everything(400))
    errors: list[EpayError] = []
    calls: list[Callable[[], object]] = [
        lambda: client.payment_token("000001000042", Decimal("100"), secret_hash=SECRET),
        lambda: client.transaction_status("000001000042"),
        lambda: client.transaction_status("000001000042"),
        lambda: client.refund(TX_ID, Decimal("20"), "R-1"),
        lambda: client.refund(TX_ID, Decimal("20"), "R-2"),
        lambda: client.refund(TX_ID, Decimal("5"), "R-3"),
        lambda: client.create_invoice_link(InvoiceLinkRequest("000001000042", Decimal("100"))),
    ]
    for call in calls:
        try:
            call()
        except EpayError as exc:
            errors.append(exc)
    bank.script("token", echo_everything(400))
    client._service = None
    try:
        client.service_token()
    except EpayError as exc:
        errors.append(exc)

    assert len(errors) >= 6
    assert caplog.records, "the client should log its requests"
    texts = [r.getMessage() for r in caplog.records]
    texts += [f"{e} {e!r} {e.args} {getattr(e, 'bank_message', '')}" for e in errors]
    for text in texts:
        for forbidden in (SECRET, LEAKY_TOKEN, PAN, "Bearer " + LEAKY_TOKEN):
            assert forbidden not in text, text
        assert "<html>" not in text
    assert all(len(e.error_id) == 8 for e in errors)
    logged_ids = " ".join(texts)
    assert all(e.error_id in logged_ids for e in errors if e.code != "refund_below_minimum")


def test_redact_masks_pan_bearer_and_fields() -> None:
    text = (
        f"Bearer abc.def pan 4405 6397 0401 5096 and 5522-0427-0506-6736 "
        f'"access_token": "XYZ" client_secret={SECRET}&x=1 invoice 000001000042'
    )
    out = redact(text, limit=1000)
    assert "abc.def" not in out and "XYZ" not in out and SECRET not in out
    assert "4405 6397 0401 5096" not in out and "440563***5096" in out
    assert "552204***6736" in out
    assert "000001000042" in out  # not Luhn-valid: an invoice number stays readable
    assert redact("x" * 500, limit=50).endswith("…")


def test_credentials_repr_and_no_tls_opt_out() -> None:
    from pos_app.epay.config import TEST_MERCHANT

    assert SECRET not in repr(TEST_MERCHANT)
    root = Path(__file__).resolve().parents[2] / "pos_app" / "epay"
    for source in root.glob("*.py"):
        assert "verify=False" not in source.read_text(encoding="utf-8"), source
