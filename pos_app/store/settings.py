"""Non-secret settings of one till, kept as a JSON file.

The file is :func:`pos_app.store.paths.settings_path`.

The client secret is never a setting: it lives in the OS keyring
(:mod:`pos_app.store.credentials`). :func:`load` never crashes: a missing file gives the
defaults, a damaged one gives the defaults with :attr:`Settings.load_warning` set and is kept
beside as ``<name>.bad``. :func:`save` validates first and replaces the file atomically.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pos_app.domain.errors import InvoiceError
from pos_app.domain.invoice import validate_prefix
from pos_app.domain.money import DEFAULT_MAXIMUM
from pos_app.domain.net import is_loopback_host
from pos_app.store.errors import from_os_error
from pos_app.store.settings_fiscal import fiscal_problems

ENVIRONMENTS = ("training", "test", "test-new", "prod")
LANGUAGES = ("ru", "kk", "en")
CHECKOUT_MODES = ("widget", "redirect")
URL_FIELDS = ("back_link", "failure_back_link", "post_link", "failure_post_link")
_LIMITS = {"shop_name": 100, "shop_address": 200, "client_id": 100, "default_description": 125}
_CLIENT_ID = re.compile(r"[A-Za-z0-9._@-]*")
_SECRET_KEY = re.compile(r"secret|password|token", re.IGNORECASE)


class SettingsError(ValueError):
    """:func:`save` refused invalid settings; ``errors`` maps field name → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("Invalid settings: " + "; ".join(f"{k}: {v}" for k, v in errors.items()))


@dataclass(frozen=True)
class Settings:
    """The till's configuration. Holds no secret; ``load_warning`` is not saved."""

    environment: str = "training"
    terminal_id: str = ""
    client_id: str = ""
    shop_name: str = ""
    shop_address: str = ""
    back_link: str = ""
    failure_back_link: str = ""
    post_link: str = ""
    failure_post_link: str = ""
    shop_id: str = ""  # for invoice links
    checkout_base_url: str = "https://pos.invalid/checkout/"
    default_description: str = ""
    max_amount: Decimal = DEFAULT_MAXIMUM
    confirm_above: Decimal = Decimal("0")  # 0: never ask the cashier to confirm
    language: str = "ru"
    checkout_mode: str = "widget"
    invoice_prefix: str = ""
    qr_expiry_minutes: int = 20
    customer_display: bool = False
    kiosk: bool = False
    # Fiscal receipts (issue 15; see pos_app.store.settings_fiscal). No secret here.
    fiscal_provider: str = "none"
    fiscal_environment: str = "auto"
    fiscal_cashbox: str = ""
    fiscal_login: str = ""
    fiscal_vat_percent: int = 16
    fiscal_item_name: str = "Товар"
    fiscal_section: str = ""
    fiscal_paper_mm: int = 80
    receipt_printer: str = ""  # ESC/POS: tcp://host:9100, usb://VID:PID, serial:///dev/…
    load_warning: str = field(default="", compare=False)

    def validate(self) -> dict[str, str]:
        """Field name → plain-English problem; empty when the settings are usable."""
        errors: dict[str, str] = {}
        prod = self.environment == "prod"
        if self.environment not in ENVIRONMENTS:
            errors["environment"] = f"Choose one of: {', '.join(ENVIRONMENTS)}."
        for name in ("terminal_id", "shop_id"):
            value = getattr(self, name)
            if value and not _is_uuid(value):
                errors[name] = "Must be a UUID like 67e34d63-102f-4bd1-898e-370781d0074d."
        if prod and not self.terminal_id:
            errors["terminal_id"] = "The terminal ID is required for real payments."
        if prod and not self.client_id:
            errors["client_id"] = "The client ID is required for real payments."
        if not _CLIENT_ID.fullmatch(self.client_id):
            errors["client_id"] = "Use only Latin letters, digits and . _ @ -"
        for name, limit in _LIMITS.items():
            if len(getattr(self, name)) > limit:
                errors[name] = f"At most {limit} characters."
        if len(self.default_description.encode()) > 125:
            errors["default_description"] = "At most 125 bytes (about 62 Cyrillic letters)."
        for name in (*URL_FIELDS, "checkout_base_url"):
            problem = _url_problem(getattr(self, name), prod, required=name == "checkout_base_url")
            if problem:
                errors[name] = problem
        if not _is_amount(self.max_amount) or self.max_amount <= 0:
            errors["max_amount"] = "Must be an amount above zero with at most two decimals."
        if not _is_amount(self.confirm_above) or self.confirm_above < 0:
            errors["confirm_above"] = "Must be zero (off) or a positive amount."
        if self.language not in LANGUAGES:
            errors["language"] = f"Choose one of: {', '.join(LANGUAGES)}."
        if self.checkout_mode not in CHECKOUT_MODES:
            errors["checkout_mode"] = f"Choose one of: {', '.join(CHECKOUT_MODES)}."
        try:
            validate_prefix(self.invoice_prefix)
        except InvoiceError as exc:
            errors["invoice_prefix"] = str(exc)
        q = self.qr_expiry_minutes
        if isinstance(q, bool) or not isinstance(q, int) or not 1 <= q <= 1440:
            errors["qr_expiry_minutes"] = "Between 1 and 1440 minutes."
        for name in ("customer_display", "kiosk"):
            if not isinstance(getattr(self, name), bool):
                errors[name] = "Must be true or false."
        errors.update(fiscal_problems(self))
        return errors


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def _is_uuid(value: str) -> bool:
    """The canonical 8-4-4-4-12 form (what ``str(uuid.UUID(value))`` gives, in any case)."""
    return _UUID.fullmatch(value) is not None


