"""hypothesis fuzzing of everything that parses data from outside the till.

Each target must either return a value or raise its one documented error type, never anything
else: typed amounts (:class:`AmountError`), settings files (never raise; unreadable values are
reset with a warning), bridge messages from the checkout page (rejected with a reason, never an
exception), ePay's token, status and invoice-link replies with any status code and body
(:class:`EpayError`), refund/charge replies, and the payform ``params`` the emulator decodes
(:class:`CodecError`; the till itself parses no postLink). Every example is counted.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.domain.errors import AmountError
from pos_app.domain.money import parse_amount
from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.epay.errors import EpayError
from pos_app.epay.models import InvoiceLinkRequest
from pos_app.store import settings as settings_store
from pos_app.store.settings import Settings
from pos_app.training.codec import CodecError, decode_params, pack
from tests.fuzz.conftest import count

HOSTS = training_hosts("https://api.bank.test", "https://form.bank.test")
EXAMPLES = 300

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=20), st.sampled_from(["100", "102", "107", "CHARGE", "AUTH", "REFUND", "",
                                           "1e309", "-5", "12.345", "7200", "yes", "NaN"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)
STATUS_KEYS = ["resultCode", "resultMessage", "transaction"]
TX_KEYS = ["id", "invoiceID", "amount", "orgAmount", "statusName", "reasonCode", "secure",
           "cardMask", "reference", "approvalCode", "currency", "terminal", "createdDate"]
TOKEN_KEYS = ["access_token", "expires_in", "token_type", "scope", "refresh_token"]
LINK_KEYS = ["id", "invoice_url", "invoice_id", "expire_date", "amount", "status", "code"]


def shaped(keys: list[str], nested: dict[str, list[str]] | None = None) -> st.SearchStrategy[Any]:
    """Objects with the real keys (and nested objects) holding arbitrary values."""
    nested = nested or {}
    values: dict[str, st.SearchStrategy[Any]] = {
        k: (shaped(nested[k]) | json_values) if k in nested else json_values for k in keys
    }
    return st.fixed_dictionaries({}, optional=values)


bodies = st.one_of(
    json_values.map(json.dumps),
    shaped(STATUS_KEYS, {"transaction": TX_KEYS}).map(json.dumps),
    shaped(TOKEN_KEYS).map(json.dumps),
    shaped(LINK_KEYS).map(json.dumps),
    st.text(max_size=60),
    st.sampled_from(["", "<html><body>502</body></html>", '{"resultCode": "100", "transaction": {',
                     "[" * 5000, "null", '{"code": 104, "message": "x"}']),
)
statuses = st.sampled_from([200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 408, 409, 429,
                            500, 502, 503, 504])
ctypes = st.sampled_from(["application/json", "text/html", "text/plain", ""])


def client_answering(status: int, body: str, ctype: str) -> EpayClient:
    def reply(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": ctype} if ctype else {}
        return httpx.Response(status, content=body.encode(), headers=headers)

    http = httpx.Client(transport=httpx.MockTransport(reply))
    return EpayClient(HOSTS, TEST_MERCHANT, http=http, retry=RetryPolicy(attempts=1),
                      sleep=lambda _s: None)


FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(st.one_of(st.text(max_size=30),
                 st.from_regex(r"\s*-?[0-9 \u00a0']{0,16}([.,][0-9]{0,4})?\s*", fullmatch=True)))
def test_amounts(text: str) -> None:
    count("amount")
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert isinstance(value, Decimal) and value > 0 and value == value.quantize(Decimal("0.01"))


@FUZZ
@given(st.dictionaries(
    st.sampled_from([*(f.name for f in __import__("dataclasses").fields(Settings)), "x", "secret"]),
    json_values, max_size=8))
def test_settings_values(data: dict[str, Any]) -> None:
    count("settings from_json")
    loaded = settings_store.from_json(data)
    assert isinstance(loaded, Settings)
    assert isinstance(loaded.validate(), dict)  # reports problems, never raises


@FUZZ
@given(st.binary(max_size=200) | json_values.map(lambda v: json.dumps(v).encode()))
def test_settings_file(tmp_path: Path, raw: bytes) -> None:
    count("settings file")
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    assert isinstance(settings_store.load(path), Settings)


@pytest.fixture(scope="module")
def bridge() -> Any:
    from pos_app.ui.checkout.web.bridge import Bridge

    return Bridge()


@FUZZ
@given(st.one_of(
    st.text(max_size=80),
    st.fixed_dictionaries({}, optional={
        "type": st.sampled_from(["ready", "form_loaded", "result", "script_error", "x"])
        | json_values,
        "invoiceId": st.sampled_from(["000001", "000002"]) | json_values,
        "success": json_values, "detail": json_values, "extra": json_values,
    }).map(json.dumps),
    json_values.map(json.dumps),
), st.sampled_from([None, "000001"]))
def test_bridge_messages(bridge: Any, message: str, invoice: str | None) -> None:
    count("bridge message")
    bridge.expect(invoice)
    rejected: list[str] = []
    bridge.rejected.connect(rejected.append)
    try:
        bridge.post(message)  # never raises
    finally:
        bridge.rejected.disconnect(rejected.append)
    assert all(isinstance(r, str) and r for r in rejected)


@FUZZ
@given(statuses, bodies, ctypes)
def test_token_replies(status: int, body: str, ctype: str) -> None:
    count("token reply")
    with client_answering(status, body, ctype) as client:
        try:
            token = client.payment_token("000001", Decimal("1500"))
        except EpayError:
            return
        assert token.access_token


@FUZZ
@given(statuses, bodies, ctypes)
def test_status_replies(status: int, body: str, ctype: str) -> None:
    count("status reply")
    token = json.dumps({"access_token": "SERVICE", "expires_in": 7200, "token_type": "Bearer"})

    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, content=token.encode())
        return httpx.Response(status, content=body.encode(),
                              headers={"content-type": ctype} if ctype else {})

    http = httpx.Client(transport=httpx.MockTransport(reply))
    with EpayClient(HOSTS, TEST_MERCHANT, http=http, retry=RetryPolicy(attempts=1)) as client:
        try:
            answer = client.transaction_status("000001")
        except EpayError:
            return
        assert answer.outcome is not None and isinstance(answer.result_code, str)


@FUZZ
@given(statuses, bodies, ctypes, st.sampled_from(["link", "refund", "charge"]))
def test_invoice_link_and_operation_replies(status: int, body: str, ctype: str, call: str) -> None:
    count(f"{'invoice-link' if call == 'link' else 'operation'} reply")
    token = json.dumps({"access_token": "T0KEN", "expires_in": 7200, "token_type": "Bearer"})

    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, content=token.encode())
        return httpx.Response(status, content=body.encode(),
                              headers={"content-type": ctype} if ctype else {})

    http = httpx.Client(transport=httpx.MockTransport(reply))
    with EpayClient(HOSTS, TEST_MERCHANT, http=http, retry=RetryPolicy(attempts=1)) as client:
        try:
            if call == "link":
                link = client.create_invoice_link(InvoiceLinkRequest("000001", Decimal("10")))
                assert link.invoice_url
            elif call == "refund":
                client.refund("af2089fe-43b1", Decimal("10"), "r1")
            else:
                client.charge("af2089fe-43b1")
        except EpayError:
            return


@FUZZ
@given(st.one_of(
    st.text(max_size=60),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$",
            max_size=80),
    st.dictionaries(st.text(max_size=10), st.text(max_size=20) | st.dictionaries(
        st.text(max_size=6), st.text(max_size=10), max_size=3), max_size=5).map(pack),
))
def test_payform_params(packed: str) -> None:
    count("payform params / postLink codec")
    try:
        params = decode_params(packed)
    except CodecError:
        return
    assert isinstance(params, dict)
