"""Fault injection and the control API."""

from __future__ import annotations

import httpx
import pytest

from pos_app.training import Emulator
from tests.training.conftest import payment_form, service_form, service_headers


def status_url(emu: Emulator, invoice_id: str = "000400001") -> str:
    return f"{emu.urls['api']}/check-status/payment/transaction/{invoice_id}"


def test_http_error_then_normal(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("token", "http_error", count=2, status=503)
    for _ in range(2):
        reply = http.post(emulator.urls["oauth_url"], data=service_form())
        assert reply.status_code == 503 and reply.json()["status"] == 503
    assert http.post(emulator.urls["oauth_url"], data=service_form()).status_code == 200
    assert emulator.calls("token") == 3


def test_html_and_malformed(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    emulator.add_fault("status", "html")
    emulator.add_fault("status", "malformed")
    html = http.get(status_url(emulator), headers=headers)
    assert html.status_code == 502 and html.headers["content-type"].startswith("text/html")
    broken = http.get(status_url(emulator), headers=headers)
    assert broken.status_code == 200
    with pytest.raises(ValueError):
        broken.json()
    assert http.get(status_url(emulator), headers=headers).json()["resultCode"] == "102"


def test_slow(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("script", "slow", delay=0.5)
    with pytest.raises(httpx.ReadTimeout):
        http.get(emulator.urls["widget_url"], timeout=0.1)


def test_hang_until_released(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    emulator.add_fault("status", "hang", count=-1)
    with pytest.raises(httpx.ReadTimeout):
        http.get(status_url(emulator), headers=headers, timeout=0.2)
    emulator.reset()  # drops the fault and releases the held request
    headers = service_headers(http, emulator)
    assert http.get(status_url(emulator), headers=headers).status_code == 200


def test_hang_released_by_release_hangs(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("payform", "hang")
    with httpx.Client(timeout=5) as other:
        import threading

        errors: list[BaseException] = []

        def call() -> None:
            try:
                other.get(emulator.urls["payform_url"])
            except httpx.HTTPError as exc:
                errors.append(exc)

        thread = threading.Thread(target=call)
        thread.start()
        for _ in range(200):
            if emulator.calls("payform"):
                break
            threading.Event().wait(0.01)
        emulator.release_hangs()
        thread.join(5)
        assert not thread.is_alive()
        assert errors and isinstance(errors[0], httpx.RemoteProtocolError | httpx.ReadError)


def test_reset_fault(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("token", "reset")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post(emulator.urls["oauth_url"], data=payment_form("000400002"))
    assert http.post(emulator.urls["oauth_url"], data=payment_form("000400002")).status_code \
        == 200


def test_in_progress(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    emulator.add_fault("status", "in_progress")
    assert http.get(status_url(emulator), headers=headers).json()["resultCode"] == "107"
    assert http.get(status_url(emulator), headers=headers).json()["resultCode"] == "102"


def test_bad_fault_rejected(emulator: Emulator) -> None:
    with pytest.raises(ValueError):
        emulator.add_fault("nowhere", "hang")
    with pytest.raises(ValueError):
        emulator.add_fault("token", "explode")


def test_control_api(emulator: Emulator, http: httpx.Client) -> None:
    base = f"{emulator.urls['api']}/_emulator"
    assert http.post(f"{base}/fault", json={"endpoint": "status", "kind": "http_error",
                                            "status": 429}).status_code == 200
    assert http.post(f"{base}/configure", json={"two_step": True}).status_code == 200
    assert http.post(f"{base}/configure", json={"bogus": 1}).status_code == 400
    http.post(emulator.urls["oauth_url"], data=payment_form("000400003"))
    paid = http.post(f"{base}/pay", json={"invoice_id": "000400003", "pan": "4405639704015096"})
    assert paid.status_code == 200 and paid.json()["statusName"] == "AUTH"
    assert http.post(f"{base}/pay", json={"invoice_id": "000400099",
                                          "pan": "4405639704015096"}).status_code == 400
    headers = service_headers(http, emulator)
    assert http.get(status_url(emulator, "000400003"), headers=headers).status_code == 429
    assert http.post(f"{base}/clock", json={"seconds": 7201}).status_code == 200
    assert http.get(status_url(emulator, "000400003"), headers=headers).status_code == 401
    state = http.get(f"{base}/state").json()
    assert state["calls"]["status"] == 2 and state["transactions"][0]["statusName"] == "AUTH"
    assert http.post(f"{base}/release", json={}).status_code == 200
    assert http.post(f"{base}/reset", json={}).status_code == 200
    assert http.get(f"{base}/state").json()["transactions"] == []


# -- faults that let the bank act, then spoil the reply ----------------------------------------

def test_drop_after_acting(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("token", "drop_after")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post(emulator.urls["oauth_url"], data=payment_form("000400011"))
    assert emulator.performed("payment_token") == 1  # issued, reply lost
    assert http.post(emulator.urls["oauth_url"], data=payment_form("000400011")).status_code \
        == 200
    assert emulator.performed("payment_token") == 2


def test_delay_after_acting(emulator: Emulator, http: httpx.Client) -> None:
    headers = service_headers(http, emulator)
    emulator.add_fault("status", "delay_after", delay=0.5)
    with pytest.raises(httpx.ReadTimeout):
        http.get(status_url(emulator), headers=headers, timeout=0.1)
    assert emulator.performed("status") == 1


def test_corrupt_reply_after_acting(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("token", "corrupt_after")
    reply = http.post(emulator.urls["oauth_url"], data=service_form())
    assert reply.status_code == 200
    with pytest.raises(ValueError):
        reply.json()
    assert emulator.performed("service_token") == 1


def test_error_after_acting(emulator: Emulator, http: httpx.Client) -> None:
    emulator.add_fault("token", "error_after")
    reply = http.post(emulator.urls["oauth_url"], data=service_form())
    assert reply.status_code == 500 and "access_token" not in reply.json()
    assert http.get(f"{emulator.urls['api']}/_emulator/state").json()["performed"] == {
        "service_token": 1}
