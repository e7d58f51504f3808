"""The icon set: every icon loads, and the PNG pixmaps match their SVG sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from pos_app.ui.common import icons


@pytest.mark.parametrize("name", icons.NAMES)
def test_every_icon_loads(qtbot: QtBot, name: str) -> None:
    icon = icons.icon(name)
    assert not icon.isNull()
    assert not icon.pixmap(24, 24).isNull()


@pytest.mark.parametrize("name", icons.NAMES)
def test_the_pngs_are_the_svgs_rendered(qtbot: QtBot, name: str) -> None:
    """scripts/setup renders them; a stale PNG (an SVG edited since) fails here."""
    for fresh, path in icons.render_png(name):
        assert path.is_file(), f"{path} is missing: run scripts/setup (scripts/render_icons.py)"
        stored = QImage(str(path)).convertToFormat(fresh.format())
        assert stored == fresh, f"{path} is stale: run scripts/render_icons.py"


def test_without_pngs_the_svg_is_used(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                      tmp_path: Path) -> None:
    monkeypatch.setattr(icons, "png_dir", lambda: tmp_path)
    icons.icon.cache_clear()
    try:
        assert not icons.icon("card").isNull()
        assert icons.icon("card").pixmap(24, 24).width() == 24
    finally:
        icons.icon.cache_clear()
