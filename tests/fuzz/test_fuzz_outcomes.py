"""hypothesis: what ePay answers decides what the till concludes (input related to outcome).

``test_fuzz_inputs`` checks that nothing but the documented error escapes; this module checks
the conclusions: a 5xx never yields an answer or a success, an operation succeeds only on a
2xx and its maybe-processed failures say so, a status outcome follows the ``statusName`` in any
letter case, a token is the one the bank sent, and a refund's state is decided by the bank's
replies (the operation's, then the status re-read's), never assumed.

Failing examples found by the audit, or worth keeping whatever the random draw, are pinned with
``@example``; hypothesis's own database replays shrunk failures, those are not listed here.
"""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT
from pos_app.epay.errors import EpayError
from pos_app.epay.models import StatusOutcome
from pos_app.services.refunds import RefundError, RefundService
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundState
from pos_app.store.settings import Settings
from tests.fuzz.conftest import count
from tests.fuzz.test_fuzz_inputs import FUZZ, HOSTS

TX_ID = "af2089fe-43b1-4c0a-9f6e-2f7c2b6a1d11"
SERVICE_TOKEN = json.dumps({"access_token": "SERVICE", "expires_in": 7200,
                            "token_type": "Bearer"})
NAMES = {"CHARGE": StatusOutcome.PAID, "AUTH": StatusOutcome.AUTHORIZED,
         "REJECT": StatusOutcome.DECLINED, "FAILED": StatusOutcome.DECLINED,
         "3D": StatusOutcome.DECLINED, "CANCEL": StatusOutcome.CANCELLED,
         "CANCEL_OLD": StatusOutcome.CANCELLED, "REFUND": StatusOutcome.REFUNDED,
         "NEW": StatusOutcome.IN_PROGRESS}
ALL_STATUSES = st.sampled_from([200, 201, 204, 301, 400, 403, 404, 408, 409, 429,
                                500, 502, 503, 504])
names = st.sampled_from(sorted(NAMES)).flatmap(
    lambda n: st.sampled_from([n, n.lower(), n.capitalize()])) | st.text(min_size=1, max_size=8)


def _client(route: Any) -> EpayClient:
    http = httpx.Client(transport=httpx.MockTransport(route))
    return EpayClient(HOSTS, TEST_MERCHANT, http=http, retry=RetryPolicy(attempts=2, base=0),
                      sleep=lambda _s: None)


def _status_body(invoice: str, name: str, amount: str, org_amount: str | None) -> str:
    tx: dict[str, object] = {
        "id": TX_ID, "invoiceID": invoice, "amount": amount, "currency": "KZT",
        "statusName": name, "terminal": TEST_MERCHANT.terminal_id,
        "terminalID": TEST_MERCHANT.terminal_id, "reasonCode": "0",
    }
    if org_amount is not None:
        tx["orgAmount"] = org_amount
    return json.dumps({"resultCode": "100", "resultMessage": "SUCCESS", "transaction": tx})


# -- the status API -----------------------------------------------------------------------------

@FUZZ
@given(ALL_STATUSES, names)
@example(500, "CHARGE")  # a 5xx carrying a plausible body is still no answer
@example(200, "charge")  # status names are compared in any letter case
@example(200, "Refund")
def test_status_outcome_follows_the_reply(status: int, name: str) -> None:
    count("status outcome")
    body = _status_body("000000001", name, "1500", None)

    def route(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, content=SERVICE_TOKEN.encode())
        return httpx.Response(status, content=body.encode(),
                              headers={"content-type": "application/json"})

    with _client(route) as client:
        try:
            answer = client.transaction_status("000000001")
        except EpayError:
            assert status not in (200, 400), "a well-formed status reply must be read"
            return
    # a 400 with a resultCode is an answer too (reference §5.4); a 5xx never is
    assert status in (200, 400), f"HTTP {status} gave an answer"
    assert answer.outcome is NAMES.get(name.upper(), StatusOutcome.UNKNOWN_STATUS)


# -- charge, cancel, refund ------------------------------------------------------------------

@FUZZ
@given(ALL_STATUSES, st.sampled_from(["charge", "cancel", "refund"]),
       st.sampled_from(["", "{}", '{"code": 100}', "<html>502</html>", "garbage"]))
@example(500, "charge", "")  # the unsafe call's 5xx is never a success ...
@example(502, "refund", "<html>502</html>")
@example(503, "cancel", "")  # ... and only a 503 (or 429/408) certainly did nothing
@example(204, "refund", "garbage")  # a 2xx is accepted whatever its body
def test_operation_succeeds_only_on_a_2xx(status: int, call: str, body: str) -> None:
    count("operation outcome")
    seen: list[str] = []

    def route(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, content=SERVICE_TOKEN.encode())
        seen.append(request.url.path)
        return httpx.Response(status, content=body.encode())

    with _client(route) as client:
        try:
            if call == "refund":
                client.refund(TX_ID, Decimal("100"), "R-000000001-1")
            else:
                getattr(client, call)(TX_ID)
        except EpayError as exc:
            assert not 200 <= status < 300, f"HTTP {status} refused"
            maybe_done = status >= 500 and status != 503
            assert exc.outcome_unknown is maybe_done, (status, exc.code)
            # only a request the bank certainly did not process may be sent again
            assert len(seen) == (2 if status in (408, 429, 503) else 1)
            return
    assert 200 <= status < 300, f"HTTP {status} taken for a success"
    assert len(seen) == 1


