"""The ``/_emulator/...`` control API on the API origin (POST JSON; GET ``state``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos_app.training.models import BankError

if TYPE_CHECKING:
    from pos_app.training.httpbase import Handler


def handle_control(handler: Handler, method: str, name: str) -> None:
    """Serve one control request: fault, configure, reset, clock, pay, release, merchant, state."""
    emu = handler.emu
    if method == "GET" and name == "state":
        handler.reply_json(200, emu.state())
        return
    if method != "POST":
        handler.reply_json(404, {"code": 404, "message": "not found"})
        return
    try:
        data: Any = handler.json_body() or {}
        if not isinstance(data, dict):
            raise ValueError("a JSON object is required")
        result: object = {"ok": True}
        if name == "fault":
            emu.add_fault(str(data["endpoint"]), str(data["kind"]), int(data.get("count", 1)),
                          data.get("status"), float(data.get("delay", 0.0)))
        elif name == "configure":
            emu.configure(**data)
        elif name == "reset":
            emu.reset()
        elif name == "clock":
            emu.advance_clock(float(data.get("seconds", 0)))
        elif name == "release":
            emu.release_hangs()
        elif name == "merchant":
            emu.add_merchant(str(data["client_id"]), str(data["secret"]), str(data["terminal"]),
                             str(data.get("shop_id", "")))
        elif name == "pay":
            result = emu.pay(str(data["invoice_id"]), str(data["pan"]),
                             str(data.get("expiry", "01/27")), str(data.get("cvc", "321")))
        else:
            handler.reply_json(404, {"code": 404, "message": "unknown control"})
            return
    except BankError as exc:
        handler.reply_json(400, {"error": exc.message})
        return
    except (KeyError, TypeError, ValueError) as exc:
        handler.reply_json(400, {"error": f"bad request: {exc}"})
        return
    handler.reply_json(200, result)
