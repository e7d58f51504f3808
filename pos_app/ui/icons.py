"""The till's small icon set: simple SVGs in ``resources/icons/`` (drawn for this app)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from pos_app.resources import resource

NAMES = ("card", "qr", "cancel", "settings", "offline", "retry", "copy", "send", "backspace",
         "lock", "language")


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of :data:`NAMES`); an empty icon if the file is missing."""
    path = resource(f"icons/{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
