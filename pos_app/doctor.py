"""``pos-app doctor [--training] [--env ENV]``: is this computer ready to take payments?

Prints one line per check (``OK``, ``WARN`` or ``FAIL``) and a summary; exit code 0 only when
no check failed. Checks: data folder writable, settings readable and valid, keyring backend
(and the stored secret when the environment needs one), each ePay host reachable over TCP and
HTTP, a service token obtainable, QtWebEngine renders the checkout host page (in a separate
offscreen process), and with ``--training`` a complete training payment in that process.
No secret or token is ever printed.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit

import httpx

from pos_app.epay.config import EpayHosts, hosts_for, training_hosts
from pos_app.epay.errors import EpayError
from pos_app.services.provisioning import KEYRING_ENVIRONMENTS, check_connection
from pos_app.store import paths
from pos_app.store.credentials import CredentialError, keyring_status, load_secret
from pos_app.store.errors import StorageError
from pos_app.store.settings import Settings
from pos_app.store.settings import load as load_settings

OK, WARN, FAIL = "OK", "WARN", "FAIL"
CONNECT_TIMEOUT = 3.0
HTTP_TIMEOUT = 5.0
WEB_TIMEOUT = 120.0


@dataclass(frozen=True)
class Check:
    name: str
    state: str  # OK | WARN | FAIL
    detail: str


class Doctor:
    def __init__(self, out: TextIO, *, training: bool, environment: str | None) -> None:
        self.out = out
        self.training = training
        self.environment = environment
        self.checks: list[Check] = []

    def add(self, name: str, state: str, detail: str) -> None:
        check = Check(name, state, detail)
        self.checks.append(check)
        print(f"[{state:>4}] {name}: {detail}", file=self.out, flush=True)

    # -- the checks ---------------------------------------------------------------------------

    def data_dir(self) -> None:
        try:
            folder = paths.data_dir()
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True) as f:
                f.write(b"ok")
                f.flush()
                os.fsync(f.fileno())
        except (StorageError, OSError) as exc:
            self.add("data folder", FAIL, f"not writable: {exc}")
            return
        self.add("data folder", OK, f"{folder} is writable")

    def settings(self) -> Settings:
        path = paths.settings_path()
        settings = load_settings(path)
        if settings.load_warning:
            self.add("settings", WARN, settings.load_warning)
        elif not path.exists():
            self.add("settings", WARN, f"{path} does not exist yet; defaults are in use")
        else:
            errors = settings.validate()
            if errors:
                text = "; ".join(f"{k}: {v}" for k, v in errors.items())
                self.add("settings", FAIL, f"{path}: {text}")
            else:
                self.add("settings", OK, f"{path} (environment {settings.environment})")
        return settings

    def keyring(self, environment: str, settings: Settings) -> None:
        status = keyring_status()
        needs = (environment in KEYRING_ENVIRONMENTS and bool(settings.client_id)
                 and settings.environment == environment)
        if not status.usable:
            state = FAIL if needs or environment == "prod" else WARN
            self.add("keyring", state, f"unusable ({status.backend_name}): {status.reason} "
                     "Only training (and the public test shop) can work here.")
            return
        if not needs:
            self.add("keyring", OK, f"{status.backend_name}; no secret needed for {environment}")
            return
        try:
            stored = load_secret(environment, settings.client_id) is not None
        except CredentialError as exc:
            self.add("keyring", FAIL, f"{status.backend_name}: {exc}")
            return
        if stored:
            self.add("keyring", OK, f"{status.backend_name}; secret for client "
                     f"{settings.client_id} is stored")
        else:
            self.add("keyring", FAIL, f"{status.backend_name}; no secret stored for client "
                     f"{settings.client_id} (run `pos-app configure`)")

    def journal(self, environment: str, settings: Settings) -> None:
        """Payments and refunds the administrator must look at (issue 14, A.4 and A.5)."""
        from pos_app.store.journal_files import open_journal
        from pos_app.store.refunds import RefundLog

        if not paths.journal_path(environment).exists() and not (
            paths.data_dir() / paths.LEGACY_JOURNAL).exists():  # fmt: skip
            self.add("journal", OK, f"no {environment} journal yet")
            return
        try:
            with open_journal(environment, configured=settings.environment) as journal:
                flagged = journal.with_problems()
                refunds = RefundLog(journal).open_invoices()
        except StorageError as exc:
            self.add("journal", FAIL, f"{exc.code}: {exc}")
            return
        if not flagged and not refunds:
            self.add("journal", OK, f"{environment}: nothing waits for the administrator")
            return
        parts = [f"invoice {p.invoice_id}: {p.problem}" for p in flagged[:5]]
        parts += [f"invoice {invoice}: refund not confirmed by the bank" for invoice in refunds[:5]]
        self.add("journal", WARN, f"{environment}: {len(flagged)} payment(s) with a bank reply "
                 f"that does not match, {len(refunds)} with an unconfirmed refund; open the "
                 f"history (F3): {'; '.join(parts)}")

    def hosts(self, hosts: EpayHosts) -> None:
        by_origin: dict[str, tuple[list[str], str]] = {}
        for label, url in (("OAuth", hosts.oauth_url), ("API", hosts.api_base),
                           ("widget", hosts.widget_url)):
            parts = urlsplit(url)
            labels, _first = by_origin.setdefault(f"{parts.scheme}://{parts.netloc}", ([], url))
            labels.append(label)
        for labels, url in by_origin.values():
            self.add(f"{'/'.join(labels)} host", *reachability(url))

    def token(self, environment: str, settings: Settings, hosts: EpayHosts) -> None:
        from pos_app.runtime import SetupError, resolve_credentials

        try:
            creds = resolve_credentials(environment, settings)
        except (SetupError, CredentialError) as exc:
            self.add("service token", FAIL, str(exc))
            return
        started = time.monotonic()
        try:
            lifetime = check_connection(hosts, creds)
        except EpayError as exc:
            self.add("service token", FAIL, f"{type(exc).__name__} ({exc.code}) for client "
                     f"{creds.client_id}; error id {exc.error_id}")
            return
        self.add("service token", OK, f"issued for client {creds.client_id} in "
                 f"{time.monotonic() - started:.1f} s, valid {lifetime:.0f} s")

    def web(self, settings: Settings, urls: dict[str, str] | None) -> None:
        self.add("web engine", *web_probe(["render", "--base-url", settings.checkout_base_url]))
        if urls is not None:
            self.add("training payment",
                     *web_probe(["pay", "--api", urls["api"], "--form", urls["form"]]))

    def run(self) -> int:
        self.data_dir()
        settings = self.settings()
        environment = "training" if self.training else (self.environment or settings.environment)
        print(f"       environment: {environment}", file=self.out)
        self.journal(environment, settings)
        self.keyring(environment, settings)
        emulator = None
        urls: dict[str, str] | None = None
        try:
            if environment == "training":
                from pos_app.training import Emulator

                emulator = Emulator().start()
                urls = emulator.urls
                hosts = training_hosts(urls["api"], urls["form"])
            else:
                try:
                    hosts = hosts_for(environment, os.environ)
                except ValueError as exc:
                    self.add("ePay hosts", FAIL, str(exc))
                    return self.summary()
            self.hosts(hosts)
            self.token(environment, settings, hosts)
            from pos_app.doctor_fiscal import check_fiscal

            check_fiscal(self, environment, settings)  # issue 15
            self.web(settings, urls if self.training else None)
            from pos_app.hq.doctor import checks as head_office

            for line in head_office():
                self.add(*line)
        finally:
            if emulator is not None:
                emulator.stop()
        return self.summary()

    def summary(self) -> int:
        failed = [c.name for c in self.checks if c.state == FAIL]
        if failed:
            print(f"\nNot ready: {', '.join(failed)} failed.", file=self.out)
            return 1
        print("\nAll checks passed.", file=self.out)
        return 0


def reachability(url: str) -> tuple[str, str]:
    """TCP connect then one HTTP request; any HTTP answer counts as reachable."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    started = time.monotonic()
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        return FAIL, f"{host}:{port} unreachable over TCP ({type(exc).__name__}: {exc})"
    tcp_ms = (time.monotonic() - started) * 1000
    try:
        with httpx.Client(timeout=httpx.Timeout(HTTP_TIMEOUT, connect=CONNECT_TIMEOUT)) as http:
            response = http.get(url)
    except httpx.HTTPError as exc:
        return FAIL, f"{host}:{port} accepts TCP but HTTP failed ({type(exc).__name__})"
    total_ms = (time.monotonic() - started) * 1000
    return OK, (f"{parts.scheme}://{parts.netloc} answers (TCP {tcp_ms:.0f} ms, "
                f"HTTP {response.status_code} in {total_ms:.0f} ms)")