# -- tokens ----------------------------------------------------------------------------------

@FUZZ
@given(ALL_STATUSES, st.text(min_size=1, max_size=20).filter(str.isprintable))
@example(500, "T0KEN")
def test_a_token_is_the_one_the_bank_sent(status: int, token: str) -> None:
    count("token outcome")
    body = json.dumps({"access_token": token, "expires_in": 7200, "token_type": "Bearer"})

    def route(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body.encode(),
                              headers={"content-type": "application/json"})

    with _client(route) as client:
        try:
            got = client.payment_token("000000001", Decimal("1500"))
        except EpayError:
            assert status != 200 or not token.strip()
            return
    assert 200 <= status < 300 and got.access_token == token


# -- a refund's state ----------------------------------------------------------------------------

def _paid(journal: Journal) -> str:
    payment = journal.create_attempt(Decimal("1000"))
    journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
    journal.transition(payment.invoice_id, PaymentStatus.CHECKING)
    journal.transition(payment.invoice_id, PaymentStatus.PAID, note="bank: CHARGE",
                       transaction_id=TX_ID, reference="123456789012")
    return payment.invoice_id


@FUZZ
@given(ALL_STATUSES, names, st.sampled_from(["1000", "700", "0", "1300"]),
       st.sampled_from([None, "1000"]))
@example(204, "REFUND", "1000", "1000")  # the bank confirms: refunded in the journal
@example(500, "refund", "1000", "1000")  # reply lost, the status shows it was done
@example(502, "CHARGE", "1000", "1000")  # reply lost, nothing shows: unconfirmed, not failed
@example(400, "REFUND", "1000", "1000")  # refused: nothing changes whatever the status says
@example(503, "CHARGE", "700", "1000")
@example(200, "REFUND", "700", None)  # no orgAmount, and 700 is not this payment's amount
def test_the_banks_replies_decide_the_refund(op_status: int, name: str, amount: str,
                                             org_amount: str | None) -> None:
    count("refund outcome")
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal(Path(folder) / "journal.sqlite3")
        try:
            invoice = _paid(journal)
            body = _status_body(invoice, name, amount, org_amount)
            sent: list[str] = []

            def route(request: httpx.Request) -> httpx.Response:
                path = request.url.path
                if path.endswith("/oauth2/token"):
                    return httpx.Response(200, content=SERVICE_TOKEN.encode())
                if "/operation/" in path:
                    sent.append(path)
                    return httpx.Response(op_status, content=b"")
                return httpx.Response(200, content=body.encode(),
                                      headers={"content-type": "application/json"})

            with _client(route) as client:
                service = RefundService(journal, client)
                try:
                    outcome = service.refund(invoice, "300", "customer returned it")
                except RefundError as exc:
                    refused = True
                    record = exc.record
                else:
                    refused = False
                    record = outcome.record
            after = journal.get(invoice)
        finally:
            journal.close()
    accepted_or_unknown = 200 <= op_status < 300 or (op_status >= 500 and op_status != 503)
    assert refused is not accepted_or_unknown, op_status
    if refused:  # the bank said no: nothing changed, the request is closed as failed
        assert after.status is PaymentStatus.PAID and after.refunded_amount == 0
        assert record is not None and record.state is RefundState.FAILED
        return
    assert record is not None
    # issue 14 A.4: a reply settles only when it is this payment's (invoice, terminal, currency,
    # and the amount: orgAmount when given, else amount); otherwise it confirms nothing.
    ours = Decimal(org_amount or amount) == Decimal("1000")
    if not ours:
        assert record.state is RefundState.UNKNOWN, "a reply for another amount decided"
        assert after.status is PaymentStatus.PAID and after.refunded_amount == 0
        return
    if record.state is RefundState.DONE:  # confirmed: only by what the status reply shows
        shown = name.upper() == "REFUND" or (
            name.upper() == "CHARGE"
            and Decimal(org_amount or "1000") - Decimal(amount) >= Decimal("300"))
        assert shown, "a refund confirmed that the bank's reply does not show"
        assert after.refunded_amount >= Decimal("300")
        assert after.status in (PaymentStatus.REFUNDED, PaymentStatus.PARTIALLY_REFUNDED)
    else:  # not shown: never assumed failed (it may be done), never counted as refunded
        assert record.state is RefundState.UNKNOWN
        assert after.status is PaymentStatus.PAID and after.refunded_amount == 0
    if name.upper() == "REFUND":
        assert record.state is RefundState.DONE, "the bank says REFUND but the till did not"


# -- settings --------------------------------------------------------------------------------

@FUZZ
@given(st.integers() | st.decimals(allow_nan=False, allow_infinity=False, places=None))
@example(10**26)  # the audit's failure: validate() raised decimal.InvalidOperation
@example(-(10**26))
@example(Decimal("1e-30"))
def test_max_amount_is_judged_not_raised(value: int | Decimal) -> None:
    count("settings max_amount")
    problems = Settings(max_amount=Decimal(value)).validate()
    amount = Decimal(value)
    good = 0 < amount < Decimal("1e12") and amount == amount.quantize(Decimal("0.01"))
    assert ("max_amount" not in problems) is good, (value, problems)


@pytest.mark.parametrize("value", [10**26, -(10**26)])
def test_a_huge_max_amount_is_a_settings_problem(value: int) -> None:
    assert "max_amount" in Settings(max_amount=Decimal(value)).validate()
