"""The edges of epay/transport.py that mutants survived (scripts/mutation, issue 14 C.7): the
error each transport failure becomes (type, code, sentence), the log line of a failure, and
how an HTML page is told from JSON. ``httpx.MockTransport`` stands in for the bank here; the
emulator drives the same code in tests/faults/test_matrix.py."""

from __future__ import annotations

import logging
from decimal import Decimal

import httpx
import pytest

from pos_app.epay.errors import (
    EpayError,
    EpayProtocolError,
    EpayTimeout,
    EpayUnavailable,
)
from pos_app.epay.transport import (
    DEFAULT_TIMEOUT,
    Requester,
    RetryPolicy,
    decode_json,
    raise_for_status,
)

WHAT = "the status API"
URL = "https://epay.example.kz/operation/tx-1/refund"


def _requester(handler: httpx.MockTransport) -> Requester:
    return Requester(httpx.Client(transport=handler), timeout=DEFAULT_TIMEOUT,
                     retry=RetryPolicy(attempts=1), sleep=lambda _s: None,
                     clock=lambda: 0.0, secrets=lambda: ())


@pytest.mark.parametrize(("exc", "safe", "kind", "code", "sentence"), [
    (httpx.ReadTimeout("t"), False, EpayTimeout, "epay_outcome_unknown",
     f"The connection to {WHAT} broke before an answer; the result is unknown."),
    (httpx.ReadTimeout("t"), True, EpayTimeout, "epay_timeout", f"No answer from {WHAT} in time."),
    (httpx.ConnectError("c"), False, EpayUnavailable, "epay_unavailable",
     f"Cannot connect to {WHAT}."),
    (httpx.UnsupportedProtocol("u"), True, EpayProtocolError, "epay_bad_url",
     f"The configured URL of {WHAT} is not usable."),
    (httpx.TooManyRedirects("r"), True, EpayProtocolError, "epay_protocol",
     f"Unexpected HTTP failure talking to {WHAT}."),
])
def test_each_failure_becomes_its_error(exc: httpx.HTTPError, safe: bool, kind: type[EpayError],
                                        code: str, sentence: str) -> None:
    def broken(request: httpx.Request) -> httpx.Response:
        raise exc

    with pytest.raises(kind) as info:
        _requester(httpx.MockTransport(broken)).send("GET", URL, what=WHAT, safe=safe)
    assert (info.value.code, str(info.value), info.value.message) == (code, sentence, sentence)


def test_a_failure_is_logged_with_its_id(caplog: pytest.LogCaptureFixture) -> None:
    requester = _requester(httpx.MockTransport(lambda r: httpx.Response(200)))
    error = EpayUnavailable("HTTP 503 from the refund API.", error_id="0badc0de")
    with caplog.at_level(logging.WARNING, logger="pos_app.epay"):
        assert requester.fail(error, "POST", URL) is error
    assert [r.getMessage() for r in caplog.records] == [
        "POST /operation/tx-1/refund: epay_unavailable HTTP 503 from the refund API."
        " [error_id=0badc0de]"]


@pytest.mark.parametrize(("headers", "body"), [
    ({"content-type": "text/html; charset=utf-8"}, "Service Unavailable"),  # no "<" at all
    ({"content-type": "application/json"}, "\n  <html><body>502</body></html>"),
])
def test_an_html_page_is_not_json(headers: dict[str, str], body: str) -> None:
    response = httpx.Response(502, headers=headers, text=body)
    with pytest.raises(EpayProtocolError) as info:
        decode_json(response, WHAT)
    assert (info.value.code, info.value.status_code) == ("epay_html", 502)
    assert str(info.value) == f"HTTP 502 from {WHAT} is an HTML page, not JSON."


def test_json_without_a_content_type_is_read() -> None:
    response = httpx.Response(200, content=b' {"resultCode": "100"}')
    assert "content-type" not in response.headers
    assert decode_json(response, WHAT) == {"resultCode": "100"}


