"""The head-office database password in the OS keyring (never in a file or a log)."""

from __future__ import annotations

import logging

import keyring
import keyring.errors

from pos_app.hq.config import KEYRING_SERVICE, HqConfig
from pos_app.store.credentials import CredentialError, NoKeyringError, keyring_status

log = logging.getLogger("pos_app.hq")


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
    """The stored password, or ``None`` (a local socket or trust set-up needs none).

    A keyring that fails in any way counts as "no password": the server then refuses the
    login with a clear message (the sync stops), instead of the sync crashing here.
    """
    try:
        return keyring.get_password(KEYRING_SERVICE, config.keyring_user)
    except Exception as exc:  # a broken keyring backend may raise anything
        log.warning("head-office password: the keyring failed (%s)", type(exc).__name__)
        return None
