"""The ePay client secret, kept only in the operating system's keyring.

Keyring entries:

* service name: ``pos-app/ePay/<environment>`` – e.g. ``pos-app/ePay/prod``,
  ``pos-app/ePay/test`` (``<environment>`` is a settings environment name);
* user name: the ePay ``client_id`` (the same one as in the settings file).

So ``keyring get pos-app/ePay/prod MYSHOP`` shows what the app would use. There is no
fallback: if no real keyring is available (the ``fail`` or ``null`` backend, a chainer with
no backends, or a plain-file backend from ``keyrings.alt``), :class:`NoKeyringError` is
raised and nothing is written anywhere. The secret is never logged or put in an exception.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from pos_app.store.keyring_import import quick_macos_lookups

__all__ = [
    "CredentialError",
    "KeyringStatus",
    "NoKeyringError",
    "delete_secret",
    "keyring_status",
    "load_secret",
    "service_name",
    "store_secret",
]

SERVICE_PREFIX = "pos-app/ePay/"
log = logging.getLogger(__name__)


class CredentialError(Exception):
    """The keyring exists but refused the operation (locked, denied, broken)."""


class NoKeyringError(CredentialError):
    """No usable keyring: the secret cannot be stored safely on this computer."""

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        super().__init__(
            "This computer has no secure password store (keyring), so the ePay secret cannot "
            "be kept. Install or unlock the system keyring, then try again."
        )


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    """Whether secrets can be stored; ``reason`` explains an unusable backend in plain words."""

    usable: bool
    backend_name: str
    reason: str = ""


def _refused(verb: str, exc: BaseException) -> str:
    return f"The keyring refused to {verb} the secret ({type(exc).__name__})."


def service_name(environment: str) -> str:
    """``"prod"`` → ``"pos-app/ePay/prod"``."""
    if not environment or "/" in environment or environment.strip() != environment:
        raise ValueError("An environment name is a single word such as 'prod' or 'test'.")
    return SERVICE_PREFIX + environment


def _describe(backend: KeyringBackend) -> str:
    """``keyring.backends.SecretService.Keyring``; a chainer names what it chains."""
    cls = type(backend)
    name = f"{cls.__module__}.{cls.__qualname__}"
    members = getattr(backend, "backends", None)
    if isinstance(members, list | tuple) and members:
        inner = ", ".join(_describe(m) for m in members)
        return f"{name} ({inner})"
    return name


def _unusable_reason(backend: KeyringBackend) -> str:
    module = type(backend).__module__
    if module.startswith("keyring.backends.fail"):
        return "No keyring backend is installed or available."
    if module.startswith("keyring.backends.null"):
        return "The keyring is switched off (null backend)."
    if module.startswith("keyrings.alt") or "plaintext" in type(backend).__name__.lower():
        return "The only keyring stores secrets in a plain file, which is not allowed."
    if module.startswith("keyring.backends.chainer"):
        inner = list(getattr(backend, "backends", []))
        if not inner:
            return "No keyring backend is available."
        reasons = [_unusable_reason(b) for b in inner]
        if all(reasons):
            return reasons[0]
    return ""


def keyring_status() -> KeyringStatus:
    """Describe the active keyring backend and whether secrets may be stored in it."""
    try:
        with quick_macos_lookups():  # the first call loads every backend
            backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration must not crash the settings UI
        log.warning("Keyring backend could not be loaded: %s", type(exc).__name__)
        return KeyringStatus(False, "unavailable", "The keyring could not be loaded.")
    reason = _unusable_reason(backend)
    return KeyringStatus(not reason, _describe(backend), reason)


def _require_keyring() -> None:
    status = keyring_status()
    if not status.usable:
        raise NoKeyringError(status.reason)


def _check_ids(environment: str, client_id: str) -> str:
    if not client_id:
        raise ValueError("A client ID is required.")
    return service_name(environment)


def store_secret(environment: str, client_id: str, secret: str) -> None:
    """Store (or replace) the client secret for ``client_id`` in ``environment``."""
    service = _check_ids(environment, client_id)
    if not secret or not secret.strip():
        raise ValueError("The client secret is empty.")
    _require_keyring()
    try:
        keyring.set_password(service, client_id, secret)
    except keyring.errors.NoKeyringError as exc:
        raise NoKeyringError(type(exc).__name__) from None
    except keyring.errors.KeyringError as exc:
        # ``from None``: a backend's message or traceback could echo what it was given.
        raise CredentialError(_refused("save", exc)) from None
    log.info("Stored the ePay secret for client %s in %s", client_id, service)


def load_secret(environment: str, client_id: str) -> str | None:
    """The stored secret, or ``None`` if none is stored. NoKeyringError without a keyring."""
    service = _check_ids(environment, client_id)
    _require_keyring()
    try:
        return keyring.get_password(service, client_id)
    except keyring.errors.NoKeyringError as exc:
        raise NoKeyringError(type(exc).__name__) from None
    except keyring.errors.KeyringError as exc:
        raise CredentialError(_refused("read", exc)) from None


def delete_secret(environment: str, client_id: str) -> bool:
    """Remove the stored secret; ``False`` if there was none."""
    service = _check_ids(environment, client_id)
    _require_keyring()
    try:
        keyring.delete_password(service, client_id)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.NoKeyringError as exc:
        raise NoKeyringError(type(exc).__name__) from None
    except keyring.errors.KeyringError as exc:
        raise CredentialError(_refused("delete", exc)) from None
    log.info("Deleted the ePay secret for client %s from %s", client_id, service)
    return True
