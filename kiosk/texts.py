"""Visitor texts made outside Qt (the data layer: rules, messages, formatted facts), translated where shown.

The data layer stays free of Qt (the office's reports use it too), so it cannot call ``tr``. It marks
its Chinese texts with :func:`QT_TRANSLATE_NOOP` in the context :data:`CONTEXT` — pyside6-lupdate finds
them by that name — and a text with values in it is a :class:`Text`: a ``str`` (the Chinese with the
values filled in, as stored, logged and compared) that also remembers its source and values, so the
screen that shows it can translate the source and fill in the same values
(:func:`kiosk.i18n.visitor_text`).
"""

from __future__ import annotations

import re
from typing import Self

#: the translation context of every text marked here
CONTEXT = "VisitorTexts"

_PLACEHOLDER = re.compile(r"%(\d)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate without Qt; returns it unchanged (translated where shown)."""
    return text


def fill(source: str, args: tuple[str, ...]) -> str:
    """``source`` with %1, %2 … %9 replaced by ``args`` (Python strings have no QString.arg)."""
    return _PLACEHOLDER.sub(lambda m: args[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(args)
                            else m.group(0), source)


class Text(str):
    """A Chinese text with values: ``Text("查询编号是8位，您输入了%1位", 7)`` is the str "查询编号是8位，
    您输入了7位" that keeps ``source`` and ``args`` for translation. An arg may itself be a Text (a
    marked word such as a time unit): it is translated too."""

    source: str
    args: tuple[str, ...]

    def __new__(cls, source: str, *args: object) -> Self:
        values = tuple(a if isinstance(a, str) else str(a) for a in args)
        text = super().__new__(cls, fill(source, values))
        text.source = source
        text.args = values
        return text


class Duration(Text):
    """A time limit, "15个工作日": a :class:`Text` that keeps the number and the unit, so that the
    English shows "1 working day" and "15 working days" (:func:`kiosk.i18n.duration_text`)."""

    value: int
    unit: str

    def __new__(cls, value: int, unit: str) -> Self:
        text = super().__new__(cls, QT_TRANSLATE_NOOP("VisitorTexts", "%1个%2"), value, unit)
        text.value = value
        text.unit = unit
        return text
