"""Head-office commands (contracts): ``configure --hq-url``, ``sync --once``, ``hq report``.

    pos-app configure [--env test|prod] --hq-url postgresql://USER@HOST:PORT/DB \\
                      --shop-id S --till-id T [--hq-password-stdin]
                      [--hq-sslmode M] [--hq-ca-file F]
    pos-app sync --once
    pos-app hq report --from YYYY-MM-DD --to YYYY-MM-DD [--shop S] [--csv] [--hq-url URL]
    pos-app hq list refunds|unsettled|problems|z-missing|z-reports|stale-tills
                    [--since D] [--stale-hours H]
    pos-app hq migrate [--hq-url URL] [--grant-till ROLE]

With ``--hq-url``, ``configure`` stores only the head-office settings (``--shop-id`` is then the
chain's shop id, not the ePay shop UUID) and needs none of the ePay flags.
Exit codes of ``sync --once``: 0 caught up; 1 head office not configured or its settings
invalid, or the journal cannot be read; 3 the server cannot be reached now (retry later); 4 the
server refused the data (the sync stops until someone acts; nothing is dropped).
``hq``: 0 done, 1 settings, 3/4 as above.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pathlib import Path

    from pos_app.hq.config import HqConfig

# Only the standard library and our config at import: the till's start-up parses this module.


def add_configure_arguments(configure: argparse.ArgumentParser) -> None:
    group = configure.add_argument_group("head office (PostgreSQL)")
    group.add_argument("--hq-url", default=None,
                       help="postgresql://USER@HOST:PORT/DB (no password in it)")
    group.add_argument("--till-id", default=None, help="this till's id at the head office")
    group.add_argument("--hq-password-stdin", action="store_true",
                       help="read the database password from stdin into the keyring")
    group.add_argument("--hq-sslmode", default=None, help="libpq sslmode (default verify-full "
                       "off loopback)")
    group.add_argument("--hq-ca-file", default=None, help="CA certificate file for the server")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sync = sub.add_parser("sync", help="ship the journal to the head office")
    sync.add_argument("--once", action="store_true", required=True,
                      help="send everything not yet acknowledged, then exit")
    hq = sub.add_parser("hq", help="head-office database: reports and schema")
    hq_sub = hq.add_subparsers(dest="hq_command", required=True)
    report = hq_sub.add_parser("report", help="totals per shop, till, day and method")
    report.add_argument("--from", dest="day_from", required=True, type=date.fromisoformat)
    report.add_argument("--to", dest="day_to", required=True, type=date.fromisoformat)
    report.add_argument("--shop", default=None)
    report.add_argument("--csv", action="store_true", help="CSV on stdout")
    report.add_argument("--hq-url", default=None)
    lists = hq_sub.add_parser("list", help="refunds, unsettled payments, payments whose bank "
                              "reply did not match, Z reports (missing), tills that have not "
                              "synced; CSV on stdout")
    lists.add_argument("name", choices=("refunds", "unsettled", "problems", "z-missing",
                                        "z-reports", "stale-tills"))
    lists.add_argument("--since", type=date.fromisoformat, default=date(2000, 1, 1),
                       help="refunds and Z reports from this day (YYYY-MM-DD)")
    lists.add_argument("--stale-hours", type=float, default=24.0,
                       help="stale-tills: no sync for more than this many hours (24)")
    lists.add_argument("--hq-url", default=None)
    migrate = hq_sub.add_parser("migrate", help="create or update the central schema")
    migrate.add_argument("--hq-url", default=None)
    migrate.add_argument("--grant-till", metavar="ROLE", default=None,
                         help="also grant ROLE what a till needs (and nothing more)")


def wants_hq(args: argparse.Namespace) -> bool:
    return args.hq_url is not None or args.till_id is not None or args.hq_password_stdin


def _config_file() -> Path:
    from pos_app.hq import config
    from pos_app.store import paths

    return config.path(paths.data_dir())


def configure(args: argparse.Namespace, stdin: TextIO | None = None,
              err: TextIO | None = None, out: TextIO | None = None) -> int:
    from pos_app.hq import config as hq_config
    from pos_app.hq.errors import HqConfigError
    from pos_app.store import paths
    from pos_app.store.credentials import CredentialError, NoKeyringError
    from pos_app.store.settings import load as load_settings

    err, out = err or sys.stderr, out or sys.stdout

    def fail(code: int, message: str) -> int:
        print(f"pos-app configure: {message}", file=err)
        print("pos-app configure: nothing was changed.", file=err)
        return code

    file = _config_file()
    try:
        current = hq_config.load(file)
    except HqConfigError as exc:
        current = hq_config.HqConfig()
        print(f"pos-app configure: {exc} It is replaced.", file=err)
    environment = ("training" if args.training else args.target_env or args.env
                   or (current.environment if current.configured
                       else load_settings(paths.settings_path()).environment))
    changes = {"environment": environment}
    for name, value in (("url", args.hq_url), ("shop_id", args.shop_id),
                        ("till_id", args.till_id), ("sslmode", args.hq_sslmode),
                        ("ca_file", args.hq_ca_file)):
        if value is not None:
            changes[name] = value.strip()
    new = dataclasses.replace(current, **changes)
    errors = new.validate()
    if errors:
        flags = {"url": "--hq-url", "shop_id": "--shop-id", "till_id": "--till-id",
                 "sslmode": "--hq-sslmode", "ca_file": "--hq-ca-file"}
        return fail(2, " ".join(f"{flags.get(k, k)}: {v}" for k, v in errors.items()))
    from pos_app.cli_admin import check_admin_pin

    stdin = stdin or sys.stdin
    refused = check_admin_pin(stdin if args.pin_stdin else None, err)  # the PIN comes first
    if refused:
        return fail(*refused)
    if args.hq_password_stdin:
        from pos_app.cli_admin import read_secret
        from pos_app.hq.secret import store_password

        password = read_secret(stdin)
        if not password or any(ord(c) < 32 for c in password):
            return fail(2, "no password (one line) on standard input.")
        try:
            store_password(new, password)
        except (NoKeyringError, CredentialError) as exc:
            return fail(3, f"no usable keyring: {exc} The password is not stored anywhere.")
        print(f"Stored the head-office password in the keyring as service "
              f"{hq_config.KEYRING_SERVICE!r}, user {new.keyring_user!r}.", file=out)
    try:
        hq_config.save(file, new)
    except (HqConfigError, OSError) as exc:
        return fail(1, str(exc))
    print(f"Head office: {file} (till {new.till_id} of shop {new.shop_id}, ships the "
          f"{new.environment} journal).", file=out)
    return 0


def _load(url: str | None = None) -> tuple[HqConfig, str | None]:
    """The effective head-office settings and password, or an HqConfigError."""
    from pos_app.hq import config as hq_config
    from pos_app.hq.errors import HqConfigError
    from pos_app.hq.secret import load_password

    cfg = hq_config.effective(hq_config.load(_config_file()))
    if url:
        cfg = dataclasses.replace(cfg, url=url)
    if not cfg.configured:
        raise HqConfigError(
            "head office is not configured (pos-app configure --hq-url ... --shop-id S "
            "--till-id T, or POS_APP_HQ_URL).")
    problem = hq_config.url_problem(cfg.url, cfg.sslmode)
    if problem:
        raise HqConfigError(f"head-office URL: {problem}")
    return cfg, load_password(cfg)


def sync(args: argparse.Namespace, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    from pos_app.hq.errors import HqConfigError, Rejected, Unavailable
    from pos_app.hq.sync import sync_once

    out, err = out or sys.stdout, err or sys.stderr
    try:
        cfg, password = _load()
        errors = cfg.validate()
        if errors:
            raise HqConfigError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    except HqConfigError as exc:
        print(f"pos-app sync: {exc}", file=err)
        return 1
    from pos_app.hq.local import open_journal
    from pos_app.store.errors import StorageError

    try:
        journal = open_journal(cfg.environment)
    except StorageError as exc:
        print(f"pos-app sync: the journal cannot be opened: {exc}", file=err)
        return 1
    try:
        result = sync_once(journal, cfg, password)
    except StorageError as exc:
        print(f"pos-app sync: the journal cannot be read: {exc}", file=err)
        return 1
    except Unavailable as exc:
        print(f"pos-app sync: not caught up: {exc}", file=err)
        return 3
    except Rejected as exc:
        print(f"pos-app sync: stopped: {exc}", file=err)
        return 4
    finally:
        journal.close()
    if result.pending:
        print(f"pos-app sync: {result.pending} events still pending", file=err)
        return 3
    print(f"Caught up: {result.sent} events sent, head office at event {result.last_seq}.",
          file=out)
    return 0


def hq(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from pos_app.hq.errors import HqConfigError, Rejected, Unavailable

    out, err = out or sys.stdout, err or sys.stderr
    try:
        cfg, password = _load(args.hq_url)
        return _hq(args, cfg, password, out)
    except HqConfigError as exc:
        print(f"pos-app hq: {exc}", file=err)
        return 1
    except Unavailable as exc:
        print(f"pos-app hq: {exc}", file=err)
        return 3
    except Rejected as exc:
        print(f"pos-app hq: {exc}", file=err)
        return 4


def _hq(args: argparse.Namespace, cfg: HqConfig, password: str | None, out: TextIO) -> int:
    import psycopg

    from pos_app.hq import migrate, report
    from pos_app.hq.config import connect_options
    from pos_app.hq.server import translate

    options = connect_options(cfg)
    if password:
        options["password"] = password
    try:
        with psycopg.connect(cfg.url, autocommit=True, **options) as conn:
            if args.hq_command == "migrate":
                applied = migrate.upgrade(conn)
                if args.grant_till:
                    conn.execute(migrate.till_grants(args.grant_till).encode())
                print(f"Schema at version {migrate.current_version(conn)} "
                      f"(applied: {', '.join(map(str, applied)) or 'none'}).", file=out)
                return 0
            if args.hq_command == "list":
                report.write_list(conn, args.name, out, since=args.since,
                                  hours=args.stale_hours)
                return 0
            if args.day_to < args.day_from:
                print("pos-app hq report: --to is before --from.", file=sys.stderr)
                return 2
            rows = report.daily(conn, args.day_from, args.day_to, args.shop)
    except psycopg.Error as exc:
        raise translate(exc) from None
    (report.write_csv if args.csv else report.write_table)(out, rows)
    return 0
