"""`pos-app` as run_gui starts it: the services on a worker thread from the start, the window
meanwhile, the controllers once both are there. Keys pressed in between are not lost."""

from __future__ import annotations

import gc
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.runtime import Setup, check_setup
from pos_app.store.errors import StorageError
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.checkout.controller import Stage
from pos_app.ui.startup import Startup
from tests.webengine.helpers import TIMEOUT, type_card, wait_for_card_form

pytestmark = pytest.mark.webengine


def _setup(emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    return check_setup("training", settings=Settings(environment="training"),
                       emulator_urls=emulator.urls)


@pytest.fixture(autouse=True)
def _collection_as_the_command_leaves_it() -> object:
    """`pos-app` turns the cycle collector off before the start (pos_app.cli); the start must
    turn it back on, whatever the outcome."""
    gc.disable()
    yield
    gc.enable()


def _start(qtbot: QtBot, setup: Setup) -> Startup:
    startup = Startup(setup)
    qtbot.addWidget(startup.window)
    startup.show()
    return startup


def _loaded(qtbot: QtBot, startup: Startup) -> Till:
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as ready:
        pass
    till: Till = ready.args[0]
    assert till is startup.till and startup.window.controller is till.controller
    return till


def _close(startup: Startup, till: Till) -> None:
    runtime = till.runtime
    startup.close()
    runtime.close()


def test_window_first_then_services_and_an_early_enter_pays(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup = _start(qtbot, _setup(emulator, tmp_path, monkeypatch))
    window = startup.window
    # The window, and no controller until the event loop has delivered the services.
    assert window.controller is None and startup.till is None
    assert window.entry.amount.hasFocus() or window.focusWidget() is window.entry.amount
    # The cashier types and presses Enter before the services are there.
    qtbot.keyClicks(window.entry.amount, "1500")
    qtbot.keyClick(window.entry.amount, Qt.Key.Key_Return)
    assert window.controller is None  # still loading: the Enter is kept, not lost
    till = _loaded(qtbot, startup)
    assert gc.isenabled()
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    payments = till.runtime.journal.recent(5)
    assert [p.status for p in payments] == [PaymentStatus.PAID]
    assert payments[0].amount == 1500
    _close(startup, till)


def test_esc_before_the_services_are_loaded_takes_the_enter_back(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    startup = _start(qtbot, _setup(emulator, tmp_path, monkeypatch))
    window = startup.window
    qtbot.keyClicks(window.entry.amount, "700")
    qtbot.keyClick(window.entry.amount, Qt.Key.Key_Return)
    window._on_escape()  # what the Esc shortcut runs (offscreen windows get no shortcuts)
    assert window.entry.amount.text() == ""
    till = _loaded(qtbot, startup)
    assert till.controller.stage is Stage.IDLE
    assert till.runtime.journal.recent(5) == []
    assert emulator.performed("payment_token") == 0  # (the connection probe's service token is)
    _close(startup, till)


def test_a_journal_that_cannot_be_opened_is_said_plainly(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = _setup(emulator, tmp_path, monkeypatch)

    def broken(setup: Setup) -> None:
        raise StorageError("read_only", "OperationalError: attempt to write a readonly database")

    monkeypatch.setattr("pos_app.runtime.assemble", broken)
    startup = _start(qtbot, setup)
    with qtbot.waitSignal(startup.failed, timeout=TIMEOUT) as failed:
        pass
    text = failed.args[0]
    assert "cannot be written" in text and "readonly database" not in text
    assert startup.till is None and startup.window.controller is None
    assert gc.isenabled()
    startup.close()


def test_the_window_first_then_the_web_view_and_an_early_enter_pays(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The X11 order (pos_app.ui.window.window_first), here offscreen: the window without a
    web view, shown; the web view on the next turn, then the services."""
    monkeypatch.setattr("pos_app.ui.startup.window_first", lambda: True)
    startup = _start(qtbot, _setup(emulator, tmp_path, monkeypatch))
    window = startup.window
    assert window.activity.checkout is None and startup._loading is None
    qtbot.keyClicks(window.entry.amount, "1500")
    qtbot.keyClick(window.entry.amount, Qt.Key.Key_Return)
    till = _loaded(qtbot, startup)
    assert window.activity.checkout is till.checkout is not None
    assert gc.isenabled()
    frame = wait_for_card_form(qtbot, till)
    assert frame is not None and [p.amount for p in till.runtime.journal.recent(5)] == [1500]
    _close(startup, till)


@pytest.mark.parametrize("where", ["pos_app.ui.startup.add_checkout", "pos_app.ui.app.wire_till"])
def test_a_till_that_cannot_build_its_web_view_or_controllers_says_so_and_closes(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("no GPU")

    monkeypatch.setattr("pos_app.ui.startup.window_first", lambda: True)
    monkeypatch.setattr(where, broken)
    startup = _start(qtbot, _setup(emulator, tmp_path, monkeypatch))
    with qtbot.waitSignal(startup.failed, timeout=TIMEOUT) as failed:
        pass
    assert "не смогла запуститься" in failed.args[0] and "GPU" not in failed.args[0]  # ru
    assert startup.till is None and gc.isenabled()
    loading = startup._loading
    startup.close()
    if loading is not None:  # the services were up: closed with the window, not leaked
        runtime, _left_open = loading.result()
        with pytest.raises(sqlite3.ProgrammingError):
            runtime.journal.conn.execute("SELECT 1")


def test_closed_while_the_services_load_leaves_nothing_open(
    qtbot: QtBot, emulator: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = _setup(emulator, tmp_path, monkeypatch)
    release = threading.Event()
    import pos_app.runtime

    real_assemble = pos_app.runtime.assemble

    def slow_assemble(setup: Setup) -> object:
        assert release.wait(TIMEOUT / 1000)
        return real_assemble(setup)

    monkeypatch.setattr(pos_app.runtime, "assemble", slow_assemble)
    startup = _start(qtbot, setup)
    qtbot.waitUntil(lambda: startup._loading is not None, timeout=TIMEOUT)  # stage 3 began
    loading = startup._loading
    release.set()
    startup.close()  # the cashier closed the window while the services were loading
    assert loading is not None and loading.done()
    runtime, _left_open = loading.result()
    assert startup.till is None
    with pytest.raises(sqlite3.ProgrammingError):  # the journal was closed, not leaked
        runtime.journal.conn.execute("SELECT 1")
