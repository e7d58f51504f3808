#!/usr/bin/env python3
"""Render the till's SVG icons to PNG pixmaps: resources/icons/png/<name>-<px>.png.

    .venv/bin/python scripts/render_icons.py          # scripts/setup runs it
    python scripts/render_icons.py --resources DIR    # into a staged copy (a package build)

The SVGs stay the source; the PNGs are a build product (like the .qm catalogues) that lets the
first window load its icons without Qt's SVG plugin (~2 ms of every start).
``pos_app.ui.common.icons``
falls back to the SVG when a PNG is missing. ``tests/ui/common/test_icons.py`` re-renders and compares.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from pos_app.ui.common.icons import NAMES, png_dir, render_png

    resources = Path(argv[1]).resolve() if argv[:1] == ["--resources"] else None
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    out = resources / "icons" / "png" if resources is not None else png_dir()
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name in NAMES:
        for image, path in render_png(name, resources):
            if not image.save(str(path), "PNG"):
                print(f"render_icons: cannot write {path}", file=sys.stderr)
                return 1
            written += 1
    del app
    print(f"render_icons: {written} PNGs in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
