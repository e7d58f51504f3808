"""What the till will run against, checked before any window shows: hosts and credentials.

Cheap on purpose (no journal, no network, few imports): ``pos-app`` calls :func:`check_setup`
before its window; :func:`pos_app.runtime.assemble` then makes the
:class:`~pos_app.runtime.Runtime` (journal, services, emulator), on a worker thread in the GUI.

The one slow part, a secret kept in the system keyring, is left to ``assemble`` when the
caller asks (``secret=False``): importing ``keyring``, finding its backend and asking the
Secret Service took 0.2 s and more before the window of a configured till could even be built
(measured 2026-12-02: 106–111 ms import, 115–126 ms the read, on this 2-core machine). The
services' thread of ``pos-app`` reads it while the window is built; a missing or locked secret
is then said in the window (:class:`pos_app.ui.startup.Startup`) and on stderr.
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


def secret_in_keyring(environment: str, settings: Settings) -> bool:
    """Whether :func:`resolve_credentials` asks the system keyring (this merchant is set up for
    ``environment``), rather than using the published test merchant or failing at once."""
    return (environment != "training" and bool(settings.client_id and settings.terminal_id)
            and settings.environment == environment)


def resolve_credentials(environment: str, settings: Settings) -> Credentials:
    """Training and unconfigured ``test`` use the published test merchant; prod: keyring."""
    if environment == "training":
        return TEST_MERCHANT
    if secret_in_keyring(environment, settings):
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
    credentials: Credentials | None  # None: in the keyring, not read yet (``secret=False``)
    hosts: EpayHosts | None  # None in training mode until the emulator's ports are known
    emulator_urls: dict[str, str] | None = None

    def resolved_credentials(self) -> Credentials:
        """The credentials, read from the system keyring now if :func:`check_setup` left them
        there. Raises :class:`SetupError` or :class:`~pos_app.store.credentials.CredentialError`
        (``NoKeyringError`` among them) as :func:`resolve_credentials` does."""
        if self.credentials is not None:
            return self.credentials
        return resolve_credentials(self.environment, self.settings)


def check_setup(
    environment: str,
    *,
    settings: Settings | None = None,
    emulator_urls: dict[str, str] | None = None,
    secret: bool = True,
) -> Setup:
    """Hosts and credentials for ``environment``; :class:`SetupError` says what is missing.

    ``secret=False``: a secret kept in the system keyring is not read now; ``credentials`` is
    then ``None`` and :meth:`Setup.resolved_credentials` reads it later (module docstring)."""
    settings = settings or load_settings(paths.settings_path())
    hosts: EpayHosts | None = None
    if environment != "training":
        try:
            hosts = hosts_for(environment, os.environ)
        except ValueError as exc:
            raise SetupError(str(exc)) from exc
    later = not secret and secret_in_keyring(environment, settings)
    credentials = None if later else resolve_credentials(environment, settings)
    return Setup(environment, settings, credentials, hosts, emulator_urls)
