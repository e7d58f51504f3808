"""Transaction status: the request, every documented type variant, and broken replies."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from pos_app.epay.client import EpayClient
from pos_app.epay.errors import EpayInvalidRequest, EpayProtocolError, EpayRejected
from pos_app.epay.models import StatusOutcome, TransactionStatus

from .conftest import CHARGED, TX_ID, FakeBank, json_reply, text_reply


def reply_with(**tx: Any) -> dict[str, Any]:
    body = copy.deepcopy(CHARGED)
    body["transaction"].update(tx)
    return body


def test_request_and_parse(client: EpayClient, bank: FakeBank) -> None:
    status = client.transaction_status("000001000042")
    (request,) = bank.of("status")
    assert request.method == "GET"
    assert str(request.url) == (
        "https://api.bank.test/check-status/payment/transaction/000001000042"
    )
    assert request.headers["authorization"] == "Bearer TOKEN_0001_SECRETVALUE"
    assert status.outcome is StatusOutcome.PAID
    assert status.transaction_id == TX_ID
    assert status.amount == Decimal("12.22")
    assert isinstance(status.amount, Decimal)
    assert status.org_amount == Decimal("22.22")
    assert status.card_mask == "440563******5096"
    assert status.reference == "123456789012"
    assert status.approval_code == "170243"
    assert status.reason_code == "0"
    assert status.status_name == "CHARGE"
    assert status.secure is True
    assert status.terminal == "98120001"


def test_service_token_is_reused_across_calls(client: EpayClient, bank: FakeBank) -> None:
    for _ in range(3):
        client.transaction_status("000001000042")
    assert len(bank.of("token")) == 1


@pytest.mark.parametrize("code", ["100", 100, " 100 "])
def test_result_code_string_or_int(code: object) -> None:
    body = reply_with()
    body["resultCode"] = code
    assert TransactionStatus.from_json(body).outcome is StatusOutcome.PAID


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("12.22"), Decimal("12.22")),
        ("12.22", Decimal("12.22")),
        (100, Decimal("100")),
        (0.1, Decimal("0.1")),
    ],
)
def test_amount_number_or_string(amount: object, expected: Decimal) -> None:
    assert TransactionStatus.from_json(reply_with(amount=amount)).amount == expected


@pytest.mark.parametrize(
    ("secure", "expected"),
    [(True, True), (False, False), ("yes", True), ("no", False), ("YES", True), (None, None)],
)
def test_secure_variants(secure: object, expected: bool | None) -> None:
    assert TransactionStatus.from_json(reply_with(secure=secure)).secure is expected


@pytest.mark.parametrize("reason", [465, "465"])
def test_reason_code_int_or_string(reason: object) -> None:
    st = TransactionStatus.from_json(reply_with(statusName="REJECT", reasonCode=reason))
    assert st.reason_code == "465"
    assert st.outcome is StatusOutcome.DECLINED


@pytest.mark.parametrize(
    ("result", "name", "reason", "outcome"),
    [
        ("102", None, None, StatusOutcome.NOT_FOUND),
        ("107", None, None, StatusOutcome.IN_PROGRESS),
        ("100", "NEW", "", StatusOutcome.IN_PROGRESS),
        ("100", "CHARGE", "0", StatusOutcome.PAID),
        ("100", "AUTH", "0", StatusOutcome.AUTHORIZED),
        ("100", "REJECT", "465", StatusOutcome.DECLINED),
        ("100", "FAILED", "461", StatusOutcome.DECLINED),
        ("100", "3D", "473", StatusOutcome.DECLINED),
        ("100", "REJECT", "454", StatusOutcome.IN_PROGRESS),
        ("100", "FAILED", 454, StatusOutcome.IN_PROGRESS),
        ("100", "CHARGE", "454", StatusOutcome.PAID),
        ("101", None, None, StatusOutcome.DECLINED),
        ("100", "CANCEL", "0", StatusOutcome.CANCELLED),
        ("100", "CANCEL_OLD", "0", StatusOutcome.CANCELLED),
        ("100", "REFUND", "0", StatusOutcome.REFUNDED),
        ("104", None, None, StatusOutcome.CONFIG_ERROR),
        ("106", None, None, StatusOutcome.CONFIG_ERROR),
        ("109", None, None, StatusOutcome.CONFIG_ERROR),
        ("103", None, None, StatusOutcome.FAILED_RETRY),
        ("100", "VERIFIED", "0", StatusOutcome.UNKNOWN_STATUS),
        ("100", "FINGERPRINT", "0", StatusOutcome.UNKNOWN_STATUS),
        ("100", "SOMETHING_NEW", "0", StatusOutcome.UNKNOWN_STATUS),
        ("105", None, None, StatusOutcome.UNKNOWN_STATUS),
    ],
)
def test_outcomes(result: str, name: str | None, reason: object, outcome: StatusOutcome) -> None:
    if name is None:
        body: dict[str, Any] = {"resultCode": result, "resultMessage": "..."}
    else:
        body = reply_with(statusName=name, reasonCode=reason)
        body["resultCode"] = result
    assert TransactionStatus.from_json(body).outcome is outcome


def test_400_with_status_json_is_an_answer(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", json_reply(400, {"resultCode": 102, "resultMessage": "not found"}))
    assert client.transaction_status("000001000042").outcome is StatusOutcome.NOT_FOUND
    assert len(bank.of("status")) == 1


def test_400_with_error_json_is_rejected(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", json_reply(400, {"code": 100, "message": "bad request"}))
    with pytest.raises(EpayRejected) as info:
        client.transaction_status("000001000042")
    assert info.value.bank_code == "100"
    assert info.value.bank_message == "bad request"
    assert len(bank.of("status")) == 1


def test_404_is_rejected_without_retry(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", text_reply(404, "<html>Not Found</html>", "text/html"))
    with pytest.raises(EpayRejected) as info:
        client.transaction_status("000001000042")
    assert info.value.code == "epay_not_found"
    assert len(bank.of("status")) == 1


@pytest.mark.parametrize(
    ("text", "ctype", "code"),
    [
        ("<!DOCTYPE html><html><body>Gateway</body></html>", "text/html", "epay_html"),
        ("<html>oops</html>", "application/json", "epay_html"),
        ('{"resultCode": "100", "transaction": {', "application/json", "epay_protocol"),
        ("", "application/json", "epay_protocol"),
        ("NaN-ish garbage", "text/plain", "epay_protocol"),
    ],
)
def test_unreadable_bodies(
    client: EpayClient, bank: FakeBank, text: str, ctype: str, code: str
) -> None:
    bank.script("status", text_reply(200, text, ctype))
    with pytest.raises(EpayProtocolError) as info:
        client.transaction_status("000001000042")
    assert info.value.code == code
    assert not info.value.for_cashier
    assert len(bank.of("status")) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"resultMessage": "SUCCESS"},
        {"resultCode": "abc"},
        {"resultCode": True},
        {"resultCode": None},
        {"resultCode": "100"},
        {"resultCode": "100", "transaction": "CHARGE"},
        {"resultCode": "100", "transaction": {"statusName": "CHARGE"}},
        {"resultCode": "100", "transaction": {"id": TX_ID}},
        reply_with(amount="twelve"),
        reply_with(amount=True),
        reply_with(amount=[1]),
        reply_with(secure="maybe"),
        reply_with(statusName=7.5),
        reply_with(id={"x": 1}),
        [CHARGED],
        "CHARGE",
    ],
)
def test_missing_or_ill_typed_fields(client: EpayClient, bank: FakeBank, body: object) -> None:
    bank.script("status", json_reply(200, body))
    with pytest.raises(EpayProtocolError):
        client.transaction_status("000001000042")


@pytest.mark.parametrize("invoice", ["", "../../etc", "12 34", "1" * 65, "abc/def"])
def test_invoice_id_that_would_change_the_path(
    client: EpayClient, bank: FakeBank, invoice: str
) -> None:
    with pytest.raises(EpayInvalidRequest):
        client.transaction_status(invoice)
    assert bank.requests == []
