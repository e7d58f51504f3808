"""Where the read-only resources (host page, icons, translations, style) are.

Source checkout and editable install: ``<repo>/resources``. PyInstaller bundle: ``resources``
inside the bundle (``sys._MEIPASS``). No Qt here, so services and the CLI may use it.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "resources"] if bundle else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    for path in candidates:
        if (path / "checkout.html").is_file():
            return path
    raise FileNotFoundError("the application's resources folder is missing")


def resource(name: str) -> Path:
    return resources_dir() / name
