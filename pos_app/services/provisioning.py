"""Saving settings and the client secret together: both or neither.

Used by the settings dialog, the first-run wizard and ``pos-app configure``. The secret goes
to the OS keyring only (:mod:`pos_app.store.credentials`); the settings file never holds it.
Order: validate everything, store the secret, write the settings; if writing the settings
fails, the keyring entry is put back as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path

import httpx

from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, Credentials, EpayHosts
from pos_app.epay.transport import RetryPolicy
from pos_app.store import credentials
from pos_app.store.errors import StorageError
from pos_app.store.settings import Settings, SettingsError
from pos_app.store.settings import save as save_settings

log = logging.getLogger("pos_app.services.provisioning")

# Environments whose payments use the merchant's own credentials from the keyring.
KEYRING_ENVIRONMENTS = ("test", "test-new", "prod")


class ConfigurationError(Exception):
    """Nothing was saved. ``errors`` maps a settings field (or ``"client_secret"``) → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def secret_problem(settings: Settings, secret: str | None, *, have_stored: bool) -> str:
    """Why the secret (or its absence) does not fit ``settings``; ``""`` when fine."""
    if secret is not None and secret != secret.strip():
        return "The secret must not start or end with a space."
    if secret is not None and (len(secret) > 200 or any(ord(c) < 32 for c in secret)):
        return "This does not look like an ePay client secret."
    if settings.environment not in KEYRING_ENVIRONMENTS:
        return ""
    if secret and not settings.client_id:
        return "Enter the client ID that this secret belongs to."
    if settings.client_id and not secret and not have_stored:
        return "Enter the client secret issued by the bank."
    return ""


def stored_secret(environment: str, client_id: str) -> str | None:
    """The secret in the keyring, or None when none is stored or no keyring can be read."""
    if environment not in KEYRING_ENVIRONMENTS or not client_id:
        return None
    try:
        return credentials.load_secret(environment, client_id)
    except credentials.CredentialError:
        return None


def apply_configuration(path: Path, settings: Settings, secret: str | None) -> None:
    """Store ``secret`` (if given) in the keyring and ``settings`` in ``path``, atomically.

    ``secret=None`` keeps whatever the keyring holds; in training a secret is ignored.
    Raises :class:`ConfigurationError` (nothing changed) for invalid input, a missing
    keyring, or an unwritable settings file.
    """
    errors = dict(settings.validate())
    # Training needs no secret; one typed there is not kept anywhere.
    secret = secret if secret and settings.environment in KEYRING_ENVIRONMENTS else None
    needs_keyring = settings.environment in KEYRING_ENVIRONMENTS and bool(settings.client_id)
    status = credentials.keyring_status()
    have_stored = needs_keyring and status.usable and (
        stored_secret(settings.environment, settings.client_id) is not None)
    problem = secret_problem(settings, secret, have_stored=have_stored)
    if (secret or needs_keyring) and not status.usable:
        problem = ("No secure keyring is available on this computer, so the secret cannot be "
                   f"stored. {status.reason}").strip()
    if problem:
        errors["client_secret"] = problem
    if errors:
        raise ConfigurationError(errors)

    previous: str | None = None
    if secret is not None:
        try:
            previous = credentials.load_secret(settings.environment, settings.client_id)
            credentials.store_secret(settings.environment, settings.client_id, secret)
        except credentials.CredentialError as exc:
            raise ConfigurationError({"client_secret": str(exc)}) from None
    try:
        save_settings(path, settings)
    except (SettingsError, StorageError) as exc:
        if secret is not None:
            _restore(settings.environment, settings.client_id, previous)
        if isinstance(exc, SettingsError):
            raise ConfigurationError(exc.errors) from None
        raise ConfigurationError({"file": f"The settings could not be saved: {exc}"}) from None
    log.info("configuration saved: environment %s, client %s, secret %s",
             settings.environment, settings.client_id or "-",
             "replaced" if secret is not None else "unchanged")


def _restore(environment: str, client_id: str, previous: str | None) -> None:
    try:
        if previous is None:
            credentials.delete_secret(environment, client_id)
        else:
            credentials.store_secret(environment, client_id, previous)
    except credentials.CredentialError:
        log.error("could not roll back the keyring entry for client %s", client_id)


def connection_credentials(environment: str, client_id: str, secret: str,
                           terminal_id: str, shop_id: str = "") -> Credentials:
    """The credentials a connection test uses: the typed ones, or the published test merchant
    when ``test`` has none typed."""
    if environment in ("test", "test-new") and not client_id and not secret:
        return TEST_MERCHANT
    return Credentials(client_id, secret, terminal_id, shop_id)


def check_connection(hosts: EpayHosts, creds: Credentials, *,
                    timeout: float = 10.0) -> float:
    """Obtain a service token; returns its lifetime in seconds. Raises an ``EpayError``.

    No retries, so a wrong secret or a dead host is reported within ``timeout`` seconds.
    """
    client = EpayClient(hosts, creds, timeout=httpx.Timeout(timeout),
                        retry=RetryPolicy(attempts=1))
    try:
        token = client.service_token()
    finally:
        client.close()
    return float(token.expires_in or 0)
