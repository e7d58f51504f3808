"""The sync's state in words, for ``pos-app doctor`` and the main window's indicator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pos_app.hq.local import Lag

# Behind by more than this, the main window shows it (the issue: "more than an hour behind").
SHOW_AFTER_MINUTES = 60.0


@dataclass(frozen=True, slots=True)
class SyncState:
    events: int
    minutes: float
    stopped: bool  # a refusal: needs an administrator
    error: str

    @property
    def matters(self) -> bool:
        """Worth a cashier's glance: far behind, or stopped with events waiting."""
        return self.events > 0 and (self.stopped or self.minutes > SHOW_AFTER_MINUTES)

    def doctor_line(self) -> tuple[str, str]:
        """(OK | WARN | FAIL, detail) for ``pos-app doctor``."""
        behind = f"{self.events} events, {self.minutes:.0f} minutes behind"
        if self.stopped:
            return "FAIL", f"sync stopped: {self.error} ({behind})"
        if self.error:
            return "WARN", f"{behind}; retrying after: {self.error}"
        if self.matters:
            return "WARN", behind
        return "OK", "caught up" if self.events == 0 else behind


def state(lag: Lag, now: datetime | None = None) -> SyncState:
    return SyncState(lag.events, lag.minutes(now), lag.stopped and lag.events > 0,
                     lag.last_error)