class _Clock:
    """Each reading is 1.5 s after the one before."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.5
        return self.now


def test_each_exchange_is_logged_with_its_time(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[httpx.Request] = []
    sleeps: list[float] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 3:
            raise httpx.ConnectError("refused")
        return httpx.Response(200, json={})

    requester = Requester(httpx.Client(transport=httpx.MockTransport(flaky)),
                          timeout=DEFAULT_TIMEOUT, retry=RetryPolicy(attempts=3),
                          sleep=sleeps.append, clock=_Clock(), secrets=lambda: ())
    with caplog.at_level(logging.INFO, logger="pos_app.epay"):
        assert requester.send("GET", URL, what=WHAT, safe=True).status_code == 200
    assert sleeps == [0.35, 0.7]
    assert [r.getMessage() for r in caplog.records] == [
        "GET /operation/tx-1/refund failed after 1500 ms (ConnectError), retrying",
        "GET /operation/tx-1/refund failed after 1500 ms (ConnectError), retrying",
        "GET /operation/tx-1/refund -> 200 in 1500 ms",
    ]
    assert [r.levelno for r in caplog.records] == [logging.WARNING, logging.WARNING, logging.INFO]


def test_the_last_failure_is_logged_with_its_error(caplog: pytest.LogCaptureFixture) -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    requester = Requester(httpx.Client(transport=httpx.MockTransport(refused)),
                          timeout=DEFAULT_TIMEOUT, retry=RetryPolicy(attempts=2),
                          sleep=lambda _s: None, clock=_Clock(), secrets=lambda: ())
    with caplog.at_level(logging.INFO, logger="pos_app.epay"), \
            pytest.raises(EpayUnavailable) as info:
        requester.send("POST", URL, what=WHAT, safe=False)
    assert caplog.records[-1].getMessage() == (
        f"POST /operation/tx-1/refund failed after 1500 ms (ConnectError): epay_unavailable"
        f" Cannot connect to {WHAT}. [error_id={info.value.error_id}]")


def test_nothing_is_formatted_below_the_log_level(caplog: pytest.LogCaptureFixture) -> None:
    requester = _requester(httpx.MockTransport(lambda r: httpx.Response(200)))
    with caplog.at_level(logging.ERROR, logger="pos_app.epay"):
        requester.log(logging.INFO, "%s", "x")
        requester.log(logging.ERROR, "%s and %s", "x", "y")
    assert [r.getMessage() for r in caplog.records] == ["x and y"]


@pytest.mark.parametrize("policy", [dict(base=-0.01), dict(cap=-0.01), dict(attempts=0)])
def test_a_retry_policy_needs_sane_numbers(policy: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="attempts >= 1 and non-negative delays"):
        RetryPolicy(**policy)  # type: ignore[arg-type]


def test_the_smallest_retry_policy() -> None:
    policy = RetryPolicy(attempts=1, base=0.0, cap=0.0)
    assert policy.delay(3) == 0.0
    assert RetryPolicy().delay(1, retry_after=0.1) == 0.7  # a shorter Retry-After: our wait


@pytest.mark.parametrize("status", [300, 301, 399])
def test_every_3xx_is_a_redirect_error(status: int) -> None:
    with pytest.raises(EpayProtocolError) as info:
        raise_for_status(httpx.Response(status), WHAT, safe=True)
    assert (info.value.code, info.value.status_code) == ("epay_redirect", status)
    assert str(info.value) == f"HTTP {status} redirect from {WHAT}."


def test_a_5xx_names_its_status() -> None:
    with pytest.raises(EpayUnavailable) as info:
        raise_for_status(httpx.Response(500), WHAT, safe=True)
    assert (str(info.value), info.value.status_code) == (f"HTTP 500 from {WHAT}.", 500)


def test_malformed_json_names_its_status() -> None:
    with pytest.raises(EpayProtocolError) as info:
        decode_json(httpx.Response(200, content=b'{"resultCode": '), WHAT)
    assert (str(info.value), info.value.status_code) == (
        f"HTTP 200 from {WHAT} is not valid JSON.", 200)
    assert isinstance(info.value.__cause__, ValueError)


def test_json_options_reach_the_parser() -> None:
    reply = decode_json(httpx.Response(200, content=b'{"amount": 0.1}'), WHAT,
                        parse_float=Decimal)
    assert reply == {"amount": Decimal("0.1")}


def test_a_log_line_is_redacted_and_cut_at_500() -> None:
    requester = Requester(httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))),
                          timeout=DEFAULT_TIMEOUT, retry=RetryPolicy(attempts=1),
                          sleep=lambda _s: None, clock=_Clock(), secrets=lambda: ["s3cr3t"])
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("pos_app.epay")
    logger.addHandler(handler)
    try:
        requester.log(logging.WARNING, "token %s", "s3cr3t")
        requester.log(logging.WARNING, "%s", "x" * 600)
    finally:
        logger.removeHandler(handler)
    assert records[0] == "token ***"
    assert len(records[1]) == 500 and records[1].endswith("…")


def test_query_parameters_are_sent() -> None:
    seen: list[httpx.URL] = []

    def bank(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200)

    _requester(httpx.MockTransport(bank)).send("POST", URL, what=WHAT, safe=False,
                                               params={"amount": "100"})
    assert [str(u.params) for u in seen] == ["amount=100"]
