"""Keyring backends for tests: in memory, or a JSON file for subprocesses.

A subprocess picks the file backend with
``PYTHON_KEYRING_BACKEND=tests.support.fake_keyring.FileKeyring`` and
``POS_APP_TEST_KEYRING_FILE=<path>`` (keep that file outside ``POS_APP_HOME``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

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
