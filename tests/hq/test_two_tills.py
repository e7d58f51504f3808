"""Two tills, each with its own journal, take card, QR and refund payments in training mode
(the real emulator over loopback), ship with `pos-app sync --once` and `pos-app hq report --csv`
adds up to the two journals, to the tiyn. Everything through the contract commands."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import httpx

from pos_app.epay.client import EpayClient, RetryPolicy
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import CheckoutService
from pos_app.services.qr_payment import Interrupt, QrOptions, QrPaymentService
from pos_app.services.refunds import RefundService
from pos_app.store.journal import Journal
from pos_app.training import Emulator
from tests.hq.helpers import local_sums
from tests.support.postgres import free_port

APPROVED, DECLINED = "4405639704015096", "4003032704547597"


def take_payments(emulator: Emulator, path: Path, prefix: str, amounts: list[str]) -> None:
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    client = EpayClient(hosts, TEST_MERCHANT, retry=RetryPolicy(), sleep=lambda _s: None)
    journal = Journal(path, prefix)  # each till its own invoice numbers, as in a chain
    try:
        checkout = CheckoutService(journal, client)
        checkout.options = replace(checkout.options, poll_interval=0.05)
        qr = QrPaymentService(checkout, payform_url=hosts.payform_url,
                              terminal_id=TEST_MERCHANT.terminal_id,
                              shop_id=TEST_MERCHANT.shop_id,
                              options=QrOptions(poll_interval=0.01, expiry=60.0))
        refunds = RefundService(journal, client)
        for n, amount in enumerate(amounts):
            if n % 3 == 2:  # QR: the customer's phone opens the link and pays
                payment = qr.begin(Decimal(amount))
                link = qr.create_link(payment.invoice_id)
                assert httpx.get(link.url, timeout=10).status_code in (200, 302, 303)
                emulator.pay(payment.invoice_id, APPROVED)
                paid = qr.watch(link, Interrupt())
            else:
                payment = checkout.begin(Decimal(amount))
                checkout.request_token(payment.invoice_id)
                checkout.form_opened(payment.invoice_id)
                emulator.pay(payment.invoice_id, DECLINED if n % 5 == 4 else APPROVED)
                paid = checkout.confirm(payment.invoice_id, hint=True)
            if n % 4 == 1 and paid.status.value == "paid":
                refunds.refund(paid.invoice_id, Decimal("10.05"), "one item back")
                if n % 8 == 1:  # a second partial refund of the same payment
                    refunds.refund(paid.invoice_id, Decimal("12.50"), "another item back")
            if n % 6 == 0 and paid.status.value == "paid":
                refunds.refund(paid.invoice_id, paid.amount, "all back")
    finally:
        journal.close()
        client.close()


def pos_app(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "POS_APP_HOME": str(home), **env}
    environ.pop("POS_APP_HQ_URL", None) if "POS_APP_HQ_URL" not in env else None
    return subprocess.run([sys.executable, "-m", "pos_app", *args], env=environ,
                          capture_output=True, text=True, timeout=120)


def test_two_tills_report_equals_their_journals(emulator: Emulator, hq_url: str,
                                                tmp_path: Path) -> None:
    tills = {"A1": ("shop-1", tmp_path / "a"), "B7": ("shop-2", tmp_path / "b")}
    take_payments(emulator, tmp_path / "a" / "journal-training.sqlite3", "11",
                  ["1500", "99.99", "2500.50", "10", "777.77", "12345.67", "300"])
    with Emulator() as other:  # ePay checks the last six digits: one merchant per emulator
        take_payments(other, tmp_path / "b" / "journal-training.sqlite3", "12",
                      ["42.42", "1000", "58.10", "9999.99", "10.01"])
    for till, (shop, home) in tills.items():
        done = pos_app(home, "--training", "configure", "--hq-url", hq_url,
                       "--shop-id", shop, "--till-id", till)
        assert done.returncode == 0, done.stderr
        done = pos_app(home, "sync", "--once")
        assert done.returncode == 0, done.stderr
        assert "Caught up" in done.stdout
    done = pos_app(tmp_path, "hq", "report", "--from", "2000-01-01", "--to", "2100-01-01",
                   "--csv", "--hq-url", hq_url)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == ["shop_id", "till_id", "day", "method", "payments", "amount",
                             "refunds", "refunded_amount"]
    assert {r["method"] for r in rows} == {"card", "qr"}
    for till, (shop, home) in tills.items():
        mine = [r for r in rows if r["till_id"] == till]
        assert {r["shop_id"] for r in mine} == {shop}
        count, amount, refunded = local_sums(home / "journal-training.sqlite3")
        assert refunded > 0 and count > 0
        assert sum(int(r["payments"]) for r in mine) == count
        assert sum(Decimal(r["amount"]) for r in mine) == amount
        assert sum(Decimal(r["refunded_amount"]) for r in mine) == refunded
        assert all(len(r["amount"].split(".")[1]) == 2 for r in mine)
    refunds = pos_app(tmp_path, "hq", "list", "refunds", "--hq-url", hq_url)
    assert refunds.returncode == 0, refunds.stderr
    local_refunds = 0
    for _shop, home in tills.values():
        with Journal(home / "journal-training.sqlite3") as journal, journal.reading() as conn:
            local_refunds += conn.execute(
                "SELECT count(*) FROM events WHERE data LIKE '%refunded_amount%'").fetchone()[0]
    assert len(refunds.stdout.splitlines()) - 1 == local_refunds > 0
    stale = pos_app(tmp_path, "hq", "list", "stale-tills", "--stale-hours", "0", "--hq-url", hq_url)
    assert sorted(line.split(",")[0] for line in stale.stdout.splitlines()[1:]) == ["A1", "B7"]
    fresh = pos_app(tmp_path, "hq", "list", "stale-tills", "--hq-url", hq_url)
    assert fresh.stdout.splitlines()[1:] == []
    shop_only = pos_app(tmp_path, "hq", "report", "--from", "2000-01-01", "--to",
                        "2100-01-01", "--shop", "shop-2", "--csv", POS_APP_HQ_URL=hq_url)
    assert shop_only.returncode == 0, shop_only.stderr
    assert {r["till_id"] for r in csv.DictReader(io.StringIO(shop_only.stdout))} == {"B7"}


def test_sync_once_says_why_it_is_not_caught_up(hq_url: str, tmp_path: Path) -> None:
    not_configured = pos_app(tmp_path, "sync", "--once")
    assert not_configured.returncode == 1 and "not configured" in not_configured.stderr
    dead = f"postgresql://postgres@127.0.0.1:{free_port()}/hq"
    done = pos_app(tmp_path, "--training", "configure", "--hq-url", dead,
                   "--shop-id", "S", "--till-id", "T")
    assert done.returncode == 0, done.stderr
    with Journal(tmp_path / "journal-training.sqlite3") as journal:
        journal.create_attempt(Decimal("10"))
    cut = pos_app(tmp_path, "sync", "--once")
    assert cut.returncode == 3 and "unreachable" in cut.stderr, cut.stderr
    back = pos_app(tmp_path, "sync", "--once", POS_APP_HQ_URL=hq_url)
    assert back.returncode == 0, back.stderr
    bad = pos_app(tmp_path, "configure", "--hq-url", "postgresql://u:pw@db.example/hq",
                  "--shop-id", "S", "--till-id", "T")
    assert bad.returncode == 2 and "password" in bad.stderr and "pw" not in bad.stderr.replace(
        "password", "")
    remote = pos_app(tmp_path, "configure", "--hq-url",
                     "postgresql://u@db.example/hq?sslmode=disable", "--till-id", "T")
    assert remote.returncode == 2 and "unencrypted" in remote.stderr


def test_configure_hq_and_epay_are_separate_calls(tmp_path: Path) -> None:
    both = pos_app(tmp_path, "configure", "--env", "test", "--client-id", "c", "--terminal",
                   "67e34d63-102f-4bd1-898e-370781d0074d", "--secret-stdin", "--hq-url",
                   "postgresql://u@127.0.0.1/hq", "--shop-id", "S", "--till-id", "T")
    assert both.returncode == 2 and "two separate calls" in both.stderr
    assert not (tmp_path / "hq.json").exists() and not (tmp_path / "settings.json").exists()


def test_sync_once_with_a_damaged_journal_says_so(hq_url: str, tmp_path: Path) -> None:
    done = pos_app(tmp_path, "--training", "configure", "--hq-url", hq_url, "--shop-id", "S",
                   "--till-id", "T")
    assert done.returncode == 0, done.stderr
    (tmp_path / "journal-training.sqlite3").write_bytes(b"not a database" * 1000)
    broken = pos_app(tmp_path, "sync", "--once")
    assert broken.returncode == 1 and "journal cannot be opened" in broken.stderr, broken.stderr
    assert "Traceback" not in broken.stderr
