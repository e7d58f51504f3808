"""Cashier-facing sentences for error codes from the layers below (translated here, in the UI)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos_app.domain.errors import DomainError


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def domain_message(exc: DomainError) -> str:
    texts = {
        "empty": _t("Type the amount first."),
        "negative": _t("The amount cannot be negative."),
        "not_digits": _t("Use only digits and one comma."),
        "too_many_decimals": _t("At most two digits after the comma."),
        "not_a_number": _t("This is not an amount."),
        "zero": _t("The amount must be more than zero."),
        "above_maximum": _t("The amount is above this till's limit."),
        "description_too_long": _t("The description is too long (at most 125 bytes)."),
        "description_control": _t("The description has characters that cannot be sent."),
        "account_id_format": _t("The customer id may have Latin letters and digits only."),
    }
    return texts.get(exc.code, str(exc))


def epay_message(code: str) -> str:
    """A sentence for an ``EpayError.code`` or a form failure; unknown codes get a generic one."""
    texts = {
        "auth": _t("The bank refused this till's credentials. Call the administrator."),
        "rejected": _t("The bank refused the request."),
        "timeout": _t("The bank did not answer in time. Please try again."),
        "unavailable": _t("No connection to the bank. Check the network and try again."),
        "protocol": _t("The bank sent an answer the till cannot read. Please try again."),
        "invalid_request": _t("The request is not valid."),
        "form": _t("The bank's card form could not be opened. Please try again."),
        "storage": _t(
            "The payment journal cannot be written. Payments are stopped; call the administrator."
        ),
        "busy": _t("A payment is already in progress."),
    }
    key = code.split(":")[0].removeprefix("epay_")
    return texts.get(key, _t("Something went wrong. Please try again."))
