"""Property tests: the parsers raise nothing but EpayProtocolError on any JSON-ish input."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.epay.errors import EpayProtocolError
from pos_app.epay.models import InvoiceLink, PaymentToken, StatusOutcome, TransactionStatus
from pos_app.epay.redact import redact

KEYS = [
    "resultCode",
    "resultMessage",
    "transaction",
    "id",
    "invoiceID",
    "amount",
    "orgAmount",
    "statusName",
    "reasonCode",
    "secure",
    "cardMask",
    "reference",
    "approvalCode",
    "terminal",
    "terminalID",
    "access_token",
    "expires_in",
    "token_type",
    "invoice_url",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
    st.sampled_from(
        [
            "100",
            "102",
            "107",
            "CHARGE",
            "AUTH",
            "454",
            "yes",
            "no",
            "12.5",
            " 100 ",
            "1e999",
            "-0",
            "٣",
        ]
    ),
)
json_ish = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children, max_size=8
        ),
    ),
    max_leaves=25,
)
status_like = st.fixed_dictionaries(
    {},
    optional={
        "resultCode": scalars,
        "resultMessage": scalars,
        "transaction": st.one_of(json_ish, st.dictionaries(st.sampled_from(KEYS), scalars)),
    },
)


def _parse_all(data: Any) -> None:
    for parse in (TransactionStatus.from_json, PaymentToken.from_json, InvoiceLink.from_json):
        try:
            result = parse(data)
        except EpayProtocolError:
            continue
        if isinstance(result, TransactionStatus):
            assert isinstance(result.outcome, StatusOutcome)
            assert result.amount is None or isinstance(result.amount, Decimal)
        if isinstance(result, PaymentToken):
            assert result.expires_in is None or result.expires_in >= 0
            repr(result)


@settings(max_examples=400, deadline=None)
@given(json_ish)
def test_any_json_ish_value(data: Any) -> None:
    _parse_all(data)


@settings(max_examples=400, deadline=None)
@given(status_like)
def test_status_shaped_dicts(data: dict[str, Any]) -> None:
    _parse_all(data)


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=300),
    st.lists(st.text(alphabet="abcXYZ0123_", min_size=1, max_size=10), max_size=3),
)
def test_redact_hides_secrets_and_respects_the_limit(text: str, secrets: list[str]) -> None:
    out = redact(text + "".join(secrets) + text, secrets, limit=80)
    assert len(out) <= 80
    for secret in secrets:
        assert secret not in out
