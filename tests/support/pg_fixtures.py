"""pytest fixtures around :class:`tests.support.postgres.PgServer` (imported by conftests)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from pos_app.hq import migrate
from tests.support.postgres import PgServer, available

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the session."""
    if not available():
        pytest.fail("PostgreSQL server binaries are missing: scripts/setup installs `postgresql`")
    server = PgServer().start()
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture
def hq_url(pg_server: PgServer) -> str:
    """A fresh database with the head-office schema; its URL (user postgres, trust)."""
    import psycopg

    url = pg_server.create_database(f"hq{next(_numbers)}")
    with psycopg.connect(url, autocommit=True) as conn:
        migrate.upgrade(conn)
    return url
