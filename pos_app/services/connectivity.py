"""Is ePay reachable? A cheap probe the UI runs in the background every few seconds.

The probe asks the OAuth endpoint for a service token once, without retries and with a short
timeout: the same door every payment goes through first. Only "cannot reach" counts as offline
(connection refused or reset, timeouts, 5xx, 408/429); an answer that refuses our credentials
still proves the bank is there, and is left to the payment flow to explain.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pos_app.epay.config import Credentials, EpayHosts
from pos_app.epay.errors import EpayError, EpayTimeout, EpayUnavailable

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.connectivity")

ONLINE_INTERVAL = 30.0  # seconds between probes while everything works
OFFLINE_INTERVAL = 5.0  # probe more often while offline, so the banner clears soon


class Reachability(enum.Enum):
    UNKNOWN = "unknown"  # not probed yet: payments are allowed
    ONLINE = "online"  # the bank answered
    OFFLINE = "offline"  # the bank could not be reached: new payments are blocked


def is_unreachable(exc: BaseException) -> bool:
    """True for the errors that mean "no connection to the bank" (not "the bank said no")."""
    return isinstance(exc, EpayUnavailable | EpayTimeout)


@dataclass(frozen=True, slots=True)
class ProbeResult:
    state: Reachability
    code: str = ""  # the EpayError code when offline


class ConnectivityProbe:
    """One blocking probe per :meth:`check`; safe to call from a worker thread."""

    def __init__(self, hosts: EpayHosts, credentials: Credentials, *, timeout: float = 4.0,
                 client_factory: Callable[[], EpayClient] | None = None) -> None:
        self.hosts = hosts
        self.credentials = credentials
        self.timeout = timeout
        self._factory = client_factory or self._client

    def _client(self) -> EpayClient:
        # httpx is imported here, on the worker, not while the window is being shown
        import httpx

        from pos_app.epay.client import EpayClient
        from pos_app.epay.transport import RetryPolicy

        return EpayClient(self.hosts, self.credentials, timeout=httpx.Timeout(self.timeout),
                          retry=RetryPolicy(attempts=1))

    def check(self) -> ProbeResult:
        client = self._factory()
        try:
            client.service_token()
        except EpayError as exc:
            if is_unreachable(exc):
                log.info("ePay unreachable: %s", exc.code)
                return ProbeResult(Reachability.OFFLINE, exc.code)
            return ProbeResult(Reachability.ONLINE, exc.code)
        finally:
            client.close()
        return ProbeResult(Reachability.ONLINE)
