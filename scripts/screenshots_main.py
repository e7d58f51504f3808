"""Render the till's main screens offscreen, through the real flow against the emulator.

    .venv/bin/python scripts/screenshots_main.py                  # English, into docs/screenshots/
    .venv/bin/python scripts/screenshots_main.py --languages ru,kk,en --out docs/screenshots/i18n

Screens: idle (an amount typed), widget (ePay's form open), checking (status API held slow),
approved, declined. With several languages the files are named ``<screen>-<lang>.png``.
tests/ui/test_screenshots_main.py runs it in CI, so the pictures never go stale.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import tilldrive  # noqa: E402

tilldrive.apply_qt_env()

SCREENS = ("idle", "widget", "checking", "approved", "declined")


def _painted(widget: object) -> bool:
    """The web view shows more than a blank or grey page (Chromium paints asynchronously)."""
    image = widget.grab().toImage()  # type: ignore[attr-defined]
    colours = {image.pixel(x, y) for y in range(0, image.height(), 11)
               for x in range(0, image.width(), 7)}
    return len(colours) > 12


def _grab(till: object, path: Path, *, web: bool = False) -> None:
    tilldrive.spin(300)
    if web:
        tilldrive.wait_until(lambda: _painted(till.checkout.view), what="the form painted")  # type: ignore[attr-defined]
        tilldrive.spin(300)
    till.window.grab().save(str(path))  # type: ignore[attr-defined]


def render(language: str, out: Path, suffix: str) -> list[Path]:
    from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before QApplication)

    from pos_app.runtime import build_runtime
    from pos_app.store.settings import Settings
    from pos_app.training import Emulator
    from pos_app.ui.app import build_till, ensure_app
    from pos_app.ui.checkout.controller import Stage

    os.environ["POS_APP_HOME"] = tempfile.mkdtemp(prefix="pos-shots-")
    ensure_app()
    emulator = Emulator().start()
    settings = Settings(environment="training", shop_name="Coffee corner", language=language)
    runtime = build_runtime("training", settings=settings, emulator_urls=emulator.urls)
    till = build_till(runtime, reconcile=False)
    till.window.apply_language(language)
    till.window.resize(1180, 780)
    till.window.show()
    tilldrive.wait_warm(till)
    files: list[Path] = []

    def shot(name: str, web: bool = False) -> None:
        path = out / f"{name}{suffix}.png"
        _grab(till, path, web=web)
        files.append(path)

    tilldrive.type_amount(till, "4990")
    shot("idle")
    tilldrive.press_enter(till)
    frame = tilldrive.wait_pan(till)
    shot("widget", web=True)
    emulator.add_fault("status", "slow", count=-1, delay=3.0)
    tilldrive.submit_card(frame, "4405639704015096", "01/27", "321")
    tilldrive.wait_until(lambda: till.controller.stage is Stage.CHECKING, what="checking stage")
    shot("checking")
    emulator.faults.clear()
    tilldrive.wait_result(till)
    shot("approved")
    tilldrive.type_amount(till, "2300")
    tilldrive.press_enter(till)
    frame = tilldrive.wait_pan(till)
    tilldrive.submit_card(frame, "4003032704547597", "09/20", "170")
    tilldrive.wait_result(till)
    shot("declined")
    till.close()
    tilldrive.spin(200)
    runtime.close()
    emulator.stop()
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default="en", help="comma-separated: ru,kk,en")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    languages = [x.strip() for x in args.languages.split(",") if x.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    for language in languages:
        suffix = f"-{language}" if len(languages) > 1 else ""
        for path in render(language, args.out, suffix):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
