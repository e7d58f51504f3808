"""``pos-app configure`` for fiscal receipts (a contract, issue 15)::

    printf '%s\\n%s\\n' "$API_KEY" "$PASSWORD" | pos-app configure --fiscal-provider webkassa \\
        --fiscal-cashbox SWK00033717 --fiscal-login cashier@shop.kz --fiscal-secrets-stdin

The API key and the password (one a line on stdin) go to the OS keyring only
(:mod:`pos_app.store.fiscal_credentials`); the provider, cashbox and login to the settings.
With the ePay flags as well, stdin holds the ePay secret first, then the API key and password.
``--fiscal-provider none`` switches fiscal receipts off. Exit codes as ``configure``: 0 stored,
2 a flag or a secret is invalid, 3 no usable keyring, 1 the settings could not be written;
on every error nothing is changed.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
from typing import TextIO

EPAY_FLAGS = {"target_env": "--env", "client_id": "--client-id", "terminal": "--terminal",
              "secret_stdin": "--secret-stdin"}
FISCAL_FLAGS = {"fiscal_provider": "--fiscal-provider", "fiscal_cashbox": "--fiscal-cashbox",
                "fiscal_login": "--fiscal-login", "fiscal_secrets_stdin": "--fiscal-secrets-stdin",
                "fiscal_environment": "--fiscal-env"}
MAX_SECRET = 200


def add_arguments(configure: argparse.ArgumentParser) -> None:
    configure.add_argument("--fiscal-provider", choices=("webkassa", "none"),
                           help="cloud cash register for fiscal receipts")
    configure.add_argument("--fiscal-cashbox", help="cashbox unique number (ZNM)")
    configure.add_argument("--fiscal-login", help="register login (e-mail)")
    configure.add_argument("--fiscal-env", dest="fiscal_environment",
                           choices=("auto", "test", "prod"),
                           help="register environment (default: follow the till)")
    configure.add_argument("--fiscal-secrets-stdin", action="store_true", default=False,
                           help="read the register API key and password from stdin, one a line")


def configure_command(args: argparse.Namespace, stdin: TextIO | None = None,
                      err: TextIO | None = None, out: TextIO | None = None) -> int:
    """Dispatch ``pos-app configure``: ePay part, fiscal part, or both (fiscal checked first)."""
    err, out = err or sys.stderr, out or sys.stdout
    stream = stdin or sys.stdin
    fiscal = any(getattr(args, name, None) not in (None, False) for name in FISCAL_FLAGS)
    epay = any(getattr(args, name, None) not in (None, False) for name in EPAY_FLAGS)

    def fail(code: int, message: str) -> int:
        print(f"pos-app configure: {message}", file=err)
        print("pos-app configure: nothing was changed.", file=err)
        return code

    if epay or not fiscal:
        missing = [flag for name, flag in EPAY_FLAGS.items() if not getattr(args, name, None)]
        if missing:
            return fail(2, f"{', '.join(missing)} required (or give only --fiscal-* flags).")
    from pos_app.cli_admin import check_admin_pin

    # The admin PIN (issue 14 B.3) comes first on standard input, before any secret.
    refused = check_admin_pin(stream if getattr(args, "pin_stdin", False) else None, err)
    if refused:
        return fail(*refused)
    text = stream.read(3 * MAX_SECRET + 10)
    lines = text.splitlines()
    epay_secret = lines[:1] if epay else []
    rest = lines[1:] if epay else lines
    plan = None
    if fiscal:
        plan = _fiscal_plan(args, rest)
        if isinstance(plan, tuple):
            return fail(*plan)
    elif len(lines) > 1:
        return fail(2, "the secret on standard input is not a single line.")
    if epay:
        from pos_app.cli_admin import configure

        code = configure(args, stdin=io.StringIO((epay_secret or [""])[0] + "\n"), err=err,
                         out=out, pin_checked=True)
        if code or plan is None:
            return code
    assert isinstance(plan, dict)
    return _apply(plan, err, out)


def _fiscal_plan(args: argparse.Namespace, lines: list[str]) -> dict[str, object] | tuple[int, str]:
    from pos_app.store import paths
    from pos_app.store.settings import load as load_settings

    current = load_settings(paths.settings_path())
    changes: dict[str, object] = {}
    for name in ("fiscal_provider", "fiscal_cashbox", "fiscal_login", "fiscal_environment"):
        value = getattr(args, name, None)
        if value is not None:
            changes[name] = value.strip()
    new = dataclasses.replace(current, **changes, load_warning="")  # type: ignore[arg-type]
    if getattr(args, "target_env", None):
        new = dataclasses.replace(new, environment=args.target_env)
    errors = {k: v for k, v in new.validate().items() if k.startswith("fiscal_")}
    if errors:
        return 2, " ".join(f"{FISCAL_FLAGS.get(k, k)}: {v}" for k, v in errors.items())
    secrets: tuple[str, str] | None = None
    if args.fiscal_secrets_stdin:
        if len(lines) != 2 or any(not s or s != s.strip() or len(s) > MAX_SECRET
                                  or any(ord(c) < 32 for c in s) for s in lines):
            return 2, ("--fiscal-secrets-stdin: give the API key and the password on standard "
                       "input, one a line, without spaces around them.")
        secrets = (lines[0], lines[1])
    elif lines:
        return 2, "secrets on standard input need --fiscal-secrets-stdin."
    from pos_app.store.settings_fiscal import fiscal_environment

    environment = (new.fiscal_environment if new.fiscal_environment in ("test", "prod")
                   else fiscal_environment(new, new.environment))
    if secrets is not None and (new.fiscal_provider != "webkassa"
                                or environment not in ("test", "prod")):
        return 2, ("--fiscal-secrets-stdin: secrets are stored for --fiscal-provider webkassa "
                   "in test or production only (give --fiscal-env test|prod or configure the "
                   "till's --env first).")
    if secrets is not None:
        from pos_app.store.credentials import keyring_status

        status = keyring_status()
        if not status.usable:
            return 3, (f"no usable keyring ({status.backend_name}): {status.reason} The register "
                       "secrets are not stored anywhere else.")
    return {"settings": new, "secrets": secrets, "environment": environment,
            "path": paths.settings_path()}


def _apply(plan: dict[str, object], err: TextIO, out: TextIO) -> int:
    from pathlib import Path

    from pos_app.store.credentials import CredentialError
    from pos_app.store.errors import StorageError
    from pos_app.store.fiscal_credentials import fiscal_service, store_fiscal_secrets
    from pos_app.store.settings import Settings, SettingsError, save

    settings, secrets = plan["settings"], plan["secrets"]
    assert isinstance(settings, Settings) and isinstance(plan["path"], Path)
    environment = str(plan["environment"])
    if isinstance(secrets, tuple):
        try:
            store_fiscal_secrets(settings.fiscal_provider, environment, settings.fiscal_login,
                                 secrets[0], secrets[1])
        except CredentialError as exc:
            print(f"pos-app configure: {exc}", file=err)
            return 3
    try:
        save(plan["path"], settings)
    except (SettingsError, StorageError) as exc:
        print(f"pos-app configure: the settings could not be saved: {exc}", file=err)
        return 1
    if isinstance(secrets, tuple):
        print(f"Stored the register API key and password in the keyring as service "
              f"{fiscal_service(settings.fiscal_provider, environment)!r}.", file=out)
    print(f"Fiscal receipts: {settings.fiscal_provider} (cashbox "
          f"{settings.fiscal_cashbox or '-'}, login {settings.fiscal_login or '-'}, "
          f"environment {environment}).", file=out)
    return 0
