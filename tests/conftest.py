"""Test-wide set-up: Qt offscreen, WebEngine without the sandbox (tests run as root in CI)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
if "--no-sandbox" not in _flags:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (_flags + " --no-sandbox").strip()
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Never let a test talk to a real keyring or the user's data by accident.
os.environ.pop("POS_APP_EPAY_OAUTH_URL", None)
os.environ.pop("POS_APP_EPAY_API_URL", None)
os.environ.pop("POS_APP_EPAY_WIDGET_URL", None)


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    """Let Qt delete what tests scheduled for deletion while the application still exists.

    QtWebEngine pages outliving their profile (or the QApplication) crash the interpreter at
    exit, which would turn a green run red.
    """
    import gc
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    if app is None:
        return
    for _ in range(3):
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


# -- shared fixtures ----------------------------------------------------------------------------

import pytest  # noqa: E402


@pytest.fixture
def emulator():  # type: ignore[no-untyped-def]
    """A running ePay emulator on OS-chosen loopback ports, stopped afterwards."""
    from pos_app.training import Emulator

    emu = Emulator().start()
    try:
        yield emu
    finally:
        emu.stop()


@pytest.fixture
def journal(tmp_path):  # type: ignore[no-untyped-def]
    """A fresh payment journal in the test's folder, closed afterwards."""
    from pos_app.store.journal import Journal

    j = Journal(tmp_path / "journal.sqlite3")
    yield j
    j.close()


@pytest.fixture(autouse=True)
def _keep_language():  # type: ignore[no-untyped-def]
    """A test that switches the till's language must not leak it into the next test."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from pos_app.ui.common import i18n

    before = (i18n._current, list(i18n._installed), QLocale())
    yield
    if (i18n._current, list(i18n._installed)) != before[:2]:
        for translator in i18n._installed:
            QCoreApplication.removeTranslator(translator)
        i18n._installed[:] = before[1]
        for translator in before[1]:
            QCoreApplication.installTranslator(translator)
        i18n._current = before[0]
        QLocale.setDefault(before[2])
