"""Paged, filtered reading of the journal for the history screen.

Never loads the whole journal: :func:`count` answers how many attempts match, :func:`page`
reads one window of them, newest first. Searches use the indexes of schema version 2
(invoice number, suffix, RRN, amount); a card-mask search (``*`` or four digits) scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos_app.domain.errors import DomainError
from pos_app.domain.money import parse_amount
from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.store.journal import Journal
from pos_app.store.journal_schema import PAYMENT_COLUMNS, iso, payment_from_row

_COLUMNS = ", ".join(PAYMENT_COLUMNS)
_DIGITS = re.compile(r"[0-9]+")
# Searching "1500" must find an amount even above a till's limit; the journal has no limit.
_ANY_AMOUNT = Decimal("1e15")
_MASK = re.compile(r"[0-9*]*\*[0-9*]*|[0-9]{4}")


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What the history shows. Empty fields do not filter; ``until`` is exclusive."""

    text: str = ""
    since: datetime | None = None
    until: datetime | None = None
    statuses: tuple[PaymentStatus, ...] = ()
    method: PaymentMethod | None = None


def where(f: HistoryFilter) -> tuple[str, list[object]]:
    """The ``WHERE`` clause (or ``""``) and its parameters for ``f``."""
    clauses: list[str] = []
    params: list[object] = []
    text = f.text.strip()
    if text:
        alternatives, values = _search(text)
        clauses.append("(" + " OR ".join(alternatives) + ")")
        params += values
    if f.since is not None:
        clauses.append("created_at >= ?")
        params.append(iso(f.since))
    if f.until is not None:
        clauses.append("created_at < ?")
        params.append(iso(f.until))
    if f.statuses:
        clauses.append(f"status IN ({', '.join('?' for _ in f.statuses)})")
        params += [s.value for s in f.statuses]
    if f.method is not None:
        clauses.append("method = ?")
        params.append(f.method.value)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _search(text: str) -> tuple[list[str], list[object]]:
    alternatives = ["invoice_id = ?", "reference = ?"]
    values: list[object] = [text, text]
    if _DIGITS.fullmatch(text) and len(text) == 6:
        alternatives.append("suffix = ?")
        values.append(text)
    try:
        amount = parse_amount(text, maximum=_ANY_AMOUNT)
    except DomainError:
        pass
    else:
        alternatives.append("amount = ?")
        values.append(f"{amount:f}")
    if _MASK.fullmatch(text):
        # Masks look like 440563******5096: match the visible digits around the stars.
        # GLOB's own "*" also matches the mask's stars.
        alternatives.append("card_mask GLOB ?")
        values.append(text if "*" in text else "*" + text)
    return alternatives, values


def count(journal: Journal, f: HistoryFilter) -> int:
    """How many attempts match ``f``."""
    clause, params = where(f)
    with journal.reading() as conn:
        row = conn.execute(f"SELECT count(*) FROM payments {clause}", params).fetchone()  # noqa: S608
    return int(row[0])


def page(journal: Journal, f: HistoryFilter, offset: int, limit: int) -> list[Payment]:
    """Matching attempts ``offset`` … ``offset + limit - 1``, newest first."""
    clause, params = where(f)
    sql = f"SELECT {_COLUMNS} FROM payments {clause} ORDER BY rowid DESC LIMIT ? OFFSET ?"  # noqa: S608
    with journal.reading() as conn:
        rows = conn.execute(sql, [*params, int(limit), int(offset)]).fetchall()
    return [payment_from_row(row) for row in rows]
