"""Choosing the language of content texts: English where the content gives it, Chinese otherwise.

The content file may give any shown text in English (an ``en`` mapping beside the Chinese fields, see
assets/content/FORMAT.md); the cache keeps it in each table's ``en`` column. In English the catalogue
shows that English and, where there is none, the Chinese: a visitor never sees an empty field. A
:class:`Picker` makes these choices for one view and remembers whether it had to leave Chinese in place,
which the view reports as ``translated`` (the screens then say the details are in Chinese only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

LANGUAGES = ("zh", "en")

# CJK ideographs (with extension A and the compatibility block) and CJK punctuation and full-width forms
_CHINESE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")


def has_chinese(text: str) -> bool:
    """Whether a reader of English needs a translation of ``text`` (a phone number or a web address does not)."""
    return bool(_CHINESE.search(text))


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown content language {language!r}: one of {', '.join(LANGUAGES)}")
    return language


class Picker:
    """Picks each text of one view in the catalogue's language and notes what stayed Chinese."""

    def __init__(self, language: str) -> None:
        self.english = language == "en"
        #: nothing shown so far stayed Chinese for want of English (always True in Chinese)
        self.translated = True

    def text(self, chinese: str, english: Mapping[str, Any] | None, key: str) -> str:
        """The field ``key``: its English (from the record's ``en``) in English where given, else the Chinese."""
        if not self.english:
            return chinese
        value = english.get(key) if english else None
        if isinstance(value, str) and value:
            return value
        if self.translated and has_chinese(chinese):
            self.translated = False
        return chinese

    def texts(self, chinese: Iterable[str], english: Mapping[str, Any] | None, key: str, *,
              shown: bool = True) -> tuple[str, ...]:
        """A list field (service objects, keywords): the English list where given, else the Chinese one.

        ``shown=False`` for a field the visitor does not read (search keywords): it does not count
        against ``translated``.
        """
        values = tuple(chinese)
        if not self.english:
            return values
        given = english.get(key) if english else None
        if isinstance(given, list) and given:
            return tuple(str(v) for v in given)
        if shown and self.translated and any(has_chinese(v) for v in values):
            self.translated = False
        return values

    def part(self, translated: bool) -> None:
        """A part of the view (a post in an item's guide) that is or is not fully in English."""
        if not translated:
            self.translated = False
