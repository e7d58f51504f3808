"""`pos-app --training` as run_gui builds it: the emulator starts with the services (on the
start-up worker), so the first payment and the connection probe find it answering."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.runtime import build_runtime
from pos_app.services.connectivity import Reachability
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import build_till
from pos_app.ui.checkout.controller import Stage
from tests.webengine.helpers import TIMEOUT, type_amount_and_enter, type_card, wait_for_card_form

pytestmark = pytest.mark.webengine


def test_training_emulator_is_online_and_takes_a_payment(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    runtime = build_runtime("training", settings=Settings(environment="training"))
    assert isinstance(runtime.emulator, Emulator)
    assert runtime.hosts.oauth_url.startswith(runtime.emulator.urls["api"])
    till = build_till(runtime, lazy_web=True, watch_connection=True)
    qtbot.addWidget(till.window)
    till.window.show()
    assert till.monitor is not None
    qtbot.waitUntil(lambda: till.monitor.state is Reachability.ONLINE, timeout=TIMEOUT)
    assert not till.window.banner.isVisible()
    type_amount_and_enter(qtbot, till, "1500")
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    assert runtime.journal.recent(1)[0].status is PaymentStatus.PAID
    till.close()
    runtime.close()
