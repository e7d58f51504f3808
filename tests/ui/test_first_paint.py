"""What `pos-app` has loaded when its window first paints (a guard for the start-up benchmark).

The window is shown before the journal, the services, Chromium and httpx exist
(pos_app/ui/startup.py); every module on the way to the first paint costs start-up time that
scripts/benchmark.py measures. This test fails when one of the deferred parts creeps back in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs `pos-app --training` through its entry point; at the window's first Paint event (before
# any queued work runs) it prints the loaded modules and whether Qt's SVG plugin is mapped.
SCRIPT = r"""
import json, sys

class OnImport:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        original = spec.loader.exec_module
        def exec_module(module):
            original(module)
            hook(module.QApplication)
        spec.loader.exec_module = exec_module
        return spec

def hook(QApplication):
    original_exec = QApplication.exec
    def exec_(app):
        from PySide6.QtCore import QEvent, QObject
        from pos_app.ui.main_window import MainWindow
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        class FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and not hasattr(app, "_seen"):
                    try:
                        maps = open("/proc/self/maps").read()
                    except OSError:
                        maps = ""
                    app._seen = {"modules": sorted(sys.modules), "svg": "qsvgicon" in maps,
                                 "focus": window.entry.amount.hasFocus()}
                    app.quit()
                return False
        window._first_paint = FirstPaint(window)
        window.installEventFilter(window._first_paint)
        original_exec()
        return 0
    QApplication.exec = exec_

sys.meta_path.insert(0, OnImport())
from pos_app.cli import main
from PySide6.QtWidgets import QApplication
main(["--training"])
print("SEEN " + json.dumps(QApplication.instance()._seen))
"""

DEFERRED = [
    # the journal, the services and the network: stage 3, on a worker thread
    "sqlite3", "httpx", "ssl", "socket", "keyring", "pos_app.runtime", "pos_app.store.journal",
    "pos_app.store.db", "pos_app.services", "pos_app.epay.client", "pos_app.training",
    # the controllers and the pages not on the first screen (the web view is in the window
    # from the start: joining it later re-created the window and lost keys, issue 13)
    "pos_app.ui.checkout.controller", "pos_app.ui.qr.controller", "pos_app.ui.connection.monitor",
    "pos_app.ui.common.tasks", "pos_app.ui.app", "PySide6.QtSvg", "pos_app.ui.qr.panel",
    "pos_app.ui.checkout.result", "pos_app.ui.connection.banner", "pos_app.ui.admin.kiosk",
    "pos_app.ui.common.pin_guard", "pos_app.ui.common.status_style", "pos_app.domain.payment",
    # libraries only some paths need
    "qrcode", "lzstring", "secrets", "uuid", "platformdirs", "logging.handlers",
    "concurrent.futures", "locale",
]


def test_the_first_paint_needs_no_journal_services_web_engine_or_svg(tmp_path: Path) -> None:
    env = dict(os.environ, POS_APP_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, done.stderr[-3000:]
    seen = json.loads(line[5:])
    loaded = [name for name in seen["modules"]
              if any(name == d or name.startswith(d + ".") for d in DEFERRED)]
    assert loaded == [], "loaded before the first paint: " + ", ".join(loaded)
    assert seen["focus"], "the amount field has the focus at the first paint"
    if sys.platform.startswith("linux"):
        assert not seen["svg"], "the first window loaded Qt's SVG icon plugin (run scripts/setup)"
    assert not list(tmp_path.glob("journal*.sqlite3")), "a journal before the first paint"
