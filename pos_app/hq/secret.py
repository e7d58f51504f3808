"""The head-office database password in the OS keyring (never in a file or a log)."""

from __future__ import annotations

import keyring
import keyring.errors

from pos_app.hq.config import KEYRING_SERVICE, HqConfig
from pos_app.store.credentials import CredentialError, NoKeyringError, keyring_status


def store_password(config: HqConfig, password: str) -> None:
    """Store (or replace) the password of ``config.url``'s user."""
    status = keyring_status()
    if not status.usable:
        raise NoKeyringError(status.reason)
    try:
        keyring.set_password(KEYRING_SERVICE, config.keyring_user, password)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"The keyring refused to save ({type(exc).__name__}).") from None


def load_password(config: HqConfig) -> str | None:
    """The stored password, or ``None`` (a local socket or trust set-up needs none)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, config.keyring_user)
    except keyring.errors.KeyringError:
        return None
