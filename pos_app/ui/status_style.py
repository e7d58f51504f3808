"""One table from a payment status to its words, sign and colour, so no widget invents one.

Colour is never the only cue: every status has a sign and words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from pos_app.domain.payment import PaymentStatus as S


@dataclass(frozen=True, slots=True)
class StatusLook:
    sign: str
    colour: str  # text colour with at least 4.5:1 contrast on white


def _t(text: str) -> str:
    return QCoreApplication.translate("Status", text)


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


def status_words(status: S) -> str:
    """The status as a cashier says it (translated)."""
    words = {
        S.NEW: _t("Starting"),
        S.TOKEN_ISSUED: _t("Connecting"),
        S.WIDGET_OPEN: _t("Card form open"),
        S.CHECKING: _t("Checking"),
        S.PAID: _t("Approved"),
        S.DECLINED: _t("Declined"),
        S.CANCELLED: _t("Cancelled"),
        S.EXPIRED: _t("Expired"),
        S.UNKNOWN: _t("Not confirmed yet"),
        S.REFUNDED: _t("Refunded"),
        S.PARTIALLY_REFUNDED: _t("Partly refunded"),
        S.ERROR: _t("Not started"),
    }
    return words[status]


def look(status: S) -> StatusLook:
    return LOOKS[status]
