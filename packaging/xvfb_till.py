"""Drive a real till window on a virtual X screen with the keyboard (xdotool), as a cashier.

    python packaging/xvfb_till.py startup [--runs 3] [--frozen dist/pos-app/pos-app]
                                          [--unfrozen .venv/bin/pos-app]
    python packaging/xvfb_till.py pay [--app dist/pos-app/pos-app] [--shots DIR]

``startup`` prints the time from ``exec`` to the till's window being mapped (visible) for the
frozen bundle and the unfrozen app, each started ``--runs`` times in training mode with a
fresh data folder. ``pay`` starts the till and takes a training payment typed at the
keyboard: amount + Enter, then in the bank's card form (an iframe inside the web view) a click
on the form's grey backdrop, Tab into the card number, the test card, Enter.

Needs Xvfb, xdotool and ImageMagick's ``import`` (``scripts/setup --dev``). Used by
``tests/bundle/test_frozen_gui.py``. Nothing here reaches into the app: only X events.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The main window's title in each UI language (en, ru, kk); other windows (customer display)
# never contain "ePay".
TITLE = "ePay"
CARD = ("4405639704015096", "01/27", "321")  # published ePay test card: approved
TOOLS = ("Xvfb", "xdotool", "import")


class DriveError(RuntimeError):
    pass


def missing_tools() -> list[str]:
    from shutil import which

    return [tool for tool in TOOLS if which(tool) is None]


@contextlib.contextmanager
def xvfb(width: int = 1280, height: int = 1024) -> Iterator[str]:
    """A private X server; yields its DISPLAY (``-displayfd``: no number guessing).

    ``-noreset``: by default an X server resets when its last client leaves, and a till started
    in that instant fails with "could not connect to display". A module's tills, one after the
    other on one server, met it (CI of 2026-12-02, ``test_frozen_till_shows_the_shops_language``
    [en], right after [kk] had exited; ``tests/support/xtill.py`` had the same fix)."""
    read, write = os.pipe()
    command = ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
               "-noreset", "-nolisten", "tcp"]
    proc = subprocess.Popen(  # noqa: S603
        command, pass_fds=(write,), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise DriveError("Xvfb did not start")
        display = f":{number}"
        wait_for_server(display, proc)
        yield display
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(10)


def wait_for_server(display: str, server: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """Until a client can connect to ``display``: ``-displayfd`` names the display when the
    server has chosen it, and a till started in that instant once failed with "could not
    connect to display" (CI, 2026-11-28)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise DriveError(f"Xvfb exited with {server.returncode}")
        if subprocess.run(["xdotool", "getdisplaygeometry"],  # noqa: S607
                          env={**os.environ, "DISPLAY": display}, capture_output=True,
                          timeout=10, check=False).returncode == 0:
            return
        time.sleep(0.05)
    raise DriveError(f"Xvfb on {display} took no connection within {timeout:.0f} s")


