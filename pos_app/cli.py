"""The ``pos-app`` command (a contract): GUI by default, plus ``journal --csv``.

    pos-app [--training | --env test|test-new|prod] [--debug]
    pos-app journal --csv [--training | --env ENV]
    pos-app configure --env test|prod --client-id ID --terminal UUID --secret-stdin [--pin-stdin]
    pos-app configure --fiscal-provider webkassa|none --fiscal-cashbox ZNM --fiscal-login L
                      --fiscal-secrets-stdin [--pin-stdin]
    pos-app doctor [--training | --env ENV]
    pos-app configure --hq-url URL --shop-id S --till-id T; sync --once; hq report (cli_hq)
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from pos_app import __version__

ENVIRONMENTS = ("training", "test", "test-new", "prod")  # `pos-app --env`
CONFIGURE_ENVIRONMENTS = ("test", "test-new", "prod")  # `pos-app configure --env`


def parser() -> argparse.ArgumentParser:
    from pos_app import cli_hq

    p = argparse.ArgumentParser(prog="pos-app", description="Halyk ePay counter till")
    p.add_argument("--version", action="version", version=f"pos-app {__version__}")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--training", action="store_true",
                      help="practise against the built-in ePay emulator (no real money)")
    mode.add_argument("--env", choices=ENVIRONMENTS,
                      help="ePay environment (default: from the settings)")
    p.add_argument("--debug", action="store_true", help="verbose log, web inspector menu")
    sub = p.add_subparsers(dest="command")
    journal = sub.add_parser("journal", help="print the payment journal")
    journal.add_argument("--csv", action="store_true", required=True, help="as CSV on stdout")
    which = journal.add_mutually_exclusive_group()
    which.add_argument("--training", dest="journal_training", action="store_true",
                       help="the training journal")
    which.add_argument("--env", dest="journal_env", choices=ENVIRONMENTS,
                       help="this environment's journal (default: the configured one)")
    configure = sub.add_parser(
        "configure", help="store ePay credentials (secret from stdin)",
        description="Store ePay credentials: the secret goes to the OS keyring.")
    # Required for ePay credentials; optional with --hq-url or --fiscal-* (main() checks).
    configure.add_argument("--env", dest="target_env",
                           choices=CONFIGURE_ENVIRONMENTS, help="ePay environment")
    configure.add_argument("--client-id", help="ePay client ID")
    configure.add_argument("--terminal", help="terminal ID (a UUID)")
    configure.add_argument("--shop-id", default=None, help="shop ID for invoice links (a UUID); "
                           "with --hq-url: the shop's id at the head office")
    configure.add_argument("--secret-stdin", action="store_true",
                           help="read the client secret from standard input")
    configure.add_argument("--pin-stdin", action="store_true",
                           help="the admin PIN is the first line of standard input "
                                "(required when the till has one)")
    cli_hq.add_configure_arguments(configure)
    cli_hq.add_commands(sub)
    from pos_app.cli_fiscal import add_arguments as add_fiscal_arguments

    add_fiscal_arguments(configure)  # issue 15: --fiscal-*
    doctor = sub.add_parser("doctor", help="check that this computer is ready for payments")
    doctor.add_argument("--training", dest="doctor_training", action="store_true",
                        help="also run a complete training payment offscreen")
    doctor.add_argument("--env", dest="doctor_env",
                        choices=ENVIRONMENTS,
                        help="check this environment instead of the configured one")
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line, as :func:`parser` reads it.

    Starting the till (no command; ``--training``, ``--env ENV``, ``--debug``) is read without
    building the parser: argparse's set-up (its sub-commands, gettext look-ups, ``locale``) is
    a few milliseconds of every start. Anything else, including every error and ``--help``,
    goes to argparse. ``tests/test_cli.py`` checks both give the same result.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    found = _gui_flags(words)
    if found is not None:
        return argparse.Namespace(**{"training": False, "env": None, "debug": False,
                                     "command": None, **found})
    return parser().parse_args(words)


def _gui_flags(words: list[str]) -> dict[str, object] | None:
    found: dict[str, object] = {}
    rest = iter(words)
    for word in rest:
        if word in ("--training", "--debug") and word[2:] not in found:
            found[word[2:]] = True
        elif word == "--env" and "env" not in found:
            value = next(rest, None)
            if value not in ENVIRONMENTS:
                return None
            found["env"] = value
        else:
            return None
    if "training" in found and "env" in found:
        return None  # argparse says they exclude each other
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command is None:
        # Starting the till: no cycle collection until its window and services are up
        # (pos_app.ui.startup turns it back on). The start-up makes some 40,000 objects,
        # almost all kept for good; collecting among them cost 80 passes, 13 ms of CPU.
        gc.disable()
    from pos_app.logsetup import setup_logging
    from pos_app.store import paths

    setup_logging(paths.log_dir(), debug=args.debug)
    if args.command == "journal":
        return journal_csv(_journal_environment(args))
    from pos_app import cli_hq

    if args.command == "configure":
        if cli_hq.wants_hq(args):
            if args.client_id or args.terminal or args.secret_stdin:
                parser().error("configure: the head office (--hq-url, --till-id) and the ePay "
                               "credentials are stored by two separate calls")
            return cli_hq.configure(args)
        from pos_app.cli_fiscal import configure_command  # the ePay part, the fiscal part, or both

        return configure_command(args)
    if args.command == "sync":
        return cli_hq.sync(args)
    if args.command == "hq":
        return cli_hq.hq(args)
    if args.command == "doctor":
        from pos_app import doctor

        return doctor.main(training=args.training or args.doctor_training,
                           environment=args.doctor_env or args.env)
    from pos_app.preflight import SetupError, check_setup
    from pos_app.store.settings import load as load_settings

    if not args.training and not args.env and not paths.settings_path().exists():
        from pos_app.ui.app import first_run

        gc.enable()  # the set-up wizard takes its time
        if first_run() is None:
            print("pos-app: set-up was not finished; nothing was started.", file=sys.stderr)
            return 1
    settings = load_settings(paths.settings_path())
    environment = "training" if args.training else (args.env or settings.environment)
    try:
        # The keyring is read on the services' thread while the window is built (preflight).
        setup = check_setup(environment, settings=settings, secret=False)
    except SetupError as exc:
        print(f"pos-app: {exc}", file=sys.stderr)
        return 2
    from pos_app.ui.startup import run_gui

    return run_gui(setup, debug=args.debug)


def _journal_environment(args: argparse.Namespace) -> str | None:
    """``journal --csv`` takes ``--training``/``--env`` before or after ``journal``."""
    if args.journal_training or args.training:
        if (args.journal_env or args.env) not in (None, "training"):
            raise SystemExit("pos-app: journal: --training and --env exclude each other")
        return "training"
    if args.journal_env and args.env and args.journal_env != args.env:
        raise SystemExit("pos-app: journal: two different --env values")
    chosen: str | None = args.journal_env or args.env
    return chosen


def journal_csv(environment: str | None = None) -> int:
    """Print one environment's journal (default: the configured one) as CSV."""
    from pos_app.store import paths
    from pos_app.store.journal_files import open_journal
    from pos_app.store.settings import load as load_settings

    configured = load_settings(paths.settings_path()).environment
    journal = open_journal(environment or configured, configured=configured)
    try:
        journal.write_csv(sys.stdout)
    finally:
        journal.close()
    return 0
