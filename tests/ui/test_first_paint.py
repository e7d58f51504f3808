"""The window does not wait for the services, and its own way to the first paint stays light.

`pos-app` loads the journal, the emulator, the ePay client and the services on a worker thread
from the start while the GUI thread builds and shows the window (pos_app/ui/startup.py). Here
the worker is held before it opens anything: the window must still paint, with the focus in
the amount field, and the GUI thread must not have loaded what only the services need (a
module imported on the GUI thread delays the window and the cashier's keys;
scripts/bench_payform.py measures launch → first card form).
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
                    app._seen = {"modules": sorted(k for k, v in sys.modules.items() if v is not None), "svg": "qsvgicon" in maps,
                                 "focus": window.entry.amount.hasFocus(),
                                 "held": not gate.is_set()}
                    gate.set()
                    app.quit()
                return False
        window._first_paint = FirstPaint(window)
        window.installEventFilter(window._first_paint)
        original_exec()
        return 0
    QApplication.exec = exec_

sys.meta_path.insert(0, OnImport())
import threading
import pos_app.runtime
gate, real_assemble = threading.Event(), pos_app.runtime.assemble
def held_assemble(setup):
    gate.wait(60)  # released once the first paint is recorded
    return real_assemble(setup)
pos_app.runtime.assemble = held_assemble
from pos_app.cli import main
from PySide6.QtWidgets import QApplication
main(["--training"])
print("SEEN " + json.dumps(QApplication.instance()._seen))
"""

DEFERRED = [
    # the journal, the services and the network: stage 2, on the worker thread
    "sqlite3", "httpx", "ssl", "socket", "keyring", "pos_app.store.journal",
    "pos_app.store.db", "pos_app.services", "pos_app.epay.client", "pos_app.training",
    # the controllers and the pages not on the first screen (the web view is in the window
    # from the start: joining it later re-created the window and lost keys, issue 13)
    "pos_app.ui.checkout.controller", "pos_app.ui.qr.controller", "pos_app.ui.connection.monitor",
    "pos_app.ui.app", "PySide6.QtSvg", "pos_app.ui.qr.panel",
    "pos_app.ui.checkout.result", "pos_app.ui.connection.banner", "pos_app.ui.admin.kiosk",
    "pos_app.ui.common.pin_guard", "pos_app.ui.common.status_style", "pos_app.domain.payment",
    # libraries only some paths need
    "qrcode", "lzstring", "secrets", "uuid", "platformdirs", "logging.handlers",
    "locale",
]


def test_the_window_paints_while_the_services_load_and_needs_none_of_them(
        tmp_path: Path) -> None:
    env = dict(os.environ, POS_APP_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    line = next((x for x in done.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, done.stderr[-3000:]
    seen = json.loads(line[5:])
    loaded = [name for name in seen["modules"]
              if any(name == d or name.startswith(d + ".") for d in DEFERRED)]
    assert loaded == [], "loaded before the first paint: " + ", ".join(loaded)
    assert seen["held"], "the first paint came only after the services were released"
    assert seen["focus"], "the amount field has the focus at the first paint"
    if sys.platform.startswith("linux"):
        assert not seen["svg"], "the first window loaded Qt's SVG icon plugin (run scripts/setup)"
