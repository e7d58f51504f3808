"""Cashier-facing sentences for error codes from the layers below (translated here, in the UI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.domain.errors import DomainError

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
# The fallback of epay_message for codes without a sentence of their own (tests check none is left).
GENERIC_EPAY_MESSAGE = "Something went wrong. Please try again."


def domain_message(exc: DomainError) -> str:
    texts = {
        "empty": translate("Messages", "Type the amount first."),
        "negative": translate("Messages", "The amount cannot be negative."),
        "not_digits": translate("Messages", "Use only digits and one comma."),
        "too_many_decimals": translate("Messages", "At most two digits after the comma."),
        "not_a_number": translate("Messages", "This is not an amount."),
        "zero": translate("Messages", "The amount must be more than zero."),
        "above_maximum": translate("Messages", "The amount is above this till's limit."),
        "description_too_long": translate(
            "Messages", "The description is too long (at most 125 bytes)."),
        "description_control": translate(
            "Messages", "The description has characters that cannot be sent."),
        "account_id_format": translate(
            "Messages", "The customer id may have Latin letters and digits only."),
    }
    return texts.get(exc.code, str(exc))


def epay_message(code: str) -> str:
    """A sentence for an ``EpayError.code`` or a form failure; unknown codes get a generic one."""
    texts = {
        "auth": translate(
            "Messages", "The bank refused this till's credentials. Call the administrator."),
        "rejected": translate("Messages", "The bank refused the request."),
        "timeout": translate("Messages", "The bank did not answer in time. Please try again."),
        "unavailable": translate(
            "Messages", "No connection to the bank. Check the network and try again."),
        "protocol": translate(
            "Messages", "The bank sent an answer the till cannot read. Please try again."),
        "invalid_request": translate("Messages", "The request is not valid."),
        "form": translate(
            "Messages", "The bank's card form could not be opened. Please try again."),
        "storage": translate(
            "Messages",
            "The payment journal cannot be written. Payments are stopped; call the administrator.",
        ),
        "busy": translate("Messages", "A payment is already in progress."),
        # The request may have reached the bank: never invite a blind repeat.
        "outcome_unknown": translate(
            "Messages",
            "The bank did not confirm the result. Do not repeat it: the till checks with the "
            "bank first.",
        ),
        "html": translate(
            "Messages", "The bank's service is not working right now. Please try again later."),
        "redirect": translate(
            "Messages", "The bank sent an answer the till cannot read. Call the administrator."),
        "bad_url": translate(
            "Messages", "The bank's address in the settings is not valid. Call the administrator."),
        "token_refused": translate(
            "Messages", "The bank refused to start this payment. Check the amount and try again."),
        "not_found": translate("Messages", "The bank does not know this payment."),
        "invoice_format": translate("Messages", "The invoice number is not valid for the bank."),
        "id_format": translate("Messages", "The payment id is not valid for the bank."),
        "external_id_format": translate("Messages", "The refund id is not valid for the bank."),
        "refund_below_minimum": translate("Messages", "A refund must be at least 10 tenge."),
        "shop_id_missing": translate(
            "Messages", "Payment links need the shop id in the settings. Call the administrator."),
        "amount_not_a_number": translate("Messages", "This is not an amount."),
        "amount_not_positive": translate("Messages", "The amount must be more than zero."),
        "amount_too_large": translate("Messages", "The amount is too large."),
        "amount_too_many_decimals": translate("Messages", "At most two digits after the comma."),
        "amount_below_minimum": translate("Messages", "The amount is below the bank's minimum."),
        "phone_format": translate("Messages", "A phone number is +7 and 10 digits."),
        "expire_period_format": translate(
            "Messages", "The link lifetime is a number of days, like 1d."),
        "language": translate("Messages", "The language must be Russian, Kazakh or English."),
    }
    key = code.split(":")[0].removeprefix("epay_")
    return texts.get(key, translate("Messages", "Something went wrong. Please try again."))


_ANOTHER_CARD = {455, 457, 465, 467, 471, 472, 477, 478, 479, 481, 482, 483, 484, 485, 489, 490,
                 495, 524, 525}
_CALL_BANK = {462, 463, 466, 468, 480, 486, 487}
_LATER = {456, 458, 461, 493, 494, 496, 497, 500, 501, 502, 503, 526}
_LIMITS = {470, 488, 491, 528, 529}


def reason_advice(reason_code: str) -> str:
    """What the cashier tells the customer after a decline (reference §9.1), with the code."""
    try:
        code = int(reason_code)
    except ValueError:
        code = -1
    if code == 484:
        text = translate("Messages", "Not enough money on the card.")
    elif code in _ANOTHER_CARD:
        text = translate("Messages", "The card was refused: try another card.")
    elif code in _CALL_BANK:
        text = translate("Messages", "Refused by the card's bank: the customer should call it.")
    elif code in _LATER:
        text = translate("Messages", "The bank's systems are busy: try again in a few minutes.")
    elif code in _LIMITS:
        text = translate("Messages", "A limit was reached: try a smaller amount or another card.")
    else:
        text = translate("Messages", "The payment was refused.")
    return translate("Messages", "%1 (code %2)").replace("%1", text).replace("%2", reason_code)
