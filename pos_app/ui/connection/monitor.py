"""Watches whether ePay is reachable: a background probe on a timer plus what real calls report.

The probe itself (:mod:`pos_app.services.connectivity`) has no Qt; this object only schedules it
through :class:`~pos_app.ui.common.tasks.Tasks` and tells the window when the state changes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.services.connectivity import (
    OFFLINE_INTERVAL,
    ONLINE_INTERVAL,
    ConnectivityProbe,
    ProbeResult,
    Reachability,
    is_unreachable,
)
from pos_app.ui.common.tasks import Tasks

log = logging.getLogger("pos_app.ui.connection.monitor")


class ConnectionMonitor(QObject):
    changed = Signal(object)  # Reachability

    def __init__(self, probe: ConnectivityProbe, tasks: Tasks, parent: QObject | None = None, *,
                 online_interval: float = ONLINE_INTERVAL,
                 offline_interval: float = OFFLINE_INTERVAL) -> None:
        super().__init__(parent)
        self.probe = probe
        self.tasks = tasks
        self.state = Reachability.UNKNOWN
        self.online_interval = online_interval
        self.offline_interval = offline_interval
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)

    @property
    def offline(self) -> bool:
        return self.state is Reachability.OFFLINE

    def start(self) -> None:
        """Probe now, then keep probing (more often while offline)."""
        self.check_now()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        if self._probing:
            return
        self._probing = True
        self._timer.stop()
        self.tasks.run(self.probe.check, self._on_result, self._on_error)

    def report_failure(self, exc: BaseException) -> None:
        """A real call failed; "cannot reach the bank" turns the banner on at once."""
        if is_unreachable(exc):
            self._set(Reachability.OFFLINE)
            self._schedule()

    def _on_result(self, result: ProbeResult) -> None:
        self._probing = False
        self._set(result.state)
        self._schedule()

    def _on_error(self, exc: BaseException) -> None:
        self._probing = False
        log.error("connection probe failed unexpectedly", exc_info=exc)
        self._schedule()

    def _schedule(self) -> None:
        seconds = self.offline_interval if self.offline else self.online_interval
        self._timer.start(int(seconds * 1000))

    def _set(self, state: Reachability) -> None:
        if state is self.state:
            return
        self.state = state
        log.info("ePay connection: %s", state.value)
        self.changed.emit(state)
