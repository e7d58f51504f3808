#!/usr/bin/env python3
"""Measure the till and print ONE table: what the cashier waits for, black box on Xvfb, against
a floor program (launch → first payform, warm Enter → payform, exec → window mapped:
scripts/bench_payform.py, scripts/bench_floor.py), Enter → card form in-process, memory after 50
payments, the history at 100,000 payments (scripts/bench_history.py), QR render time and the
bundle size (dist/pos-app).

    .venv/bin/python scripts/benchmark.py            # N=5 runs per figure, 50 payments for memory
    .venv/bin/python scripts/benchmark.py --quick    # N=1, 10 payments (CI smoke)

Every figure comes from fresh child processes (this script re-runs itself with ``--child``);
the parent only collects numbers and prints. Nothing here asserts: targets are shown, not enforced.
Runs headless (Xvfb + xdotool for the black-box figures, QT_QPA_PLATFORM=offscreen for the
in-process ones; --no-sandbox for Chromium when run as root).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import tilldrive  # noqa: E402

MARK = "BENCH "
APPROVE = ("4405639704015096", "01/27", "321")


def emit(**data: object) -> None:
    print(MARK + json.dumps(data), flush=True)


def _delete_pages_now() -> None:
    """As ``pos-app`` does at exit (ui/startup.run_gui): the web pages are deleted before their
    profile. ``processEvents()`` left them ("Release of profile requested but WebEnginePage
    still not deleted") and the child crashed at exit (SIGSEGV, after its figures)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# ================================================================================================
# children
# ================================================================================================

def child_pay(payments: int, settle_ms: int) -> None:
    """One till, ``payments`` complete approved card payments; timings and tree memory."""
    from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before QApplication)

    from pos_app.domain.payment import PaymentStatus
    from pos_app.runtime import build_runtime
    from pos_app.ui.app import build_till, ensure_app

    ensure_app()
    runtime = build_runtime("training")
    till = build_till(runtime)
    till.window.resize(1180, 780)
    till.window.show()
    tilldrive.wait_warm(till)
    tilldrive.spin(settle_ms)
    pid = os.getpid()
    mem_start = tilldrive.tree_memory(pid)

    stamps: list[float] = []
    till.checkout.form_loaded.connect(lambda _inv: stamps.append(time.perf_counter()))
    to_form: list[float] = []
    to_pan: list[float] = []
    whole: list[float] = []
    pan_ok = 0
    paid = 0
    mem_after_first: dict[str, int] = {}
    for i in range(payments):
        tilldrive.type_amount(till, str(100 + i))
        n = len(stamps)
        t0 = time.perf_counter()
        tilldrive.press_enter(till)
        tilldrive.wait_until(lambda n=n: len(stamps) > n, what="form_loaded")
        to_form.append(stamps[n] - t0)
        frame = tilldrive.wait_pan(till)
        to_pan.append(time.perf_counter() - t0)
        pan_ok += 1
        tilldrive.submit_card(frame, *APPROVE)
        tilldrive.wait_result(till)
        whole.append(time.perf_counter() - t0)
        if runtime.journal.recent(1)[0].status is PaymentStatus.PAID:
            paid += 1
        if i == 0:
            tilldrive.spin(settle_ms)
            mem_after_first = tilldrive.tree_memory(pid)
    tilldrive.spin(settle_ms)
    mem_end = tilldrive.tree_memory(pid)
    emit(to_form=to_form, to_pan=to_pan, whole=whole, pan_ok=pan_ok, paid=paid,
         mem_start=mem_start, mem_first=mem_after_first, mem_end=mem_end)
    till.close()
    runtime.close()
    _delete_pages_now()


