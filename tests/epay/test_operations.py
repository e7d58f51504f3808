"""Charge, cancel, refund and invoice links: URLs, headers, local refusals, bank refusals."""

from __future__ import annotations

import json
from decimal import Decimal

import httpx
import pytest

from pos_app.epay.client import EpayClient
from pos_app.epay.config import Credentials
from pos_app.epay.errors import EpayAuthError, EpayInvalidRequest, EpayRejected
from pos_app.epay.models import InvoiceLinkRequest

from .conftest import TX_ID, FakeBank, json_reply, text_reply


def test_refund_url_and_bearer(client: EpayClient, bank: FakeBank) -> None:
    client.refund(TX_ID, Decimal("5000"), "R-000123-1")
    (request,) = bank.of("refund")
    assert request.method == "POST"
    assert str(request.url) == (
        f"https://api.bank.test/operation/{TX_ID}/refund?amount=5000&externalID=R-000123-1"
    )
    assert request.headers["authorization"] == "Bearer TOKEN_0001_SECRETVALUE"
    assert request.content == b""


def test_partial_refund_amount_on_the_wire(client: EpayClient, bank: FakeBank) -> None:
    client.refund(TX_ID, Decimal("12.50"), "R-1")
    assert bank.of("refund")[0].url.params["amount"] == "12.5"


def test_full_refund_sends_no_amount(client: EpayClient, bank: FakeBank) -> None:
    client.refund(TX_ID, None, "R-2")
    assert str(bank.of("refund")[0].url).endswith(f"/operation/{TX_ID}/refund?externalID=R-2")


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (Decimal("9.99"), "refund_below_minimum"),
        (Decimal("1"), "refund_below_minimum"),
        (Decimal("0"), "amount_not_positive"),
        (Decimal("-10"), "amount_not_positive"),
        (Decimal("10.001"), "amount_too_many_decimals"),
        (Decimal("Infinity"), "amount_not_a_number"),
    ],
)
def test_refund_refused_locally(
    client: EpayClient, bank: FakeBank, amount: Decimal, code: str
) -> None:
    with pytest.raises(EpayInvalidRequest) as info:
        client.refund(TX_ID, amount, "R-3")
    assert info.value.code == code
    assert info.value.for_cashier
    assert bank.requests == []


@pytest.mark.parametrize("external", ["", "has space", "x" * 65, "a&b=c"])
def test_refund_external_id_checked(client: EpayClient, bank: FakeBank, external: str) -> None:
    with pytest.raises(EpayInvalidRequest):
        client.refund(TX_ID, Decimal("10"), external)
    assert bank.requests == []


def test_minimum_refund_is_allowed(client: EpayClient, bank: FakeBank) -> None:
    client.refund(TX_ID, Decimal("10.00"), "R-4")
    assert bank.of("refund")[0].url.params["amount"] == "10"


def test_charge_and_cancel(client: EpayClient, bank: FakeBank) -> None:
    client.charge(TX_ID)
    client.charge(TX_ID, Decimal("300"))
    client.cancel(TX_ID)
    urls = [str(r.url) for r in bank.requests if r.url.path.startswith("/operation/")]
    assert urls == [
        f"https://api.bank.test/operation/{TX_ID}/charge",
        f"https://api.bank.test/operation/{TX_ID}/charge?amount=300",
        f"https://api.bank.test/operation/{TX_ID}/cancel",
    ]
    assert all(
        r.headers["authorization"].startswith("Bearer ")
        for r in bank.requests
        if r.url.path.startswith("/operation/")
    )
    assert len(bank.of("token")) == 1


def test_operation_400_is_rejected_with_bank_code(client: EpayClient, bank: FakeBank) -> None:
    bank.script("refund", json_reply(400, {"code": 100, "message": ""}))
    with pytest.raises(EpayRejected) as info:
        client.refund(TX_ID, Decimal("50"), "R-5")
    assert info.value.bank_code == "100"
    assert info.value.status_code == 400
    assert not info.value.retryable
    assert len(bank.of("refund")) == 1


def test_operation_config_code_is_auth_error(client: EpayClient, bank: FakeBank) -> None:
    bank.script("charge", json_reply(400, {"code": "104", "message": "no terminal"}))
    with pytest.raises(EpayAuthError):
        client.charge(TX_ID)


