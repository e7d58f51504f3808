"""The administrator PIN: a salted scrypt hash with growing delays after wrong attempts.

The PIN itself is never stored. The file (``admin-pin.json`` in the data folder) holds::

    {"version": 1, "kdf": "scrypt", "n": 32768, "r": 8, "p": 1,
     "salt": "<16 bytes hex>", "hash": "<32 bytes hex>",
     "failures": 0, "locked_until": 0.0}

After the third wrong PIN in a row each further one locks the prompt for longer
(:data:`DELAYS`); the right PIN resets the counter. ``failures`` and ``locked_until`` survive a
restart. The running process keeps its own copy of them too, so deleting or rewriting the file
does not reset them, and once this process has seen a PIN a missing file counts as "locked"
rather than "no PIN yet". A missing file at start means "no PIN set yet"; a damaged one is
"locked, set up again with the administrator", so corrupting the file cannot open the settings.
When the file cannot be written (an administrator made it read-only for the cashier's account),
the delays are kept in memory and checks still work.

This is a lock for the till's own screens and commands, not a security boundary: the file sits
in the data folder of the OS account the till runs as, so that account can delete it between
two starts (and so reset the PIN and its delays). The boundary is the OS account: the
cashier's account must not be able to replace this file or the settings (README, "The admin
PIN and the OS account").

**Cost.** scrypt with N = 2**15, r = 8 (32 MiB per check). Measured with
``scripts/bench_pin.py`` on the project's machine (one core of a shared Intel Xeon), medians of
5 runs on 2026-12-01: N = 2**14 0.12-0.17 s, **2**15 0.25-0.35 s**, 2**16 0.63-0.92 s. No slow
shop PC was at hand: on one 1.5-2 times slower per core (a Celeron-class mini PC), 2**15 lands
at about 0.4-0.7 s, the most a cashier's 0.5 s allows; 2**16 would take 1-2 s. Run the script
on the slowest PC you deploy to before raising it. A file with another N is re-hashed at the
next right PIN, so changing the cost needs no migration.

**Length.** New PINs have 6 to 12 digits. A 4- or 5-digit PIN set before that still opens the
door once more, and :attr:`PinCheck.must_change` then asks the caller to have a longer one set
(the till does so before the protected action runs; ``pos-app configure`` says so).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
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
from pos_app.store.errors import StorageError

__all__ = ["DELAYS", "PinCheck", "PinError", "PinStore", "default_pin_path", "pin_problem"]

FILE_NAME = "admin-pin.json"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SALT_BYTES, HASH_BYTES = 16, 32
MIN_LENGTH, MAX_LENGTH = 6, 12
log = logging.getLogger("pos_app.store.pin")
# What this process knows of each PIN file (by absolute path): that a PIN exists, and its
# failure count and lock, so neither is reset by deleting or rewriting the file.
_SEEN: dict[Path, tuple[int, float]] = {}
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

    @property
    def _key(self) -> Path:
        return self.path.absolute()

    def _read(self) -> dict[str, Any] | None:
        data = self._read_file()
        seen = _SEEN.get(self._key)
        if data is None:
            if seen is not None:
                raise PinError("The admin PIN file is missing. Ask the administrator to set it "
                               "up again.")
            return None
        if seen is not None:
            data["failures"] = max(int(data["failures"]), seen[0])
            data["locked_until"] = max(float(data["locked_until"]), seen[1])
        _SEEN[self._key] = (int(data["failures"]), float(data["locked_until"]))
        return data

    def _read_file(self) -> dict[str, Any] | None:
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
        _SEEN[self._key] = (0, 0.0)

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
                self._keep(_record(pin))  # re-hashed at today's cost; the counter starts at 0
            elif failures or data["locked_until"]:
                data.update(failures=0, locked_until=0.0)
                self._keep(data)
            return PinCheck(True, must_change=len(pin) < MIN_LENGTH)
        failures += 1
        wait = delay_after(failures)
        data.update(failures=failures, locked_until=now + wait if wait else 0.0)
        self._keep(data)
        return PinCheck(False, wait, failures)

    def _keep(self, data: dict[str, Any]) -> None:
        """Remember the counter in memory, then in the file when it can be written."""
        _SEEN[self._key] = (int(data["failures"]), float(data["locked_until"]))
        try:
            self._write(data)
        except StorageError as exc:
            log.warning("the admin PIN file cannot be written (%s); delays are kept in memory",
                        exc.code)