def child_fiscal(payments: int) -> None:
    """Training till with Webkassa training receipts: Approved -> fiscal number on screen, and
    whether the next amount could be typed before the number came (issue 15)."""
    from dataclasses import replace

    from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401  (before QApplication)

    from pos_app.runtime import build_runtime
    from pos_app.store.settings import Settings
    from pos_app.ui.app import build_till, ensure_app

    ensure_app()
    runtime = build_runtime("training", settings=replace(Settings(), fiscal_provider="webkassa"))
    till = build_till(runtime)
    till.window.resize(1180, 780)
    till.window.show()
    tilldrive.wait_warm(till)
    view = runtime.extras["fiscal_ui"].view
    wk = runtime.extras["fiscal_runtime"].emulator
    to_number: list[float] = []
    next_first = 0
    for i in range(payments):
        tilldrive.type_amount(till, str(200 + i))
        tilldrive.press_enter(till)
        frame = tilldrive.wait_pan(till)
        tilldrive.submit_card(frame, *APPROVE)
        tilldrive.wait_result(till)
        t0 = time.perf_counter()
        ready = till.window.entry.amount.isEnabled() and not till.controller.busy
        shown = str(wk.register.all_checks()[-1]["number"]) in view.state.text() \
            if wk.register.registrations > i else False
        next_first += ready and not shown
        tilldrive.wait_until(lambda i=i: wk.register.registrations > i
                             and str(wk.register.all_checks()[-1]["number"]) in view.state.text(),
                             what="fiscal number")
        to_number.append(time.perf_counter() - t0)
    emit(to_number=to_number, next_first=next_first, payments=payments)
    till.close()
    runtime.close()
    _delete_pages_now()


def child_qr(runs: int) -> None:
    """QR of a typical invoice link: matrix build + first paint of a 420 px widget, ``runs`` times."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.common.qr_painter import QrWidget

    app = QApplication.instance() or QApplication([sys.argv[0]])
    link = ("https://epay.homebank.kz/redirect/invoice-link/"
            "3b6e5c1e-9f0a-4c65-8a8e-2d8f2f1d4a7b?lang=rus")
    widget = QrWidget(minimum_px=420)
    widget.resize(420, 420)
    times: list[float] = []
    for i in range(runs):
        t0 = time.perf_counter()
        widget.set_payload(f"{link}&n={i}")  # a new matrix every time (no image cache)
        image = QImage(widget.size(), QImage.Format.Format_RGB32)
        widget.render(image)  # runs paintEvent into the image
        times.append(time.perf_counter() - t0)
    QCoreApplication.processEvents()
    emit(qr=times, modules=widget.matrix.size if widget.matrix else 0)
    del app


def history_figures(payments: int, timeout: float) -> dict[str, float] | None:
    """Run scripts/bench_history.py (another agent's, if present) and parse its "x: N ms" lines."""
    script = HERE / "bench_history.py"
    if not script.is_file():
        return None
    env = tilldrive.qt_env()
    env["POS_APP_HOME"] = tempfile.mkdtemp(prefix="pos-bench-history-")
    try:
        proc = subprocess.run([sys.executable, str(script), "--payments", str(payments)], env=env,
                              capture_output=True, text=True, timeout=timeout, cwd=str(HERE.parent))
    except subprocess.TimeoutExpired:
        return None
    figures: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        m = re.match(r"^(.+?):?\s+([0-9.]+) ms", line)
        if m:
            figures[" ".join(m.group(1).rstrip(":").split())] = float(m.group(2)) / 1000
    return figures or None


def bundle_size() -> str:
    folder = HERE.parent / "dist" / "pos-app"
    if not folder.is_dir():
        return "not built"
    total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    return f"{total / 1024 / 1024:.0f} MB"


# ================================================================================================
# parent
# ================================================================================================



def run_child(args: list[str], timeout: float) -> dict:
    env = tilldrive.qt_env()
    env["POS_APP_HOME"] = tempfile.mkdtemp(prefix="pos-bench-")
    env["PYTHONDONTWRITEBYTECODE"] = "0"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    proc = subprocess.run(command,
                          env=env, capture_output=True, text=True, timeout=timeout, cwd=str(HERE.parent))
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            return json.loads(line[len(MARK):])
    raise RuntimeError(f"child {args} failed (rc={proc.returncode}):\n{proc.stderr[-3000:]}")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpu}, {cores} cores ({os.cpu_count()} online), Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.system()} {platform.release()}, "
            f"QPA {tilldrive.qt_env().get('QT_QPA_PLATFORM')}")


def fmt_s(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f} s"


