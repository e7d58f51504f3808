"""The edges of epay/status.py that mutants survived (scripts/mutation): empty fields, the
``secure`` spellings, the digit limits, and the error each refusal carries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.epay.errors import EpayInvalidRequest, EpayProtocolError
from pos_app.epay.status import TransactionStatus, check_wire_amount


def _reply(**tx: object) -> dict[str, object]:
    return {"resultCode": "100", "transaction": {"id": "t1", "statusName": "CHARGE", **tx}}


def test_empty_or_missing_amount_and_secure_are_absent_not_errors() -> None:
    for value in (None, ""):
        status = TransactionStatus.from_json(_reply(amount=value, orgAmount=value, secure=value))
        assert status.amount is None and status.org_amount is None and status.secure is None


@pytest.mark.parametrize(("value", "secure"), [
    ("yes", True), ("true", True), (" TRUE ", True), ("no", False), ("false", False),
    ("False", False), (True, True), (False, False),
])
def test_every_spelling_of_secure(value: object, secure: bool) -> None:
    assert TransactionStatus.from_json(_reply(secure=value)).secure is secure


def test_a_wrong_secure_is_a_protocol_error() -> None:
    with pytest.raises(EpayProtocolError, match="secure"):
        TransactionStatus.from_json(_reply(secure="maybe"))


def test_result_code_digit_limit() -> None:
    assert TransactionStatus.from_json(
        {**_reply(), "resultCode": "000000000100"}).result_code == "100"  # 12 digits: read
    with pytest.raises(EpayProtocolError, match="resultCode"):
        TransactionStatus.from_json({**_reply(), "resultCode": "0000000000100"})  # 13: refused


def test_a_result_code_of_the_wrong_type_names_the_field() -> None:
    with pytest.raises(EpayProtocolError, match="The field resultCode has an unexpected type"):
        TransactionStatus.from_json({**_reply(), "resultCode": [100]})


def test_wire_amount_limits_and_their_errors() -> None:
    assert check_wire_amount(Decimal("999999999999.99")) == Decimal("999999999999.99")
    assert check_wire_amount(Decimal("1000000000000")) == Decimal("1000000000000")  # 10**12
    with pytest.raises(EpayInvalidRequest, match="too large") as big:
        check_wire_amount(Decimal("1e13"))
    assert big.value.code == "amount_too_large"
    with pytest.raises(EpayInvalidRequest, match="at most two digits after the comma") as cents:
        check_wire_amount(Decimal("1.001"))
    assert cents.value.code == "amount_too_many_decimals"


@pytest.mark.parametrize(("amount", "code", "words"), [
    (1.5, "amount_not_a_number", "not a number"),
    (Decimal("NaN"), "amount_not_a_number", "not a number"),
    (Decimal("Infinity"), "amount_not_a_number", "not a number"),
    (Decimal("0"), "amount_not_positive", "more than zero"),
    (Decimal("-5"), "amount_not_positive", "more than zero"),
])
def test_wire_amount_refusals_carry_code_and_words(amount: object, code: str,
                                                   words: str) -> None:
    with pytest.raises(EpayInvalidRequest, match=words) as info:
        check_wire_amount(amount)
    assert info.value.code == code


def test_wire_amount_minimum_is_inclusive() -> None:
    assert check_wire_amount(Decimal("1")) == Decimal("1")
    assert check_wire_amount(Decimal("0.01")) == Decimal("0.01")
    assert check_wire_amount(Decimal("10"), minimum=Decimal("10")) == Decimal("10")
    with pytest.raises(EpayInvalidRequest, match="at least 10 tenge") as info:
        check_wire_amount(Decimal("9.99"), minimum=Decimal("10"))
    assert info.value.code == "amount_below_minimum"


def test_a_reply_without_transaction_keeps_its_message() -> None:
    status = TransactionStatus.from_json({"resultCode": 102, "resultMessage": "Invoice not found"})
    assert (status.result_code, status.result_message) == ("102", "Invoice not found")
    with pytest.raises(EpayProtocolError, match="The field resultMessage has an unexpected type"):
        TransactionStatus.from_json({"resultCode": "102", "resultMessage": ["x"]})


def test_a_full_reply_keeps_its_message_and_names_bad_fields() -> None:
    assert TransactionStatus.from_json(
        {**_reply(), "resultMessage": "SUCCESS"}).result_message == "SUCCESS"
    with pytest.raises(EpayProtocolError, match=r"^The field resultMessage has an unexpected"):
        TransactionStatus.from_json({**_reply(), "resultMessage": {"x": 1}})
    for field in ("amount", "orgAmount"):
        with pytest.raises(EpayProtocolError, match=f"^The field {field} is not an amount"):
            TransactionStatus.from_json(_reply(**{field: "12,3x"}))


def test_the_cents_refusal_says_so_exactly() -> None:
    with pytest.raises(EpayInvalidRequest,
                       match=r"^The amount can have at most two digits after the comma\.$"):
        check_wire_amount(Decimal("0.001"))


def test_a_not_final_reply_keeps_its_transaction() -> None:
    status = TransactionStatus.from_json(
        {"resultCode": "107", "transaction": {"id": "t7", "statusName": "NEW"}})
    assert (status.transaction_id, status.status_name) == ("t7", "NEW")
    empty = TransactionStatus.from_json({"resultCode": "102", "transaction": {}})
    assert (empty.result_code, empty.transaction_id) == ("102", "")


def test_a_success_with_an_empty_transaction_is_refused_for_what_it_lacks() -> None:
    with pytest.raises(EpayProtocolError,
                       match=r"^The status reply lacks the transaction id or statusName\.$"):
        TransactionStatus.from_json({"resultCode": "100", "transaction": {}})
    with pytest.raises(EpayProtocolError, match=r"^The status reply has no transaction\.$"):
        TransactionStatus.from_json({"resultCode": "100"})


def test_a_text_field_of_the_wrong_type_is_named() -> None:
    with pytest.raises(EpayProtocolError, match=r"^The field cardMask has an unexpected type"):
        TransactionStatus.from_json(_reply(cardMask=["440563"]))
