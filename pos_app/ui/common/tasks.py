"""The one way to run blocking work (network, slow disk) off the GUI thread.

``Tasks.run(fn, on_done, on_error)`` runs ``fn`` on a small thread pool and calls exactly one
of the callbacks on the GUI thread, through a queued signal, like Anki's ``QueryOp``. Workers
never touch widgets. Callbacks of a task whose owner is gone are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger("pos_app.ui.common.tasks")
T = TypeVar("T")


class Tasks(QObject):
    """A thread pool whose results come back as Qt signals on the thread that owns it."""

    _finished = Signal(object, object, object)  # callback, argument, owner-alive check

    def __init__(self, parent: QObject | None = None, workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pos-task")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._closed = False
        self.running = 0

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        """Run ``fn()`` in the pool; deliver its result or exception on the GUI thread.

        After :meth:`shutdown` (the till is closing) new work is not started: a timer of a
        controller that outlives its window must not fail (the future comes back cancelled).
        """
        if self._closed:
            log.debug("not started after shutdown: %s", getattr(fn, "__qualname__", fn))
            refused: Future[T] = Future()
            refused.cancel()
            return refused
        self.running += 1

        def work() -> T:
            try:
                result = fn()
            except BaseException as exc:
                self._emit(on_error or _log_error, exc)
                raise
            self._emit(on_done or _ignore, result)
            return result

        return self._pool.submit(work)

    def _emit(self, callback: Callable[[Any], None], value: object) -> None:
        if not self._closed:
            self._finished.emit(callback, value, None)

    def _deliver(self, callback: Callable[[Any], None], value: object, _unused: object) -> None:
        self.running -= 1
        if self._closed:
            return
        callback(value)

    def shutdown(self, wait: bool = False) -> None:
        """Stop delivering results; with ``wait`` block until running work ends."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)


def _ignore(_value: object) -> None:
    return None


def _log_error(exc: BaseException) -> None:
    log.error("background task failed: %s", type(exc).__name__, exc_info=exc)