def probe_command(args: list[str]) -> list[str]:
    """``python -P -m pos_app.ui.doctor_web ARGS``: ``-P`` keeps the working directory off
    ``sys.path``, so a planted ``PySide6.py`` there is never imported. The frozen app takes
    ``-m`` itself and never imports from the working directory."""
    isolate = [] if getattr(sys, "frozen", False) else ["-P"]
    return [sys.executable, *isolate, "-m", "pos_app.ui.doctor_web", *args]


def web_probe(args: list[str]) -> tuple[str, str]:
    """Run :mod:`pos_app.ui.doctor_web` offscreen in a child process with a throwaway home,
    which is also its working directory (nothing of the caller's folder is in reach)."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            env["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
    with tempfile.TemporaryDirectory(prefix="pos-doctor-") as home:
        env["POS_APP_HOME"] = home  # the probe's journal must not mix with the till's
        try:
            proc = subprocess.run(  # noqa: S603 - our own interpreter and module
                probe_command(args), env=env, cwd=home,
                capture_output=True, text=True, timeout=WEB_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return FAIL, f"no answer within {WEB_TIMEOUT:.0f} s"
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    try:
        result = json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return FAIL, f"the web engine did not start (exit {proc.returncode}): {tail[:200]}"
    return (OK if result.get("ok") else FAIL), str(result.get("detail", ""))


def main(*, training: bool, environment: str | None, out: TextIO | None = None) -> int:
    return Doctor(out or sys.stdout, training=training, environment=environment).run()
