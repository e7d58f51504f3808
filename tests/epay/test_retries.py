"""Which failures are retried, how often, how long we wait, and what is raised at the end."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import httpx
import pytest

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.errors import (
    EpayRejected,
    EpayTimeout,
    EpayUnavailable,
)
from pos_app.epay.transport import DEFAULT_TIMEOUT

from .conftest import TX_ID, Clock, FakeBank, json_reply, raises


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"resultCode": "102"})


def test_policy_backoff() -> None:
    policy = RetryPolicy(attempts=6, base=0.35, cap=3.0)
    assert [policy.delay(n) for n in range(5)] == [0.35, 0.7, 1.4, 2.8, 3.0]
    assert policy.delay(0, retry_after=2.0) == 2.0
    assert policy.delay(0, retry_after=60.0) == 3.0
    with pytest.raises(ValueError):
        RetryPolicy(attempts=0)


def test_default_timeout_is_explicit() -> None:
    assert DEFAULT_TIMEOUT.connect == 5.0
    assert DEFAULT_TIMEOUT.read == 20.0


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408, 429])
def test_status_retries_then_succeeds(
    client: EpayClient, bank: FakeBank, clock: Clock, status: int
) -> None:
    bank.script("status", json_reply(status, {}), json_reply(status, {}), ok)
    assert client.transaction_status("000001000042").result_code == "102"
    assert len(bank.of("status")) == 3
    assert clock.sleeps == [0.35, 0.7]


@pytest.mark.parametrize("status", [503, 429])
def test_status_gives_up_after_attempts(
    client: EpayClient, bank: FakeBank, clock: Clock, status: int
) -> None:
    bank.script("status", json_reply(status, {}))
    with pytest.raises(EpayUnavailable) as info:
        client.transaction_status("000001000042")
    assert info.value.status_code == status
    assert info.value.retryable
    assert not info.value.outcome_unknown
    assert len(bank.of("status")) == 3
    assert len(clock.sleeps) == 2


def test_retry_after_header_is_honoured_up_to_cap(
    client: EpayClient, bank: FakeBank, clock: Clock
) -> None:
    bank.script("status", json_reply(429, {}, **{"Retry-After": "2"}), ok)
    client.transaction_status("000001000042")
    assert clock.sleeps == [2.0]


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError,
        httpx.ConnectTimeout,
        httpx.ReadError,
        httpx.RemoteProtocolError,
        httpx.ReadTimeout,
    ],
)
def test_status_transport_errors_retried(
    client: EpayClient, bank: FakeBank, clock: Clock, exc: type[httpx.TransportError]
) -> None:
    bank.script("status", raises(exc), ok)
    assert client.transaction_status("000001000042").result_code == "102"
    assert len(bank.of("status")) == 2
    assert clock.sleeps == [0.35]


def test_connect_error_exhausted_is_unavailable(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", raises(httpx.ConnectError))
    with pytest.raises(EpayUnavailable) as info:
        client.transaction_status("000001000042")
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(bank.of("token")) == 3
    assert bank.of("status") == []


def test_read_timeout_exhausted_is_timeout(client: EpayClient, bank: FakeBank) -> None:
    bank.script("status", raises(httpx.ReadTimeout))
    with pytest.raises(EpayTimeout) as info:
        client.transaction_status("000001000042")
    assert info.value.code == "epay_timeout"
    assert not info.value.outcome_unknown
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert len(bank.of("status")) == 3


def test_token_request_retried_after_timeout(client: EpayClient, bank: FakeBank) -> None:
    bank.script("token", raises(httpx.ReadTimeout), json_reply(200, {"access_token": "T"}))
    assert client.payment_token("000001000042", Decimal("10")).access_token == "T"
    assert len(bank.of("token")) == 2


@pytest.mark.parametrize(
    ("status", "kind"),
    [(400, "status"), (404, "status"), (409, "refund"), (400, "refund"), (422, "charge")],
)
def test_no_retry_on_other_4xx(
    client: EpayClient, bank: FakeBank, clock: Clock, status: int, kind: str
) -> None:
    bank.script(kind, json_reply(status, {"code": 1, "message": "no"}))
    with pytest.raises(EpayRejected):
        if kind == "status":
            client.transaction_status("000001000042")
        elif kind == "refund":
            client.refund(TX_ID, Decimal("10"), "R-1")
        else:
            client.charge(TX_ID)
    assert len(bank.of(kind)) == 1
    assert clock.sleeps == []


def test_no_retry_on_token_401(client: EpayClient, bank: FakeBank, clock: Clock) -> None:
    from pos_app.epay.errors import EpayAuthError

    bank.script("token", json_reply(401, {"error": "invalid_client"}))
    with pytest.raises(EpayAuthError):
        client.service_token()
    assert len(bank.of("token")) == 1
    assert clock.sleeps == []


Op = Callable[[EpayClient], None]
OPERATIONS: dict[str, Op] = {
    "refund": lambda c: c.refund(TX_ID, Decimal("100"), "R-7"),
    "charge": lambda c: c.charge(TX_ID),
    "cancel": lambda c: c.cancel(TX_ID),
}


@pytest.mark.parametrize("kind", sorted(OPERATIONS))
@pytest.mark.parametrize(
    "exc", [httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteTimeout]
)
def test_operations_not_retried_once_maybe_sent(
    client: EpayClient, bank: FakeBank, kind: str, exc: type[httpx.TransportError]
) -> None:
    bank.script(kind, raises(exc))
    with pytest.raises(EpayTimeout) as info:
        OPERATIONS[kind](client)
    assert info.value.outcome_unknown
    assert info.value.code == "epay_outcome_unknown"
    assert len(bank.of(kind)) == 1


@pytest.mark.parametrize("kind", sorted(OPERATIONS))
@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
def test_operations_retried_when_never_sent(
    client: EpayClient, bank: FakeBank, kind: str, exc: type[httpx.TransportError]
) -> None:
    bank.script(kind, raises(exc), lambda r: httpx.Response(200))
    OPERATIONS[kind](client)
    assert len(bank.of(kind)) == 2


@pytest.mark.parametrize("status", [503, 429, 408])
def test_operations_retried_on_statuses_that_mean_not_processed(
    client: EpayClient, bank: FakeBank, status: int
) -> None:
    bank.script("refund", json_reply(status, {}), lambda r: httpx.Response(200))
    OPERATIONS["refund"](client)
    assert len(bank.of("refund")) == 2


@pytest.mark.parametrize("status", [500, 502, 504])
def test_operations_not_retried_on_ambiguous_5xx(
    client: EpayClient, bank: FakeBank, status: int
) -> None:
    bank.script("refund", json_reply(status, {}))
    with pytest.raises(EpayUnavailable) as info:
        OPERATIONS["refund"](client)
    assert info.value.outcome_unknown
    assert len(bank.of("refund")) == 1


def test_operation_503_exhausted_is_not_outcome_unknown(client: EpayClient, bank: FakeBank) -> None:
    bank.script("cancel", json_reply(503, {}))
    with pytest.raises(EpayUnavailable) as info:
        OPERATIONS["cancel"](client)
    assert not info.value.outcome_unknown
    assert len(bank.of("cancel")) == 3


def test_invoice_link_not_retried_after_read_timeout(client: EpayClient, bank: FakeBank) -> None:
    from pos_app.epay.models import InvoiceLinkRequest

    bank.script("invoice", raises(httpx.ReadTimeout))
    with pytest.raises(EpayTimeout) as info:
        client.create_invoice_link(InvoiceLinkRequest("000001000042", Decimal("100")))
    assert info.value.outcome_unknown
    assert len(bank.of("invoice")) == 1


def test_single_attempt_policy(make_client: Callable[..., EpayClient], bank: FakeBank) -> None:
    client = make_client(retry=RetryPolicy(attempts=1))
    bank.script("status", json_reply(503, {}))
    with pytest.raises(EpayUnavailable):
        client.transaction_status("000001000042")
    assert len(bank.of("status")) == 1


def test_every_request_carries_the_timeout(
    make_client: Callable[..., EpayClient], bank: FakeBank
) -> None:
    timeout = httpx.Timeout(7.0, connect=1.5)
    client = make_client(timeout=timeout)
    client.transaction_status("000001000042")
    client.refund(TX_ID, Decimal("10"), "R-8")
    for request in bank.requests:
        assert request.extensions["timeout"] == timeout.as_dict()


def test_own_http_client_verifies_tls_and_does_not_follow_redirects() -> None:
    from pos_app.epay.config import TEST_MERCHANT

    from .conftest import HOSTS

    client = EpayClient(HOSTS, TEST_MERCHANT)
    try:
        http = client._http
        assert http.follow_redirects is False
        assert http.timeout == DEFAULT_TIMEOUT
    finally:
        client.close()
    assert http.is_closed


def test_redirect_is_a_protocol_error(client: EpayClient, bank: FakeBank) -> None:
    from pos_app.epay.errors import EpayProtocolError

    bank.script("status", lambda r: httpx.Response(302, headers={"location": "https://evil/"}))
    with pytest.raises(EpayProtocolError) as info:
        client.transaction_status("000001000042")
    assert info.value.code == "epay_redirect"
