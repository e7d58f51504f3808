"""The register's API key and the cashier password, kept only in the OS keyring.

Keyring entries (service ``pos-app/Webkassa/<environment>``): user ``api-key`` holds the API key
issued to the integrator for that environment; user ``<login>`` holds that login's password.
No fallback: without a usable keyring :class:`NoKeyringError` is raised and nothing is written.
"""

from __future__ import annotations

import keyring
import keyring.errors

from pos_app.store.credentials import CredentialError, NoKeyringError, keyring_status

API_KEY_USER = "api-key"


def fiscal_service(provider: str, environment: str) -> str:
    if provider != "webkassa" or environment not in ("test", "prod"):
        raise ValueError("Register secrets exist for webkassa in test or prod only.")
    return f"pos-app/Webkassa/{environment}"


def _usable() -> None:
    status = keyring_status()
    if not status.usable:
        raise NoKeyringError(status.reason)


def store_fiscal_secrets(provider: str, environment: str, login: str, api_key: str,
                         password: str) -> None:
    """Store both secrets; if the second fails, the first is put back as it was."""
    service = fiscal_service(provider, environment)
    if not login or not api_key.strip() or not password:
        raise ValueError("The login, API key and password must not be empty.")
    _usable()
    previous = load_fiscal_secrets(provider, environment, login)
    try:
        keyring.set_password(service, API_KEY_USER, api_key)
        try:
            keyring.set_password(service, login, password)
        except keyring.errors.KeyringError:
            if previous[0] is not None:
                keyring.set_password(service, API_KEY_USER, previous[0])
            raise
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"The keyring refused to save the register secrets "
                              f"({type(exc).__name__}).") from None


def load_fiscal_secrets(provider: str, environment: str,
                        login: str) -> tuple[str | None, str | None]:
    """(API key, password), each None when not stored."""
    service = fiscal_service(provider, environment)
    _usable()
    try:
        return (keyring.get_password(service, API_KEY_USER),
                keyring.get_password(service, login) if login else None)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"The keyring refused to read the register secrets "
                              f"({type(exc).__name__}).") from None
