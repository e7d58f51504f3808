"""Scrub secrets from text before it reaches a log record or an exception.

The client never formats a body, token or secret into a message in the first place; this is
the second line of defence for anything that comes from outside (a bank's error ``message``)
or is assembled from several parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "***"
MAX_LENGTH = 200

# 13-19 digits, optionally grouped by spaces or dashes as people type card numbers.
_PAN = re.compile(r"(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])")
# "Bearer <token>" and key=value / "key": "value" pairs whose value is a credential.
_BEARER = re.compile(r"(?i)\bbearer\s+[^\s\"',;]+")
_KEY_VALUE = re.compile(
    r"(?i)(?<![\w/.-])(\"?(?:access_token|refresh_token|client_secret|password|secret_hash|token)\"?"
    r"\s*[:=]\s*\"?)([^\s\"&,;}]+)"
)


def luhn_ok(digits: str) -> bool:
    """The card-number check digit test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _mask_pan(match: re.Match[str]) -> str:
    digits = re.sub(r"[ -]", "", match.group(0))
    if not luhn_ok(digits):
        return match.group(0)  # an invoice number or a reference, not a card
    return f"{digits[:6]}{MASK}{digits[-4:]}" if len(digits) >= 16 else f"{MASK}{digits[-4:]}"


def redact(text: str, secrets: Iterable[str] = (), *, limit: int = MAX_LENGTH) -> str:
    """``text`` with known ``secrets``, bearer tokens, credential fields and card numbers masked.

    Card numbers are recognised by length and Luhn check; a 16-19 digit number keeps its first
    six and last four digits (what PCI DSS allows on a receipt), a shorter one its last four.
    The result is cut to ``limit`` characters so a whole response body never slips through.
    """
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _BEARER.sub(f"Bearer {MASK}", text)
    text = _KEY_VALUE.sub(lambda m: m.group(1) + MASK, text)
    text = _PAN.sub(_mask_pan, text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