def test_operation_400_with_html_body_is_still_rejected(client: EpayClient, bank: FakeBank) -> None:
    bank.script("cancel", text_reply(400, "<html>Bad</html>", "text/html"))
    with pytest.raises(EpayRejected) as info:
        client.cancel(TX_ID)
    assert info.value.bank_code == ""


def test_operation_401_renews_token(client: EpayClient, bank: FakeBank) -> None:
    bank.script("refund", json_reply(401, {}), lambda r: httpx.Response(200))
    client.refund(TX_ID, Decimal("20"), "R-6")
    assert len(bank.of("refund")) == 2
    assert len(bank.of("token")) == 2


@pytest.mark.parametrize("tx", ["", "../x", "a/b", "id?x=1"])
def test_transaction_id_checked(client: EpayClient, bank: FakeBank, tx: str) -> None:
    with pytest.raises(EpayInvalidRequest):
        client.cancel(tx)
    assert bank.requests == []


def test_create_invoice_link(client: EpayClient, bank: FakeBank) -> None:
    link = client.create_invoice_link(
        InvoiceLinkRequest(
            invoice_id="000001000042",
            amount=Decimal("1180.50"),
            account_id="till-1",
            description="Заказ " * 40,
            recipient_contact_sms="+77021234567",
        )
    )
    token_request, invoice_request = bank.requests
    assert b"invoiceID" not in token_request.content
    assert b"scope=payment&" in token_request.content
    assert str(invoice_request.url) == "https://api.bank.test/invoice"
    assert invoice_request.headers["authorization"] == "Bearer TOKEN_0001_SECRETVALUE"
    body = json.loads(invoice_request.content)
    assert body["shop_id"] == "04f25a4b-d2bd-4dd8-b3a7-9390be4774c4"
    assert body["invoice_id"] == "000001000042"
    assert body["amount"] == 1180.5
    assert body["currency"] == "KZT"
    assert body["language"] == "rus"
    assert body["expire_period"] == "1d"
    assert body["recipient_contact_sms"] == "+77021234567"
    assert len(body["description"].encode()) <= 125
    assert "post_link" not in body
    assert link.invoice_url.startswith("https://api.bank.test/redirect/invoice-link/")
    assert link.id == "498331aa-b69f-41ec-b9f5-8e1c3d6b5db1"
    assert link.status == "ACTIVE"
    # A link token is fresh per link, never the cached service token.
    client.create_invoice_link(InvoiceLinkRequest(invoice_id="000001000043", amount=Decimal(5)))
    assert len(bank.of("token")) == 2
    assert json.loads(bank.of("invoice")[1].content)["amount"] == 5


@pytest.mark.parametrize("phone", ["87021234567", "+7702123456", "+770212345678", "+17021234567"])
def test_invoice_link_phone_checked_locally(client: EpayClient, bank: FakeBank, phone: str) -> None:
    with pytest.raises(EpayInvalidRequest) as info:
        client.create_invoice_link(
            InvoiceLinkRequest(
                invoice_id="000001000042", amount=Decimal("100"), recipient_contact_sms=phone
            )
        )
    assert info.value.code == "phone_format"
    assert bank.requests == []


def test_invoice_link_needs_shop_id(make_client: object, bank: FakeBank) -> None:
    creds = Credentials("test", "s3cret", "67e34d63-102f-4bd1-898e-370781d0074d")
    client = make_client(credentials=creds)  # type: ignore[operator]
    with pytest.raises(EpayInvalidRequest) as info:
        client.create_invoice_link(InvoiceLinkRequest("000001000042", Decimal("100")))
    assert info.value.code == "shop_id_missing"


def test_invoice_link_refused_by_bank(client: EpayClient, bank: FakeBank) -> None:
    bank.script("invoice", json_reply(400, {"code": 1079, "message": "invalid phone"}))
    with pytest.raises(EpayRejected) as info:
        client.create_invoice_link(InvoiceLinkRequest("000001000042", Decimal("100")))
    assert info.value.bank_code == "1079"


def test_invoice_link_bad_reply(client: EpayClient, bank: FakeBank) -> None:
    from pos_app.epay.errors import EpayProtocolError

    bank.script("invoice", json_reply(200, {"id": "x", "invoice_url": "javascript:alert(1)"}))
    with pytest.raises(EpayProtocolError):
        client.create_invoice_link(InvoiceLinkRequest("000001000042", Decimal("100")))
