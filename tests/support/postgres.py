"""A real PostgreSQL server in a temporary folder (Debian's binaries), for tests and the load test.

PostgreSQL refuses to run as root, and tests run as root in CI: the server then runs as the
``postgres`` system user (made by Debian's package) in a folder it owns. It listens on loopback
only, on a free port, and on a unix socket in its folder. ``pg_hba.conf``: trust for everyone
except the role :data:`PASSWORD_ROLE`, which must give its password (SCRAM) over TCP.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bin() -> Path:
    """``$POS_APP_PG_BIN``, else the newest Debian server (15 on Debian 12, 17 on Debian 13)."""
    if os.environ.get("POS_APP_PG_BIN"):
        return Path(os.environ["POS_APP_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _bin()
PASSWORD_ROLE = "till_pw"


def available() -> bool:
    return (BIN / "postgres").exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, *, fsync: bool = False, settings: dict[str, str] | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pos-hq-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self.fsync = fsync
        self.settings = settings or {}
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(BIN / "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        (self.data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n"
            "host all all 127.0.0.1/32 trust\n")

    def _run(self, *cmd: object, check: bool = True) -> subprocess.CompletedProcess[str]:
        argv = [str(c) for c in cmd]
        if self._as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> PgServer:
        options = [f"-p {self.port}", f"-k {self.root}", "-c listen_addresses=127.0.0.1",
                   f"-c fsync={'on' if self.fsync else 'off'}",
                   *(f"-c {k}={v}" for k, v in self.settings.items())]
        result = self._run(BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60",
                           "-o", " ".join(options), "start", check=False)
        if result.returncode != 0:
            raise RuntimeError(f"postgres did not start: {result.stderr}\n{self.log_text()}")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop", check=False)

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def admin_sql(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            conn.execute(sql.encode())

    def create_database(self, name: str) -> str:
        self.admin_sql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def create_database_from(self, template: str, name: str) -> str:
        """A copy of database ``template`` (nobody may be connected to it): a snapshot."""
        self.admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
