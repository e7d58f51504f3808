"""Head-office settings of one till: ``hq.json`` beside ``settings.json``; password in the keyring.

The URL is ``postgresql://USER@HOST:PORT/DB`` (query options such as ``sslmode`` allowed) and
never holds a password: that goes to the OS keyring (service ``pos-app/HQ``, user name
``USER@HOST:PORT/DB``). ``POS_APP_HQ_URL`` replaces the stored URL. Outside loopback and local
sockets TLS is required: ``sslmode`` must be ``require``, ``verify-ca`` or ``verify-full``
(default ``verify-full``), with an optional CA file. This module does not import psycopg.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from pos_app.domain.net import is_loopback_host
from pos_app.hq.errors import HqConfigError

ENV_URL = "POS_APP_HQ_URL"
KEYRING_SERVICE = "pos-app/HQ"
FILE_NAME = "hq.json"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
TLS_MODES = ("require", "verify-ca", "verify-full")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class HqConfig:
    """Where this till ships its journal. ``environment`` names the journal it ships."""

    url: str = ""
    shop_id: str = ""
    till_id: str = ""
    environment: str = "prod"
    sslmode: str = ""  # "" = verify-full off loopback, the server's default on it
    ca_file: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.url)

    def validate(self) -> dict[str, str]:
        """Field → problem; empty when usable."""
        errors: dict[str, str] = {}
        problem = url_problem(self.url, self.sslmode)
        if problem:
            errors["url"] = problem
        for name in ("shop_id", "till_id"):
            if not _ID.fullmatch(getattr(self, name)):
                errors[name] = "1-64 Latin letters, digits, '.', '_' or '-'."
        if self.sslmode and self.sslmode not in SSL_MODES:
            errors["sslmode"] = f"Choose one of: {', '.join(SSL_MODES)}."
        if self.ca_file and not Path(self.ca_file).is_file():
            errors["ca_file"] = f"{self.ca_file} is not a file."
        return errors

    @property
    def keyring_user(self) -> str:
        """``USER@HOST:PORT/DB``: the keyring user name of this URL's password."""
        parts = urlsplit(self.url)
        host = parts.hostname or "local"
        return f"{unquote(parts.username or '')}@{host}:{parts.port or 5432}{parts.path}"


def is_local(url: str) -> bool:
    """True for a unix socket or a loopback address (TLS optional there)."""
    parts = urlsplit(url)
    host = parts.hostname or dict(parse_qsl(parts.query)).get("host", "")
    return not host or host.startswith("/") or is_loopback_host(host)


def url_problem(url: str, sslmode: str = "") -> str:
    """Why ``url`` cannot be used ("" when it can)."""
    if not url:
        return "Required (postgresql://USER@HOST:PORT/DB)."
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return "Not a valid postgresql:// address."
    if parts.scheme not in ("postgresql", "postgres") or any(c.isspace() for c in url):
        return "Must start with postgresql://"
    if parts.password is not None:
        return ("Must not contain a password: store it in the keyring "
                "(pos-app configure --hq-password-stdin).")
    query = dict(parse_qsl(parts.query))
    if "password" in query:
        return "Must not contain a password."
    mode = sslmode or query.get("sslmode", "")
    if not is_local(url) and mode and mode not in TLS_MODES:
        return f"sslmode={mode} sends data unencrypted; outside loopback use verify-full."
    return ""


def effective(config: HqConfig, environ: dict[str, str] | os._Environ[str] = os.environ
              ) -> HqConfig:
    """``config`` with ``POS_APP_HQ_URL`` applied."""
    url = environ.get(ENV_URL, "").strip()
    return replace(config, url=url) if url else config


def connect_options(config: HqConfig) -> dict[str, Any]:
    """Keyword arguments for ``psycopg.connect(config.url, **options)`` (password excluded)."""
    options: dict[str, Any] = {"connect_timeout": 5, "application_name":
                               f"pos-app till {config.till_id}"[:63]}
    query = dict(parse_qsl(urlsplit(config.url).query))
    mode = config.sslmode or query.get("sslmode", "")
    if not mode and not is_local(config.url):
        mode = "verify-full"
    if mode:
        options["sslmode"] = mode
    if config.ca_file:
        options["sslrootcert"] = config.ca_file
    return options


def path(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def load(file: Path) -> HqConfig:
    """The stored settings; defaults (not configured) when missing; HqConfigError if damaged."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return HqConfig()
    except (OSError, ValueError) as exc:
        raise HqConfigError(f"{file} cannot be read: {type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise HqConfigError(f"{file} is damaged.")
    known = {k: str(v) for k, v in data.items() if k in HqConfig.__dataclass_fields__}
    return HqConfig(**known)


def for_till(environment: str, data_dir: Path,
             environ: dict[str, str] | os._Environ[str] = os.environ) -> HqConfig | None:
    """The settings a till running in ``environment`` syncs with, or None: not configured,
    configured for another environment, invalid, or unreadable (logged). Cheap: a till
    without a head office loads nothing of the sync."""
    try:
        config = effective(load(path(data_dir)), environ)
    except HqConfigError as exc:
        logging.getLogger("pos_app.hq").error("head-office settings unreadable; no sync: %s", exc)
        return None
    if not config.configured or config.environment != environment or config.validate():
        return None
    return config


def save(file: Path, config: HqConfig) -> None:
    """Validate and atomically replace ``file``."""
    errors = config.validate()
    if errors:
        raise HqConfigError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    tmp = file.with_name(file.name + ".tmp")
    tmp.write_text(json.dumps(asdict(config), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, file)
