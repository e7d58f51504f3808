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
