"""The head-office password: stdin → the real Secret Service → a SCRAM login of a till role
with only the grants `pos-app hq migrate --grant-till` gives. Never in a file or a message."""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import psycopg
import pytest

from pos_app import cli, cli_hq
from pos_app.hq.config import KEYRING_SERVICE
from pos_app.store.journal import Journal
from tests.hq.helpers import central_events, fill, local_events
from tests.support.pg_fixtures import hq_url, pg_server
from tests.support.postgres import PASSWORD_ROLE, PgServer

__all__ = ["hq_url", "pg_server"]
pytestmark = pytest.mark.keyring
PASSWORD = "Kz-s3cret pw!"


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    args = cli.parser().parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    if args.command == "configure":
        code = cli_hq.configure(args, stdin=io.StringIO(stdin), out=out, err=err)
    elif args.command == "sync":
        code = cli_hq.sync(args, out=out, err=err)
    else:
        code = cli_hq.hq(args, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_password_from_stdin_to_keyring_to_login(
        pg_server: PgServer, hq_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    monkeypatch.delenv("POS_APP_HQ_URL", raising=False)
    dbname = hq_url.rsplit("/", 1)[1]
    pg_server.admin_sql(f"DO $$ BEGIN CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{PASSWORD}';"
                        " EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    code, out, err = run(["hq", "migrate", "--hq-url", hq_url, "--grant-till", PASSWORD_ROLE])
    assert code == 0, err
    till_url = pg_server.url(dbname, user=PASSWORD_ROLE)
    code, out, err = run(["--training", "configure", "--hq-url", till_url, "--shop-id", "S1",
                          "--till-id", "T1", "--hq-password-stdin"], PASSWORD + "\n")
    assert code == 0, err
    user = f"{PASSWORD_ROLE}@127.0.0.1:{pg_server.port}/{dbname}"
    assert keyring.get_password(KEYRING_SERVICE, user) == PASSWORD
    assert PASSWORD not in (tmp_path / "hq.json").read_text() + out + err
    with Journal(tmp_path / "journal-training.sqlite3") as journal:
        fill(journal, 3)
    code, out, err = run(["sync", "--once"])
    assert code == 0, err
    with Journal(tmp_path / "journal-training.sqlite3") as journal:
        assert central_events(hq_url, "T1") == local_events(journal)
    with psycopg.connect(till_url, password=PASSWORD) as conn, pytest.raises(psycopg.Error):
        conn.execute("DELETE FROM hq.tills")  # the till's role cannot erase anything

    keyring.set_password(KEYRING_SERVICE, user, "wrong")
    with Journal(tmp_path / "journal-training.sqlite3") as journal:
        fill(journal, 1, start=50)
    code, out, err = run(["sync", "--once"])
    assert code == 4 and "refused the login" in err and "password authentication failed" in err and "wrong" not in err
    keyring.delete_password(KEYRING_SERVICE, user)
