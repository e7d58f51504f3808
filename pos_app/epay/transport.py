"""One HTTP exchange with ePay: explicit timeout, retries with back-off, logging, error translation.

Retry rules (reference §8: 5xx, 408 and 429 with back-off, never other 4xx):

* **Safe** calls (the status GET, token requests) are retried after connection failures,
  timeouts, resets and HTTP 408/429/5xx. Token requests count as safe: the only effect of a
  token request is a token; a payment token is bound to its invoice and amount, so asking
  twice yields two interchangeable tokens for the same invoice and never a second payment.
* **Unsafe** calls (charge, cancel, refund, invoice-link creation) are retried only when the
  request certainly did not reach ePay's application: connect errors, pool timeouts, HTTP 408,
  429 and 503. After a read timeout, a reset or another 5xx the bank may have acted, and ePay
  does not promise idempotency (reference §11, question 12), so the call fails with
  ``outcome_unknown=True`` and the caller re-reads the status before anything else.
"""

from __future__ import annotations

import json as jsonlib
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from pos_app.epay.errors import (
    EpayError,
    EpayProtocolError,
    EpayTimeout,
    EpayUnavailable,
)
from pos_app.epay.redact import redact

logger = logging.getLogger("pos_app.epay")

DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=5.0)
_RETRY_SAFE = frozenset({408, 429, 500, 502, 503, 504})
_RETRY_UNSAFE = frozenset({408, 429, 503})
# Failures after which the request may have been processed.
_MAYBE_SENT = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
    httpx.CloseError,
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``attempts`` in total (1 = no retry); the n-th retry waits ``min(cap, base * 2**n)`` s."""

    attempts: int = 3
    base: float = 0.35
    cap: float = 3.0

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.base < 0 or self.cap < 0:
            raise ValueError("RetryPolicy needs attempts >= 1 and non-negative delays")

    def delay(self, retry: int, retry_after: float | None = None) -> float:
        wait = min(self.cap, self.base * 2.0**retry)
        if retry_after is not None:
            wait = max(wait, min(self.cap, retry_after))
        return wait


class Requester:
    """Sends one logical request, retrying per the module rules; returns the final response.

    The response may still be an error status (a 5xx after the last retry, a 4xx); turning it
    into an exception is :func:`raise_for_status`'s or the caller's job.
    """

    def __init__(
        self,
        http: httpx.Client,
        *,
        timeout: httpx.Timeout,
        retry: RetryPolicy,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
        secrets: Callable[[], Iterable[str]],
    ) -> None:
        self._http = http
        self._timeout = timeout
        self._retry = retry
        self._sleep = sleep
        self._clock = clock
        self._secrets = secrets

    def send(
        self,
        method: str,
        url: str,
        *,
        what: str,
        safe: bool,
        headers: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        path = urlsplit(url).path
        retry_statuses = _RETRY_SAFE if safe else _RETRY_UNSAFE
        for attempt in range(self._retry.attempts):
            last = attempt == self._retry.attempts - 1
            started = self._clock()
            try:
                response = self._http.request(
                    method,
                    url,
                    headers=headers,
                    params=params,
                    data=data,
                    json=json,
                    timeout=self._timeout,
                )
            except httpx.HTTPError as exc:
                elapsed = self._clock() - started
                error = self._translate(exc, what, safe=safe)
                if error.retryable and not error.outcome_unknown and not last:
                    self.log(
                        logging.WARNING,
                        "%s %s failed after %.0f ms (%s), retrying",
                        method,
                        path,
                        elapsed * 1000,
                        type(exc).__name__,
                    )
                    self._sleep(self._retry.delay(attempt))
                    continue
                self.log(
                    logging.WARNING,
                    "%s %s failed after %.0f ms (%s): %s %s [error_id=%s]",
                    method,
                    path,
                    elapsed * 1000,
                    type(exc).__name__,
                    error.code,
                    error.message,
                    error.error_id,
                )
                raise error from exc
            elapsed = self._clock() - started
            status = response.status_code
            self.log(logging.INFO, "%s %s -> %d in %.0f ms", method, path, status, elapsed * 1000)
            if status in retry_statuses and not last:
                self._sleep(self._retry.delay(attempt, _retry_after(response)))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def log(self, level: int, message: str, *args: object) -> None:
        """Log through :func:`redact` with the client's current secrets."""
        if logger.isEnabledFor(level):
            logger.log(level, "%s", redact(message % args, self._secrets(), limit=500))

    def fail(self, error: EpayError, method: str, url: str) -> EpayError:
        """Log ``error`` with its id and hand it back for raising."""
        self.log(
            logging.WARNING,
            "%s %s: %s %s [error_id=%s]",
            method,
            urlsplit(url).path,
            error.code,
            error.message,
            error.error_id,
        )
        return error

    @staticmethod
    def _translate(exc: httpx.HTTPError, what: str, *, safe: bool) -> EpayError:
        if isinstance(exc, _MAYBE_SENT) and not safe:
            return EpayTimeout(
                f"The connection to {what} broke before an answer; the result is unknown.",
                code="epay_outcome_unknown",
                outcome_unknown=True,
            )
        if isinstance(exc, httpx.TimeoutException):
            return EpayTimeout(f"No answer from {what} in time.")
        if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError, httpx.ProxyError)):
            return EpayUnavailable(f"Cannot connect to {what}.")
        if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
            return EpayProtocolError(
                f"The configured URL of {what} is not usable.", code="epay_bad_url"
            )
        return EpayProtocolError(f"Unexpected HTTP failure talking to {what}.")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        return float(value) if value else None
    except ValueError:
        return None


def raise_for_status(response: httpx.Response, what: str, *, safe: bool) -> None:
    """Raise the error for statuses every endpoint treats alike: 3xx, 408, 429, 5xx.

    401/403/400/other 4xx depend on the endpoint and are left to the caller.
    """
    status = response.status_code
    if 300 <= status < 400:
        raise EpayProtocolError(
            f"HTTP {status} redirect from {what}.", status_code=status, code="epay_redirect"
        )
    if status in (408, 429) or status >= 500:
        unknown = not safe and status not in _RETRY_UNSAFE
        raise EpayUnavailable(
            f"HTTP {status} from {what}.",
            status_code=status,
            outcome_unknown=unknown,
            code="epay_outcome_unknown" if unknown else None,
        )


def decode_json(response: httpx.Response, what: str, **kwargs: Any) -> Any:
    """The body as JSON; :class:`EpayProtocolError` for HTML pages and malformed JSON."""
    status = response.status_code
    content_type = response.headers.get("content-type", "").lower()
    text = response.text.lstrip()
    if "html" in content_type or text.startswith("<"):
        raise EpayProtocolError(
            f"HTTP {status} from {what} is an HTML page, not JSON.",
            status_code=status,
            code="epay_html",
        )
    try:
        return jsonlib.loads(text, **kwargs)
    except (ValueError, RecursionError) as exc:
        raise EpayProtocolError(
            f"HTTP {status} from {what} is not valid JSON.", status_code=status
        ) from exc
