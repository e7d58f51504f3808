"""Draw the application icon into ``resources/icons/`` (PNG, Windows .ico, macOS .icns).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

Only needed when the icon is changed: the generated files are kept in the repository.
A green rounded square with a white tenge sign; Qt's own image plugins write .ico and .icns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.06
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(rect, size * 0.18, size * 0.18)
    p.fillPath(path, QColor("#00805f"))
    p.setPen(QColor("white"))
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    p.setFont(font)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "\u20b8")  # ₸
    p.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    ok = draw(256).save(str(OUT / "pos-app.png"), "PNG")
    ok &= draw(256).save(str(OUT / "pos-app.ico"), "ICO")
    ok &= draw(512).save(str(OUT / "pos-app.icns"), "ICNS")
    for name in ("pos-app.png", "pos-app.ico", "pos-app.icns"):
        print(OUT / name, (OUT / name).stat().st_size if (OUT / name).exists() else "missing")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
