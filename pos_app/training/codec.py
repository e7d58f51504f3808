"""Strict decoder of the payform's ``params`` (reference §3.3).

The widget sends ``LZString.compressToEncodedURIComponent(encodeParams(paymentObject))``.
Decoding reverses it: LZ-decompress, split the query string, and parse the nested ``auth``
query. This is the emulator's own implementation; it shares no code with ``pos_app.epay``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote, unquote

import lzstring

# compressToEncodedURIComponent's alphabet; compressToBase64 output has "/" or "=" instead.
_URI_ALPHABET = re.compile(r"[A-Za-z0-9+\-$]+")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SAFE = "!*'()"  # with A-Z a-z 0-9 - _ . ~: what encodeURIComponent keeps


class CodecError(ValueError):
    """``params`` could not be decoded."""


Params = dict[str, "str | dict[str, str]"]


def parse_query(text: str) -> dict[str, str]:
    """Split ``k=v&k2=v2`` as ``encodeParams`` builds it (keys raw, values encodeURIComponent).

    ``+`` stays a plus: encodeURIComponent never produces a raw ``+`` for a space.
    """
    result: dict[str, str] = {}
    if not text:
        return result
    for part in text.split("&"):
        key, sep, value = part.partition("=")
        if not sep or not _KEY.fullmatch(key):
            raise CodecError("malformed query")
        result[key] = unquote(value, errors="strict")
    return result


def decompress(packed: str) -> str:
    """LZ ``decompressFromEncodedURIComponent`` with strict input checks."""
    packed = packed.replace(" ", "+")  # as the JS decoder does
    if not packed or not _URI_ALPHABET.fullmatch(packed):
        raise CodecError("params is not compressToEncodedURIComponent output")
    try:
        text = lzstring.LZString().decompressFromEncodedURIComponent(packed)
    except Exception as exc:  # the library raises assorted errors on garbage
        raise CodecError("params does not decompress") from exc
    if not isinstance(text, str) or not text:
        raise CodecError("params does not decompress")
    return text


def decode_params(packed: str) -> Params:
    """Decode ``params`` into a dict; ``auth`` becomes a dict when it is a nested query.

    A bare-string ``auth`` (only the ``access_token``) stays a string; the caller decides.
    """
    text = decompress(packed)
    try:
        flat = parse_query(text)
    except (UnicodeDecodeError, CodecError) as exc:
        raise CodecError("params is not a query string") from exc
    result: Params = dict(flat)
    auth = flat.get("auth")
    if auth is not None and "=" in auth:
        try:
            result["auth"] = parse_query(auth)
        except (UnicodeDecodeError, CodecError) as exc:
            raise CodecError("auth is not a query string") from exc
    return result


def encode_params(value: object) -> str:
    """The script's ``encodeParams`` (used by the invoice-link redirect)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "&".join(f"{k}={quote(encode_params(v), safe=_SAFE)}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def pack(value: dict[str, object]) -> str:
    """``LZString.compressToEncodedURIComponent(encodeParams(value))``."""
    packed: str = lzstring.LZString().compressToEncodedURIComponent(encode_params(value))
    return packed
