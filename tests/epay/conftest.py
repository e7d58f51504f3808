"""A scripted fake ePay behind ``httpx.MockTransport``: every request recorded, replies queued."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, Credentials, EpayHosts, training_hosts

Reply = Callable[[httpx.Request], httpx.Response]
HOSTS = training_hosts("https://api.bank.test", "https://form.bank.test")
SECRET = TEST_MERCHANT.client_secret
PAN = "4405639704015096"

TX_ID = "af2089fe-43b1-47eb-a61f-c78dd196e18d"
CHARGED: dict[str, Any] = {
    "resultCode": "100",
    "resultMessage": "SUCCESS",
    "transaction": {
        "id": TX_ID,
        "invoiceID": "000001000001",
        "amount": 12.22,
        "orgAmount": 22.22,
        "approvalCode": "170243",
        "currency": "KZT",
        "terminal": "98120001",
        "terminalID": TEST_MERCHANT.terminal_id,
        "accountID": "",
        "cardMask": "440563******5096",
        "reference": "123456789012",
        "reasonCode": "0",
        "secure": True,
        "statusName": "CHARGE",
    },
}


def json_reply(status: int, body: object, **headers: str) -> Reply:
    return lambda request: httpx.Response(status, json=body, headers=headers)


def text_reply(status: int, text: str, content_type: str = "application/json") -> Reply:
    return lambda request: httpx.Response(status, text=text, headers={"content-type": content_type})


def raises(exc_type: type[httpx.TransportError]) -> Reply:
    def reply(request: httpx.Request) -> httpx.Response:
        raise exc_type("scripted failure", request=request)

    return reply


def kind_of(request: httpx.Request) -> str:
    path = request.url.path
    if path.endswith("/oauth2/token"):
        return "token"
    if "/check-status/" in path:
        return "status"
    if "/operation/" in path:
        return path.rsplit("/", 1)[1]
    if path.endswith("/invoice"):
        return "invoice"
    return "other"


class FakeBank:
    """Replies per endpoint kind: a queue of :data:`Reply`; the last one repeats."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.queues: dict[str, list[Reply]] = {}
        self.issued = 0

    def script(self, kind: str, *replies: Reply) -> None:
        self.queues[kind] = list(replies)

    def of(self, kind: str) -> list[httpx.Request]:
        return [r for r in self.requests if kind_of(r) == kind]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        kind = kind_of(request)
        queue = self.queues.get(kind)
        if queue:
            reply = queue.pop(0) if len(queue) > 1 else queue[0]
            return reply(request)
        return self.default(kind, request)

    def default(self, kind: str, request: httpx.Request) -> httpx.Response:
        if kind == "token":
            self.issued += 1
            return httpx.Response(
                200,
                json={
                    "access_token": f"TOKEN_{self.issued:04d}_SECRETVALUE",
                    "expires_in": 7200,
                    "refresh_token": "",
                    "scope": "payment",
                    "token_type": "Bearer",
                },
            )
        if kind == "status":
            return httpx.Response(200, json=CHARGED)
        if kind in ("refund", "charge", "cancel"):
            return httpx.Response(200)
        if kind == "invoice":
            body = json.loads(request.content)
            return httpx.Response(
                200,
                json={
                    "id": "498331aa-b69f-41ec-b9f5-8e1c3d6b5db1",
                    "invoice_id": body["invoice_id"],
                    "amount": body["amount"],
                    "status": "ACTIVE",
                    "expire_date": "2025-02-08T21:22:44.382801591+05:00",
                    "invoice_url": "https://api.bank.test/redirect/invoice-link/498331aa",
                },
            )
        return httpx.Response(404)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def bank() -> FakeBank:
    return FakeBank()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_client(bank: FakeBank, clock: Clock) -> Callable[..., EpayClient]:
    def make(
        *, hosts: EpayHosts = HOSTS, credentials: Credentials = TEST_MERCHANT, **kwargs: Any
    ) -> EpayClient:
        http = httpx.Client(transport=httpx.MockTransport(bank))
        kwargs.setdefault("retry", RetryPolicy(attempts=3, base=0.35, cap=3.0))
        return EpayClient(hosts, credentials, http=http, sleep=clock.sleep, clock=clock, **kwargs)

    return make


@pytest.fixture
def client(make_client: Callable[..., EpayClient]) -> EpayClient:
    return make_client()
