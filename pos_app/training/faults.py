"""Fault plan: scripted misbehaviour per endpoint (see docs/interfaces.md, Emulator)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

ENDPOINTS = frozenset(
    {"token", "status", "charge", "cancel", "refund", "invoice", "invoice_links", "redirect",
     "script", "payform", "pay"}
)
# Faults that fire before the bank acts (the request never reaches the bank's logic) ...
BEFORE_KINDS = frozenset(
    {"http_error", "html", "malformed", "slow", "hang", "reset", "in_progress"}
)
# ... and faults that let the bank act, then lose the reply: the connection is dropped
# ("drop_after"), the reply comes ``delay`` s late ("delay_after"), is cut short and corrupt
# ("corrupt_after"), or is replaced by an HTTP error ``status`` ("error_after", default 500).
AFTER_KINDS = frozenset({"drop_after", "delay_after", "corrupt_after", "error_after"})
KINDS = BEFORE_KINDS | AFTER_KINDS
HANG_LIMIT = 300.0


@dataclass(slots=True)
class Fault:
    """One scripted fault; ``count`` -1 means forever."""

    endpoint: str
    kind: str
    count: int = 1
    status: int | None = None
    delay: float = 0.0


class FaultPlan:
    """Thread-safe queue of faults, consumed in the order added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._hang_release = threading.Event()

    def add(self, fault: Fault) -> None:
        """Queue ``fault`` after validating its endpoint and kind."""
        if fault.endpoint not in ENDPOINTS:
            raise ValueError(f"unknown endpoint {fault.endpoint!r}")
        if fault.kind not in KINDS:
            raise ValueError(f"unknown fault kind {fault.kind!r}")
        if fault.count == 0 or fault.count < -1:
            raise ValueError("count must be positive or -1")
        with self._lock:
            self._faults.append(fault)

    def take(self, endpoint: str) -> Fault | None:
        """The next fault for ``endpoint`` (using one of its count), or None."""
        with self._lock:
            for fault in self._faults:
                if fault.endpoint == endpoint:
                    if fault.count > 0:
                        fault.count -= 1
                        if fault.count == 0:
                            self._faults.remove(fault)
                    return Fault(fault.endpoint, fault.kind, 1, fault.status, fault.delay)
        return None

    def pending(self) -> list[dict[str, object]]:
        """Snapshot of queued faults."""
        with self._lock:
            return [
                {"endpoint": f.endpoint, "kind": f.kind, "count": f.count,
                 "status": f.status, "delay": f.delay}
                for f in self._faults
            ]

    def clear(self) -> None:
        """Drop every fault and release hung requests."""
        with self._lock:
            self._faults.clear()
        self.release_hangs()

    def release_hangs(self) -> None:
        """Let every request held by a "hang" fault go (it then closes without a reply)."""
        with self._lock:
            old, self._hang_release = self._hang_release, threading.Event()
        old.set()

    def wait_hang(self) -> None:
        """Block until released (at most :data:`HANG_LIMIT` seconds)."""
        with self._lock:
            event = self._hang_release
        event.wait(HANG_LIMIT)
