"""The ePay merchant API client: tokens, transaction status, charge/cancel/refund, invoice links.

Synchronous and thread-safe (one instance may serve a GUI worker pool). Every call has an
explicit timeout; retries follow :mod:`pos_app.epay.transport`; every failure is an
:class:`~pos_app.epay.errors.EpayError`. Nothing here logs a body, token, secret or card number.
"""

from __future__ import annotations

import functools
import logging
import re
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote, quote_plus

import httpx

from pos_app.domain.errors import InvoiceError
from pos_app.domain.invoice import validate_invoice_id
from pos_app.domain.money import CURRENCY, MINIMUM_REFUND, to_wire
from pos_app.epay.config import Credentials, EpayHosts
from pos_app.epay.errors import (
    EpayAuthError,
    EpayError,
    EpayInvalidRequest,
)
from pos_app.epay.models import InvoiceLink, InvoiceLinkRequest, PaymentToken
from pos_app.epay.refusals import TOKEN_ENDPOINT, refusal, token_refusal
from pos_app.epay.status import StatusOutcome, TransactionStatus, check_wire_amount
from pos_app.epay.transport import (
    DEFAULT_TIMEOUT,
    Requester,
    RetryPolicy,
    decode_json,
    raise_for_status,
)

__all__ = [
    "DEFAULT_TIMEOUT", "PAYMENT_SCOPE", "SERVICE_SCOPE", "EpayClient", "RetryPolicy", "tls_context",
]

PAYMENT_SCOPE = "payment"
SERVICE_SCOPE = "webapi usermanagement email_send verification statement statistics payment"
TOKEN_MARGIN = 60.0  # seconds before expiry when a cached service token is renewed
_PATH_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_EXTERNAL_ID = re.compile(r"[0-9A-Za-z._:/-]{1,64}")
_TOKEN = TOKEN_ENDPOINT

