"""Token requests: exact form fields, types of the reply, service-token cache and renewal."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qs

import httpx
import pytest

from pos_app.epay.client import SERVICE_SCOPE, EpayClient
from pos_app.epay.config import TEST_MERCHANT
from pos_app.epay.errors import (
    EpayAuthError,
    EpayInvalidRequest,
    EpayProtocolError,
    EpayRejected,
    EpayUnavailable,
)
from pos_app.epay.models import PaymentToken

from .conftest import Clock, FakeBank, json_reply, text_reply


def form_of(request: httpx.Request) -> dict[str, str]:
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    return {k: v[0] for k, v in parse_qs(request.content.decode(), keep_blank_values=True).items()}


def test_payment_token_form_is_exact(client: EpayClient, bank: FakeBank) -> None:
    token = client.payment_token("000001000042", Decimal("1500.50"))
    (request,) = bank.of("token")
    assert request.method == "POST"
    assert str(request.url) == "https://api.bank.test/oauth2/token"
    assert form_of(request) == {
        "grant_type": "client_credentials",
        "scope": "payment",
        "client_id": "test",
        "client_secret": TEST_MERCHANT.client_secret,
        "invoiceID": "000001000042",
        "amount": "1500.5",
        "currency": "KZT",
        "terminal": TEST_MERCHANT.terminal_id,
    }
    assert "authorization" not in request.headers
    assert token.access_token == "TOKEN_0001_SECRETVALUE"
    assert token.expires_in == 7200


def test_payment_token_optional_fields(client: EpayClient, bank: FakeBank) -> None:
    client.payment_token(
        "000001000042",
        Decimal("100"),
        scope=SERVICE_SCOPE,
        post_link="https://shop.example/post",
        failure_post_link="https://shop.example/fail",
        secret_hash="h#1&x",
    )
    form = form_of(bank.of("token")[0])
    assert form["scope"] == SERVICE_SCOPE
    assert form["amount"] == "100"
    assert form["postLink"] == "https://shop.example/post"
    assert form["failurePostLink"] == "https://shop.example/fail"
    assert form["secret_hash"] == "h#1&x"


def test_raw_keeps_original_types_and_repr_hides_token(client: EpayClient, bank: FakeBank) -> None:
    body = {
        "access_token": "ABC_SECRET_TOKEN",
        "expires_in": "1200",
        "refresh_token": "",
        "scope": "payment",
        "token_type": "Bearer",
    }
    bank.script("token", json_reply(200, body))
    token = client.payment_token("000001000042", Decimal("10"))
    assert token.raw == body
    assert token.raw["expires_in"] == "1200"
    assert token.expires_in == 1200
    assert "ABC_SECRET_TOKEN" not in repr(token)
    assert "ABC_SECRET_TOKEN" not in str(token)


@pytest.mark.parametrize(
    ("invoice", "amount", "code"),
    [
        ("12345", Decimal("10"), "invoice_format"),
        ("12345a789", Decimal("10"), "invoice_format"),
        ("000001000042", Decimal("0"), "amount_not_positive"),
        ("000001000042", Decimal("-5"), "amount_not_positive"),
        ("000001000042", Decimal("1.005"), "amount_too_many_decimals"),
        ("000001000042", Decimal("NaN"), "amount_not_a_number"),
    ],
)
def test_payment_token_refused_locally(
    client: EpayClient, bank: FakeBank, invoice: str, amount: Decimal, code: str
) -> None:
    with pytest.raises(EpayInvalidRequest) as info:
        client.payment_token(invoice, amount)
    assert info.value.code == code
    assert bank.requests == []


def test_service_token_form_has_no_invoice_fields(client: EpayClient, bank: FakeBank) -> None:
    client.service_token()
    assert form_of(bank.of("token")[0]) == {
        "grant_type": "client_credentials",
        "scope": SERVICE_SCOPE,
        "client_id": "test",
        "client_secret": TEST_MERCHANT.client_secret,
        "terminal": TEST_MERCHANT.terminal_id,
    }


def test_service_token_cached_until_60s_before_expiry(
    client: EpayClient, bank: FakeBank, clock: Clock
) -> None:
    first = client.service_token()
    clock.now += 7200 - 61
    assert client.service_token() is first
    clock.now += 2
    second = client.service_token()
    assert second.access_token != first.access_token
    assert len(bank.of("token")) == 2


def test_short_lived_service_token_is_not_cached(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", json_reply(200, {"access_token": "T", "expires_in": 30}))
    client.service_token()
    client.service_token()
    assert len(bank.of("token")) == 2


def test_401_on_status_renews_the_service_token_once(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", json_reply(401, {}), json_reply(200, {"resultCode": "102"}))
    status = client.transaction_status("000001000042")
    assert status.result_code == "102"
    tokens = [r.headers["authorization"] for r in bank.of("status")]
    assert tokens == ["Bearer TOKEN_0001_SECRETVALUE", "Bearer TOKEN_0002_SECRETVALUE"]
    # The renewed token is cached again.
    client.transaction_status("000001000042")
    assert len(bank.of("token")) == 2


def test_second_401_is_an_auth_error(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", json_reply(401, {}))
    with pytest.raises(EpayAuthError) as info:
        client.transaction_status("000001000042")
    assert info.value.status_code == 401
    assert len(bank.of("status")) == 2
    assert len(bank.of("token")) == 2


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials(client: EpayClient, bank: FakeBank, status: int) -> None:
    bank.script("token", json_reply(status, {"error": "invalid_client"}))
    with pytest.raises(EpayAuthError) as info:
        client.payment_token("000001000042", Decimal("10"))
    assert info.value.code == "epay_auth"
    assert not info.value.retryable
    assert len(bank.of("token")) == 1


def test_token_400_invalid_client_is_auth_other_400_is_rejected(
    client: EpayClient, bank: FakeBank
) -> None:
    bank.script("token", json_reply(400, {"error": "invalid_client"}))
    with pytest.raises(EpayAuthError):
        client.service_token()
    bank.script(
        "token",
        json_reply(
            400,
            {"error": "invalid_request", "error_description": "invoiceID must be 6 to 15 digits"},
        ),
    )
    with pytest.raises(EpayRejected) as info:
        client.payment_token("000001000042", Decimal("10"))
    assert info.value.code == "epay_token_refused"
    assert len(bank.of("token")) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"expires_in": 7200},
        {"access_token": "", "expires_in": 7200},
        {"access_token": 5, "expires_in": 7200},
        {"access_token": "T", "expires_in": "soon"},
        {"access_token": "T", "expires_in": True},
        {"access_token": "T", "expires_in": -1},
        {"access_token": "T", "token_type": "MAC"},
        ["access_token"],
    ],
)
def test_bad_token_bodies_are_protocol_errors(
    client: EpayClient, bank: FakeBank, body: object
) -> None:
    bank.script("token", json_reply(200, body))
    with pytest.raises(EpayProtocolError):
        client.payment_token("000001000042", Decimal("10"))


def test_token_html_and_malformed(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", text_reply(200, "<html><body>Maintenance</body></html>", "text/html"))
    with pytest.raises(EpayProtocolError) as info:
        client.service_token()
    assert info.value.code == "epay_html"
    bank.script("token", text_reply(200, '{"access_token": "T", '))
    with pytest.raises(EpayProtocolError):
        client.service_token()


def test_token_502_html_page_is_unavailable(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", text_reply(502, "<html>Bad Gateway</html>", "text/html"))
    with pytest.raises(EpayUnavailable) as info:
        client.service_token()
    assert str(info.value) == "HTTP 502 from the token endpoint."
    assert len(bank.of("token")) == 3


def test_bearer_token_type_case_insensitive() -> None:
    token = PaymentToken.from_json(
        {"access_token": "T", "token_type": "bearer", "expires_in": "43199"}
    )
    assert token.expires_in == 43199
    assert PaymentToken.from_json({"access_token": "T"}).expires_in is None


def test_service_token_fetched_once_under_concurrency(client: EpayClient, bank: FakeBank) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(lambda _: client.service_token().access_token, range(32)))
    assert set(tokens) == {"TOKEN_0001_SECRETVALUE"}
    assert len(bank.of("token")) == 1


def test_malformed_json_keeps_its_cause(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", text_reply(200, '{"access_token": '))
    with pytest.raises(EpayProtocolError) as info:
        client.service_token()
    assert isinstance(info.value.__cause__, ValueError)
