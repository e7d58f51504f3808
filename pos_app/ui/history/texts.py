"""Cashier sentences for refund and shift outcomes (codes from the services)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.ui.messages import epay_message


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
            "An earlier refund is not confirmed by the bank yet. Try again in a minute."),
        "not_confirmed": _t("Sent, but the bank has not confirmed it yet. Check again later."),
        "open": _t("A shift is already open."),
        "none": _t("No shift is open. Open a shift first."),
        # issue 15: fiscal receipts
        "no_fiscal_sale": QCoreApplication.translate(
            "Fiscal", "This payment has no registered fiscal receipt yet, and a return receipt "
                      "must refer to it. Wait until it is registered, then refund."),
        "fiscal_not_closed": QCoreApplication.translate(
            "Fiscal", "The register's shift could not be closed: some receipts are not "
                      "confirmed by the cash register yet, or it cannot be reached. Try again "
                      "in a minute."),
    }
    return texts.get(code) or epay_message(code)
