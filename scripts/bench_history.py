"""Benchmark the history screen on a generated journal of 100,000 payments (prints, no asserts).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_history.py [--payments N]

Targets (issue 6): opening the history (model + first page shown), scrolling to the end and a
search (by RRN, by amount) each under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pos_app.store.journal import Journal  # noqa: E402
from tests.support.journal_data import generate  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated journal")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="pos-bench-"))
    os.environ["POS_APP_HOME"] = str(home)
    journal = Journal(home / "journal.sqlite3")
    t0 = time.perf_counter()
    sample = generate(journal, args.payments)
    print(f"generated {args.payments} payments (+{args.payments * 3} events) "
          f"in {time.perf_counter() - t0:.1f} s at {home}")

    from PySide6.QtCore import QCoreApplication

    from pos_app.store.journal_query import HistoryFilter
    from pos_app.ui.app import ensure_app
    from pos_app.ui.history.window import HistoryWindow

    app = ensure_app()

    def settle() -> None:
        for _ in range(3):
            QCoreApplication.processEvents()

    t0 = time.perf_counter()
    window = HistoryWindow(journal)
    window.resize(1180, 760)
    window.show()
    settle()
    window.table.viewport().repaint()
    opened = time.perf_counter() - t0
    model = window.model
    print(f"open history (model + first page shown): {ms(opened)}  "
          f"[{model.rowCount()} rows, {model.pages_read} page(s) read]")

    t0 = time.perf_counter()
    window.table.scrollToBottom()
    settle()
    window.table.viewport().repaint()
    last = window.table.rowAt(window.table.viewport().height() - 2)
    scrolled = time.perf_counter() - t0
    print(f"scroll to the end:                       {ms(scrolled)}  "
          f"[last visible row {last} of {model.rowCount()}, {model.cached_rows()} rows in memory]")

    for label, text in (("RRN", sample["rrn"]), ("amount", sample["amount"]),
                        ("invoice", sample["invoice"]), ("card mask *1234", "*1234")):
        t0 = time.perf_counter()
        window.search.setText(text)
        window.apply_filter()
        settle()
        window.table.viewport().repaint()
        found = time.perf_counter() - t0
        print(f"search by {label:<16}                {ms(found)}  [{model.rowCount()} found]")

    t0 = time.perf_counter()
    window.search.clear()
    model.set_filter(HistoryFilter(since=datetime(2026, 2, 1, tzinfo=UTC),
                                   until=datetime(2026, 2, 8, tzinfo=UTC)))
    settle()
    window.table.viewport().repaint()
    print(f"filter by a week of dates:               {ms(time.perf_counter() - t0)}  "
          f"[{model.rowCount()} rows]")
    window.close()
    journal.close()
    del app
    if not args.keep:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
