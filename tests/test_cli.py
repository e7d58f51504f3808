"""Contract points of the command line."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.store.journal import Journal

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["invoice_id", "created_at", "amount", "currency", "method", "status", "reference",
           "approval_code", "card_mask", "transaction_id", "refunded_amount", "description"]


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, POS_APP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "pos_app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_journal_csv_has_contract_columns_and_rows(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal.sqlite3")
    p = journal.create_attempt(Decimal("1500.50"), method=PaymentMethod.CARD, description="кофе")
    journal.transition(p.invoice_id, PaymentStatus.TOKEN_ISSUED)
    journal.transition(p.invoice_id, PaymentStatus.CHECKING)
    journal.transition(p.invoice_id, PaymentStatus.PAID, reference="123456789012",
                       card_mask="440563******5096", approval_code="123456", transaction_id="t-1")
    journal.close()
    done = _run(tmp_path, "journal", "--csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0])[: len(COLUMNS)] == COLUMNS
    assert rows[0]["status"] == "paid" and rows[0]["method"] == "card"
    assert Decimal(rows[0]["amount"]) == Decimal("1500.50")
    assert rows[0]["description"] == "кофе"


def test_journal_csv_on_an_empty_home_prints_the_header(tmp_path: Path) -> None:
    done = _run(tmp_path, "journal", "--csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split(",")[: len(COLUMNS)] == COLUMNS


def test_journal_csv_per_environment_defaults_to_the_configured_one(tmp_path: Path) -> None:
    """Issue 14 A.3: `journal --csv` takes --training / --env like the app."""
    (tmp_path / "settings.json").write_text('{"environment": "prod"}', encoding="utf-8")
    env = dict(os.environ, POS_APP_HOME=str(tmp_path))
    for environment, amount in (("training", "1500"), ("prod", "50000"), ("test", "700")):
        with _journal(tmp_path, environment) as journal:
            journal.create_attempt(Decimal(amount))

    def amounts(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-m", "pos_app", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return [row["amount"] for row in csv.DictReader(io.StringIO(done.stdout))]

    assert amounts("journal", "--csv") == ["50000.00"]  # the configured environment
    assert amounts("journal", "--csv", "--training") == ["1500.00"]
    assert amounts("--training", "journal", "--csv") == ["1500.00"]
    assert amounts("journal", "--csv", "--env", "test") == ["700.00"]
    assert amounts("--env", "prod", "journal", "--csv") == ["50000.00"]
    assert amounts("journal", "--csv", "--env", "test-new") == []


def _journal(home: Path, environment: str) -> Journal:
    journal = Journal(home / f"journal-{environment}.sqlite3")
    journal.claim_environment(environment)
    return journal


def test_unknown_environment_is_refused_with_a_message(tmp_path: Path) -> None:
    done = _run(tmp_path, "--env", "staging")
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


GUI_ARGV = [
    [], ["--training"], ["--debug"], ["--training", "--debug"], ["--debug", "--training"],
    *[["--env", env] for env in ("training", "test", "test-new", "prod")],
    ["--env", "prod", "--debug"], ["--debug", "--env", "test"],
]
OTHER_ARGV = [
    ["--env"], ["--env", "bogus"], ["--env", "PROD"], ["--env=prod"], ["--train"], ["--deb"],
    ["--training", "--env", "prod"], ["--env", "test", "--env", "prod"],
    ["--training", "--training"], ["journal", "--csv"], ["doctor"], ["doctor", "--training"],
    ["--training", "doctor"], ["-h"], ["--version"], ["extra"], ["--training", "extra"],
]


def test_the_fast_path_reads_a_start_exactly_as_argparse_does() -> None:
    import pytest

    from pos_app import cli

    for argv in GUI_ARGV:
        assert cli._gui_flags(list(argv)) is not None, argv
        assert cli.parse_args(argv) == cli.parser().parse_args(argv), argv
    for argv in OTHER_ARGV:
        assert cli._gui_flags(list(argv)) is None, argv  # left to argparse, errors included
        try:
            expected = cli.parser().parse_args(argv)
        except SystemExit as exc:
            with pytest.raises(SystemExit) as got:
                cli.parse_args(argv)
            assert got.value.code == exc.code, argv
        else:
            assert cli.parse_args(argv) == expected, argv


def test_a_start_does_not_build_the_parser() -> None:
    code = ("import sys; from pos_app import cli; a = cli.parse_args(['--env', 'test', '--debug']);"
            "print(a.env, a.debug, a.training, a.command, 'locale' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60).stdout.split()
    assert out == ["test", "True", "False", "None", "False"]
