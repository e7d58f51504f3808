"""Small helpers shared by scripts/benchmark.py and scripts/screenshots.py.

They drive the real till window without pytest-qt: wait by running the Qt event loop until a
condition holds, run JavaScript in a frame, fill ePay's card form, read the memory of a process tree.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 30.0


def qt_env() -> dict[str, str]:
    """The environment the till needs to run headless (offscreen, no sandbox when root)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0 and "--no-sandbox" not in env.get("QTWEBENGINE_CHROMIUM_FLAGS", ""):
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = (env.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox").strip()
    return env


def apply_qt_env() -> None:
    os.environ.update(qt_env())


# -- waiting on the Qt event loop -------------------------------------------------------------------

def spin(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], object], timeout: float = TIMEOUT, step_ms: int = 2,
               what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        spin(step_ms)


def run_js(target: object, script: str, timeout: float = TIMEOUT) -> object:
    """Run ``script`` in a QWebEnginePage or QWebEngineFrame (main world) and return its value."""
    box: list[object] = []
    target.runJavaScript(script, 0, box.append)  # type: ignore[attr-defined]
    wait_until(lambda: bool(box), timeout, what="JavaScript result")
    return box[0]


# -- the till ---------------------------------------------------------------------------------------

def payform_frame(page: object) -> object | None:
    for frame in page.mainFrame().children():  # type: ignore[attr-defined]
        if "/payform" in frame.url().toString():
            return frame
    return None


def wait_warm(till: object, timeout: float = TIMEOUT) -> None:
    """Wait until the checkout page's empty document has loaded (Chromium's processes are up
    and the next payment goes into the kept page)."""
    checkout = till.checkout  # type: ignore[attr-defined]
    if checkout is None:
        raise RuntimeError("the till has no checkout view")
    wait_until(lambda: checkout.warm, timeout, what="web engine warm-up")


def blank_loaded(page: object) -> bool:
    """True once ``page`` has loaded a real document (not Chromium's initial about:blank)."""
    js = "location.href !== 'about:blank' && document.readyState === 'complete'"
    return run_js(page, js) is True


def type_amount(till: object, amount: str) -> None:
    from PySide6.QtTest import QTest

    field = till.window.entry.amount  # type: ignore[attr-defined]
    field.setFocus()
    QTest.keyClicks(field, amount)


def press_enter(till: object) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(till.window.entry.amount, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def wait_pan(till: object, timeout: float = TIMEOUT) -> object:
    """Wait until ePay's frame exists and has ``#pan``; return the frame."""
    from pos_app.ui.checkout.controller import Stage

    wait_until(lambda: till.controller.stage is Stage.FORM, timeout, what="form stage")  # type: ignore[attr-defined]
    found: list[object] = []

    def ready() -> bool:
        page = till.checkout.page  # type: ignore[attr-defined]
        frame = payform_frame(page) if page is not None else None
        if frame is not None and run_js(frame, "!!document.getElementById('pan')") is True:
            found.append(frame)
            return True
        return False

    wait_until(ready, timeout, step_ms=5, what="#pan in the payform frame")
    window = till.window  # type: ignore[attr-defined]
    wait_until(lambda: window.activity.currentWidget() is window.activity.form, timeout,
               step_ms=5, what="the card form on screen")
    return found[0]


def submit_card(frame: object, pan: str, expiry: str, cvc: str) -> None:
    """Fill the card fields in ePay's frame and press its pay button (JavaScript, no key strokes)."""
    script = (
        "(function(){var v={pan:%r,expiry:%r,cvc:%r};"
        "for (var k in v){var f=document.getElementById(k);f.value=v[k];"
        "f.dispatchEvent(new Event('input',{bubbles:true}));}"
        "document.getElementById('pay').click();return true;})()" % (pan, expiry, cvc)
    )
    run_js(frame, script)


def wait_result(till: object, timeout: float = TIMEOUT) -> None:
    from pos_app.ui.checkout.controller import Stage

    wait_until(lambda: till.controller.stage is Stage.RESULT, timeout, what="result stage")  # type: ignore[attr-defined]


# -- memory -----------------------------------------------------------------------------------------

def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    return kids


def process_tree(root: int) -> list[int]:
    kids = _children_map()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def _field_kb(path: str, key: str) -> int:
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_memory(root: int) -> dict[str, int]:
    """VmRSS and Pss (kB) summed over ``root`` and all its descendants; process count."""
    pids = process_tree(root)
    return {
        "rss_kb": sum(_field_kb(f"/proc/{p}/status", "VmRSS") for p in pids),
        "pss_kb": sum(_field_kb(f"/proc/{p}/smaps_rollup", "Pss") for p in pids),
        "procs": len(pids),
        "kinds": [_kind(p) for p in pids],
    }


def _kind(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().decode("utf-8", "replace").split("\0")
    except OSError:
        return "?"
    for arg in args:
        if arg.startswith("--type="):
            return arg[len("--type="):]
    return os.path.basename(args[0]) if args and args[0] else "?"
