"""Issue 14 A.3: training, test and real money each keep their own journal and allocator.

Real SQLite files under POS_APP_HOME; the runtime test uses the emulator over loopback.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.runtime import build_runtime
from pos_app.store import paths
from pos_app.store.errors import StorageError
from pos_app.store.journal import Journal
from pos_app.store.journal_files import open_journal
from pos_app.store.settings import Settings
from pos_app.training import Emulator


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    return tmp_path


def test_each_environment_has_its_own_file_and_invoice_counter(home: Path) -> None:
    with open_journal("training", configured="prod") as training:
        training.create_attempt(Decimal("1500"))
        training.create_attempt(Decimal("1600"))
    with open_journal("prod", configured="prod") as prod:
        assert prod.recent() == []
        assert prod.create_attempt(Decimal("50000")).invoice_id.endswith("000001")
        assert prod.environment == "prod"
    with open_journal("test", configured="prod") as test:
        assert test.recent() == []
    names = {p.name for p in home.glob("journal-*.sqlite3")}
    assert names == {"journal-training.sqlite3", "journal-prod.sqlite3", "journal-test.sqlite3"}


def test_a_journal_of_another_environment_is_refused(home: Path) -> None:
    with open_journal("training", configured="training"):
        pass
    paths.journal_path("training").rename(paths.journal_path("prod"))  # copied by hand
    with pytest.raises(StorageError) as caught:
        open_journal("prod", configured="prod")
    assert caught.value.code == "wrong_environment"


def test_the_old_single_journal_belongs_to_the_configured_environment(home: Path) -> None:
    old = Journal(home / paths.LEGACY_JOURNAL)  # left open: its last write is still in the WAL
    payment = old.create_attempt(Decimal("50000"))
    old.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
    with open_journal("training", configured="prod") as training:
        assert training.recent() == []  # a training start never takes the real-money journal
    with open_journal("prod", configured="prod") as prod:
        assert [p.invoice_id for p in prod.recent()] == [payment.invoice_id]
        assert prod.get(payment.invoice_id).status is PaymentStatus.TOKEN_ISSUED
        assert prod.environment == "prod"
        # the counter came along: the next invoice does not reuse the old one
        assert prod.create_attempt(Decimal("1")).invoice_id != payment.invoice_id
    old.close()
    assert not (home / paths.LEGACY_JOURNAL).exists()
    assert (home / f"{paths.LEGACY_JOURNAL}.moved-to-prod").is_file()  # kept, never deleted
    with open_journal("prod", configured="prod") as again:  # adopted once only
        assert len(again.recent()) == 2


def test_training_start_never_settles_a_production_attempt(home: Path) -> None:
    """The reproduction of A.3: a prod attempt in `checking` was closed as `cancelled` by the
    next training start, because the emulator had never heard of it."""
    with open_journal("prod", configured="prod") as prod:
        stuck = prod.create_attempt(Decimal("50000"))
        prod.transition(stuck.invoice_id, PaymentStatus.TOKEN_ISSUED)
        prod.transition(stuck.invoice_id, PaymentStatus.CHECKING)
    with Emulator() as emulator:
        runtime = build_runtime("training", settings=Settings(environment="prod"),
                                emulator_urls=emulator.urls)
        try:
            runtime.reconciler.run()
            assert runtime.journal.recent() == []
            assert runtime.journal.environment == "training"
        finally:
            runtime.close()
    with open_journal("prod", configured="prod") as prod:
        assert prod.get(stuck.invoice_id).status is PaymentStatus.CHECKING
