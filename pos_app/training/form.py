"""The payform origin: ``payment-api.js``, the card form and its submission (reference §3)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from pos_app.training import codec, pages
from pos_app.training.httpbase import Handled, Handler, log
from pos_app.training.models import reason_text
from pos_app.training.state import CardRejected, PayformRejected

POSTLINK_WAIT = 5.0


def raw_query(query: str) -> dict[str, str]:
    """Split a query without turning ``+`` into a space (LZ output contains ``+``)."""
    result: dict[str, str] = {}
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key and key not in result:
            result[key] = unquote(value)
    return result


class FormHandler(Handler):
    """Routes of the payform origin."""

    def do_GET(self) -> None:
        """Script and card form."""
        parts = urlsplit(self.path)
        try:
            if parts.path == "/payform/payment-api.js":
                self.count_and_fault("script")
                self.reply(200, self.emu.script().encode(), "application/javascript; charset=utf-8")
            elif parts.path in ("/payform/", "/payform"):
                self.count_and_fault("payform")
                self._show(raw_query(parts.query))
            else:
                self.reply_html(404, "<h1>404 Not Found</h1>")
        except Handled:
            return

    def do_POST(self) -> None:
        """Card form submission."""
        try:
            if urlsplit(self.path).path == "/payform/pay":
                self.count_and_fault("pay")
                self._pay()
            else:
                self.reply_html(404, "<h1>404 Not Found</h1>")
        except Handled:
            return

    def _knobs(self) -> tuple[str, float]:
        cfg = self.emu.bank.config
        return str(cfg["widget_message"]), float(cfg["widget_delay"])

    def _show(self, query: dict[str, str]) -> None:
        framed = query.get("isShortForm") == "true"
        packed = query.get("params", "")
        try:
            params = codec.decode_params(packed)
            self.emu.bank.check_payform(params)
        except (codec.CodecError, PayformRejected) as exc:
            log.info("payform refused: %s", exc)
            self.reply_html(200, pages.expired_page(framed, *self._knobs()))
            return
        self.reply_html(200, pages.form_page(params, packed, framed))

    def _pay(self) -> None:
        form = self.form()
        framed = form.get("isShortForm") == "true"
        packed = form.get("params", "")
        try:
            params = codec.decode_params(packed)
            token = self.emu.bank.check_payform(params)
            tx, sender = self.emu.bank.pay(token, form.get("pan", ""), form.get("expiry", ""),
                                           form.get("cvc", ""), params)
        except (codec.CodecError, PayformRejected) as exc:
            log.info("payform submission refused: %s", exc)
            self.reply_html(200, pages.expired_page(framed, *self._knobs()))
            return
        except CardRejected as exc:
            self.reply_html(200, pages.form_page(params, packed, framed, exc.message))
            return
        if sender is not None:
            sender.join(POSTLINK_WAIT)  # the page answers only after the postLink
        success = tx.reason_code == 0
        if not framed:
            target = params.get("backLink" if success else "failureBackLink")
            if isinstance(target, str) and target:
                self.redirect(target)
                return
        self.reply_html(200, pages.result_page(success, framed, *self._knobs(),
                                               reason=reason_text(tx.reason_code)))
