"""Stage 3 of :mod:`pos_app.ui.startup`, on a worker thread: a secret kept in the system
keyring, the journal, training mode's emulator, the ePay client and the services, and the
modules stage 4 needs (the fiscal receipts' only when they are switched on). Qt-free until its
last imports (``pos_app.ui`` modules, by then imported on the GUI thread anyway).

Run by :class:`pos_app.ui.startup.Startup` on a worker once the web view has asked Chromium for
its first page, while the rest of the window is built. Earlier starts were measured
(``scripts/bench_payform.py``, 2026-12-02): before Qt is imported, the card form came no sooner
and the window about 0.1 s later; before the web view, Chromium's first page came 0.1–0.2 s
later (the web engine's start holds Python's lock while it waits for Chromium, so the worker
gains nothing there and the GUI thread loses its turn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.preflight import Setup
    from pos_app.runtime import Runtime

Loaded = tuple["Runtime", frozenset[str]]


def load_services(setup: Setup) -> Loaded:
    """The runtime, what the last run left open (before any payment of this run can exist),
    and the modules stage 4 needs (imports only; widgets and controllers are made on the GUI
    thread)."""
    import pos_app.runtime

    runtime = pos_app.runtime.assemble(setup)
    try:
        left_open = runtime.reconciler.left_open()
        import pos_app.hq.config
        import pos_app.services.connectivity
        import pos_app.ui.app
        import pos_app.ui.checkout.controller
        import pos_app.ui.connection.monitor
        import pos_app.ui.qr.controller

        if pos_app.ui.app.fiscal_wanted(runtime):
            import pos_app.ui.fiscal.wiring
    except BaseException:
        runtime.close()
        raise
    return runtime, left_open
