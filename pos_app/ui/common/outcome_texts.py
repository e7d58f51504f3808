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
            "Fiscal", "The cash register refused to close its shift (login or set-up), so the "
                      "shift stays open. Nothing is lost. Call the administrator to check the "
                      "fiscal settings (pos-app doctor), then close the shift again."),
        "fiscal_unreachable": translate(
            "Fiscal", "The cash register cannot be reached, so the shift stays open (the till's "
                      "and the register's). Nothing is lost: you can go on selling, the receipts "
                      "wait and go out when it answers. Check the internet connection, then "
                      "close the shift again."),
        "fiscal_unconfirmed": translate(
            "Fiscal", "The cash register has not confirmed some receipts yet, so the shift stays "
                      "open. Nothing is lost: they are checked again. Check the internet "
                      "connection, then close the shift again in a minute."),
        "fiscal_blocked": translate(
            "Fiscal", "The cash register is blocked, so the shift stays open. Nothing is lost: "
                      "the receipts wait. Call the register's support (Webkassa) to unblock it, "
                      "then close the shift again."),
    }
    return texts.get(code) or epay_message(code)
