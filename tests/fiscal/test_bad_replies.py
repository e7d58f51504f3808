"""Bad register replies (httpx.MockTransport and the emulator's raw faults): outcomes, not
only exception types. A write that may have registered is OutcomeUnknown; a read that could
not be read is TemporarilyUnavailable; nothing leaks a secret."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.fiscal.errors import (
    AuthRejected,
    ConfigError,
    FiscalError,
    OutcomeUnknown,
    TemporarilyUnavailable,
)
from pos_app.fiscal.receipt import TaxPolicy, receipt_for_amount
from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient, WebkassaCredentials
from pos_app.training.webkassa import WebkassaEmulator
from tests.fiscal.conftest import make_adapter

SECRETS = WebkassaCredentials("WKD-SECRET-KEY", "cashier@x.kz", "pass-SECRET")
SALE = receipt_for_amount(Decimal("10.00"), "Товар", TaxPolicy(16))


def _adapter(check_reply: httpx.Response, alt: str = "") -> WebkassaAdapter:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/Authorize"):
            return httpx.Response(200, json={"Data": {"Token": "a" * 32}})
        response = check_reply
        if alt and request.url.host == "kkm.invalid":
            return httpx.Response(200, json={"Errors": [{"Code": 505, "Text": "x"}]},
                                  headers={"AlternativeDomainNames": alt})
        return response

    client = WebkassaClient("https://kkm.invalid", SECRETS,
                            http=httpx.Client(transport=httpx.MockTransport(handler)))
    return WebkassaAdapter(client, "SWK1")


@pytest.mark.parametrize("reply, error", [
    (httpx.Response(200, text="<html><body>Bad Gateway</body></html>"), OutcomeUnknown),
    (httpx.Response(502, text="<html>502</html>"), OutcomeUnknown),
    (httpx.Response(500, json={"message": "oops"}), OutcomeUnknown),
    (httpx.Response(200, text='{"Data": {"CheckNumber": '), OutcomeUnknown),
    (httpx.Response(200, json={"Data": {}}), OutcomeUnknown),
    (httpx.Response(200, json={"Data": None}), OutcomeUnknown),
    (httpx.Response(200, json={"Errors": [{"Code": 777, "Text": "new"}]}), OutcomeUnknown),
    (httpx.Response(200, json={"Errors": [{"Code": -1, "Text": "?"}]}), OutcomeUnknown),
    (httpx.Response(200, json={"Errors": [{"Code": "9"}]}), OutcomeUnknown),
    (httpx.Response(200, json={"Errors": ["x"]}), OutcomeUnknown),
    (httpx.Response(200, text='{"Data": {"CheckNumber": 1' + "0" * 5000 + "}}"), OutcomeUnknown),
    (httpx.Response(401, text=""), AuthRejected),
    (httpx.Response(404, text="not found"), ConfigError),
])
def test_a_bad_check_reply_is_classified(reply: httpx.Response, error: type[FiscalError]) -> None:
    adapter = _adapter(reply)
    with pytest.raises(error) as info:
        adapter.send(adapter.prepare(SALE, "pos-S-1"))
    for secret in ("SECRET", "a" * 32):
        assert secret not in str(info.value) and secret not in repr(info.value)


def test_huge_numbers_in_a_good_reply_stay_exact() -> None:
    adapter = _adapter(httpx.Response(200, text=(
        '{"Data": {"CheckNumber": "1", "Total": 999999999999999999999.99, "ShiftNumber": '
        '99999999999999999999999, "CheckOrderNumber": 1e400}}')))
    result = adapter.send(adapter.prepare(SALE, "pos-S-1"))
    assert result.total == Decimal("999999999999999999999.99")
    assert result.shift_number == 99999999999999999999999
    assert result.order_number == 0  # not an integer: ignored, never a float


def test_a_non_https_alternative_host_is_never_used() -> None:
    adapter = _adapter(httpx.Response(200, json={"Data": {"CheckNumber": "7"}}),
                       alt="http://evil.invalid, ftp://x.invalid")
    with pytest.raises(TemporarilyUnavailable):
        adapter.send(adapter.prepare(SALE, "pos-S-1"))
    good = _adapter(httpx.Response(200, json={"Data": {"CheckNumber": "7"}}),
                    alt="backup.invalid")
    assert good.send(good.prepare(SALE, "pos-S-1")).fiscal_number == "7"


def test_lookup_with_an_unreadable_history_is_not_a_miss() -> None:
    adapter = _adapter(httpx.Response(200, json={"Data": {"Shifts": "x"}}))
    with pytest.raises(OutcomeUnknown):
        adapter.find_by_key("pos-S-1")


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                              lambda c: st.lists(c, max_size=3)
                              | st.dictionaries(st.sampled_from(["Data", "Errors", "Code",
                                                                 "CheckNumber", "Text"]),
                                                c, max_size=3),
                              max_leaves=10).map(lambda v: __import__("json").dumps(v))))
def test_fuzzed_replies_never_crash_and_never_claim_failure(body: str) -> None:
    """Whatever comes back: a result, or a FiscalError; never 'definitely not registered'
    unless the register said so with a known code."""
    adapter = _adapter(httpx.Response(200, text=body))
    try:
        adapter.send(adapter.prepare(SALE, "pos-S-1"))
    except FiscalError as exc:
        if exc.registered is False:
            assert exc.register_code is not None


@pytest.mark.parametrize("kind", ["http_500", "html", "malformed", "drop_before"])
def test_emulator_faults_on_check_are_unknown(wk: WebkassaEmulator, kind: str) -> None:
    adapter = make_adapter(wk)
    adapter.status()
    wk.add_fault("check", kind)
    with pytest.raises(OutcomeUnknown):
        adapter.send(adapter.prepare(SALE, "pos-S-000000000001"))
    assert wk.register.registrations == 0
    assert adapter.send(adapter.prepare(SALE, "pos-S-000000000001")).fiscal_number


def test_emulator_raw_reply(wk: WebkassaEmulator) -> None:
    adapter = make_adapter(wk)
    adapter.status()
    wk.add_fault("check", "raw", status=200, body='{"Errors": [{"Code": 1013, "Text": "x"}]}')
    with pytest.raises(ConfigError):
        adapter.send(adapter.prepare(SALE, "pos-S-000000000002"))
