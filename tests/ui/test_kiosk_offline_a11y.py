"""Kiosk exit behind the PIN, the offline banner against the emulator, accessibility checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from pos_app.resources import resource
from pos_app.runtime import build_runtime
from pos_app.services.connectivity import Reachability
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till, build_till
from pos_app.ui.common import pin_guard as admin
from pos_app.ui.common.status_style import LOOKS


@pytest.fixture
def till(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
         emulator: Emulator) -> Iterator[Till]:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    runtime = build_runtime("training", settings=Settings(shop_name="Test shop"),
                            emulator_urls=emulator.urls)
    built = build_till(runtime, reconcile=False, lazy_web=True)
    assert built.monitor is not None
    built.monitor.offline_interval = 0.2
    built.window.resize(1180, 780)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built
    built.close()
    runtime.close()


def test_kiosk_exit_requires_the_pin(till: Till, monkeypatch: pytest.MonkeyPatch) -> None:
    answers: list[bool] = []
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: answers.pop(0))
    kiosk = till.window.kiosk
    kiosk.enter()
    assert kiosk.active and till.window.isFullScreen()
    answers.append(False)
    kiosk.leave_action.trigger()  # Ctrl+Shift+Q with a wrong PIN
    assert kiosk.active
    answers.append(False)
    assert not till.window.close()  # closing is refused without the PIN
    assert till.window.isVisible()
    answers.append(True)
    kiosk.leave_action.trigger()
    assert not kiosk.active and not answers


def test_offline_banner_appears_blocks_and_clears(qtbot: QtBot, till: Till,
                                                  emulator: Emulator) -> None:
    window, monitor = till.window, till.monitor
    assert monitor is not None
    emulator.add_fault("token", "http_error", status=503, count=-1)
    monitor.check_now()
    qtbot.waitUntil(lambda: monitor.state is Reachability.OFFLINE, timeout=10_000)
    assert window.banner.isVisible()
    window.entry.amount.setText("100")
    calls = emulator.calls("token")
    with qtbot.assertNotEmitted(window.entry.pay_requested):
        window.entry.submit()  # Enter shows why instead of starting
    assert window.banner.text() in window.entry.error.text()
    assert emulator.calls("token") == calls
    emulator.reset()
    qtbot.waitUntil(lambda: monitor.state is Reachability.ONLINE, timeout=10_000)
    assert not window.banner.isVisible()
    assert window.entry.block_reason == ""


def test_a_real_unreachable_call_turns_the_banner_on(qtbot: QtBot, till: Till,
                                                     emulator: Emulator) -> None:
    from pos_app.epay.errors import EpayUnavailable

    assert till.monitor is not None
    till.monitor.report_failure(EpayUnavailable("Cannot connect."))
    assert till.window.banner.isVisible()
    qtbot.waitUntil(lambda: not till.window.banner.isVisible(), timeout=10_000)


def test_controls_have_names_and_touch_targets(till: Till) -> None:
    window = till.window
    window.banner.show()
    missing, small = [], []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit) \
            + window.findChildren(QComboBox):
        if not widget.accessibleName():
            missing.append(widget.objectName() or repr(widget))
    for button in window.findChildren(QPushButton) + window.findChildren(QToolButton):
        if button.isVisibleTo(window) and button.height() < 44:
            small.append((button.objectName(), button.text(), button.height()))
    assert not missing
    assert not small


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _pairs() -> list[tuple[str, str, str]]:
    """(rule, text colour, background) for every rule of style.qss that sets a text colour.

    A rule without its own background is checked on both page backgrounds (white and the
    window's #f4f6f8).
    """
    text = re.sub(r"/\*.*?\*/", "", resource("style.qss").read_text(encoding="utf-8"), flags=re.S)
    pairs = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        fg = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", body)
        bg = re.search(r"background(?:-color)?:\s*(#[0-9a-fA-F]{3,6})", body)
        if fg is None:
            continue
        backgrounds = [bg.group(1)] if bg else ["#ffffff", "#f4f6f8"]
        pairs += [(selector.strip(), fg.group(1), b) for b in backgrounds]
    for status, status_look in LOOKS.items():
        pairs += [(f"status {status.value}", status_look.colour, b)
                  for b in ("#ffffff", "#f4f6f8")]
    return pairs


def test_text_contrast_is_at_least_4_5() -> None:
    pairs = _pairs()
    assert len(pairs) > 20
    low = [(rule, fg, bg, round(contrast(fg, bg), 2)) for rule, fg, bg in pairs
           if contrast(fg, bg) < 4.5]
    assert not low


def test_states_have_signs_not_only_colours() -> None:
    assert all(look.sign.strip() for look in LOOKS.values())
