"""Wiring without Qt: settings + environment → hosts, credentials, client, journal, services.

Used by the GUI (``pos_app.ui.startup``, ``pos_app.ui.app``) and the CLI (``journal``,
``doctor``). Training mode starts the ePay emulator in-process on loopback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from pos_app.epay.config import Credentials, EpayHosts, training_hosts
from pos_app.preflight import Setup, SetupError, check_setup, resolve_credentials
from pos_app.store.settings import Settings

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient
    from pos_app.services.checkout import CheckoutService
    from pos_app.services.reconcile import Reconciler
    from pos_app.store.journal import Journal

__all__ = [
    "DeferredEmulator", "LazyClient", "Runtime", "Setup", "SetupError", "assemble",
    "build_runtime", "check_setup", "resolve_credentials",
]
log = logging.getLogger("pos_app.runtime")


class LazyClient:
    """Builds the real :class:`EpayClient` (and imports httpx) on first use.

    Importing httpx and creating its TLS context costs about 75 ms; a till's window should not
    wait for that. The first use is the start-up reconciliation, after the window shows.
    """

    def __init__(self, factory: Callable[[], EpayClient]) -> None:
        self._factory = factory
        self._real: EpayClient | None = None
        self._lock = threading.Lock()

    def _get(self) -> EpayClient:
        with self._lock:
            if self._real is None:
                self._real = self._factory()
            return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)

    def close(self) -> None:
        with self._lock:
            if self._real is not None:
                self._real.close()


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

    def ready(self) -> None:
        """Start what the first request needs (training mode's emulator); idempotent."""
        if isinstance(self.emulator, DeferredEmulator):
            self.emulator.ensure()

    def close(self) -> None:
        self.client.close()
        if "fiscal_runtime" in self.extras:
            self.extras["fiscal_runtime"].close()
        self.journal.close()
        if self.emulator is not None:
            self.emulator.stop()


class DeferredEmulator:
    """Training mode's emulator, started on first use rather than before the window shows.

    Its two loopback ports are reserved now, so the hosts are known; importing and starting the
    servers (~60 ms) happens at the first request, which is the start-up reconciliation on a
    worker thread after the first paint.
    """

    def __init__(self) -> None:
        api_port, form_port = _free_ports(2)
        self.urls = {"api": f"http://127.0.0.1:{api_port}", "form": f"http://127.0.0.1:{form_port}"}
        self._ports = (api_port, form_port)
        self._real: Any = None
        self._lock = threading.Lock()

    def ensure(self) -> Any:
        with self._lock:
            if self._real is None:
                from pos_app.training import Emulator

                self._real = Emulator(api_port=self._ports[0], form_port=self._ports[1]).start()
            return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.ensure(), name)

    def stop(self) -> None:
        with self._lock:
            if self._real is not None:
                self._real.stop()


def _free_ports(count: int) -> list[int]:
    import socket

    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def assemble(setup: Setup) -> Runtime:
    """Open the journal and assemble the services (~30 ms of imports; Qt-free, any thread)."""
    from datetime import timedelta
    from decimal import Decimal

    from pos_app.services.checkout import CheckoutOptions, CheckoutService
    from pos_app.services.reconcile import Reconciler
    from pos_app.store.journal_files import open_journal

    settings, credentials = setup.settings, setup.credentials
    emulator: DeferredEmulator | None = None
    hosts = setup.hosts
    if hosts is None:  # training mode
        urls = setup.emulator_urls
        if urls is None:
            emulator = DeferredEmulator()
            urls = emulator.urls
        hosts = training_hosts(urls["api"], urls["form"])
    journal = open_journal(setup.environment, configured=settings.environment,
                           prefix=settings.invoice_prefix)

    def make_client() -> EpayClient:
        from pos_app.epay.client import EpayClient

        if emulator is not None:
            emulator.ensure()

        return EpayClient(hosts, credentials)

    client = cast("EpayClient", LazyClient(make_client))
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
