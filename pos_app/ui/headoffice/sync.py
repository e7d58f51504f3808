"""Head-office sync in the background of the till's window, and its small lag indicator.

Rounds run on the app's one background mechanism (:class:`~pos_app.ui.common.tasks.Tasks`), never on
the GUI thread: a first round shortly after start-up, then one a minute. When the server cannot
be reached the next round waits longer each time (:class:`~pos_app.hq.backoff.Backoff`, 15 s up
to 10 min). A refusal stops the rounds (the log and ``pos-app doctor`` say why). None of this is
ever shown as a payment error: the only sign is a label in the status bar, visible only when the
head office is more than an hour behind or the sync stopped with events waiting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow

from pos_app.hq.backoff import Backoff
from pos_app.hq.status import SyncState

if TYPE_CHECKING:
    from pos_app.hq.config import HqConfig
    from pos_app.hq.sync import Syncer
    from pos_app.store.journal import Journal
    from pos_app.ui.common.tasks import Tasks

log = logging.getLogger("pos_app.hq")
translate = QCoreApplication.translate
FIRST_ROUND_MS = 5_000
INTERVAL_MS = 60_000


@dataclass(frozen=True, slots=True)
class Round:
    state: SyncState
    unavailable: bool  # retry with back-off


class HqSyncRunner(QObject):
    """Rounds of :class:`~pos_app.hq.sync.Syncer` on ``tasks``; the label in ``window``."""

    def __init__(self, config: HqConfig, journal: Journal, tasks: Tasks,
                 window: QMainWindow) -> None:
        super().__init__(window)
        self.config = config
        self.journal = journal
        self.tasks = tasks
        self.backoff = Backoff()
        self.stopped = False
        self.last: Round | None = None
        self._syncer: Syncer | None = None
        self._running = False
        self.label = QLabel(window)
        self.label.setObjectName("hqLag")
        self.label.setAccessibleName(translate("HqSync", "Head office"))
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_round)

    def start(self, delay_ms: int = FIRST_ROUND_MS) -> None:
        self.timer.start(delay_ms)

    def run_round(self) -> None:
        if self.stopped or self._running:
            return
        self._running = True
        self.tasks.run(self._work, self._done, self._crashed)

    def _work(self) -> Round:  # on a worker thread
        from pos_app.hq import local
        from pos_app.hq.errors import Rejected, Unavailable
        from pos_app.hq.status import state

        if self._syncer is None:
            from pos_app.hq.secret import load_password
            from pos_app.hq.sync import Syncer

            self._syncer = Syncer(self.journal, self.config, load_password(self.config))
        unavailable = False
        try:
            self._syncer.run()
        except Unavailable:
            unavailable = True
        except Rejected:
            pass  # recorded in the journal's sync state and logged by the syncer
        return Round(state(local.lag(self.journal)), unavailable)

    def _done(self, result: Round) -> None:
        self._running = False
        self.last = result
        self.show_state(result.state)
        if result.state.stopped:
            self.stopped = True
            log.error("head-office sync stopped until the till restarts: %s", result.state.error)
        elif result.unavailable:
            self.timer.start(int(self.backoff.next() * 1000))
        else:
            self.backoff.reset()
            self.timer.start(INTERVAL_MS)

    def _crashed(self, exc: BaseException) -> None:  # a bug or a journal error: keep trying
        self._running = False
        log.error("head-office sync round failed: %s", type(exc).__name__, exc_info=exc)
        self.timer.start(int(self.backoff.next() * 1000))

    def show_state(self, state: SyncState) -> None:
        if not state.matters:
            self.label.hide()
            return
        if state.stopped:
            text = translate("HqSync", "⚠ Head office: sending stopped (see pos-app doctor)")
        else:
            text = translate("HqSync", "⚠ Head office: %1 h behind").replace(
                "%1", f"{state.minutes / 60:.0f}")
        self.label.setText(text)
        self.label.setToolTip(translate(
            "HqSync", "Payments are safe in this till. They reach the head office when it can "
            "be reached again."))
        self.label.show()

    def stop(self) -> None:
        self.stopped = True
        self.timer.stop()


def start_hq_sync(cfg: HqConfig, journal: Journal, tasks: Tasks,
                  window: QMainWindow) -> HqSyncRunner:
    """Start background rounds for ``cfg`` (:func:`pos_app.hq.config.for_till`)."""
    runner = HqSyncRunner(cfg, journal, tasks, window)
    runner.start()
    return runner
