"""Paged, filtered reading of the journal (history screen), on a generated journal."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.store import journal_query as q
from pos_app.store.journal import Journal
from pos_app.store.journal_query import HistoryFilter
from tests.support.journal_data import START, generate


def test_pages_are_newest_first_and_disjoint(journal: Journal) -> None:
    generate(journal, 1000)
    assert q.count(journal, HistoryFilter()) == 1000
    first = q.page(journal, HistoryFilter(), 0, 100)
    second = q.page(journal, HistoryFilter(), 100, 100)
    assert [p.invoice_id for p in first[:2]] == ["001000", "000999"]
    assert second[0].invoice_id == "000900"
    last = q.page(journal, HistoryFilter(), 950, 100)
    assert len(last) == 50 and last[-1].invoice_id == "000001"


def test_search_by_invoice_rrn_amount_and_card(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("1234.50"))
    journal.transition(p.invoice_id, PaymentStatus.PAID, reference="987654321098",
                       card_mask="440563******5096")
    journal.create_attempt(Decimal("99"))
    for text in (p.invoice_id, "987654321098", "1234,50", "1 234.5", "*5096", "5096",
                 "440563*5096"):
        found = q.page(journal, HistoryFilter(text=text), 0, 10)
        assert [x.invoice_id for x in found] == [p.invoice_id], text
    assert q.count(journal, HistoryFilter(text="no such thing")) == 0
    assert q.count(journal, HistoryFilter(text="99")) == 1


def test_filters_by_dates_status_and_method(journal: Journal) -> None:
    generate(journal, 500)
    since, until = START + timedelta(minutes=101), START + timedelta(minutes=201)
    in_range = q.page(journal, HistoryFilter(since=since, until=until), 0, 500)
    assert len(in_range) == 100
    assert all(since <= p.created_at < until for p in in_range)
    paid = q.page(journal, HistoryFilter(statuses=(PaymentStatus.PAID,)), 0, 500)
    assert paid and all(p.status is PaymentStatus.PAID for p in paid)
    qr = HistoryFilter(method=PaymentMethod.QR, statuses=(PaymentStatus.PAID,))
    assert all(p.method is PaymentMethod.QR for p in q.page(journal, qr, 0, 500))
    total = sum(q.count(journal, HistoryFilter(method=m)) for m in PaymentMethod)
    assert total == 500


def test_history_indexes_exist(journal: Journal) -> None:
    names = {r[0] for r in journal.conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"payments_reference", "payments_card_mask", "payments_amount", "payments_method",
            "payments_created_at", "payments_status"} <= names
    plan = " ".join(str(r) for r in journal.conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM payments WHERE reference = ?", ("1",)))
    assert "payments_reference" in plan