def app_env(display: str, home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", POS_APP_HOME=str(home))
    env.pop("WAYLAND_DISPLAY", None)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    return env


def xdo(display: str, *args: str, check: bool = True) -> str:
    proc = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},  # noqa: S603,S607
                          capture_output=True, text=True, timeout=30, check=False)
    if check and proc.returncode != 0:
        raise DriveError(f"xdotool {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout.strip()


def wait_for_window(display: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> str:
    """Poll (every 20 ms) until the till's main window (this process, a title with
    ``TITLE``) is mapped and visible; its id."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise DriveError(f"the till exited with {proc.returncode} before its window appeared")
        found = xdo(display, "search", "--onlyvisible", "--pid", str(proc.pid),
                    "--name", TITLE, check=False)
        if found:
            return found.splitlines()[0]
        time.sleep(0.02)
    raise DriveError(f"no {TITLE!r} window within {timeout:.0f} s")


@dataclass
class Till:
    display: str
    proc: subprocess.Popen[bytes]
    window: str
    startup: float  # seconds from exec to the window being mapped
    home: Path
    command: list[str]


@contextlib.contextmanager
def till(command: list[str], display: str, home: Path, log: Path | None = None) -> Iterator[Till]:
    """Start ``command --training`` and wait for its window; stop it afterwards."""
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    started = time.monotonic()
    proc = subprocess.Popen([*command, "--training"], env=app_env(display, home),  # noqa: S603
                            stdout=out, stderr=subprocess.STDOUT)
    try:
        try:
            window = wait_for_window(display, proc)
        except DriveError as exc:
            if log:
                out.flush()  # type: ignore[union-attr]
                tail = log.read_text(errors="replace").splitlines()[-12:]
                raise DriveError(f"{exc}; its output ends:\n" + "\n".join(tail)) from exc
            raise
        yield Till(display, proc, window, time.monotonic() - started, home, command)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        if log:
            out.close()  # type: ignore[union-attr]


def screenshot(display: str) -> tuple[int, int, bytes]:
    """The whole screen as (width, height, RGB bytes) via ImageMagick ``import``."""
    data = subprocess.run(["import", "-display", display, "-window", "root", "ppm:-"],  # noqa: S603,S607
                          capture_output=True, timeout=30, check=True).stdout
    parts = data.split(maxsplit=4)  # P6 width height maxval pixels
    if parts[0] != b"P6":
        raise DriveError("unexpected screenshot format")
    width, height = int(parts[1]), int(parts[2])
    return width, height, data[len(data) - width * height * 3:]


def save_screenshot(display: str, path: Path) -> None:
    subprocess.run(["import", "-display", display, "-window", "root", str(path)],  # noqa: S603,S607
                   capture_output=True, timeout=30, check=False)


def find_backdrop(display: str) -> tuple[int, int] | None:
    """Where the card form's grey backdrop is (a point left of the form), or None.

    The form is up when a wide run of the backdrop grey (~#808080) and, right of it, the form's
    white panel appear on one screen row.
    """
    width, height, rgb = screenshot(display)
    for y in range(height // 4, height * 3 // 4, 8):
        row = rgb[y * width * 3:(y + 1) * width * 3]
        run_start, run = -1, 0
        for x in range(width):
            r, g, b = row[3 * x], row[3 * x + 1], row[3 * x + 2]
            if 118 <= r <= 138 and abs(r - g) < 4 and abs(r - b) < 4:
                if run == 0:
                    run_start = x
                run += 1
            elif run >= 60 and r > 245 and g > 245 and b > 245:
                return run_start + 15, y
            else:
                run = 0
    return None


def journal_rows(command: list[str], home: Path) -> list[dict[str, str]]:
    env = {**os.environ, "POS_APP_HOME": str(home)}
    out = subprocess.run([*command, "journal", "--csv", "--training"], env=env, capture_output=True,  # noqa: S603
                         text=True, timeout=60, check=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def pay_by_keyboard(t: Till, amount: str = "1500", shots: Path | None = None,
                    timeout: float = 60.0) -> dict[str, str]:
    """Type a training card payment into the till; returns its journal row once settled."""
    d = t.display
    deadline = time.monotonic() + timeout
    # The window is mapped a moment before it takes keys: type, press Enter, and retry when
    # no attempt reached the journal (the till journals an attempt before any network call).
    for attempt in range(4):
        time.sleep(1.0 + attempt)
        # Qt re-creates the top-level native window once the web view joins it (a GL
        # surface), so the id seen at start-up may be gone: look it up again.
        t.window = wait_for_window(d, t.proc)
        xdo(d, "windowfocus", "--sync", t.window, check=False)
        xdo(d, "key", "ctrl+a", "BackSpace")
        xdo(d, "type", "--delay", "40", amount)
        xdo(d, "key", "Return")
        started = time.monotonic()
        while not journal_rows(t.command, t.home) and time.monotonic() - started < 3.0:
            time.sleep(0.2)
        if journal_rows(t.command, t.home):
            break
    else:
        if shots:
            save_screenshot(d, shots / "no-payment.png")
        raise DriveError("the amount typed at the keyboard did not start a payment")
    point = None
    while point is None and time.monotonic() < deadline:
        time.sleep(0.3)
        point = find_backdrop(d)
    if point is None:
        if shots:
            save_screenshot(d, shots / "no-form.png")
        raise DriveError("the card form did not appear")
    if shots:
        save_screenshot(d, shots / "1-form.png")
    pan, expiry, cvc = CARD
    xdo(d, "mousemove", str(point[0]), str(point[1]), "click", "1")
    time.sleep(0.3)
    xdo(d, "key", "Tab")  # into the first field of the bank's form: the card number
    xdo(d, "type", "--delay", "25", pan)
    xdo(d, "key", "Tab")
    xdo(d, "type", "--delay", "25", expiry)
    xdo(d, "key", "Tab")
    xdo(d, "type", "--delay", "25", cvc)
    if shots:
        save_screenshot(d, shots / "2-filled.png")
    xdo(d, "key", "Return")
    while time.monotonic() < deadline:
        rows = journal_rows(t.command, t.home)
        if rows and rows[-1]["status"] not in ("new", "token_issued", "widget_open", "checking"):
            time.sleep(0.5)
            if shots:
                save_screenshot(d, shots / "3-result.png")
            return rows[-1]
        time.sleep(0.5)
    if shots:
        save_screenshot(d, shots / "no-result.png")
    raise DriveError("the payment did not settle")


def measure_startup(command: list[str], runs: int) -> list[float]:
    """Start-up times of ``runs`` starts, each on a fresh X server with a fresh data folder."""
    times = []
    for _ in range(runs):
        with xvfb() as display, tempfile.TemporaryDirectory(prefix="pos-startup-") as home:
            log = Path(home) / "till.log"
            try:
                with till(command, display, Path(home), log=log) as t:
                    times.append(t.startup)
                    time.sleep(1.0)  # let it finish starting before it is stopped
            except DriveError:
                sys.stderr.write(log.read_text(errors="replace")[-3000:])
                raise
    return times


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="xvfb_till.py")
    sub = p.add_subparsers(dest="what", required=True)
    s = sub.add_parser("startup", help="exec -> window mapped, frozen vs unfrozen")
    s.add_argument("--runs", type=int, default=3)
    s.add_argument("--frozen", default=str(ROOT / "dist" / "pos-app" / "pos-app"))
    s.add_argument("--unfrozen", default=str(ROOT / ".venv" / "bin" / "pos-app"))
    q = sub.add_parser("pay", help="take a training payment typed at the keyboard")
    q.add_argument("--app", default=str(ROOT / "dist" / "pos-app" / "pos-app"))
    q.add_argument("--shots", type=Path, default=None, help="save screenshots here")
    args = p.parse_args(argv)
    if missing := missing_tools():
        print(f"xvfb_till: missing {', '.join(missing)} (scripts/setup --dev)", file=sys.stderr)
        return 2
    if args.what == "startup":
        for label, command in (("frozen", args.frozen), ("unfrozen", args.unfrozen)):
            times = measure_startup([command], args.runs)
            print(f"{label:>8}: exec -> window mapped: first {times[0]:.2f} s, median "
                  f"{statistics.median(times):.2f} s, all "
                  f"{', '.join(f'{x:.2f}' for x in times)} ({command})", flush=True)
        return 0
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    with xvfb() as display, tempfile.TemporaryDirectory(prefix="pos-pay-") as home, \
            till([args.app], display, Path(home)) as t:
        print(f"window mapped after {t.startup:.2f} s", flush=True)
        row = pay_by_keyboard(t, shots=args.shots)
    print({k: row[k] for k in ("invoice_id", "amount", "status", "card_mask", "approval_code")})
    return 0 if row["status"] == "paid" else 1


if __name__ == "__main__":
    sys.exit(main())
