"""``pos-app configure`` (a contract): provision a till's credentials from a script.

    echo "$SECRET" | pos-app configure --env prod --client-id SHOP --terminal UUID --secret-stdin
    printf '%s\n%s\n' "$PIN" "$SECRET" | pos-app configure ... --secret-stdin --pin-stdin

The secret is read from stdin (one line; a trailing newline is dropped) and stored only in
the OS keyring under ``pos-app/ePay/<env>`` / ``<client id>``. Other settings are kept.
When the till has an admin PIN, ``--pin-stdin`` is required and the PIN is the first line of
stdin, before the secret; a wrong PIN counts towards the same lockout as the till's prompt.
Exit codes: 0 stored; 2 a flag or the secret is invalid; 3 no usable keyring; 4 the admin PIN
is set and was not given, or is wrong, or tries are locked for a while; 1 the settings or PIN
file could not be written. On every error the previous settings and secret stay as they were.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pos_app.store.settings import Settings

FLAG_OF = {"environment": "--env", "client_id": "--client-id", "terminal_id": "--terminal",
           "shop_id": "--shop-id", "client_secret": "stdin secret"}
MAX_SECRET = 200
MAX_PIN_LINE = 64


def read_secret(stream: TextIO) -> str:
    text = stream.read(MAX_SECRET + 3)
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    return text


def configure(args: argparse.Namespace, stdin: TextIO | None = None,
              err: TextIO | None = None, out: TextIO | None = None, *,
              pin_checked: bool = False) -> int:
    """Store the ePay credentials (``pin_checked``: the caller has checked the admin PIN)."""
    # Imported here: the GUI start-up parses this command line and must not pay for them.
    from pos_app.services.provisioning import ConfigurationError, apply_configuration
    from pos_app.store import paths
    from pos_app.store.credentials import keyring_status, service_name
    from pos_app.store.settings import load as load_settings

    err = err or sys.stderr
    out = out or sys.stdout

    def fail(code: int, message: str) -> int:
        print(f"pos-app configure: {message}", file=err)
        print("pos-app configure: nothing was changed.", file=err)
        return code

    client_id = args.client_id.strip()
    terminal = args.terminal.strip().lower()
    shop_id = None if args.shop_id is None else args.shop_id.strip().lower()
    if not client_id:
        return fail(2, "--client-id must not be empty.")
    if not terminal:
        return fail(2, "--terminal must not be empty.")
    path = paths.settings_path()
    current = load_settings(path)
    changes: dict[str, object] = {"environment": args.target_env, "client_id": client_id,
                                  "terminal_id": terminal}
    if shop_id is not None:
        changes["shop_id"] = shop_id
    new: Settings = dataclasses.replace(current, **changes, load_warning="")  # type: ignore[arg-type]
    errors = {k: v for k, v in new.validate().items() if k in FLAG_OF}
    if errors:
        return fail(2, _describe(errors))
    stdin = stdin or sys.stdin
    refused = None if pin_checked else check_admin_pin(stdin if args.pin_stdin else None, err)
    if refused:
        return fail(*refused)
    secret = read_secret(stdin)
    if not secret.strip():
        return fail(2, "no secret on standard input (pipe it in, e.g. `printf %s \"$S\" | ...`).")
    if len(secret) > MAX_SECRET or secret != secret.strip() or any(ord(c) < 32 for c in secret):
        return fail(2, "the secret on standard input is not a single line without spaces "
                       "around it.")
    status = keyring_status()
    if not status.usable:
        return fail(3, f"no usable keyring ({status.backend_name}): {status.reason} "
                       "The secret is not stored anywhere else.")
    try:
        apply_configuration(path, new, secret)
    except ConfigurationError as exc:
        mine = {k: v for k, v in exc.errors.items() if k in FLAG_OF}
        if "file" in exc.errors:
            return fail(1, exc.errors["file"])
        if mine:
            return fail(2, _describe(mine))
        return fail(2, "the existing settings do not fit this environment: "
                    + "; ".join(f"{k}: {v}" for k, v in exc.errors.items())
                    + " Fix them in the settings dialog first.")
    print(f"Stored the client secret in the keyring ({status.backend_name}) as service "
          f"{service_name(new.environment)!r}, user {client_id!r}.", file=out)
    print(f"Settings: {path} (environment {new.environment}, terminal {terminal}).", file=out)
    return 0


def check_admin_pin(stream: TextIO | None, err: TextIO) -> tuple[int, str] | None:
    """The admin PIN guard for command-line changes: ``None`` when the change may go ahead,
    else ``(exit code, reason)``. ``stream`` (``--pin-stdin``) gives the PIN as its first line.
    """
    from pos_app.store.errors import StorageError
    from pos_app.store.pin import MIN_LENGTH, PinError, PinStore

    try:
        store = PinStore.default()
        is_set = store.is_set()
    except StorageError as exc:
        return 1, f"the admin PIN cannot be checked: {exc}"
    if not is_set:
        if stream is not None:
            return 2, "this till has no admin PIN yet; leave out --pin-stdin."
        return None
    if stream is None:
        return 4, ("this till has an admin PIN: add --pin-stdin and give the PIN as the first "
                   "line of standard input, before the secret.")
    pin = stream.readline(MAX_PIN_LINE).rstrip("\r\n")
    try:
        result = store.verify(pin)
    except (PinError, StorageError) as exc:
        return 4, str(exc)
    if result.locked:
        return 4, f"too many wrong admin PINs; try again in {result.wait:.0f} s."
    if not result.ok:
        later = f" Wait {result.wait:.0f} s before the next try." if result.wait else ""
        return 4, "wrong admin PIN." + later
    if result.must_change:
        print(f"pos-app configure: the admin PIN has fewer than {MIN_LENGTH} digits; set a new "
              "one in the till's settings (Ctrl+,).", file=err)
    return None


def _describe(errors: dict[str, str]) -> str:
    return " ".join(f"{FLAG_OF.get(k, k)}: {v}" for k, v in errors.items())