def fmt_mb(kb: float | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f} MB"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="N=1 and 10 payments (CI smoke)")
    ap.add_argument("-n", type=int, default=None, help="runs per figure (default 5, quick 1)")
    ap.add_argument("--payments", type=int, default=None, help="payments in the memory run (50; quick 10)")
    ap.add_argument("--history-payments", type=int, default=100_000,
                    help="journal size for the history figures (100,000)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--settle-ms", type=int, default=1000, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        tilldrive.apply_qt_env()
        if args.child == "pay":
            child_pay(args.payments or 5, args.settle_ms)
        elif args.child == "fiscal":
            child_fiscal(args.payments or 5)
        elif args.child == "qr":
            child_qr(args.payments or 50)
        return 0

    n = args.n or (1 if args.quick else 5)
    mem_payments = args.payments or (10 if args.quick else 50)
    latency_payments = 3 if args.quick else 5
    started = time.monotonic()

    def log(msg: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {msg}", file=sys.stderr, flush=True)

    # black box on Xvfb: exec, type at the mapped window, the emulator sees the payform
    import bench_payform

    payform = bench_payform.measure(n, 2 if args.quick else 3, log)
    # the same with 100 ms on the token and on the widget script, as over the internet: the
    # host page and ePay's script load while the token is on its way (prepare_widget)
    distant = bench_payform.measure(max(1, n // 2), 2 if args.quick else 3, log, latency=0.1)

    first, later, pan_first, pan_later, whole = [], [], [], [], []
    for i in range(n):
        r = run_child(["pay", "--payments", str(latency_payments), "--settle-ms", "200"], 240)
        first.append(r["to_form"][0])
        later.extend(r["to_form"][1:])
        pan_first.append(r["to_pan"][0])
        pan_later.extend(r["to_pan"][1:])
        whole.extend(r["whole"])
        log(f"payment run {i + 1}/{n}: Enter→form_loaded {['%.3f' % x for x in r['to_form']]}, "
            f"#pan ok {r['pan_ok']}/{latency_payments}, paid {r['paid']}")

    fiscal = run_child(["fiscal", "--payments", str(latency_payments * n)], 600)
    log(f"fiscal: Approved -> number {['%.3f' % x for x in fiscal['to_number']]}, next amount "
        f"possible first in {fiscal['next_first']}/{fiscal['payments']}")
    mem = run_child(["pay", "--payments", str(mem_payments), "--settle-ms", str(args.settle_ms)], 600)
    log(f"memory run: {mem_payments} payments, paid {mem['paid']}, #pan ok {mem['pan_ok']}")
    qr_runs = 10 if args.quick else 50
    qr = run_child(["qr", "--payments", str(qr_runs)], 120)
    log(f"QR: {qr_runs} renders, {qr['modules']} modules")
    history = history_figures(args.history_payments, 900)
    log(f"history at {args.history_payments} payments: {'done' if history else 'n/a'}")

    med, lo = statistics.median, min
    rows: list[tuple[str, str, str, str, str]] = []

    def row(name: str, values: list[float], target: str = "", verdict: str = "", kind: str = "s") -> None:
        f = fmt_s if kind == "s" else fmt_mb
        rows.append((name, f(med(values)), f(lo(values)), target, verdict))

    def ok(flag: bool) -> str:
        return "ok" if flag else "MISSED"

    till_runs, floor_runs = payform["till"], payform["floor"]
    launch_till = [r.payform for r in till_runs]
    launch_floor = [r.payform for r in floor_runs]
    warm_till = [x for r in till_runs for x in r.warm]
    warm_floor = [x for r in floor_runs for x in r.warm]
    row(f"Launch -> first payform, floor: PySide6 + QWebEngineView (n={n})", launch_floor)
    row(f"Launch -> first payform, pos-app (n={n})", launch_till)
    ratio = med(launch_till) / med(launch_floor)
    rows.append(("Launch -> first payform, ratio pos-app / floor", f"{ratio:.2f}x",
                 f"{min(launch_till) / min(launch_floor):.2f}x", "<= 1.1x", ok(ratio <= 1.1)))
    row(f"Warm Enter -> payform, floor (n={len(warm_floor)})", warm_floor)
    row(f"Warm Enter -> payform, pos-app (n={len(warm_till)})", warm_till)
    ratio = med(warm_till) / med(warm_floor)
    rows.append(("Warm Enter -> payform, ratio pos-app / floor", f"{ratio:.2f}x",
                 f"{min(warm_till) / min(warm_floor):.2f}x", "<= 1.5x", ok(ratio <= 1.5)))
    far_till = [x for r in distant["till"] for x in r.warm]
    far_floor = [x for r in distant["floor"] for x in r.warm]
    row(f"  (info) warm Enter -> payform, 100 ms bank, floor (n={len(far_floor)})", far_floor)
    row(f"  (info) warm Enter -> payform, 100 ms bank, pos-app (n={len(far_till)})", far_till)
    rows.append(("  (info) warm Enter -> payform, 100 ms bank, ratio",
                 f"{med(far_till) / med(far_floor):.2f}x",
                 f"{min(far_till) / min(far_floor):.2f}x", "", ""))
    window_till = [r.window for r in till_runs]
    window_floor = [r.window for r in floor_runs]
    row(f"  (info) exec -> window mapped, floor (n={n})", window_floor)
    row(f"  (info) exec -> window mapped, pos-app (n={n})", window_till)
    rows.append(("  (info) exec -> window mapped, ratio pos-app / floor",
                 f"{med(window_till) / med(window_floor):.2f}x",
                 f"{min(window_till) / min(window_floor):.2f}x", "", ""))
    row(f"  (info, in-process, offscreen) Enter -> form_loaded, 1st (n={n})", first)
    row(f"  (info, in-process, offscreen) Enter -> form_loaded, later (n={len(later)})", later)
    row(f"Enter -> #pan confirmed, 1st (n={n})", pan_first)
    row(f"Enter -> #pan confirmed, later (n={len(pan_later)})", pan_later)
    row(f"  (info) Enter -> result stage (n={len(whole)})", whole)
    row(f"Approved -> fiscal number on screen, training (n={len(fiscal['to_number'])})",
        fiscal["to_number"], "< 0.5 s", ok(med(fiscal["to_number"]) < 0.5))
    rows.append(("  (info) next amount could be typed before the fiscal number",
                 f"{fiscal['next_first']}/{fiscal['payments']}", "", "", ""))
    m0, m1, m2 = mem["mem_start"], mem["mem_first"], mem["mem_end"]
    growth = 100.0 * (m2["rss_kb"] - m0["rss_kb"]) / m0["rss_kb"]
    growth1 = 100.0 * (m2["rss_kb"] - m1["rss_kb"]) / m1["rss_kb"]
    pss_growth = 100.0 * (m2["pss_kb"] - m0["pss_kb"]) / m0["pss_kb"]
    rows.append((f"RSS tree after warm-up ({m0['procs']} procs)", fmt_mb(m0["rss_kb"]), "", "", ""))
    rows.append((f"RSS tree after 1st payment ({m1['procs']} procs)", fmt_mb(m1["rss_kb"]), "", "", ""))
    rows.append((f"RSS tree after {mem_payments} payments ({m2['procs']} procs)", fmt_mb(m2["rss_kb"]),
                 "", "", ""))
    rows.append((f"RSS growth warm-up -> {mem_payments} payments", f"{growth:+.1f} %", "", "< 10 %",
                 ok(growth < 10)))
    rows.append((f"  (info) RSS growth 1st -> {mem_payments} payments", f"{growth1:+.1f} %", "", "", ""))
    rows.append((f"  (info) PSS tree warm-up -> {mem_payments}", f"{fmt_mb(m0['pss_kb'])} -> "
                 f"{fmt_mb(m2['pss_kb'])}", f"{pss_growth:+.1f} %", "", ""))
    rows.append(("  (info) memory-run payments paid / #pan", f"{mem['paid']}/{mem_payments}",
                 f"{mem['pan_ok']}/{mem_payments}", "", ""))

    row(f"QR render, invoice link ({qr['modules']} modules, matrix + paint, n={qr_runs})",
        qr["qr"], "", "")
    hist_n = f"{args.history_payments:,}"
    if history:
        for name, seconds in history.items():
            rows.append((f"History at {hist_n} payments: {name}", fmt_s(seconds), "",
                         "< 0.300 s", ok(seconds < 0.3)))
    else:
        rows.append((f"History at {hist_n} payments", "n/a", "", "", ""))
    rows.append(("Bundle size (dist/pos-app)", bundle_size(), "", "", ""))
    log("done")
    head = ("Figure", "median", "min", "target", "")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    line = "  ".join("-" * w for w in widths)
    print()
    print("pos-app benchmark" + (" (--quick)" if args.quick else ""))
    print("Machine: " + machine())
    print(f"Wall time: {time.monotonic() - started:.0f} s")
    print(line)
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    print(line)
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
