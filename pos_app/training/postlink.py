"""Outbound postLink sender: loopback targets only, never the internet."""

from __future__ import annotations

import ipaddress
import json
import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

log = logging.getLogger("pos_app.training")


def is_loopback(url: str) -> bool:
    """True if ``url`` is http(s) to localhost or a loopback address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


def deliver(url: str, payload: dict[str, object], timeout: float = 5.0) -> dict[str, object]:
    """POST ``payload`` as JSON to ``url``; return a log record (never raises)."""
    record: dict[str, object] = {"url": url, "payload": payload, "delivered": False,
                                 "status": None, "error": ""}
    if not is_loopback(url):
        record["error"] = "skipped: not a loopback URL"
        log.info("postLink to a non-loopback URL skipped")
        return record
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:  # noqa: S310
            record["status"] = reply.status
            record["delivered"] = True
    except urllib.error.HTTPError as exc:
        record["status"] = exc.code
        record["delivered"] = True
    except OSError as exc:
        record["error"] = type(exc).__name__
    log.info("postLink for invoice %s: status %s", payload.get("invoiceId"), record["status"])
    return record
