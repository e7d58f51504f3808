"""Cashier sentences for refund and shift outcomes (codes from the services)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.ui.common.messages import epay_message

# `translate(context, text)` in full at each call: lupdate finds texts only in that form.
translate = QCoreApplication.translate


def refund_message(code: str) -> str:
    texts = {
        "not_a_number": translate(
            "Refunds", "This is not an amount. Type it like 1500 or 1500,50."),
        "below_minimum": translate("Refunds", "A refund must be at least 10 ₸."),
        "above_remaining": translate(
            "Refunds", "The refund is more than what remains on this payment."),
        "reason_missing": translate("Refunds", "Give a reason for the refund."),
        "not_refundable": translate("Refunds", "This payment cannot be refunded."),
        "not_held": translate(
            "Refunds", "The bank does not hold this payment, so it cannot be cancelled."),
        "pending_unconfirmed": translate("Refunds",
            "An earlier refund of this payment is not confirmed by the bank. The administrator "
            "decides on it first."),
        "nothing_open": translate("Refunds", "There is no unconfirmed refund on this payment."),
        "not_confirmed": translate(
            "Refunds", "Sent, but the bank has not confirmed it yet. Check again later."),
        "open": translate("Refunds", "A shift is already open."),
        "none": translate("Refunds", "No shift is open. Open a shift first."),
        # issue 15: fiscal receipts
        "no_fiscal_sale": translate(
            "Fiscal", "This payment has no registered fiscal receipt yet, and a return receipt "
                      "must refer to it. Wait until it is registered, then refund."),
        "fiscal_not_closed": translate(
            "Fiscal", "The register's shift could not be closed: some receipts are not "
                      "confirmed by the cash register yet, or it cannot be reached. Try again "
                      "in a minute."),
    }
    return texts.get(code) or epay_message(code)