logger = logging.getLogger("pos_app.epay")


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The verifying TLS context every ePay client of this process shares: httpx's default
    (certifi's CA bundle, hostname checks). Building one costs 45–80 ms, which the connection
    probe's short-lived clients used to pay again while the cashier pressed Enter."""
    return httpx.create_ssl_context()


class EpayClient:
    """One merchant on one ePay environment.

    ``http`` may be injected (tests pass ``httpx.Client(transport=httpx.MockTransport(...))``);
    it is then not closed by :meth:`close`. ``sleep`` and ``clock`` are injectable so tests
    neither wait for back-off nor for token expiry.
    """

    def __init__(
        self,
        hosts: EpayHosts,
        credentials: Credentials,
        *,
        http: httpx.Client | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy = RetryPolicy(),  # noqa: B008 - frozen, so sharing it is harmless
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.hosts = hosts
        self._credentials = credentials
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=timeout, verify=tls_context(),
                                          follow_redirects=False)
        self._clock = clock
        self._lock = threading.Lock()
        self._service: PaymentToken | None = None
        self._service_renew_at = 0.0
        self._recent_tokens: deque[str] = deque(maxlen=32)  # masked in every log line
        self._secrets_lock = threading.Lock()
        self._io = Requester(
            self._http,
            timeout=timeout,
            retry=retry,
            sleep=sleep,
            clock=clock,
            secrets=self._secrets,
        )

    @property
    def terminal_id(self) -> str:
        """The terminal UUID every payment of this client is made on (status replies must match)."""
        return self._credentials.terminal_id

    # -- tokens -------------------------------------------------------------------------------

    def payment_token(
        self,
        invoice_id: str,
        amount: Decimal,
        *,
        scope: str = PAYMENT_SCOPE,
        post_link: str = "",
        failure_post_link: str = "",
        secret_hash: str | None = None,
    ) -> PaymentToken:
        """A new token for one card payment; its ``raw`` becomes ``paymentObject.auth``."""
        form = self._payment_form(invoice_id, amount, scope)
        if post_link:
            form["postLink"] = post_link
        if failure_post_link:
            form["failurePostLink"] = failure_post_link
        if secret_hash is not None:
            form["secret_hash"] = secret_hash
        return self._request_token(form)

    def service_token(self) -> PaymentToken:
        """The token for status and operations, cached until 60 s before it expires."""
        with self._lock:
            if self._service is not None and self._clock() < self._service_renew_at:
                return self._service
            c = self._credentials
            token = self._request_token(
                {
                    "grant_type": "client_credentials",
                    "scope": SERVICE_SCOPE,
                    "client_id": c.client_id,
                    "client_secret": c.client_secret,
                    "terminal": c.terminal_id,
                }
            )
            lifetime = token.expires_in
            if lifetime is not None and lifetime > TOKEN_MARGIN:
                self._service = token
                self._service_renew_at = self._clock() + lifetime - TOKEN_MARGIN
            else:
                self._service = None  # too short-lived to cache; use once
            return token

    def _drop_service_token(self, stale: PaymentToken) -> None:
        with self._lock:
            if self._service is stale:
                self._service = None

    def _payment_form(self, invoice_id: str, amount: Decimal, scope: str) -> dict[str, str]:
        try:
            invoice_id = validate_invoice_id(invoice_id)
        except InvoiceError as exc:
            raise EpayInvalidRequest(str(exc), code="invoice_format") from exc
        c = self._credentials
        return {
            "grant_type": "client_credentials",
            "scope": scope,
            "client_id": c.client_id,
            "client_secret": c.client_secret,
            "invoiceID": invoice_id,
            "amount": to_wire(check_wire_amount(amount)),
            "currency": CURRENCY,
            "terminal": c.terminal_id,
        }

    def _request_token(self, form: Mapping[str, str]) -> PaymentToken:
        url = self.hosts.oauth_url
        response = self._io.send("POST", url, what=_TOKEN, safe=True, data=form)
        status = response.status_code
        if status in (401, 403):
            raise self._io.fail(
                EpayAuthError(
                    f"HTTP {status} from {_TOKEN}: the credentials were refused.",
                    status_code=status,
                ),
                "POST",
                url,
            )
        try:
            raise_for_status(response, _TOKEN, safe=True)
        except EpayError as exc:
            self._io.fail(exc, "POST", url)
            raise
        if status != 200:
            raise self._io.fail(token_refusal(response, self._secrets()), "POST", url)
        try:
            token = PaymentToken.from_json(decode_json(response, _TOKEN))
        except EpayError as exc:
            self._io.fail(exc, "POST", url)
            raise
        with self._secrets_lock:
            self._recent_tokens.append(token.access_token)
        return token

    # -- status and operations ----------------------------------------------------------------

    def transaction_status(self, invoice_id: str) -> TransactionStatus:
        """What ePay knows about ``invoice_id`` (reference §5). HTTP 400 bodies with a
        ``resultCode`` are answers too; a 104/106/109 comes back as ``CONFIG_ERROR``."""
        what = "the status endpoint"
        url = f"{self.hosts.api_base}/check-status/payment/transaction/{_path_id(invoice_id)}"
        response = self._authorized("GET", url, what, safe=True)
        if response.status_code not in (200, 400):
            raise self._io.fail(refusal(response, what, self._secrets()), "GET", url)
        try:
            data = decode_json(response, what, parse_float=Decimal)
            answered = isinstance(data, dict) and "resultCode" in data
            if response.status_code == 400 and not answered:
                raise refusal(response, what, self._secrets(), data)
            status = TransactionStatus.from_json(data)
        except EpayError as exc:
            self._io.fail(exc, "GET", url)
            raise
        if status.outcome is StatusOutcome.CONFIG_ERROR:
            self._io.log(
                logging.WARNING,
                "status of %s: resultCode %s (terminal configuration)",
                invoice_id,
                status.result_code,
            )
        return status

    def charge(self, transaction_id: str, amount: Decimal | None = None) -> None:
        """Capture a held (``AUTH``) payment, all of it when ``amount`` is None."""
        params = {} if amount is None else {"amount": to_wire(check_wire_amount(amount))}
        self._operation(transaction_id, "charge", params)

    def cancel(self, transaction_id: str) -> None:
        """Release a held (``AUTH``) payment in full."""
        self._operation(transaction_id, "cancel", {})

    def refund(self, transaction_id: str, amount: Decimal | None, external_id: str) -> None:
        """Refund a ``CHARGE``d payment, all of it when ``amount`` is None.

        ``external_id`` is the till's own id of this refund. Amounts under 10 tenge, not
        positive or with more than two decimals are refused locally. Success means only that
        ePay accepted the request: re-read the status (reference §6).
        """
        if not isinstance(external_id, str) or not _EXTERNAL_ID.fullmatch(external_id):
            raise EpayInvalidRequest("The refund id is not valid.", code="external_id_format")
        params: dict[str, str] = {}
        if amount is not None:
            try:
                check_wire_amount(amount, minimum=MINIMUM_REFUND)
            except EpayInvalidRequest as exc:
                if exc.code != "amount_below_minimum":
                    raise
                raise EpayInvalidRequest(
                    "A refund must be at least 10 tenge.", code="refund_below_minimum"
                ) from None
            params["amount"] = to_wire(amount)
        params["externalID"] = external_id
        self._operation(transaction_id, "refund", params)

    def _operation(self, transaction_id: str, name: str, params: Mapping[str, str]) -> None:
        what = f"the {name} endpoint"
        url = f"{self.hosts.api_base}/operation/{_path_id(transaction_id)}/{name}"
        response = self._authorized("POST", url, what, safe=False, params=params or None)
        if not 200 <= response.status_code < 300:
            raise self._io.fail(refusal(response, what, self._secrets()), "POST", url)

    # -- invoice links ------------------------------------------------------------------------

    def create_invoice_link(self, request: InvoiceLinkRequest) -> InvoiceLink:
        """Create a customer payment link (reference §7.1).

        The bearer token is a fresh ``client_credentials`` token with ``scope=payment`` and the
        terminal, without invoice fields (reported to work by third parties, reference §2.3;
        the documented password grant needs the cabinet login, which this client does not
        hold yet). It is not cached: the docs ask for a new token per operation.
        """
        c = self._credentials
        if not c.shop_id:
            raise EpayInvalidRequest(
                "No shop id is configured for payment links.", code="shop_id_missing"
            )
        body = request.to_json(c.shop_id)
        form = {
            "grant_type": "client_credentials",
            "scope": PAYMENT_SCOPE,
            "client_id": c.client_id,
            "client_secret": c.client_secret,
            "terminal": c.terminal_id,
        }
        what = "the invoice endpoint"
        url = f"{self.hosts.api_base}/invoice"
        response = self._authorized(
            "POST", url, what, safe=False, json=body, token=lambda: self._request_token(form)
        )
        if response.status_code != 200:
            raise self._io.fail(refusal(response, what, self._secrets()), "POST", url)
        try:
            return InvoiceLink.from_json(decode_json(response, what, parse_float=Decimal))
        except EpayError as exc:
            self._io.fail(exc, "POST", url)
            raise

    # -- plumbing -----------------------------------------------------------------------------

    def _authorized(
        self,
        method: str,
        url: str,
        what: str,
        *,
        safe: bool,
        token: Callable[[], PaymentToken] | None = None,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> httpx.Response:
        """Send with a bearer token; on 401 get a fresh token and try once more."""
        get_token = token or self.service_token
        for renewed in (False, True):
            bearer = get_token()
            response = self._io.send(
                method,
                url,
                what=what,
                safe=safe,
                params=params,
                json=json,
                headers={"Authorization": f"Bearer {bearer.access_token}"},
            )
            if response.status_code != 401 or renewed:
                break
            self._io.log(logging.INFO, "%s answered 401; renewing the token", what)
            self._drop_service_token(bearer)
        status = response.status_code
        if status in (401, 403):
            raise self._io.fail(
                EpayAuthError(
                    f"HTTP {status} from {what}: the token or terminal was refused.",
                    status_code=status,
                ),
                method,
                url,
            )
        try:
            raise_for_status(response, what, safe=safe)
        except EpayError as exc:
            self._io.fail(exc, method, url)
            raise
        return response

    def _secrets(self) -> Iterable[str]:
        """Strings no log line or error may contain: the secret (also URL-encoded), tokens."""
        secret = self._credentials.client_secret
        with self._secrets_lock:
            tokens = tuple(self._recent_tokens)
        return (secret, quote_plus(secret), quote(secret, safe=""), *tokens)

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> EpayClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _path_id(value: str) -> str:
    """An id that goes into a URL path: refuse anything that could change the path."""
    if not isinstance(value, str) or not _PATH_ID.fullmatch(value):
        raise EpayInvalidRequest("The payment id is not valid.", code="id_format")
    return value
