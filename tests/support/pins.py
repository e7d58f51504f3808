"""Admin PIN files as older versions of the till wrote them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def legacy_pin_file(path: Path, pin: str, n: int = 2**14) -> None:
    """A PIN file from before PINs had 6 digits (scrypt N = 2**14), two wrong tries counted."""
    salt = bytes(range(16))
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=8, p=1, dklen=32)
    path.write_text(json.dumps({"version": 1, "kdf": "scrypt", "n": n, "r": 8, "p": 1,
                                "salt": salt.hex(), "hash": digest.hex(), "failures": 2,
                                "locked_until": 0.0}))
