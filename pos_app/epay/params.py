"""How ``payment-api.js`` packs a payment object into the payform URL (reference §3.3).

``encodeParams`` turns the object into a query string (nested objects, in practice ``auth``,
become one percent-encoded value), then LZ-string ``compressToEncodedURIComponent`` packs it.
Used for the redirect fallback and the self-built QR link; the widget packs its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from urllib.parse import quote

# encodeURIComponent keeps A-Z a-z 0-9 - _ . ~ (quote keeps those) and these:
_SAFE = "!*'()"


def encode_params(value: object) -> str:
    """Mirror of the script's ``encodeParams``: JavaScript string conversion per leaf."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        return "&".join(
            f"{key}={quote(encode_params(child), safe=_SAFE)}" for key, child in value.items()
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # JavaScript prints 100.0 as "100"
    return str(value)


def pack_params(payment_object: Mapping[str, object]) -> str:
    """The ``params`` value: LZ-string ``compressToEncodedURIComponent(encodeParams(obj))``."""
    import lzstring  # type: ignore[import-untyped, unused-ignore]  # ~1.5 ms, not at start-up

    packed: str = lzstring.LZString().compressToEncodedURIComponent(encode_params(payment_object))
    return packed


def payform_link(payform_url: str, payment_object: Mapping[str, object], *, framed: bool) -> str:
    """The URL ``halyk.pay`` (``framed=False``) or ``showPaymentWidget`` (``True``) opens."""
    url = f"{payform_url}?params={pack_params(payment_object)}"
    return url + "&isShortForm=true" if framed else url
