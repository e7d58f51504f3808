"""One table from a payment status to its words, sign and colour, so no widget invents one.

Colour is never the only cue: every status has a sign and words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from pos_app.domain.payment import PaymentMethod
from pos_app.domain.payment import PaymentStatus as S


@dataclass(frozen=True, slots=True)
class StatusLook:
    sign: str
    colour: str  # text colour with at least 4.5:1 contrast on white


translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


LOOKS: dict[S, StatusLook] = {
    S.NEW: StatusLook("…", "#37474f"),
    S.TOKEN_ISSUED: StatusLook("…", "#37474f"),
    S.WIDGET_OPEN: StatusLook("⌨", "#37474f"),
    S.CHECKING: StatusLook("⟳", "#37474f"),
    S.PAID: StatusLook("✔", "#1b5e20"),
    S.DECLINED: StatusLook("✖", "#b71c1c"),
    S.CANCELLED: StatusLook("⊘", "#4e342e"),
    S.EXPIRED: StatusLook("⌛", "#4e342e"),
    S.UNKNOWN: StatusLook("?", "#8a4b00"),
    S.REFUNDED: StatusLook("↩", "#0d47a1"),
    S.PARTIALLY_REFUNDED: StatusLook("↩", "#0d47a1"),
    S.ERROR: StatusLook("!", "#b71c1c"),
}


def status_words(status: S, method: PaymentMethod = PaymentMethod.CARD) -> str:
    """The status as a cashier says it (translated). A QR payment's open link is no card form:
    the customer pays on their phone."""
    if status is S.WIDGET_OPEN and method is PaymentMethod.QR:
        return translate("Status", "Waiting for the phone")
    words = {
        S.NEW: translate("Status", "Starting"),
        S.TOKEN_ISSUED: translate("Status", "Connecting"),
        S.WIDGET_OPEN: translate("Status", "Card form open"),
        S.CHECKING: translate("Status", "Checking"),
        S.PAID: translate("Status", "Approved"),
        S.DECLINED: translate("Status", "Declined"),
        S.CANCELLED: translate("Status", "Cancelled"),
        S.EXPIRED: translate("Status", "Expired"),
        S.UNKNOWN: translate("Status", "Not confirmed yet"),
        S.REFUNDED: translate("Status", "Refunded"),
        S.PARTIALLY_REFUNDED: translate("Status", "Partly refunded"),
        S.ERROR: translate("Status", "Not started"),
    }
    return words[status]


QR_OPEN = StatusLook("▦", "#37474f")  # an open QR payment: the customer pays on their phone


def look(status: S, method: PaymentMethod = PaymentMethod.CARD) -> StatusLook:
    """The sign and colour of ``status``; an open QR payment gets a QR sign, not the card
    form's keyboard (as :func:`status_words` gives it its own words)."""
    if status is S.WIDGET_OPEN and method is PaymentMethod.QR:
        return QR_OPEN
    return LOOKS[status]
