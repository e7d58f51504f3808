"""Stage 2 of :mod:`pos_app.ui.startup`, started before Qt is even imported.

``pos-app`` calls :func:`start` right after the set-up check: the journal, the ePay client and
the services load on a plain thread while the GUI thread imports Qt and builds the window.
Started later (from the window's code), this thread got little done: while Qt starts Chromium
and shows the window it holds Python's GIL for a quarter of a second, and a cashier who typed
at once waited at Enter for the services (``scripts/bench_payform.py``).

Nothing here imports Qt at module level (``pos_app.ui`` imports do, when the thread reaches
them: by then the GUI thread has imported Qt).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.preflight import Setup
    from pos_app.runtime import Runtime

Loaded = tuple["Runtime", frozenset[str]]


def start(setup: Setup) -> Future[Loaded]:
    """:func:`load_services` on its own thread, started now."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pos-load")
    try:
        return executor.submit(load_services, setup)
    finally:
        executor.shutdown(wait=False)  # the thread ends with its one task


def load_services(setup: Setup) -> Loaded:
    """The runtime, what the last run left open (before any payment of this run can exist),
    and the modules stage 4 needs (imports only; widgets and controllers are made on the GUI
    thread)."""
    import pos_app.runtime

    runtime = pos_app.runtime.assemble(setup)
    try:
        left_open = runtime.reconciler.left_open()
        import pos_app.services.connectivity
        import pos_app.ui.app
        import pos_app.ui.checkout.controller
        import pos_app.ui.connection.monitor
        import pos_app.ui.fiscal.wiring
        import pos_app.ui.headoffice.sync
        import pos_app.ui.qr.controller
    except BaseException:
        runtime.close()
        raise
    return runtime, left_open
