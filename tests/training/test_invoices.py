"""Invoice links (reference §7.1)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from pos_app.training import Emulator
from tests.training.conftest import TEST_SHOP, TEST_TERMINAL, service_headers


def invoice_body(invoice_id: str, **extra: object) -> dict[str, Any]:
    body: dict[str, Any] = {
        "shop_id": TEST_SHOP, "account_id": "0003413423", "invoice_id": invoice_id,
        "amount": 1180, "language": "rus", "description": "Order", "expire_period": "1d",
        "recipient_contact": "", "recipient_contact_sms": "+77011234567", "currency": "KZT",
        "back_link": "https://pos.invalid/ok", "failure_back_link": "https://pos.invalid/fail",
    }
    body.update(extra)
    return body


def test_create_redirect_pay_charged(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    reply = http.post(f"{emulator.urls['api']}/api/invoice", headers=headers,
                      json=invoice_body("121738945359"))
    assert reply.status_code == 200, reply.text
    link = reply.json()
    assert link["status"] == "ACTIVE" and link["language"] == "ru"
    assert link["updated_date"] == "0001-01-01T00:00:00Z" and link["terminal_id"] == TEST_TERMINAL
    assert link["invoice_url"] == f"{emulator.urls['api']}/redirect/invoice-link/{link['id']}"
    assert link["created_date"].endswith("+05:00") and link["amount"] == 1180
    redirect = http.get(link["invoice_url"])
    assert redirect.status_code == 302
    location = redirect.headers["location"]
    assert location.startswith(emulator.urls["payform_url"] + "?params=")
    assert "isShortForm" not in location
    page = http.get(location)
    assert 'data-state="form"' in page.text
    packed = parse_qs(urlsplit(location).query)["params"][0]
    pay = http.post(f"{emulator.urls['form']}/payform/pay",
                    data={"params": packed.replace(" ", "+"), "pan": "4405639704015096",
                          "expiry": "01/27", "cvc": "321"})
    assert pay.status_code == 302 and pay.headers["location"] == "https://pos.invalid/ok"
    found = http.post(f"{emulator.urls['api']}/invoice-links", headers=headers, json={
        "paging": {"skip": 0, "limit": 1},
        "searchParameters": [{"name": "invoice_id", "method": "=",
                              "searchParameter": ["121738945359"]}]})
    records = found.json()["Records"]
    assert found.json()["TotalCount"] == 1 and records[0]["status"] == "CHARGED"
    tx = emulator.transaction("121738945359")
    assert tx is not None and tx["statusName"] == "CHARGE"
    assert http.get(link["invoice_url"]).status_code == 404


def test_invoice_validation(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    url = f"{emulator.urls['api']}/invoice"
    sms = http.post(url, headers=headers, json=invoice_body("1", recipient_contact_sms="+7701"))
    assert sms.status_code == 400 and sms.json()["code"] == 1079
    bad_shop = http.post(url, headers=headers, json=invoice_body("2", shop_id="nope"))
    assert bad_shop.status_code == 400
    no_shop = invoice_body("3")
    del no_shop["shop_id"]
    assert http.post(url, headers=headers, json=no_shop).status_code == 400
    assert http.post(url, headers=headers, json=invoice_body("4", currency="USD")).status_code \
        == 400
    assert http.post(url, headers=headers, json=invoice_body("5", amount=0)).status_code == 400
    assert http.post(url, headers=headers,
                     json=invoice_body("6", expire_period="1w")).status_code == 400
    assert http.post(url, json=invoice_body("7")).status_code == 401
    assert http.post(url, headers=headers, json=invoice_body("8")).status_code == 200
    assert http.post(url, headers=headers, json=invoice_body("8")).status_code == 400


def test_invoice_expiry(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    link = http.post(f"{emulator.urls['api']}/invoice", headers=headers,
                     json=invoice_body("555000111", expire_period="2d")).json()
    emulator.advance_clock(86400 * 2 + 1)
    assert http.get(link["invoice_url"]).status_code == 404
    state = http.get(f"{emulator.urls['api']}/_emulator/state").json()
    assert state["invoice_links"][0]["status"] == "EXPIRED"
