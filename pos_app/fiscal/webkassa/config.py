"""Where the Webkassa adapter connects, and the ``POS_APP_FISCAL_URL`` override (a contract).

Environments: ``test`` → ``https://devkkm.webkassa.kz``, ``prod`` → ``https://kkm.webkassa.kz``
(reference §1), ``training`` → the local emulator (its URL is given at start). The override
replaces the base URL: freely in test and training (http only to loopback), in production only
``https://`` and the till then shows a banner (:attr:`Endpoint.overridden`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pos_app.domain.net import is_loopback_host

ENV_VAR = "POS_APP_FISCAL_URL"
HOSTS = {"test": "https://devkkm.webkassa.kz", "prod": "https://kkm.webkassa.kz"}


@dataclass(frozen=True, slots=True)
class Endpoint:
    environment: str
    base_url: str
    overridden: bool = False

    @property
    def banner(self) -> str:
        """Non-empty when production talks to a host other than the official one."""
        if self.environment == "prod" and self.overridden:
            return f"Fiscal register override in production: {self.base_url}"
        return ""




def url_problem(url: str, *, production: bool) -> str:
    """Why ``url`` cannot be a Webkassa base URL here, or ``""``."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        return "not a valid URL"
    if not host or parts.username or parts.password or parts.query or parts.fragment:
        return "must be scheme://host[:port] with no user, query or fragment"
    if parts.scheme == "https":
        return ""
    if parts.scheme == "http" and not production and is_loopback_host(host):
        return ""
    return "must use https:// (http:// only to loopback outside production)"


def endpoint_for(environment: str, environ: Mapping[str, str], *,
                 training_url: str = "") -> Endpoint:
    """The base URL for ``environment``; ValueError for an unusable override or environment."""
    override = environ.get(ENV_VAR, "").strip().rstrip("/")
    if environment == "training":
        base = training_url
    elif environment in HOSTS:
        base = HOSTS[environment]
    elif environment == "test-new":
        base = HOSTS["test"]
    else:
        raise ValueError(f"no fiscal register for environment {environment!r}")
    if override:
        problem = url_problem(override, production=environment == "prod")
        if problem:
            raise ValueError(f"{ENV_VAR} {problem}")
        return Endpoint(environment, override, overridden=True)
    if not base:
        raise ValueError("the training register is not running")
    return Endpoint(environment, base.rstrip("/"))
