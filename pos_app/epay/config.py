"""ePay environments and their hosts.

The host generations share no naming pattern (reference §1), so every URL is spelled out per
profile and none is derived from another. The ``POS_APP_EPAY_*`` environment variables
(a contract) replace the selected profile's values in the test environments only
(:data:`OVERRIDE_ENVIRONMENTS`): production always talks to the bank's published hosts, so a
variable left in a shell or planted in a service file can never send the production secret
elsewhere. With ``--env prod`` a set variable is refused, not silently ignored
(:class:`OverrideRefused`), so nobody believes it is in effect. Training ignores them: its hosts
are the built-in emulator's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

ENV_OAUTH_URL = "POS_APP_EPAY_OAUTH_URL"
ENV_API_URL = "POS_APP_EPAY_API_URL"
ENV_WIDGET_URL = "POS_APP_EPAY_WIDGET_URL"
OVERRIDE_VARIABLES = (ENV_OAUTH_URL, ENV_API_URL, ENV_WIDGET_URL)
OVERRIDE_ENVIRONMENTS = frozenset({"test", "test-new"})  # where POS_APP_EPAY_* may apply
OVERRIDE_REFUSED = (
    "POS_APP_EPAY_OAUTH_URL, POS_APP_EPAY_API_URL and POS_APP_EPAY_WIDGET_URL work only with "
    "the test environments. Remove them to use production."
)


class OverrideRefused(ValueError):
    """A ``POS_APP_EPAY_*`` variable is set for an environment that does not take overrides."""


@dataclass(frozen=True, slots=True)
class EpayHosts:
    """Every URL one environment needs. ``api_base`` has no trailing slash."""

    name: str
    oauth_url: str  # full token endpoint
    api_base: str  # /check-status/..., /operation/..., /invoice are appended
    widget_url: str  # full URL of payment-api.js
    payform_url: str  # ends with /payform/; feeds the navigation filter and self-built links
    payform_origin: str  # sender of the widget's postMessage

    @property
    def allowed_origins(self) -> frozenset[str]:
        """Origins the checkout view may show in its main frame."""
        return frozenset(
            origin_of(u) for u in (self.oauth_url, self.api_base, self.widget_url, self.payform_url)
        ) | {self.payform_origin}


@dataclass(frozen=True, slots=True)
class Credentials:
    """Merchant credentials. ``repr`` never shows the secret."""

    client_id: str
    client_secret: str
    terminal_id: str
    shop_id: str = ""  # invoice-link API

    def __repr__(self) -> str:
        return f"Credentials(client_id={self.client_id!r}, terminal_id={self.terminal_id!r}, ...)"


def origin_of(url: str) -> str:
    """``https://a.b:8443/x?y`` → ``https://a.b:8443``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


PROFILES: dict[str, EpayHosts] = {
    # Older test generation: the official widget spec the product started from.
    "test": EpayHosts(
        name="test",
        oauth_url="https://testoauth.homebank.kz/epay2/oauth2/token",
        api_base="https://testepay.homebank.kz/api",
        widget_url="https://test-epay.homebank.kz/payform/payment-api.js",
        payform_url="https://test-epay.homebank.kz/payform/",
        payform_origin="https://test-epay.homebank.kz",
    ),
    # Newer test generation (Russian docs). The payform host is not published; the script's
    # own configuration decides it, so the navigation filter admits both candidates.
    "test-new": EpayHosts(
        name="test-new",
        oauth_url="https://test-epay-oauth.epayment.kz/oauth2/token",
        api_base="https://test-epay-api.epayment.kz",
        widget_url="https://test-epay.epayment.kz/payform/payment-api.js",
        payform_url="https://test-epay.epayment.kz/payform/",
        payform_origin="https://test-epay.epayment.kz",
    ),
    "prod": EpayHosts(
        name="prod",
        oauth_url="https://epay-oauth.homebank.kz/oauth2/token",
        api_base="https://epay-api.homebank.kz",
        widget_url="https://epay.homebank.kz/payform/payment-api.js",
        payform_url="https://epay.homebank.kz/payform/",
        payform_origin="https://epay.homebank.kz",
    ),
}

# The published ePay test merchant (reference §8.1); used by `--env test` without credentials.
TEST_MERCHANT = Credentials(
    client_id="test",
    client_secret="yF587AV9Ms94qN2QShFzVR3vFnWkhjbAK3sG",  # noqa: S106 - public test secret
    terminal_id="67e34d63-102f-4bd1-898e-370781d0074d",
    shop_id="04f25a4b-d2bd-4dd8-b3a7-9390be4774c4",
)


def training_hosts(api: str, form: str) -> EpayHosts:
    """Hosts of the local emulator whose two origins are ``api`` and ``form``."""
    api, form = api.rstrip("/"), form.rstrip("/")
    return EpayHosts(
        name="training",
        oauth_url=f"{api}/oauth2/token",
        api_base=api,
        widget_url=f"{form}/payform/payment-api.js",
        payform_url=f"{form}/payform/",
        payform_origin=form,
    )


def apply_overrides(hosts: EpayHosts, environ: Mapping[str, str] | None = None) -> EpayHosts:
    """Replace URLs from ``POS_APP_EPAY_*``; the payform follows an overridden widget URL."""
    env = os.environ if environ is None else environ
    changes: dict[str, str] = {}
    if env.get(ENV_OAUTH_URL):
        changes["oauth_url"] = env[ENV_OAUTH_URL].strip()
    if env.get(ENV_API_URL):
        changes["api_base"] = env[ENV_API_URL].strip().rstrip("/")
    if env.get(ENV_WIDGET_URL):
        widget = env[ENV_WIDGET_URL].strip()
        changes["widget_url"] = widget
        changes["payform_url"] = widget.rsplit("/", 1)[0] + "/"
        changes["payform_origin"] = origin_of(widget)
    for key, value in changes.items():
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise ValueError(f"{key} override is not an http(s) URL")
    return replace(hosts, **changes) if changes else hosts


def overrides_set(environ: Mapping[str, str] | None = None) -> list[str]:
    """The ``POS_APP_EPAY_*`` variables that are set (non-empty) in ``environ``."""
    env = os.environ if environ is None else environ
    return [name for name in OVERRIDE_VARIABLES if env.get(name, "").strip()]


def hosts_for(env: str, environ: Mapping[str, str] | None = None) -> EpayHosts:
    """The named profile; in the test environments with the overrides applied.

    :class:`OverrideRefused` when an override is set for production."""
    try:
        base = PROFILES[env]
    except KeyError:
        raise ValueError(f"unknown ePay environment {env!r}") from None
    if env not in OVERRIDE_ENVIRONMENTS:
        if overrides_set(environ):
            raise OverrideRefused(OVERRIDE_REFUSED)
        return base
    return apply_overrides(base, environ)
