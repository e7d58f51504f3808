"""Wiring for fiscal receipts without Qt: settings + environment → adapter and service.

Used by ``pos-app doctor`` and the till. Training mode starts the Webkassa emulator
(:mod:`pos_app.training.webkassa`) in-process on loopback with its training credentials.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos_app.store.settings import Settings
from pos_app.store.settings_fiscal import fiscal_environment


class FiscalSetupError(Exception):
    """Fiscal receipts are switched on but cannot work (a sentence for the administrator)."""


@dataclass
class FiscalRuntime:
    environment: str
    base_url: str
    banner: str  # non-empty: production talks to an overridden host
    adapter: Any  # pos_app.fiscal.webkassa.adapter.WebkassaAdapter
    settings: Settings
    emulator: Any = None  # WebkassaEmulator in training mode

    def service(self, journal: Any) -> Any:
        from pos_app.services.fiscal import FiscalProfile, FiscalService

        settings = self.settings
        vat = None if settings.fiscal_vat_percent < 0 else settings.fiscal_vat_percent
        return FiscalService(journal, self.adapter, FiscalProfile(
            settings.fiscal_item_name, vat, settings.fiscal_section))

    def close(self) -> None:
        self.adapter.close()
        if self.emulator is not None:
            self.emulator.stop()


def build_fiscal(settings: Settings, till_environment: str,
                 environ: Mapping[str, str] | None = None) -> FiscalRuntime | None:
    """The fiscal runtime, or None when ``fiscal_provider`` is ``none``."""
    if settings.fiscal_provider == "none":
        return None
    from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
    from pos_app.fiscal.webkassa.client import WebkassaClient, WebkassaCredentials
    from pos_app.fiscal.webkassa.config import endpoint_for

    environ = os.environ if environ is None else environ
    environment = fiscal_environment(settings, till_environment)
    emulator = None
    if environment == "training" and not environ.get("POS_APP_FISCAL_URL"):
        from pos_app.training import webkassa as training

        emulator = training.WebkassaEmulator().start()
        creds = WebkassaCredentials(training.TRAINING_API_KEY, training.TRAINING_LOGIN,
                                    training.TRAINING_PASSWORD)
        cashbox = training.TRAINING_CASHBOX
        training_url = emulator.urls["api"]
    else:
        creds, cashbox, training_url = _credentials(settings, environment), \
            settings.fiscal_cashbox, ""
    try:
        endpoint = endpoint_for(environment, environ, training_url=training_url)
    except ValueError as exc:
        if emulator is not None:
            emulator.stop()
        raise FiscalSetupError(str(exc)) from None
    adapter = WebkassaAdapter(WebkassaClient(endpoint.base_url, creds), cashbox,
                              paper_mm=settings.fiscal_paper_mm)
    return FiscalRuntime(environment, endpoint.base_url, endpoint.banner, adapter, settings,
                         emulator)


def _credentials(settings: Settings, environment: str) -> Any:
    from pos_app.fiscal.webkassa.client import WebkassaCredentials
    from pos_app.store.credentials import CredentialError
    from pos_app.store.fiscal_credentials import load_fiscal_secrets

    if environment == "training":  # POS_APP_FISCAL_URL to an emulator run separately
        from pos_app.training import webkassa as training

        return WebkassaCredentials(training.TRAINING_API_KEY, training.TRAINING_LOGIN,
                                   training.TRAINING_PASSWORD)
    try:
        api_key, password = load_fiscal_secrets(settings.fiscal_provider, environment,
                                                settings.fiscal_login)
    except CredentialError as exc:
        raise FiscalSetupError(str(exc)) from None
    if not api_key or not password:
        raise FiscalSetupError(
            f"No register API key or password in the keyring for {settings.fiscal_login!r} "
            f"({environment}); run `pos-app configure --fiscal-secrets-stdin`.")
    return WebkassaCredentials(api_key, settings.fiscal_login, password)


def fiscal_extras(settings: Settings, till_environment: str, journal: Any) -> dict[str, Any]:
    """``Runtime.extras`` for fiscal receipts: ``fiscal`` (the service) and ``fiscal_runtime``,
    or ``fiscal_error`` (a sentence) when they are switched on but cannot work."""
    import logging

    try:
        runtime = build_fiscal(settings, till_environment)
    except FiscalSetupError as exc:
        logging.getLogger("pos_app.fiscal").error("fiscal receipts unavailable: %s", exc)
        return {"fiscal_error": str(exc)}
    if runtime is None:
        return {}
    return {"fiscal": runtime.service(journal), "fiscal_runtime": runtime}
