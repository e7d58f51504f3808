"""Widget script and payform (reference §3), postLinks (§4)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import lzstring
import pytest

from pos_app.epay.params import encode_params, pack_params, payform_link
from pos_app.training import Emulator
from tests.training.conftest import payment_object, payment_token


class Receiver:
    """A loopback HTTP server collecting postLinks."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.got = threading.Event()
        receiver = self

        class H(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                receiver.bodies.append(json.loads(self.rfile.read(length)))
                receiver.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                receiver.got.set()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    yield rec
    rec.server.shutdown()
    rec.server.server_close()


def state_of(html: str) -> str:
    marker = 'data-state="'
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_script_structure(emulator: Emulator, http: httpx.Client) -> None:
    reply = http.get(emulator.urls["widget_url"])
    assert reply.status_code == 200 and "javascript" in reply.headers["content-type"]
    js = reply.text
    assert "MIT License" in js and "var LZString=function()" in js
    assert "var halyk;" in js and "})(halyk || (halyk = {}));" in js
    assert f'pageUrL: "{emulator.urls["payform_url"]}"' in js
    assert f'origin: "{emulator.urls["form"]}"' in js
    for name in ("showPaymentWidget", "pay", "p2p", "aft", "oct", "Config"):
        assert f"halyk.{name} = " in js
    for needle in ("compressToEncodedURIComponent(encodeParams(params))", "&isShortForm=true",
                   "evnt.origin.indexOf(paymentPageOrigin) === 0", "JSON.parse(evnt.data)",
                   "{ success: result.success === true }", "widgetScreen", "iframeBox",
                   "iframeHolder", "iframeClass", "height: 90vh", "z-index: 1000",
                   "rgba(5, 5, 5, 0.5)", "if (!widgetNode)"):
        assert needle in js, needle
    assert "removeEventListener" not in js
    callback = js.index("paymentWidgedCallBack({ success")
    assert callback < js.index("document.body.removeChild(widgetNode)")
    assert emulator.calls("script") == 1


def test_form_for_valid_token(emulator: Emulator, http: httpx.Client) -> None:
    auth = payment_token(http, emulator, "000300001", "150.5")
    url = payform_link(emulator.urls["payform_url"], payment_object("000300001", auth, 150.5),
                       framed=True)
    page = http.get(url)
    assert page.status_code == 200 and state_of(page.text) == "form"
    for field in ('id="pan"', 'id="expiry"', 'id="cvc"', 'id="pay"', 'action="/payform/pay"'):
        assert field in page.text
    assert auth["access_token"] not in page.text.split("params")[0]


@pytest.mark.parametrize("variant", ["bare", "amount", "invoice", "terminal", "base64",
                                     "garbage", "unknown_token", "expired"])
def test_form_refuses(emulator: Emulator, http: httpx.Client, variant: str) -> None:
    auth: Any = payment_token(http, emulator, "000300002", "100")
    obj = payment_object("000300002", auth)
    if variant == "bare":
        obj["auth"] = auth["access_token"]
    elif variant == "amount":
        obj["amount"] = 101
    elif variant == "invoice":
        obj["invoiceId"] = "000300003"
    elif variant == "terminal":
        obj["terminal"] = "00000000-0000-0000-0000-000000000000"
    elif variant == "unknown_token":
        obj["auth"] = {**auth, "access_token": "NOPE"}
    elif variant == "expired":
        emulator.advance_clock(7200)
    packed = pack_params(obj)
    if variant == "base64":
        packed = lzstring.LZString().compressToBase64(encode_params(obj))
        assert "/" in packed or "=" in packed
    elif variant == "garbage":
        packed = "not-lz-at-all"
    page = http.get(f"{emulator.urls['payform_url']}?params={packed}&isShortForm=true")
    assert page.status_code == 200 and state_of(page.text) == "expired"
    assert 'JSON.stringify({"success": false})' in page.text
    redirect_mode = http.get(f"{emulator.urls['payform_url']}?params={packed}")
    assert "postMessage" not in redirect_mode.text


def submit(http: httpx.Client, emu: Emulator, obj: dict[str, object], framed: bool,
           pan: str, expiry: str = "01/27", cvc: str = "321") -> httpx.Response:
    return http.post(f"{emu.urls['form']}/payform/pay",
                     data={"params": pack_params(obj), "isShortForm": "true" if framed else "",
                           "pan": pan, "expiry": expiry, "cvc": cvc})


def test_pay_framed_approve_with_postlink(emulator: Emulator, http: httpx.Client,
                                          receiver: Receiver) -> None:
    auth = payment_token(http, emulator, "000300004", "100", postLink=receiver.url + "/ok",
                         failurePostLink=receiver.url + "/fail", secret_hash="S3cret#1")
    obj = payment_object("000300004", auth, postLink=receiver.url + "/ok")
    page = submit(http, emulator, obj, True, "4405 6397 0401 5096")
    assert state_of(page.text) == "success"
    assert 'window.parent.postMessage(JSON.stringify({"success": true}), "*")' in page.text
    assert receiver.got.wait(5)
    body = receiver.bodies[0]
    assert receiver.paths == ["/ok"]
    assert body["code"] == "ok" and body["reasonCode"] == 0 and body["secret_hash"] == "S3cret#1"
    assert body["invoiceId"] == "000300004" and body["cardMask"] == "440563******5096"
    assert "4405639704015096" not in json.dumps(emulator.state())
    records = emulator.postlinks
    assert records and records[0]["delivered"] is True and records[0]["status"] == 200
    tx = emulator.transaction("000300004")
    assert tx is not None and tx["statusName"] == "CHARGE"
    again = submit(http, emulator, obj, True, "4405639704015096")  # token used up
    assert state_of(again.text) == "expired"


def test_pay_decline_failure_postlink(emulator: Emulator, http: httpx.Client,
                                      receiver: Receiver) -> None:
    auth = payment_token(http, emulator, "000300005", failurePostLink=receiver.url + "/fail")
    page = submit(http, emulator, payment_object("000300005", auth), True, "4003032704547597",
                  "09/20", "170")
    assert state_of(page.text) == "failure"
    assert 'JSON.stringify({"success": false})' in page.text
    assert receiver.got.wait(5)
    assert receiver.paths == ["/fail"]
    assert receiver.bodies[0]["code"] == "error" and receiver.bodies[0]["reasonCode"] == 465


def test_pay_redirect_mode_and_bad_luhn(emulator: Emulator, http: httpx.Client) -> None:
    auth = payment_token(http, emulator, "000300006")
    obj = payment_object("000300006", auth)
    bad = submit(http, emulator, obj, False, "4405639704015097")
    assert state_of(bad.text) == "card-error" and 'id="error"' in bad.text
    assert emulator.transaction("000300006") is None
    ok = submit(http, emulator, obj, False, "4405639704015096")
    assert ok.status_code == 302 and ok.headers["location"] == "https://pos.invalid/ok"
    auth2 = payment_token(http, emulator, "000300007")
    fail = submit(http, emulator, payment_object("000300007", auth2), False, "4111111111111111")
    assert fail.status_code == 302 and fail.headers["location"] == "https://pos.invalid/fail"
    tx = emulator.transaction("000300007")
    assert tx is not None and tx["reasonCode"] == "471"


def test_non_loopback_postlink_is_skipped(emulator: Emulator, http: httpx.Client) -> None:
    payment_token(http, emulator, "000300008", postLink="https://example.kz/")
    emulator.pay("000300008", "4405639704015096")
    records = emulator.postlinks
    assert records[0]["delivered"] is False and "loopback" in str(records[0]["error"])


@pytest.mark.parametrize(
    ("mode", "needle"),
    [("object", 'postMessage({"success": true}, "*")'), ("malformed", '"{not json"'),
     ("delayed", "setTimeout(function () { window.parent.postMessage(JSON.stringify(")],
)
def test_widget_message_knob(emulator: Emulator, http: httpx.Client, mode: str,
                             needle: str) -> None:
    emulator.configure(widget_message=mode, widget_delay=1.5)
    auth = payment_token(http, emulator, "000300009")
    page = submit(http, emulator, payment_object("000300009", auth), True, "4405639704015096")
    assert needle in page.text
    if mode == "delayed":
        assert "1500" in page.text


def test_widget_message_none(emulator: Emulator, http: httpx.Client) -> None:
    emulator.configure(widget_message="none")
    auth = payment_token(http, emulator, "000300010")
    page = submit(http, emulator, payment_object("000300010", auth), True, "4405639704015096")
    assert state_of(page.text) == "success" and "postMessage" not in page.text
