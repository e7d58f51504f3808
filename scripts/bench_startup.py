"""Start-up children for scripts/benchmark.py: ``python``, ``baseline``, ``floor``, ``window``
and ``app``.

Run as ``python scripts/bench_startup.py MODE`` with ``BENCH_T0`` (the parent's ``time.time()``
just before spawning) in the environment; prints one ``BENCH {...}`` line.

This file imports nothing but ``os``, ``sys`` and ``time`` before the code it measures, so the
bare PySide6 window and the till pay for exactly their own imports (benchmark.py's argparse,
statistics, json… would otherwise be preloaded for both and flatter the ratio).
"""

import os
import sys
import time

MARK = "BENCH "


def since_spawn() -> float:
    return time.time() - float(os.environ["BENCH_T0"])


def emit(**figures: float) -> None:
    print(MARK + "{" + ", ".join(f'"{k}": {v!r}' for k, v in figures.items()) + "}", flush=True)


def install_ready_probe(window, focus, on_ready) -> None:
    """Call ``on_ready(seconds since spawn)`` once ``window`` has been exposed and painted,
    ``focus`` has keyboard focus, and one more event-loop turn has run after all that."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    state = {"painted": False, "done": False}

    def check() -> None:
        if state["done"]:
            return
        handle = window.windowHandle()
        if state["painted"] and handle is not None and handle.isExposed() and focus.hasFocus():
            state["done"] = True
            QTimer.singleShot(0, lambda: on_ready(since_spawn()))  # one more loop turn
        else:
            QTimer.singleShot(1, check)

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not state["painted"]:
                state["painted"] = True
                QTimer.singleShot(0, check)  # after paintEvent has returned
            return False

    probe = Probe(window)
    window.installEventFilter(probe)
    window._bench_probe = probe  # keep a reference
    QTimer.singleShot(0, check)


def child_python() -> None:
    emit(ready=since_spawn())


def _bare_window(*, share_contexts: bool) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    if share_contexts:
        from PySide6.QtCore import QCoreApplication, Qt

        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    edit = QLineEdit(window)
    window.setCentralWidget(edit)
    window.resize(1180, 780)
    edit.setFocus()
    window.show()

    def ready(seconds: float) -> None:
        emit(ready=seconds)
        app.quit()

    install_ready_probe(window, edit, ready)
    app.exec()


def child_baseline() -> None:
    """A bare PySide6 window with one line edit."""
    _bare_window(share_contexts=False)


def child_floor() -> None:
    """The bare window plus what QtWebEngine requires before QApplication exists
    (``AA_ShareOpenGLContexts``, which builds PySide's ``Qt`` namespace: ~100 Python enums)."""
    _bare_window(share_contexts=True)


def child_window() -> None:
    """The till's window as ``run_gui`` builds it, without the command line, the log file or the
    settings file (default settings): what the window alone costs."""
    from pos_app.preflight import check_setup
    from pos_app.store.settings import Settings
    from pos_app.ui.startup import Startup, ensure_app

    setup = check_setup("training", settings=Settings(environment="training"))
    app = ensure_app()
    startup = Startup(setup)
    startup.show()

    def ready(seconds: float) -> None:
        emit(ready=seconds)
        app.quit()

    install_ready_probe(startup.window, startup.window.entry.amount, ready)
    app.exec()
    startup.close()


class _OnImport:
    """A meta-path finder that calls ``then(module)`` right after ``name`` is imported, so the
    probe can be hooked in without importing PySide6 earlier than ``pos-app`` itself does (what
    is imported after PySide6 pays its per-import feature check)."""

    def __init__(self, name: str, then) -> None:
        self.name, self.then = name, then

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module) -> None:
            original(module)
            self.then(module)

        loader.exec_module = exec_module
        return spec


def child_app() -> None:
    """``pos-app --training`` through its real entry point, as the console script runs it
    (``from pos_app.cli import main``), with a probe hooked into ``QApplication.exec`` (run_gui
    has shown the window by then). After "ready", it also times the web engine's warm-up."""
    result: dict[str, float] = {}

    def hook(qtwidgets) -> None:
        QApplication = qtwidgets.QApplication
        original_exec = QApplication.exec

        def exec_with_probe(app) -> int:
            from pos_app.ui.main_window import MainWindow

            window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

            def ready(seconds: float) -> None:
                result["ready"] = seconds
                form = window.activity.form
                sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
                import tilldrive

                t = time.perf_counter()
                # the web view is created after the window shows (run_gui queues attach_web)
                tilldrive.wait_until(
                    lambda: form.checkout is not None and form.checkout.page is not None,
                    what="warm_up",
                )
                page = form.checkout.page
                box: list[bool] = []
                page.loadFinished.connect(lambda ok: box.append(ok))
                tilldrive.wait_until(lambda: bool(box) or tilldrive.blank_loaded(page),
                                     what="warm-up page")
                result["warm"] = seconds + (time.perf_counter() - t)
                app.quit()

            install_ready_probe(window, window.entry.amount, ready)
            return original_exec()

        QApplication.exec = exec_with_probe

    sys.meta_path.insert(0, _OnImport("PySide6.QtWidgets", hook))
    from pos_app.cli import main

    code = main(["--training"])
    emit(code=code, **result)


if __name__ == "__main__":
    {"python": child_python, "baseline": child_baseline, "floor": child_floor,
     "window": child_window, "app": child_app}[sys.argv[1]]()
