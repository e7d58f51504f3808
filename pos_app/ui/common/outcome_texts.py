"""Cashier sentences for refund and shift outcomes (codes from the services)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.ui.common.messages import epay_message


def _t(text: str) -> str:
    return QCoreApplication.translate("Refunds", text)


def refund_message(code: str) -> str:
    texts = {
        "not_a_number": _t("This is not an amount. Type it like 1500 or 1500,50."),
        "below_minimum": _t("A refund must be at least 10 ₸."),
        "above_remaining": _t("The refund is more than what remains on this payment."),
        "reason_missing": _t("Give a reason for the refund."),
        "not_refundable": _t("This payment cannot be refunded."),
        "not_held": _t("The bank does not hold this payment, so it cannot be cancelled."),
        "pending_unconfirmed": _t(
            "An earlier refund of this payment is not confirmed by the bank. The administrator "
            "decides on it first."),
        "nothing_open": _t("There is no unconfirmed refund on this payment."),
        "not_confirmed": _t("Sent, but the bank has not confirmed it yet. Check again later."),
        "open": _t("A shift is already open."),
        "none": _t("No shift is open. Open a shift first."),
    }
    return texts.get(code) or epay_message(code)
