"""The UI language: Chinese is the source language of every string, English comes from a Qt translation.

``make translations`` extracts the strings (pyside6-lupdate) into assets/i18n/kiosk_en.ts, which is
committed and fully translated, and compiles it (pyside6-lrelease) into kiosk_en.qm, which is built.
:func:`set_language` installs that translation on the application; widgets built afterwards come up in
the language (built widgets keep their texts: the app rebuilds its screens when the language changes).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTranslator

from kiosk.config import ASSETS
from kiosk.texts import CONTEXT, Duration, Text, fill

log = logging.getLogger(__name__)

#: the languages a visitor can choose; the first is the source language of the UI strings
LANGUAGES = ("zh", "en")
I18N_DIR = ASSETS / "i18n"

# the installed translator must stay alive as long as it is installed (Qt keeps only a pointer to it)
_translator: QTranslator | None = None
_language = "zh"


def qm_path(language: str) -> Path:
    """The compiled translation of ``language``: assets/i18n/kiosk_<language>.qm."""
    return I18N_DIR / f"kiosk_{language}.qm"


def set_language(language: str) -> bool:
    """Show the UI in ``language`` from now on.

    True when the language is in place (Chinese needs no translation); False when the language is
    unknown or its .qm is missing or unreadable — the UI then stays (or goes back to) Chinese.
    """
    global _translator, _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QCoreApplication")
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    _language = "zh"
    if language == "zh":
        return True
    if language not in LANGUAGES:
        log.warning("unknown UI language %r: the UI stays Chinese", language)
        return False
    translator = QTranslator(app)
    path = qm_path(language)
    if not translator.load(str(path)):
        log.warning("no UI translation at %s (run `make translations`): the UI stays Chinese", path)
        translator.deleteLater()
        return False
    QCoreApplication.installTranslator(translator)
    _translator, _language = translator, language
    return True


def current_language() -> str:
    """The language the UI is shown in now ("zh" unless :func:`set_language` installed another)."""
    return _language


def visitor_text(text: str) -> str:
    """A text of the data layer (marked in :data:`kiosk.texts.CONTEXT`) in the UI language; a
    :class:`~kiosk.texts.Text` gets its values filled in again, each value that is a Text translated too.
    Unmarked text (office content) comes back as it is."""
    if isinstance(text, Duration):
        return duration_text(text.value, text.unit)
    if isinstance(text, Text):
        args = tuple(visitor_text(a) for a in text.args)
        return fill(QCoreApplication.translate(CONTEXT, text.source), args)
    return QCoreApplication.translate(CONTEXT, text) if text else text


def locale() -> QLocale:
    """The locale for dates and numbers in the current UI language."""
    if _language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def date_text(day: date) -> str:
    """A day as a visitor reads it: "2026年3月5日", in English "5 March 2026"."""
    pattern = QCoreApplication.translate("Dates", "yyyy年M月d日")  # a QDate format: d, M, yyyy are fields
    return locale().toString(QDate(day.year, day.month, day.day), pattern)


class _Durations(QObject):
    """Time limits with their plural forms (pyside6-lupdate makes plural forms only of a QObject's tr)."""

    def text(self, value: int, unit: str) -> str:
        if unit == "工作日":
            return self.tr("%n个工作日", "", value)
        if unit == "自然日":
            return self.tr("%n个自然日", "", value)
        return fill(QCoreApplication.translate(CONTEXT, "%1个%2"), (str(value), visitor_text(unit)))


_durations: _Durations | None = None


def duration_text(value: int, unit: str) -> str:
    """A time limit of the content, "15个工作日", in the UI language ("15 working days", "1 working day")."""
    global _durations
    if _durations is None:
        _durations = _Durations()
    return _durations.text(value, unit)
