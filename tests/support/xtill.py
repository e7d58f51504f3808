"""A real till process in a real X window (Xvfb, optionally with openbox), typed at with
xdotool the moment its window is mapped, against an in-process emulator.

Used by ``tests/webengine/test_keyboard_x11.py`` and ``scripts/benchmark.py`` (launch → first
payform). Only X events go into the till; what it did is read from the emulator and the journal.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.support.till_env import till_env

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import xvfb_till  # noqa: E402

from pos_app.training import Emulator  # noqa: E402

DriveError = xvfb_till.DriveError
TOOLS = ("Xvfb", "xdotool", "import", "openbox")


def missing_tools() -> list[str]:
    from shutil import which

    return [tool for tool in TOOLS if which(tool) is None]


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private X server that does not reset: by default an X server resets when its last
    client leaves, and a till connecting in that instant (right after the readiness probe's
    xdotool left) failed with "could not connect to display" (2 runs in 20 without a window
    manager, whose connection otherwise keeps the server from resetting). A random display
    number from :200 up, not ``-displayfd``'s lowest free one that parallel runs race for."""
    for number in random.sample(range(200, 2000), 20):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        display = f":{number}"
        proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x1024x24", "-noreset",
                                 "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            try:
                xvfb_till.wait_for_server(display, proc)
            except DriveError:
                if proc.poll() is not None:
                    continue  # taken in the meantime: another number
                raise
            yield display
            return
        finally:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(10)
    raise DriveError("no free X display number")


@contextlib.contextmanager
def screen(wm: bool) -> Iterator[str]:
    """A private X server, with openbox running on it when ``wm``; yields its DISPLAY."""
    with xvfb() as display:
        if not wm:
            yield display
            return
        with tempfile.TemporaryDirectory(prefix="pos-openbox-") as tmp:
            started = Path(tmp) / "started"
            env = {**os.environ, "DISPLAY": display, "HOME": tmp}
            proc = subprocess.Popen(
                ["openbox", "--sm-disable", "--startup", f"touch {started}"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait(started.exists, 20, "openbox to start", proc)
                yield display
            finally:
                proc.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(10)


def wait(predicate: Callable[[], object], timeout: float, what: str,
         proc: subprocess.Popen[bytes] | None = None, step: float = 0.005) -> float:
    """Poll ``predicate`` until true; the time.monotonic() it became true."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise DriveError(f"waiting for {what}: the process exited with {proc.returncode}")
        if time.monotonic() > deadline:
            raise DriveError(f"no {what} within {timeout:.0f} s")
        time.sleep(step)
    return time.monotonic()


def xdo(display: str, *args: str) -> str:
    return xvfb_till.xdo(display, *args)


def env_for(display: str, home: Path, emulator: Emulator) -> dict[str, str]:
    """A till on ``display`` against ``emulator`` (the ``POS_APP_EPAY_*`` contract variables,
    the published test merchant), all state in ``home``."""
    env = till_env(home, emulator)
    env.update({k: v for k, v in xvfb_till.app_env(display, home).items()
                if k in ("DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")})
    env.pop("WAYLAND_DISPLAY", None)
    # As shipped: the suite's QT_QUICK_BACKEND=software (tests/conftest.py) spares Chromium's
    # widget its OpenGL surface, and with it the window re-creation that lost keys (issue 13).
    env.pop("QT_QUICK_BACKEND", None)
    return env


def visible_window(display: str, proc: subprocess.Popen[bytes], title: str = "ePay") -> str:
    """The id of ``proc``'s mapped window whose title has ``title``, or ''."""
    found = xvfb_till.xdo(display, "search", "--onlyvisible", "--pid", str(proc.pid),
                          "--name", title, check=False)
    return found.splitlines()[0] if found else ""


@contextlib.contextmanager
def process(command: list[str], env: dict[str, str], log: Path) -> Iterator[
        subprocess.Popen[bytes]]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out,
                                stderr=subprocess.STDOUT)
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


def type_when_mapped(display: str, proc: subprocess.Popen[bytes], keys: list[list[str]],
                     title: str = "ePay", timeout: float = 60) -> tuple[str, float]:
    """Wait for the window, focus it and send ``keys`` at once, one xdotool run per command
    (``xdotool type`` would type the rest of a chain as text), e.g.
    ``[["type", "--delay", "60", "1500"], ["key", "Return"]]``; returns the window id and the
    time it was seen mapped."""
    window = ""

    def mapped() -> bool:
        nonlocal window
        window = visible_window(display, proc, title)
        return bool(window)

    seen = wait(mapped, timeout, "window mapped", proc, step=0.0)
    xdo(display, "windowfocus", window)
    for command in keys:  # XTEST: into whatever has the focus, as a keyboard would
        xdo(display, *command)
    return window, seen


def screenshot(display: str) -> tuple[int, int, bytes]:
    """The screen as (width, height, RGB bytes). ``-depth 8``: ImageMagick's own default here is
    16 bits a channel (``xvfb_till.screenshot`` reads those bytes as 8-bit ones)."""
    data = subprocess.run(["import", "-display", display, "-window", "root", "-depth", "8",
                           "ppm:-"], capture_output=True, timeout=30, check=True).stdout
    magic, width, height, maxval, _ = data.split(maxsplit=4)
    if magic != b"P6" or maxval != b"255":
        raise DriveError("unexpected screenshot format")
    size = int(width) * int(height) * 3
    return int(width), int(height), data[len(data) - size:]


def find_backdrop(display: str) -> tuple[int, int] | None:
    """A point on the card form's grey backdrop (~#808080, the only wide mid-grey area on the
    till's screen) half-way down the screen, well clear of the buttons above the form, or None
    while there is none."""
    width, height, rgb = screenshot(display)
    for y in range(height // 2, height * 3 // 4, 8):
        row = rgb[y * width * 3:(y + 1) * width * 3]
        run = 0
        for x in range(width):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if 118 <= r <= 138 and abs(r - g) < 4 and abs(r - b) < 4:
                run += 1
                if run == 60:
                    return x - 45, y
            else:
                run = 0
    return None


def token_amounts(emulator: Emulator) -> list[str]:
    """The amount of every payment token the emulator issued, in order."""
    with emulator.bank.lock:
        return [str(token.amount) for token in emulator.bank.last_token.values()]


def journal_statuses(home: Path) -> list[str]:
    path = home / "journal-test.sqlite3"  # the till runs --env test: the test journal
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return [str(row[0]) for row in conn.execute(
            "SELECT status FROM payments ORDER BY created_at")]


def python_till() -> list[str]:
    """The till as ``pos-app`` starts it (its real entry point), against a test emulator."""
    return [sys.executable, "-m", "pos_app", "--env", "test"]
