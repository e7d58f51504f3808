"""When the till may show its window before the web view exists (pos_app.ui.window): only
where the window can composite through the GPU from the start, so that it is not re-created
when the web view joins it (issue 13). The X11 tests run that path in a real process."""

from __future__ import annotations

import pytest

from pos_app.ui.window import RHI_VARIABLE, web_after_show


class _App:
    def __init__(self, platform: str) -> None:
        self.platform = platform

    def platformName(self) -> str:  # Qt's name
        return self.platform


@pytest.fixture(autouse=True)
def _clean(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (RHI_VARIABLE, RHI_VARIABLE + "_BACKEND", "QT_QUICK_BACKEND"):
        monkeypatch.setenv(name, "")  # recorded: whatever a test sets is undone after it
        monkeypatch.delenv(name)


def test_on_x11_the_window_composites_through_the_gpu_from_the_start() -> None:
    import os

    assert web_after_show(_App("xcb")) is True  # type: ignore[arg-type]
    assert os.environ[RHI_VARIABLE] == "1"


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "windows", "cocoa", "minimal"])
def test_elsewhere_the_web_view_comes_first_and_qt_is_left_alone(platform: str) -> None:
    import os

    assert web_after_show(_App(platform)) is False  # type: ignore[arg-type]
    assert RHI_VARIABLE not in os.environ


@pytest.mark.parametrize(("name", "value"), [
    (RHI_VARIABLE, "0"),  # the user turned it off
    (RHI_VARIABLE + "_BACKEND", "vulkan"),  # an API Chromium's widget may not share
    ("QT_QUICK_BACKEND", "software"),  # Chromium's widget draws without the GPU
])
def test_a_user_s_own_graphics_setting_keeps_the_web_view_first(
        monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    import os

    monkeypatch.setenv(name, value)
    assert web_after_show(_App("xcb")) is False  # type: ignore[arg-type]
    assert os.environ.get(RHI_VARIABLE) == ("0" if name == RHI_VARIABLE else None)
