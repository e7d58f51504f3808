"""Status API and charge/cancel/refund (reference §5, §6)."""

from __future__ import annotations

import re
import threading

import httpx
import pytest

from pos_app.training import Emulator
from tests.training.conftest import TEST_TERMINAL, as_decimal, payment_token, service_headers


def status(http: httpx.Client, emu: Emulator, invoice_id: str, headers: dict[str, str],
           prefix: str = "") -> httpx.Response:
    return http.get(f"{emu.urls['api']}{prefix}/check-status/payment/transaction/{invoice_id}",
                    headers=headers)


def test_status_requires_service_token(emulator: Emulator, http: httpx.Client) -> None:
    pay_tok = payment_token(http, emulator, "000200001")
    assert status(http, emulator, "000200001", {}).status_code == 401
    bad = {"Authorization": "Bearer NOPE"}
    assert status(http, emulator, "000200001", bad).status_code == 401
    as_payment = {"Authorization": f"Bearer {pay_tok['access_token']}"}
    assert status(http, emulator, "000200001", as_payment).status_code == 401
    headers = service_headers(http, emulator)
    emulator.advance_clock(7201)
    assert status(http, emulator, "000200001", headers).status_code == 401


@pytest.mark.parametrize("prefix", ["", "/api"])
def test_status_102_then_charge(emulator: Emulator, http: httpx.Client, prefix: str) -> None:
    headers = service_headers(http, emulator)
    assert status(http, emulator, "999999999", headers, prefix).json()["resultCode"] == "102"
    payment_token(http, emulator, "000200002", "12.5")
    first = status(http, emulator, "000200002", headers, prefix).json()
    assert first["resultCode"] == "102" and "transaction" not in first
    emulator.pay("000200002", "4405639704015096", "01/27", "321")
    data = status(http, emulator, "000200002", headers, prefix).json()
    assert data["resultCode"] == "100"
    tx = data["transaction"]
    assert tx["statusName"] == "CHARGE" and tx["reasonCode"] == "0" and tx["secure"] is True
    assert tx["amount"] == 12.5 and tx["invoiceID"] == "000200002"
    assert tx["terminalID"] == TEST_TERMINAL and re.fullmatch(r"\d{8}", tx["terminal"])
    assert re.fullmatch(r"\d{12}", tx["reference"]) and re.fullmatch(r"\d{6}", tx["approvalCode"])
    assert tx["cardMask"] == "440563******5096" and tx["cardType"] == "VISA"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}\+05:00", tx["createdDate"])
    assert emulator.transaction("000200002") == tx
    assert emulator.calls("status") == 3


@pytest.mark.parametrize(
    ("pan", "expiry", "cvc", "code"),
    [
        ("4003032704547597", "09/20", "170", "465"),
        ("5578342710750560", "09/20", "254", "465"),
        ("4405639704015096", "01/27", "999", "457"),
        ("4405639704015096", "02/27", "321", "457"),
        ("4111111111111111", "12/30", "123", "471"),
    ],
)
def test_declines(emulator: Emulator, http: httpx.Client, pan: str, expiry: str, cvc: str,
                  code: str) -> None:
    payment_token(http, emulator, "000200003")
    emulator.pay("000200003", pan, expiry, cvc)
    tx = status(http, emulator, "000200003", service_headers(http, emulator)).json()["transaction"]
    assert tx["statusName"] == "REJECT" and tx["reasonCode"] == code


def test_other_approving_cards(emulator: Emulator, http: httpx.Client) -> None:
    payment_token(http, emulator, "000200004")
    assert emulator.pay("000200004", "5522042705066736", "01/27", "775")["statusName"] == "CHARGE"
    payment_token(http, emulator, "000200005")
    tx = emulator.pay("000200005", "377514500004820", "01/28", "0198")
    assert tx["statusName"] == "CHARGE" and tx["cardMask"] == "377514*****4820"


def op(http: httpx.Client, emu: Emulator, tx_id: str, name: str, headers: dict[str, str],
       **kwargs: object) -> httpx.Response:
    return http.post(f"{emu.urls['api']}/operation/{tx_id}/{name}", headers=headers,
                     **kwargs)  # type: ignore[arg-type]


