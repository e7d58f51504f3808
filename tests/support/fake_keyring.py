"""Keyring backends for tests: in memory, or a JSON file for subprocesses.

A subprocess picks the file backend with
``PYTHON_KEYRING_BACKEND=tests.support.fake_keyring.FileKeyring`` and
``POS_APP_TEST_KEYRING_FILE=<path>`` (keep that file outside ``POS_APP_HOME``).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, KeyringLocked, PasswordDeleteError

FILE_ENV = "POS_APP_TEST_KEYRING_FILE"
BACKEND = "tests.support.fake_keyring.FileKeyring"


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class ThreadKeyring(MemoryKeyring):
    """A :class:`MemoryKeyring` that remembers the thread of every read."""

    def __init__(self) -> None:
        super().__init__()
        self.read_on: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.read_on.append(threading.current_thread().name)
        return super().get_password(service, username)


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but locked: every read is refused."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the login keyring is locked")


@contextlib.contextmanager
def installed(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """``backend`` as this process's keyring for the ``with`` block."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


class FileKeyring(KeyringBackend):
    """Test-only: entries in the JSON file named by ``POS_APP_TEST_KEYRING_FILE``."""

    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ[FILE_ENV])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        items = self._load()
        items[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(items), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        items = self._load()
        if items.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not found")
        self.path.write_text(json.dumps(items), encoding="utf-8")

    def entries(self) -> dict[tuple[str, str], str]:
        return {tuple(k.split("\n", 1)): v for k, v in self._load().items()}  # type: ignore[misc]


GATED_BACKEND = "tests.support.fake_keyring.GatedFileKeyring"


class GatedFileKeyring(FileKeyring):
    """A :class:`FileKeyring` whose reads wait until ``<file>.open`` exists: a keyring that
    answers only when the test says so (a slow or locked Secret Service)."""

    def get_password(self, service: str, username: str) -> str | None:
        gate = self.path.with_name(self.path.name + ".open")
        deadline = time.monotonic() + 120
        while not gate.exists():
            if time.monotonic() > deadline:
                raise KeyringError("the test never opened the gate")
            time.sleep(0.02)
        return super().get_password(service, username)
