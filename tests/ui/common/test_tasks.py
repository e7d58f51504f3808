"""The one way to run background work: results on the GUI thread, nothing after shutdown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.common.tasks import Tasks


def test_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks = Tasks()
    got: list[int] = []
    try:
        tasks.run(lambda: 6 * 7, got.append)
        qtbot.waitUntil(lambda: got == [42])
        assert tasks.running == 0
    finally:
        tasks.shutdown(wait=True)


def test_work_asked_for_after_shutdown_is_not_started(qtbot: QtBot) -> None:
    """A controller's timer that outlives its closed window (the fiscal retry, the head-office
    sync) asks for work after the till shut its pool down: that must not raise in Qt's event
    loop, and the work must not run."""
    tasks = Tasks()
    tasks.shutdown(wait=True)
    ran: list[str] = []
    future = tasks.run(lambda: ran.append("ran"))
    assert future.cancelled()
    assert ran == [] and tasks.running == 0
