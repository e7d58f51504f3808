"""The administrator PIN: a salted scrypt hash with growing delays after wrong attempts.

The PIN itself is never stored. The file (``admin-pin.json`` in the data folder) holds::

    {"version": 1, "kdf": "scrypt", "n": 32768, "r": 8, "p": 1,
     "salt": "<16 bytes hex>", "hash": "<32 bytes hex>",
     "failures": 0, "locked_until": 0.0}

``failures`` and ``locked_until`` survive a restart, so restarting the till does not reset the
delay. After the third wrong PIN in a row each further one locks the prompt for longer
(:data:`DELAYS`); the right PIN resets the counter. A missing file means "no PIN set yet";
a damaged file is treated as "locked, set up again with the administrator" rather than as no
PIN, so corrupting the file cannot open the settings.

This is a lock for the till's own screens and commands, not a security boundary: the file sits
in the data folder of the OS account the till runs as, so that account can delete it (and so
reset the PIN and its delays). The boundary is the OS account: the cashier's account must not be
able to write the data folder (README, "The admin PIN and the OS account").

**Cost.** scrypt with N = 2**15, r = 8 (32 MiB): 0.25 s per check on the project's machine
(median of 5, ``scripts/bench_pin.py``); a shop PC about twice as slow stays near the 0.5 s a
cashier can wait. N = 2**16 already takes 0.63 s here. A file with a lower N is re-hashed at
the next right PIN, so raising the cost needs no migration.

**Length.** New PINs have 6 to 12 digits. A 4- or 5-digit PIN set before that still opens the
door once more, and :attr:`PinCheck.must_change` then asks the caller to have a longer one set
(the till does so before the protected action runs; ``pos-app configure`` says so).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_app.store import paths
from pos_app.store.db import storage_errors

__all__ = ["DELAYS", "PinCheck", "PinError", "PinStore", "default_pin_path", "pin_problem"]

FILE_NAME = "admin-pin.json"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MIN_LENGTH, MAX_LENGTH = 6, 12
# Seconds to wait after the 1st, 2nd, 3rd, ... consecutive wrong PIN; the last value repeats.
DELAYS = (0, 0, 0, 5, 15, 60, 300, 900)


class PinError(Exception):
    """The PIN file cannot be used (damaged, or unwritable); ``str()`` says so in plain words."""


@dataclass(frozen=True, slots=True)
class PinCheck:
    """Result of :meth:`PinStore.verify`. ``wait`` is the seconds before the next try."""

    ok: bool
    wait: float = 0.0
    failures: int = 0
    locked: bool = False  # True: the attempt was not even checked (still waiting)
    must_change: bool = False  # right, but shorter than MIN_LENGTH: have a new PIN set now


def default_pin_path() -> Path:
    """``<data dir>/admin-pin.json``."""
    return paths.data_dir() / FILE_NAME


def pin_problem(pin: str) -> str:
    """Plain-English reason why ``pin`` is not acceptable as a new PIN, or ``""``."""
    if not pin.isascii() or not pin.isdigit():
        return "Use digits only."
    if not MIN_LENGTH <= len(pin) <= MAX_LENGTH:
        return f"Use {MIN_LENGTH} to {MAX_LENGTH} digits."
    if len(set(pin)) == 1:
        return "Do not use the same digit only."
    return ""


def _hash(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES,
                          maxmem=2 * 128 * r * n)


def _sane_cost(n: int, r: int, p: int) -> bool:
    """A cost this module could have written (a huge one would exhaust memory)."""
    return 2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 16 and p == 1


def _record(pin: str) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _hash(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return {"version": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
            "salt": salt.hex(), "hash": digest.hex(), "failures": 0, "locked_until": 0.0}


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong PINs."""
    if failures <= 0:
        return 0.0
    return float(DELAYS[min(failures, len(DELAYS)) - 1])


class PinStore:
    """Set and check the admin PIN kept in ``path``. Thread-unsafe; used from the GUI thread."""

    def __init__(self, path: Path | None = None, *,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = path if path is not None else default_pin_path()
        self._clock = clock

    @classmethod
    def default(cls) -> PinStore:
        return cls(default_pin_path())

    # -- reading and writing the file ---------------------------------------------------------

    def _read(self) -> dict[str, Any] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise PinError("The admin PIN file cannot be read.") from exc
        try:
            data = json.loads(text)
            ok = (isinstance(data, dict) and data.get("kdf") == "scrypt"
                  and len(bytes.fromhex(data["salt"])) == SALT_BYTES
                  and len(bytes.fromhex(data["hash"])) == HASH_BYTES
                  and all(isinstance(data[k], int) for k in ("n", "r", "p", "failures"))
                  and isinstance(data["locked_until"], int | float)
                  and _sane_cost(data["n"], data["r"], data["p"]))
        except (ValueError, KeyError, TypeError):
            ok = False
        if not ok:
            raise PinError("The admin PIN file is damaged. Ask the administrator to reset it.")
        return dict(data)

    def _write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, indent=2, sort_keys=True) + "\n"
        with storage_errors():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp",
                                       dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    # -- public API ---------------------------------------------------------------------------

    def is_set(self) -> bool:
        """Whether a PIN exists (a damaged file counts as set: it must not open the door)."""
        try:
            return self._read() is not None
        except PinError:
            return True

    def set_pin(self, pin: str) -> None:
        """Replace the PIN (callers guard this with the old PIN). ValueError for a weak PIN."""
        problem = pin_problem(pin)
        if problem:
            raise ValueError(problem)
        self._write(_record(pin))

    def wait_seconds(self) -> float:
        """Seconds until the next attempt is allowed (0 when it may be tried now)."""
        data = self._read()
        if data is None:
            return 0.0
        return max(0.0, float(data["locked_until"]) - self._clock())

    def verify(self, pin: str) -> PinCheck:
        """Check ``pin``; a wrong one is counted and may lock further tries for a while.

        Raises PinError when no PIN is set or the file is damaged.
        """
        data = self._read()
        if data is None:
            raise PinError("No admin PIN has been set.")
        now = self._clock()
        failures = int(data["failures"])
        remaining = float(data["locked_until"]) - now
        if remaining > 0:
            return PinCheck(False, remaining, failures, locked=True)
        candidate = _hash(pin, bytes.fromhex(data["salt"]), data["n"], data["r"], data["p"])
        if hmac.compare_digest(candidate, bytes.fromhex(data["hash"])):
            if (data["n"], data["r"]) != (SCRYPT_N, SCRYPT_R):
                self._write(_record(pin))  # re-hashed at today's cost; the counter starts at 0
            elif failures or data["locked_until"]:
                data.update(failures=0, locked_until=0.0)
                self._write(data)
            return PinCheck(True, must_change=len(pin) < MIN_LENGTH)
        failures += 1
        wait = delay_after(failures)
        data.update(failures=failures, locked_until=now + wait if wait else 0.0)
        self._write(data)
        return PinCheck(False, wait, failures)
