"""Card checks of the emulated payform: Luhn, the published test-card table (reference §8.1).

| PAN                | expiry | CVC  | result                  |
|--------------------|--------|------|-------------------------|
| 4405639704015096   | 01/27  | 321  | approve (VISA)          |
| 5522042705066736   | 01/27  | 775  | approve (MasterCard)    |
| 377514500004820    | 01/28  | 0198 | approve (AmericanExpress)|
| 4003032704547597   | 09/20  | 170  | decline 465 ("lock")    |
| 5578342710750560   | 09/20  | 254  | decline 465 ("lock")    |

A known card with the wrong expiry or CVC declines with 457; any other Luhn-valid PAN declines
with 471 ("no such card"); a PAN failing Luhn is refused by the form before any transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TestCard:
    """One published test card."""

    pan: str
    expiry: str  # MM/YY
    cvc: str
    reason_code: int  # 0 approves


TEST_CARDS: dict[str, TestCard] = {
    c.pan: c
    for c in (
        TestCard("4405639704015096", "01/27", "321", 0),
        TestCard("5522042705066736", "01/27", "775", 0),
        TestCard("377514500004820", "01/28", "0198", 0),
        TestCard("4003032704547597", "09/20", "170", 465),
        TestCard("5578342710750560", "09/20", "254", 465),
    )
}

REASONS: dict[int, str] = {
    0: "success",
    454: "Operation failed, please try again later",
    457: "Incorrectly entered card expiration date",
    465: "Card is restricted",
    471: "No such card",
    473: "3-D Secure authentication failed",
    484: "Insufficient funds",
}


def normalise_pan(pan: str) -> str:
    """Digits of ``pan`` with spaces and dashes removed ("" if anything else is present)."""
    cleaned = re.sub(r"[\s-]", "", pan)
    return cleaned if cleaned.isdigit() else ""


def luhn_ok(pan: str) -> bool:
    """True if ``pan`` (digits only, 12–19 long) passes the Luhn check."""
    if not pan.isdigit() or not 12 <= len(pan) <= 19:
        return False
    total = 0
    for index, char in enumerate(reversed(pan)):
        digit = int(char)
        if index % 2 == 1:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def normalise_expiry(expiry: str) -> str:
    """``"0127"``, ``"01 / 27"`` → ``"01/27"``; "" when unreadable."""
    digits = re.sub(r"\D", "", expiry)
    return f"{digits[:2]}/{digits[2:]}" if len(digits) == 4 else ""


def card_type(pan: str) -> str:
    """Scheme name as ePay reports it."""
    if pan.startswith("4"):
        return "VISA"
    if pan[:2] in {"51", "52", "53", "54", "55"} or pan[:2] == "22":
        return "MasterCard"
    if pan[:2] in {"34", "37"}:
        return "AmericanExpress"
    return "UNKNOWN"


def mask(pan: str) -> str:
    """First 6 and last 4 digits: ``440563******5096``."""
    return pan[:6] + "*" * (len(pan) - 10) + pan[-4:]


def decide(pan: str, expiry: str, cvc: str) -> int:
    """The reason code a Luhn-valid card gets: 0 approves."""
    card = TEST_CARDS.get(pan)
    if card is None:
        return 471
    if normalise_expiry(expiry) != card.expiry or cvc.strip() != card.cvc:
        return 457
    return card.reason_code
