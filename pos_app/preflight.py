"""What the till will run against, checked before any window shows: hosts and credentials.

Cheap on purpose (no journal, no network, few imports): ``pos-app`` calls :func:`check_setup`
before its window and says a missing secret on stderr; :func:`pos_app.runtime.assemble` then
makes the :class:`~pos_app.runtime.Runtime` (journal, services, emulator), on a worker thread
in the GUI.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from pos_app.epay.config import TEST_MERCHANT, Credentials, EpayHosts, hosts_for
from pos_app.store import paths
from pos_app.store.settings import Settings
from pos_app.store.settings import load as load_settings


class SetupError(Exception):
    """The till cannot run with this configuration; ``str()`` says what to do."""


def resolve_credentials(environment: str, settings: Settings) -> Credentials:
    """Training and unconfigured ``test`` use the published test merchant; prod: keyring."""
    if environment == "training":
        return TEST_MERCHANT
    if settings.client_id and settings.terminal_id and settings.environment == environment:
        from pos_app.store.credentials import load_secret

        secret = load_secret(environment, settings.client_id)
        if secret:
            return Credentials(settings.client_id, secret, settings.terminal_id, settings.shop_id)
        if environment != "test":
            raise SetupError(
                "The client secret is not in the system keyring. Run the settings or "
                "`pos-app configure` to store it."
            )
    if environment in ("test", "test-new"):
        return TEST_MERCHANT
    raise SetupError("This till has no ePay credentials. Open the settings to enter them.")


@dataclass(frozen=True)
class Setup:
    """What the till will run against, checked before any window shows: cheap, no journal,
    no network. :func:`pos_app.runtime.assemble` then makes the runtime (journal, services,
    emulator)."""

    environment: str
    settings: Settings
    credentials: Credentials
    hosts: EpayHosts | None  # None in training mode until the emulator's ports are known
    emulator_urls: dict[str, str] | None = None


def check_setup(
    environment: str,
    *,
    settings: Settings | None = None,
    emulator_urls: dict[str, str] | None = None,
) -> Setup:
    """Hosts and credentials for ``environment``; :class:`SetupError` says what is missing."""
    settings = settings or load_settings(paths.settings_path())
    hosts: EpayHosts | None = None
    if environment != "training":
        try:
            hosts = hosts_for(environment, os.environ)
        except ValueError as exc:
            raise SetupError(str(exc)) from exc
    credentials = resolve_credentials(environment, settings)
    return Setup(environment, settings, credentials, hosts, emulator_urls)
