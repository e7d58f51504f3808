"""The ``pos-app`` command (a contract): GUI by default, plus ``journal --csv``.

    pos-app [--training | --env test|test-new|prod] [--debug]
    pos-app journal --csv
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pos_app import __version__


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pos-app", description="Halyk ePay counter till")
    p.add_argument("--version", action="version", version=f"pos-app {__version__}")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--training", action="store_true",
                      help="practise against the built-in ePay emulator (no real money)")
    mode.add_argument("--env", choices=["training", "test", "test-new", "prod"],
                      help="ePay environment (default: from the settings)")
    p.add_argument("--debug", action="store_true", help="verbose log, web inspector menu")
    sub = p.add_subparsers(dest="command")
    journal = sub.add_parser("journal", help="print the payment journal")
    journal.add_argument("--csv", action="store_true", required=True, help="as CSV on stdout")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from pos_app.logsetup import setup_logging
    from pos_app.store import paths

    setup_logging(paths.log_dir(), debug=args.debug)
    if args.command == "journal":
        return journal_csv()
    from pos_app.runtime import SetupError, build_runtime
    from pos_app.store.settings import load as load_settings

    settings = load_settings(paths.settings_path())
    environment = "training" if args.training else (args.env or settings.environment)
    try:
        runtime = build_runtime(environment, settings=settings)
    except SetupError as exc:
        print(f"pos-app: {exc}", file=sys.stderr)
        return 2
    from pos_app.ui.app import run_gui

    return run_gui(runtime, debug=args.debug)


def journal_csv() -> int:
    from pos_app.store import paths
    from pos_app.store.journal import Journal

    journal = Journal(paths.journal_path())
    try:
        journal.write_csv(sys.stdout)
    finally:
        journal.close()
    return 0
