"""Token endpoint (reference §2)."""

from __future__ import annotations

import httpx
import pytest

from pos_app.training import Emulator
from tests.training.conftest import payment_form, payment_token, service_form


@pytest.mark.parametrize("path", ["/oauth2/token", "/epay2/oauth2/token", "/api/oauth2/token"])
def test_urlencoded_payment_token(emulator: Emulator, http: httpx.Client, path: str) -> None:
    reply = http.post(emulator.urls["api"] + path, data=payment_form("000100001"))
    assert reply.status_code == 200
    data = reply.json()
    assert set(data) == {"access_token", "expires_in", "refresh_token", "scope", "token_type"}
    assert data["expires_in"] == 7200 and data["token_type"] == "Bearer"
    assert data["refresh_token"] == ""


def test_multipart_token(emulator: Emulator, http: httpx.Client) -> None:
    files = {k: (None, v) for k, v in payment_form("000100002").items()}
    reply = http.post(emulator.urls["oauth_url"], files=files)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("application/json")
    service = {k: (None, v) for k, v in service_form().items()}
    assert http.post(emulator.urls["oauth_url"], files=service).status_code == 200


@pytest.mark.parametrize(
    ("field", "value", "status"),
    [
        ("client_secret", "wrong", 401),
        ("client_id", "nobody", 401),
        ("grant_type", "implicit", 400),
        ("scope", "", 400),
        ("invoiceID", "12345", 400),
        ("invoiceID", "1234567890123456", 400),
        ("invoiceID", "00012a456", 400),
        ("amount", "0", 400),
        ("amount", "-5", 400),
        ("amount", "10.555", 400),
        ("amount", "abc", 400),
        ("currency", "USD", 400),
        ("terminal", "00000000-0000-0000-0000-000000000000", 400),
        ("terminal", "", 400),
    ],
)
def test_token_validation(emulator: Emulator, http: httpx.Client, field: str, value: str,
                          status: int) -> None:
    form = payment_form("000100003")
    form[field] = value
    reply = http.post(emulator.urls["oauth_url"], data=form)
    assert reply.status_code == status
    assert "access_token" not in reply.text


def test_service_token_needs_terminal(emulator: Emulator, http: httpx.Client) -> None:
    form = service_form()
    del form["terminal"]
    assert http.post(emulator.urls["oauth_url"], data=form).status_code == 400


def test_last_six_digits_and_reissue(emulator: Emulator, http: httpx.Client) -> None:
    payment_token(http, emulator, "1000123456")
    payment_token(http, emulator, "1000123456")  # same invoice again: allowed while unpaid
    clash = http.post(emulator.urls["oauth_url"], data=payment_form("2000123456"))
    assert clash.status_code == 400
    emulator.pay("1000123456", "4405639704015096")
    paid = http.post(emulator.urls["oauth_url"], data=payment_form("1000123456"))
    assert paid.status_code == 400


def test_expires_in_as_string_and_lifetime(emulator: Emulator, http: httpx.Client) -> None:
    emulator.configure(token_expires_in_as_string=True, token_lifetime=1200)
    assert payment_token(http, emulator, "000100004")["expires_in"] == "1200"


def test_password_and_refresh_grants(emulator: Emulator, http: httpx.Client) -> None:
    base = {"client_id": "test", "client_secret": service_form()["client_secret"], "scope": "api"}
    reply = http.post(emulator.urls["oauth_url"],
                      data={**base, "grant_type": "password", "username": "u", "password": "p"})
    assert reply.status_code == 200
    data = reply.json()
    assert data["token_type"] == "bearer" and data["refresh_token"]
    again = http.post(emulator.urls["oauth_url"],
                      data={**base, "grant_type": "refresh_token",
                            "refresh_token": data["refresh_token"]})
    assert again.status_code == 200
    reused = http.post(emulator.urls["oauth_url"],
                       data={**base, "grant_type": "refresh_token",
                             "refresh_token": data["refresh_token"]})
    assert reused.status_code == 400


def test_added_merchant(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_merchant("shop2", "s3cret", "11111111-2222-3333-4444-555555555555")
    form = payment_form("000100005", client_id="shop2", client_secret="s3cret",
                        terminal="11111111-2222-3333-4444-555555555555")
    assert http.post(emulator.urls["oauth_url"], data=form).status_code == 200
    assert emulator.calls("token") == 1
