"""Wiring without Qt: settings + environment → hosts, credentials, client, journal, services.

Used by the GUI (``pos_app.ui.startup``, ``pos_app.ui.app``) and the CLI (``journal``,
``doctor``). Training mode starts the ePay emulator in-process on loopback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pos_app.epay.config import Credentials, EpayHosts, training_hosts
from pos_app.preflight import Setup, SetupError, check_setup, resolve_credentials
from pos_app.store.settings import Settings

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient
    from pos_app.services.checkout import CheckoutService
    from pos_app.services.reconcile import Reconciler
    from pos_app.store.journal import Journal

__all__ = [
    "Runtime", "Setup", "SetupError", "assemble", "build_runtime", "check_setup",
    "resolve_credentials",
]
log = logging.getLogger("pos_app.runtime")


@dataclass
class Runtime:
    environment: str
    settings: Settings
    hosts: EpayHosts
    credentials: Credentials
    journal: Journal
    client: EpayClient
    checkout: CheckoutService
    reconciler: Reconciler
    emulator: Any = None  # pos_app.training.Emulator in training mode
    extras: dict[str, Any] = field(default_factory=dict)

    def close(self) -> None:
        self.client.close()
        if "fiscal_runtime" in self.extras:
            self.extras["fiscal_runtime"].close()
        self.journal.close()
        if self.emulator is not None:
            self.emulator.stop()


def assemble(setup: Setup) -> Runtime:
    """Read the secret from the system keyring if :func:`check_setup` left it there, open the
    journal, start training mode's emulator, build the ePay client (httpx and its TLS
    context) and the services: everything the first payment needs. Qt-free, any thread;
    ``pos-app`` runs it on a worker while the window is built and the cashier types."""
    credentials = setup.resolved_credentials()  # the system keyring, if not read yet: first
    from datetime import timedelta
    from decimal import Decimal

    from pos_app.epay.client import EpayClient
    from pos_app.services.checkout import CheckoutOptions, CheckoutService
    from pos_app.services.reconcile import Reconciler
    from pos_app.store.journal_files import open_journal

    settings = setup.settings
    journal = open_journal(setup.environment, configured=settings.environment,
                           prefix=settings.invoice_prefix)
    emulator: Any = None
    try:
        hosts = setup.hosts
        if hosts is None:  # training mode
            urls = setup.emulator_urls
            if urls is None:
                from pos_app.training import Emulator

                emulator = Emulator().start()
                urls = emulator.urls
            hosts = training_hosts(urls["api"], urls["form"])
        client = EpayClient(hosts, credentials)
    except BaseException:
        journal.close()
        if emulator is not None:
            emulator.stop()
        raise
    defaults = CheckoutOptions()
    options = CheckoutOptions(
        language=settings.language,
        back_link=settings.back_link or defaults.back_link,
        failure_back_link=settings.failure_back_link or defaults.failure_back_link,
        post_link=settings.post_link,
        failure_post_link=settings.failure_post_link,
        max_amount=Decimal(settings.max_amount),
    )
    checkout = CheckoutService(journal, client, options)
    reconciler = Reconciler(
        journal, client, qr_lifetime=timedelta(minutes=settings.qr_expiry_minutes)
    )
    from pos_app.fiscal_runtime import fiscal_extras

    return Runtime(
        setup.environment, settings, hosts, credentials, journal, client, checkout, reconciler,
        emulator, fiscal_extras(settings, setup.environment, journal),  # issue 15
    )


def build_runtime(
    environment: str,
    *,
    settings: Settings | None = None,
    emulator_urls: dict[str, str] | None = None,
) -> Runtime:
    """Everything a till needs; for ``training`` an emulator is started unless URLs are given."""
    return assemble(check_setup(environment, settings=settings, emulator_urls=emulator_urls))
