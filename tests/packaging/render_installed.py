"""Run by tests/packaging/test_wheel.py with the Python of a venv the wheel was installed into
(``python -I``: nothing from the checkout on the path). Builds the till's main window as
``pos-app`` does (training), in each language given, renders it offscreen to
``OUT/main-<lang>.png`` and prints one JSON line: where pos_app and its resources were found,
and per language the window title, the texts of the visible labels and buttons (what a screen
reader reads), the sizes of the card icon and whether it came from the rendered PNGs.

    python -I render_installed.py OUT ru kk
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main(out: Path, languages: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QAbstractButton, QLabel

    import pos_app
    from pos_app.resources import resources_dir
    from pos_app.store.settings import Settings
    from pos_app.ui.common import i18n, icons
    from pos_app.ui.window import ensure_app, main_window

    report: dict[str, object] = {"pos_app": pos_app.__file__,
                                 "resources": str(resources_dir()), "languages": {}}
    ensure_app()  # as pos-app does: the translators need the application
    for language in languages:
        i18n.set_language(language)
        # no web view: this checks the words on the window, and a web page left at exit crashes
        window = main_window("training", Settings(language=language), web=False)
        window.resize(1180, 780)
        window.show()
        texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
                 if w.isVisible() and w.text()]
        names = [w.accessibleName() for w in window.findChildren(QAbstractButton)
                 if w.accessibleName()]
        image = window.grab()
        path = out / f"main-{language}.png"
        card = icons.icon("card")
        report["languages"][language] = {  # type: ignore[index]
            "title": window.windowTitle(), "texts": texts, "accessible_names": names,
            "png": str(path), "saved": image.save(str(path)),
            "size": [image.width(), image.height()],
            "card_icon_sizes": sorted(s.width() for s in card.availableSizes()),
            "card_png": icons.png_path("card", 48).is_file(),
        }
        window.allow_close()
        window.close()
        window.deleteLater()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2:]))
