"""HTML of the emulated payform: card form, "expired" page, result page."""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

STYLE = """
body{font-family:sans-serif;margin:0;padding:24px;background:#fff;color:#222}
h1{font-size:20px}.muted{color:#666;font-size:13px}label{display:block;margin-top:12px}
input{font-size:16px;padding:8px;width:100%;box-sizing:border-box}
button{margin-top:18px;font-size:16px;padding:10px 18px;background:#00805f;color:#fff;border:0}
.error{color:#b00020;margin-top:10px}.banner{font-size:12px;background:#ffe08a;padding:4px 8px}
"""


def _page(state: str, body: str, script: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>Halyk ePay (training)</title><style>{STYLE}</style></head>"
        f"<body data-state=\"{state}\"><div class=\"banner\">TRAINING EMULATOR: no real money"
        f"</div>{body}{script}</body></html>"
    )


def message_script(success: bool, mode: str, delay: float) -> str:
    """The payform's ``postMessage`` to its parent, shaped by the widget_message knob."""
    payload = json.dumps({"success": success})
    if mode == "none":
        return ""
    if mode == "object":
        call = f"window.parent.postMessage({payload}, \"*\");"
    elif mode == "malformed":
        call = "window.parent.postMessage(\"{not json\", \"*\");"
    else:
        call = f"window.parent.postMessage(JSON.stringify({payload}), \"*\");"
    if mode == "delayed":
        call = f"setTimeout(function () {{ {call} }}, {int(delay * 1000)});"
    return f"<script>if (window.parent && window.parent !== window) {{ {call} }}</script>"


def form_page(params: Mapping[str, object], packed: str, framed: bool, error: str = "") -> str:
    """The card form; it POSTs to ``/payform/pay`` with the packed params in a hidden field."""
    amount = escape(str(params.get("amount", "")))
    invoice = escape(str(params.get("invoiceId", "")))
    description = escape(str(params.get("description", "")))
    err = f"<div class=\"error\" id=\"error\">{escape(error)}</div>" if error else ""
    body = (
        f"<h1>Оплата {amount} KZT</h1><div class=\"muted\">Заказ № <span id=\"invoice\">{invoice}"
        f"</span> {description}</div>"
        "<form id=\"payform\" method=\"post\" action=\"/payform/pay\" autocomplete=\"off\">"
        f"<input type=\"hidden\" name=\"params\" value=\"{escape(packed)}\">"
        f"<input type=\"hidden\" name=\"isShortForm\" value=\"{'true' if framed else ''}\">"
        "<label>Номер карты<input id=\"pan\" name=\"pan\" inputmode=\"numeric\" "
        "placeholder=\"0000 0000 0000 0000\"></label>"
        "<label>Срок MM/YY<input id=\"expiry\" name=\"expiry\" placeholder=\"MM/YY\"></label>"
        "<label>CVC<input id=\"cvc\" name=\"cvc\" type=\"password\" inputmode=\"numeric\"></label>"
        f"{err}<button id=\"pay\" type=\"submit\">Оплатить</button></form>"
    )
    return _page("card-error" if error else "form", body)


def expired_page(framed: bool, mode: str, delay: float) -> str:
    """What the payform shows for a bad, expired or reused token."""
    body = "<h1 id=\"expired\">Время оплаты истекло</h1><p>Payment session expired.</p>"
    return _page("expired", body, message_script(False, mode, delay) if framed else "")


def result_page(success: bool, framed: bool, mode: str, delay: float, reason: str = "") -> str:
    """The final page; when framed it tells the widget script the outcome."""
    title = "Оплата прошла успешно" if success else "Платёж отклонён"
    body = f"<h1 id=\"result\">{title}</h1><p class=\"muted\">{escape(reason)}</p>"
    state = "success" if success else "failure"
    return _page(state, body, message_script(success, mode, delay) if framed else "")
