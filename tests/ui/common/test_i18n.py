"""Translations: every catalogue loads, nothing unfinished, placeholders agree, live switching."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from pos_app.resources import resource
from pos_app.ui.checkout.entry import EntryPanel
from pos_app.ui.common import i18n
from pos_app.ui.common.i18n import money, qm_path, set_language

TS = {lang: resource(f"translations/pos_app_{lang}.ts") for lang in i18n.LANGUAGES}
_PLACEHOLDER = re.compile(r"%n|%\d|\{[a-z_]+\}")


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_catalogue_loads(qapp: object, lang: str) -> None:
    path = qm_path(lang)
    assert path is not None and QTranslator().load(str(path))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_qt_own_strings_are_translated(qapp: object, lang: str) -> None:
    assert i18n.qt_catalogue(lang) is not None


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_nothing_unfinished_and_placeholders_match(lang: str) -> None:
    problems = []
    for message in _messages(TS[lang]):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"unfinished: {source!r}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"empty: {source!r}")
            want = sorted(set(_PLACEHOLDER.findall(source)))
            have = sorted(set(_PLACEHOLDER.findall(form)))
            if message.get("numerus") == "yes":
                want, have = [p for p in want if p != "%n"], [p for p in have if p != "%n"]
            if want != have:
                problems.append(f"placeholders {want} vs {have}: {source!r} → {form!r}")
    assert not problems, "\n".join(problems)


def test_every_language_has_the_same_entries() -> None:
    keys = {lang: {(m.findtext("source"), m.findtext("comment")) for m in _messages(path)}
            for lang, path in TS.items()}
    assert keys["ru"] == keys["kk"] == keys["en"]


def test_language_switch_updates_open_widgets(qtbot: QtBot) -> None:
    panel = EntryPanel()
    qtbot.addWidget(panel)
    panel.show()
    try:
        set_language("en")
        qtbot.waitUntil(lambda: panel.pay_button.text() == "Pay by card  [Enter]")
        set_language("ru")
        qtbot.waitUntil(lambda: panel.pay_button.text() == "Оплата картой  [Enter]")
        assert panel.description_label.text() == "Описание"
        set_language("kk")
        qtbot.waitUntil(lambda: panel.pay_button.text() == "Картамен төлеу  [Enter]")
        assert QCoreApplication.translate("Status", "Approved") == "Мақұлданды"
    finally:
        set_language("en")


def test_money_per_language() -> None:
    from decimal import Decimal

    assert money(Decimal("1500.5"), "ru") == "1\u00a0500,50\u00a0₸"
    assert money(Decimal("1500.5"), "kk") == "1\u00a0500,50\u00a0₸"
    assert money(Decimal("1500.5"), "en") == "₸1,500.50"
    assert money(Decimal("-20"), "en") == "-₸20"


@pytest.mark.parametrize(("lang", "z_title", "shift_open", "footer"), [
    ("ru", "Z-отчёт № 7 (смена закрыта)", "Смена уже открыта.", "Нефискальный документ"),
    ("kk", "Z-есеп № 7 (ауысым жабылды)", "Ауысым әлдеқашан ашық.", "Фискалдық емес құжат"),
])
def test_reports_and_refund_sentences_are_translated(qapp: object, lang: str, z_title: str,
                                                      shift_open: str, footer: str) -> None:
    """The Z report and the refund/shift sentences once went through a wrapper that lupdate
    could not see, and stayed English in every language."""
    from datetime import datetime
    from decimal import Decimal

    from pos_app.services.reports import ShiftReport
    from pos_app.ui.common.outcome_texts import refund_message
    from pos_app.ui.shift.report_view import report_html, report_title

    when = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    report = ShiftReport("Z", 7, when, when, (), 0, Decimal(0), 0, Decimal(0), 0)
    try:
        set_language(lang)
        assert report_title(report) == z_title
        assert footer in report_html(report, "Shop")
        assert refund_message("open") == shift_open
    finally:
        set_language("en")
