"""The till's small icon set: simple SVGs in ``resources/icons/`` (drawn for this app).

``scripts/render_icons.py`` (run by ``scripts/setup``) renders them to PNG pixmaps in
``resources/icons/png/``; :func:`icon` uses those when present, so that the first window needs
no SVG plugin, and the SVG otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from pos_app.resources import resource

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

NAMES = ("card", "qr", "cancel", "settings", "offline", "retry", "copy", "send", "backspace",
         "lock", "language")
PNG_SIZES = (48, 96)  # each icon is shown at 16-40 px; 2x for high-density screens


def png_dir() -> Path:
    return resource("icons/png")


def png_path(name: str, size: int) -> Path:
    return png_dir() / f"{name}-{size}.png"


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of :data:`NAMES`); an empty icon if the file is missing."""
    pngs = [png_path(name, size) for size in PNG_SIZES]
    if all(path.is_file() for path in pngs):
        result = QIcon()
        for path in pngs:
            result.addFile(str(path))
        return result
    path = resource(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def render_png(name: str, resources: Path | None = None) -> Iterator[tuple[QImage, Path]]:
    """The PNG images of ``name`` at :data:`PNG_SIZES` and where they go (needs a Qt GUI app).

    ``resources``: another resources folder to render from and into (a package being built).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    icons = resources / "icons" if resources is not None else resource("icons")
    renderer = QSvgRenderer(str(icons / f"{name}.svg"))
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        yield image, (icons / "png" / f"{name}-{size}.png" if resources is not None
                      else png_path(name, size))
