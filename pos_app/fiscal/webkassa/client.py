"""One Webkassa v4 exchange: API key, session token, envelope, failover, error translation.

* Every call is ``POST {host}{path}`` with header ``x-api-key`` and the token in the JSON body.
* A reply's ``Errors`` is read before its ``Data`` (errors come with HTTP 200).
* Code 2 or 3 (session expired / not authorized): authorize once, single-flight, and resend the
  same body with the new token; a second 2/3 raises :class:`AuthExpired`.
* Code 505: resend the same path and body to the hosts in the ``AlternativeDomainNames``
  header, at most ``max_failover`` of them, https only (http only when the configured host is
  itself http on loopback, i.e. the training emulator).
* ``write=True`` marks a call that may register something: after it may have left (timeout,
  broken connection, 5xx, unreadable reply, code -1) :class:`OutcomeUnknown` is raised; before
  it left (connection refused) :class:`TemporarilyUnavailable`.
* One request at a time per client (one client per cashbox), so never two in flight.

Nothing here logs or raises a password, API key, token or response body.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from pos_app.domain.net import is_loopback_host
from pos_app.fiscal.errors import (
    AuthExpired,
    AuthRejected,
    ConfigError,
    Duplicate,
    FiscalError,
    OutcomeUnknown,
    TemporarilyUnavailable,
    from_register_code,
)
from pos_app.fiscal.webkassa.wire import dumps, loads, with_token

log = logging.getLogger("pos_app.fiscal.webkassa")
DEFAULT_TIMEOUT = httpx.Timeout(25.0, connect=5.0)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True, slots=True)
class WebkassaCredentials:
    api_key: str
    login: str
    password: str

    def __repr__(self) -> str:  # never show the secrets
        return f"WebkassaCredentials(login={self.login!r})"


@dataclass(frozen=True, slots=True)
class Reply:
    data: Any
    server_time: datetime | None  # from the HTTP Date header, when sent


class WebkassaClient:
    def __init__(self, base_url: str, credentials: WebkassaCredentials, *,
                 http: httpx.Client | None = None, timeout: httpx.Timeout = DEFAULT_TIMEOUT,
                 max_failover: int = 3, language: str = "ru-RU") -> None:
        self.base_url = base_url.rstrip("/")
        self._creds = credentials
        self._http = http or httpx.Client(timeout=timeout, verify=True)
        self._own_http = http is None
        self._timeout = timeout
        self.max_failover = max_failover
        self.language = language
        self._token: str | None = None
        self._token_lock = threading.Lock()
        self._busy = threading.Lock()  # one request at a time on this cashbox

    def close(self) -> None:
        if self._own_http:
            self._http.close()

    # -- session --------------------------------------------------------------------------

    def authorize(self) -> str:
        """A new session token (replaces the previous one on the register)."""
        body = dumps({"Login": self._creds.login, "Password": self._creds.password})
        reply = self._exchange("/api/v4/Authorize", body, write=False)
        token = reply.data.get("Token") if isinstance(reply.data, dict) else None
        if not isinstance(token, str) or not token:
            raise TemporarilyUnavailable("The register's Authorize reply has no token.")
        return token

    def _current_token(self) -> str:
        with self._token_lock:
            if self._token is None:
                self._token = self.authorize()
            return self._token

    def _refresh(self, stale: str) -> None:
        """Re-authorize unless another thread already replaced ``stale`` (single flight)."""
        with self._token_lock:
            if self._token == stale or self._token is None:
                self._token = None
                self._token = self.authorize()

    # -- calls ----------------------------------------------------------------------------

    def call(self, path: str, body: str, *, write: bool) -> Reply:
        """Send ``body`` (a JSON object without the token) to ``path``; the reply's ``Data``."""
        with self._busy:
            refreshed = False
            while True:
                token = self._current_token()
                try:
                    return self._exchange(path, with_token(body, token), write=write)
                except AuthExpired:
                    if refreshed:
                        raise
                    refreshed = True
                    log.info("session expired on %s; authorizing again", path)
                    self._refresh(token)

    def _exchange(self, path: str, content: str, *, write: bool) -> Reply:
        hosts_left = self.max_failover
        url = self.base_url + path
        tried: set[str] = set()
        while True:
            tried.add(_origin(url))
            response = self._post(url, content, write=write)
            try:
                return self._read(response, path, write=write)
            except FiscalError as exc:
                if exc.register_code != 505:
                    raise
                alternatives = [u for u in self._alternatives(response, path)
                                if _origin(u) not in tried]
                if not alternatives or hosts_left <= 0:
                    raise
                hosts_left -= 1
                url = alternatives[0]
                log.warning("%s: host unavailable (505); trying %s", path, _origin(url))

    def _alternatives(self, response: httpx.Response, path: str) -> list[str]:
        base = urlsplit(self.base_url)
        plain_ok = base.scheme == "http" and is_loopback_host(base.hostname or "")
        urls: list[str] = []
        for raw in response.headers.get("AlternativeDomainNames", "").split(","):
            name = raw.strip().rstrip("/")
            if not name:
                continue
            if "://" not in name:
                name = f"{base.scheme if plain_ok else 'https'}://{name}"
            parts = urlsplit(name)
            host = parts.hostname or ""
            if parts.scheme == "https" or (plain_ok and parts.scheme == "http"
                                           and is_loopback_host(host)):
                urls.append(f"{parts.scheme}://{parts.netloc}{path}")
            else:
                log.warning("ignoring a non-https alternative host %s", host)
        return urls

    def _post(self, url: str, content: str, *, write: bool) -> httpx.Response:
        headers = {"x-api-key": self._creds.api_key, "Content-Type": "application/json",
                   "Accept-Language": self.language}
        path = urlsplit(url).path
        try:
            return self._http.post(url, content=content.encode("utf-8"), headers=headers,
                                   timeout=self._timeout)
        except _NOT_SENT as exc:
            raise TemporarilyUnavailable(f"Cannot connect to the register ({path}).") from exc
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise ConfigError(f"The register URL is not usable ({path}).") from exc
        except httpx.HTTPError as exc:
            what = f"No complete answer from the register ({path}, {type(exc).__name__})."
            if write:
                raise OutcomeUnknown(what + " The check may be registered.") from exc
            raise TemporarilyUnavailable(what) from exc

    def _read(self, response: httpx.Response, path: str, *, write: bool) -> Reply:
        status = response.status_code
        text = response.text.lstrip()
        unreadable = OutcomeUnknown if write else TemporarilyUnavailable
        try:
            payload = loads(text) if text and not text.startswith("<") else None
        except (ValueError, RecursionError):
            payload = None
        errors = payload.get("Errors") if isinstance(payload, dict) else None
        if isinstance(errors, list) and errors:
            first = errors[0] if isinstance(errors[0], dict) else {}
            code = first.get("Code")
            if isinstance(code, bool) or not isinstance(code, int):
                raise unreadable(f"HTTP {status} from {path}: an error without a code.")
            error = from_register_code(code, str(first.get("Text", "")), write=write)
            if isinstance(error, Duplicate):
                data = payload.get("Data") if isinstance(payload, dict) else None
                error.result = data if isinstance(data, dict) and data else None
            raise error
        if status in (401, 403):
            raise AuthRejected(f"HTTP {status} from {path}: the API key was refused.")
        if status == 404:
            raise ConfigError(f"HTTP 404 from {path}: wrong register URL?")
        if status != 200 or not isinstance(payload, dict) or "Data" not in payload:
            kind = "an HTML page" if text.startswith("<") else "not the expected JSON"
            raise unreadable(f"HTTP {status} from {path} is {kind}.")
        return Reply(payload["Data"], _server_time(response))


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _server_time(response: httpx.Response) -> datetime | None:
    value = response.headers.get("date", "")
    try:
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None


def call_json(client: WebkassaClient, path: str, body: dict[str, Any], *,
              write: bool = False) -> Reply:
    """Convenience for calls whose body is built on the spot (reports, lookups)."""
    return client.call(path, dumps(body), write=write)

