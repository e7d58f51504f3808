"""Search files for a secret in every form it could be written: raw UTF-8, UTF-16, URL-encoded,
JSON-escaped, base64 (standard and URL-safe, at every byte alignment), its first characters (a
token prefix) and inside LZ-compressed payform ``params=`` values (decompressed first)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import quote, quote_plus, unquote

from lzstring import LZString  # type: ignore[import-untyped]

PREFIX = 12  # characters of a token that identify it (a logged "abc123def456…")
_PARAMS = re.compile(rb"params=([A-Za-z0-9+\-$_%.]{8,})")


def _base64_cores(raw: bytes) -> dict[str, bytes]:
    """The part of ``raw``'s base64 that is the same wherever ``raw`` starts in a longer text."""
    cores: dict[str, bytes] = {}
    for pad in range(3):
        for name, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
            encoded = encode(b"\0" * pad + raw)
            start = -(-8 * pad // 6)  # the first character no padding byte touches
            core = encoded[start:start + (len(raw) * 8) // 6 - 2]
            if len(core) >= 8:
                cores[f"{name}@{pad}"] = core
    return cores


def forms(secret: str) -> dict[str, bytes]:
    """Every form of ``secret`` to look for, by name."""
    raw = secret.encode()
    found = {
        "utf-8": raw,
        "utf-16-le": secret.encode("utf-16-le"),
        "utf-16-be": secret.encode("utf-16-be"),
        "url-encoded": quote(secret, safe="").encode(),
        "form-encoded": quote_plus(secret).encode(),
        "json-escaped": json.dumps(secret)[1:-1].encode(),
        **_base64_cores(raw),
    }
    if len(secret) > PREFIX + 4:
        found["prefix"] = secret[:PREFIX].encode()
    return found


def lz_params(data: bytes) -> list[str]:
    """Every ``params=`` value in ``data`` that decompresses (the payform link's payment object)."""
    texts: list[str] = []
    for match in _PARAMS.finditer(data):
        value = unquote(match.group(1).decode("ascii", "replace"))
        try:
            text = LZString().decompressFromEncodedURIComponent(value)
        except Exception:  # not LZ data: nothing hidden in it
            continue
        if text:
            texts.append(text)
    return texts


def findings(files: Iterable[Path], secrets: Mapping[str, str]) -> list[str]:
    """``"<name> as <form> in <file>"`` for every secret found in any form in any file."""
    patterns = {(name, form): needle for name, secret in secrets.items()
                for form, needle in forms(secret).items()}
    found: list[str] = []
    for path in files:
        data = path.read_bytes()
        hidden = [text.encode() for text in lz_params(data)]
        for (name, form), needle in patterns.items():
            if needle in data:
                found.append(f"{name} as {form} in {path}")
            elif form == "utf-8" and any(needle in text for text in hidden):
                found.append(f"{name} LZ-compressed in params= in {path}")
    return found


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]
