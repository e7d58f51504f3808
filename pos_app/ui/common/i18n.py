"""Languages of the till: Qt translators, the locale, and money/date formatting per language.

The cashier's language (``Settings.language``) is installed application-wide with
:func:`set_language`; Qt then sends ``QEvent.LanguageChange`` to every widget, and each panel
re-reads its texts in ``retranslate()``. The customer's language is separate: a
:class:`Catalogue` is a translator that is *not* installed, so the customer display can speak
English while the cashier works in Kazakh.

Catalogues (``pos_app_<lang>.qm``) are build products of ``resources/translations/*.ts``
(``packaging/build_resources.py``: ``scripts/setup`` in a checkout, the build backend for a
wheel or sdist, ``build.spec`` for the bundle). An installed or frozen app ships only the
compiled catalogues and loads them as they are: it never compiles anything. Only a source
checkout (where the ``.ts`` lies beside the ``.qm``) checks that a catalogue is fresh: by the
content of its source recorded at compile time (``.qm.source``:
:func:`pos_app.resources.source_record`), never by file times, which a copy or a checkout
changes; a stale or missing one is compiled once into a cache folder keyed by that record
(``pyside6-lrelease`` ships with PySide6).
"""

from __future__ import annotations

import logging
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pos_app.domain.money import TENGE_SIGN, format_number
from pos_app.resources import SOURCE_RECORD, resource, source_record

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtCore import QDateTime

log = logging.getLogger("pos_app.ui.common.i18n")

LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"
LOCALES = {"ru": "ru_KZ", "kk": "kk_KZ", "en": "en_US"}
NATIVE_NAMES = {"ru": "Русский", "kk": "Қазақша", "en": "English"}
# Digit grouping and decimal mark per language: a no-break space and a comma as in Kazakhstan's
# Russian and Kazakh usage; English uses "1,500.50".
_SEPARATORS = {"ru": ("\u00a0", ","), "kk": ("\u00a0", ","), "en": (",", ".")}

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def normalise(language: str) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The cashier's language now installed (``ru`` before :func:`set_language` is called)."""
    return _current


def translations_dir() -> Path:
    return resource("translations")


def _lrelease() -> str | None:
    import shutil

    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    return str(candidate) if candidate.is_file() else None


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def qm_path(language: str) -> Path | None:
    """The compiled catalogue for ``language``.

    Shipped (frozen, or installed: no ``.ts`` beside it): the ``.qm`` as it is, or None.
    Source checkout: the ``.qm`` if its recorded source hash matches the ``.ts``, else a copy
    compiled into a cache.
    """
    folder = translations_dir()
    ts = folder / f"pos_app_{language}.ts"
    qm = folder / f"pos_app_{language}.qm"
    if _frozen() or not ts.is_file():
        return qm if qm.is_file() else None
    current = source_record(ts.read_bytes())
    record = qm.with_name(qm.name + SOURCE_RECORD)
    # bytes: decoding as ASCII would load that codec on the way to the first paint (~1 ms)
    if qm.is_file() and record.is_file() and record.read_bytes().strip() == current.encode():
        return qm
    return _compile_into_cache(ts, current)


def _compile_into_cache(ts: Path, current: str) -> Path | None:
    """A source checkout whose catalogue is missing or stale (``.ts`` edited, not rebuilt)."""
    import subprocess
    import tempfile

    key = current.replace(" ", "-")
    cached = Path(tempfile.gettempdir()) / "pos-app-translations" / f"{ts.stem}-{key}.qm"
    if cached.is_file():
        return cached
    tool = _lrelease()
    if tool is None:
        log.error("no pyside6-lrelease: %s cannot be compiled", ts.name)
        return None
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f"{cached.name}.{os.getpid()}")
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(partial)],  # noqa: S603
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not partial.is_file():
        log.error("compiling %s failed: %s", ts.name, done.stderr.strip())
        return None
    os.replace(partial, cached)
    log.warning("%s is newer than its catalogue: compiled into %s (run scripts/i18n --build)",
                ts.name, cached)
    return cached


class Catalogue(QTranslator):
    """Our strings in one language, usable without installing it (the customer's language)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.lang = normalise(language)
        path = qm_path(self.lang)
        self.loaded = path is not None and self.load(str(path))
        if not self.loaded and self.lang != "en":
            log.error("translation %s could not be loaded", self.lang)

    def text(self, context: str, source: str) -> str:
        """``source`` translated, or ``source`` itself (English, or a missing entry)."""
        return self.translate(context, source) or source


def qt_catalogue(language: str) -> QTranslator | None:
    """Qt's own strings (dialog buttons, context menus) for ``language`` when Qt ships them."""
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        return translator
    return None


def set_language(language: str) -> str:
    """Install ``language`` for the whole application; widgets get ``LanguageChange``."""
    global _current
    language = normalise(language)
    app = QCoreApplication.instance()
    QLocale.setDefault(QLocale(LOCALES[language]))
    if app is None:
        _current = language
        return language
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    for translator in (Catalogue(language), qt_catalogue(language)):
        if translator is not None and QCoreApplication.installTranslator(translator):
            _installed.append(translator)
    _current = language
    log.info("language set to %s", language)
    return language


def money(value: Decimal, language: str | None = None) -> str:
    """An amount with the tenge sign as ``language`` writes it: ``1 500,50 ₸`` / ``₸1,500.50``."""
    lang = normalise(language or _current)
    group, mark = _SEPARATORS[lang]
    number = format_number(value, group=group, decimal_mark=mark)
    if lang == "en":
        if number.startswith("-"):
            return f"-{TENGE_SIGN}{number[1:]}"
        return f"{TENGE_SIGN}{number}"
    return f"{number}\u00a0{TENGE_SIGN}"


def locale_for(language: str | None = None) -> QLocale:
    return QLocale(LOCALES[normalise(language or _current)])


def _qt(value: datetime) -> QDateTime:
    from PySide6.QtCore import QDate, QDateTime, QTime  # not needed for the first paint

    local = value.astimezone() if value.tzinfo is not None else value
    return QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute, local.second))


def date_time(value: datetime, language: str | None = None, *, long: bool = False) -> str:
    """Date and time in ``language``'s short (or long) format, in local time."""
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return locale_for(language).toString(_qt(value), fmt)


def time_only(value: datetime, language: str | None = None) -> str:
    """``14:05`` (or ``2:05 PM`` in English), local time."""
    return locale_for(language).toString(_qt(value).time(), QLocale.FormatType.ShortFormat)
