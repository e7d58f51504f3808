"""A real PostgreSQL for the head-office tests: one server per session, one database per test."""

from tests.support.pg_fixtures import hq_url, pg_server

__all__ = ["hq_url", "pg_server"]
