"""Run the served ``payment-api.js`` under Node with a minimal fake DOM (skipped without node).

Checks the real JS path: encodeParams + lz-string 1.5.0 build a URL the emulator's payform
accepts, the overlay DOM, the widgetNode guard, and the message contract.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pytest

from pos_app.training import Emulator
from tests.training.conftest import payment_object, payment_token

NODE = shutil.which("node")

HARNESS = r"""
const fs = require("fs");
const src = fs.readFileSync(0, "utf8");
const input = JSON.parse(process.argv[1]);
function el(tag) { return { tagName: tag, children: [], className: "", src: "", style: {},
  appendChild(c) { this.children.push(c); return c; },
  removeChild(c) { const i = this.children.indexOf(c); if (i < 0) throw new Error("gone");
                   this.children.splice(i, 1); } }; }
const head = el("HEAD"), body = el("BODY");
const listeners = [];
global.document = { body, createElement: el, getElementsByTagName: () => [head] };
global.window = { addEventListener: (t, f) => { if (!listeners.includes(f)) listeners.push(f); } };
global.location = { href: "" };
eval(src + "; global.halyk = halyk;");
const results = [];
halyk.showPaymentWidget(input.obj, r => results.push(["first", r]));
const iframe = body.children[0].children[0].children[0].children[0];
halyk.showPaymentWidget({ invoiceId: "ignored" }, r => results.push(["second", r]));
const dom = [body.children[0].className, body.children[0].children[0].className,
             body.children[0].children[0].children[0].className, iframe.className];
const styles = head.children.length;
for (const m of input.messages) {
  try { listeners.forEach(f => f(m)); } catch (e) { results.push(["throw"]); }
}
halyk.pay(input.obj);
console.log(JSON.stringify({ src: iframe.src, dom, styles, results, overlay: body.children.length,
  listeners: listeners.length, payHref: location.href, config: halyk.Config() }));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_widget_script_under_node(emulator: Emulator, http: httpx.Client) -> None:
    assert NODE is not None
    auth = payment_token(http, emulator, "000500001", "250")
    origin = emulator.urls["form"]
    messages = [
        {"origin": "http://evil.example", "data": json.dumps({"success": True})},
        {"origin": origin, "data": json.dumps({"success": "true"})},
    ]
    arg = json.dumps({"obj": payment_object("000500001", auth, 250), "messages": messages})
    done = subprocess.run([NODE, "-e", HARNESS, arg], input=emulator.script(),
                          capture_output=True, text=True, timeout=30, check=True)
    out = json.loads(done.stdout)
    assert out["dom"] == ["widgetScreen", "iframeBox", "iframeHolder", "iframeClass"]
    assert out["styles"] == 2 and out["listeners"] == 1
    assert out["src"].startswith(emulator.urls["payform_url"] + "?params=")
    assert out["src"].endswith("&isShortForm=true")
    assert out["payHref"] + "&isShortForm=true" == out["src"]
    # the second call only replaced the callback; "true" as a string is not success
    assert out["results"] == [["second", {"success": False}]] and out["overlay"] == 0
    assert out["config"]["origin"] == origin and out["config"]["pageUrL"].endswith("/payform/")
    page = http.get(out["src"])
    assert 'data-state="form"' in page.text