def test_two_step_charge_and_cancel(emulator: Emulator, http: httpx.Client) -> None:
    emulator.configure(two_step=True)
    headers = service_headers(http, emulator)
    payment_token(http, emulator, "000200006", "3000")
    tx = emulator.pay("000200006", "4405639704015096")
    assert tx["statusName"] == "AUTH"
    assert op(http, emulator, str(tx["id"]), "refund", headers).status_code == 400
    over = op(http, emulator, str(tx["id"]), "charge", headers, params={"amount": "3001"})
    assert over.status_code == 400 and over.json()["code"] == 100
    ok = op(http, emulator, str(tx["id"]), "charge", headers, params={"amount": "2400"})
    assert ok.status_code == 200 and ok.content == b""
    after = emulator.transaction("000200006")
    assert after is not None and after["statusName"] == "CHARGE" and after["amount"] == 2400
    assert op(http, emulator, str(tx["id"]), "cancel", headers).status_code == 400

    payment_token(http, emulator, "000200007", "500")
    tx2 = emulator.pay("000200007", "4405639704015096")
    assert op(http, emulator, str(tx2["id"]), "cancel", headers).status_code == 200
    cancelled = emulator.transaction("000200007")
    assert cancelled is not None and cancelled["statusName"] == "CANCEL"


def test_refund_rules(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    payment_token(http, emulator, "000200008", "100")
    tx_id = str(emulator.pay("000200008", "4405639704015096")["id"])
    assert op(http, emulator, tx_id, "charge", headers).status_code == 400  # one-step
    below = op(http, emulator, tx_id, "refund", headers, params={"amount": "9.99"})
    assert below.status_code == 400 and below.json() == {"code": 100, "message": below.json()[
        "message"]}
    assert op(http, emulator, tx_id, "refund", headers, params={"amount": "100.01"}).status_code \
        == 400
    part = op(http, emulator, tx_id, "refund", headers,
              params={"amount": "30", "externalID": "R-1"})
    assert part.status_code == 200
    mid = emulator.transaction("000200008")
    assert mid is not None and mid["statusName"] == "CHARGE"
    assert as_decimal(mid["amount"]) == 70 and as_decimal(mid["orgAmount"]) == 100
    assert op(http, emulator, tx_id, "refund", headers, params={"amount": "71"}).status_code == 400
    assert op(http, emulator, tx_id, "refund", headers, json={"amount": 70}).status_code == 200
    done = emulator.transaction("000200008")
    assert done is not None and done["statusName"] == "REFUND"
    assert op(http, emulator, tx_id, "refund", headers, params={"amount": "10"}).status_code == 400


def test_operation_amount_query_vs_body(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    payment_token(http, emulator, "000200009", "100")
    tx_id = str(emulator.pay("000200009", "4405639704015096")["id"])
    clash = op(http, emulator, tx_id, "refund", headers, params={"amount": "20"},
               json={"amount": 30})
    assert clash.status_code == 400 and clash.json()["code"] == 100
    same = op(http, emulator, tx_id, "refund", headers, params={"amount": "20.00"},
              json={"amount": 20})
    assert same.status_code == 200
    unknown = op(http, emulator, "00000000-0000-0000-0000-000000000000", "refund", headers)
    assert unknown.status_code == 400
    assert op(http, emulator, tx_id, "refund", {}).status_code == 401
    api_prefixed = http.post(f"{emulator.urls['api']}/api/operation/{tx_id}/refund",
                             headers=headers, params={"amount": "10"})
    assert api_prefixed.status_code == 200


def test_auto_pay(emulator: Emulator, http: httpx.Client) -> None:
    emulator.configure(auto_pay={"after": 0.05, "approve": False, "reason_code": 484})
    headers = service_headers(http, emulator)
    payment_token(http, emulator, "000200010")
    done = threading.Event()
    for _ in range(200):
        data = status(http, emulator, "000200010", headers).json()
        if data["resultCode"] == "100":
            done.set()
            break
        threading.Event().wait(0.02)
    assert done.is_set()
    assert data["transaction"]["statusName"] == "REJECT"
    assert data["transaction"]["reasonCode"] == "484"