def _is_amount(value: object) -> bool:
    return (
        isinstance(value, Decimal)
        and value.is_finite()
        and abs(value) < Decimal("1e12")  # first: quantize raises past the context precision
        and value == value.quantize(Decimal("0.01"))
    )


def _url_problem(url: str, prod: bool, *, required: bool) -> str:
    if not url:
        return "Required." if required else ""
    if len(url) > 2048 or any(c.isspace() for c in url):
        return "Not a valid web address."
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        return "Not a valid web address."
    if not host:
        return "Not a valid web address."
    if parts.username or parts.password:
        return "A web address here must not contain a user name or password."
    if parts.scheme == "https":
        return ""
    if parts.scheme == "http" and not prod and is_loopback_host(host):
        return ""
    if parts.scheme == "http" and not prod:
        return "Use https:// (http:// only for 127.0.0.1 or localhost in training and test)."
    return "Use an https:// address."




_FIELDS = {f.name: f for f in dataclasses.fields(Settings) if f.name != "load_warning"}


def to_json(settings: Settings) -> dict[str, Any]:
    """The settings as a JSON-ready dict (Decimals as strings; no ``load_warning``)."""
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(settings, name)
        out[name] = f"{value:f}" if isinstance(value, Decimal) else value
    return out


def from_json(data: dict[str, Any]) -> Settings:
    """Build settings from a parsed file; wrong types fall back to defaults with a warning."""
    values: dict[str, Any] = {}
    bad: list[str] = []
    defaults = Settings()
    for name, raw in data.items():
        if name not in _FIELDS or _SECRET_KEY.search(name):
            continue  # unknown (newer version) or a secret someone put there: never used
        default = getattr(defaults, name)
        value: Any = raw
        if isinstance(default, Decimal):
            try:
                value = Decimal(str(raw)) if isinstance(raw, str | int) else None
            except InvalidOperation:
                value = None
        ok = value is not None and type(value) is type(default)
        if ok:
            values[name] = value
        else:
            bad.append(name)
    warning = f"Some settings were unreadable and reset: {', '.join(bad)}." if bad else ""
    return dataclasses.replace(defaults, **values, load_warning=warning)


def load(path: Path) -> Settings:
    """Read settings from ``path``; never raises for a missing or damaged file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError):
        return _quarantine(path, "The settings file could not be read; defaults are in use.")
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return _quarantine(path, "The settings file was damaged; defaults are in use.")
    return from_json(data)


def _quarantine(path: Path, warning: str) -> Settings:
    # If even the rename fails, leaving the file in place is safe: the next save replaces it.
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(path.name + ".bad"))
    return Settings(load_warning=warning)


def save(path: Path, settings: Settings) -> None:
    """Validate, then atomically replace ``path``. Raises SettingsError or StorageError."""
    errors = settings.validate()
    if errors:
        raise SettingsError(errors)
    payload = json.dumps(to_json(settings), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    try:
        _write_atomically(path, payload)
    except OSError as exc:
        raise from_os_error(exc) from exc


def _write_atomically(path: Path, payload: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; os.replace is atomic there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
