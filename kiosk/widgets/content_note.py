"""A short note in English pages whose office content is (partly) given in Chinese only.

The content file may give English for any shown text (``en:`` mappings, see assets/content/FORMAT.md);
where it gives none, an English page shows the Chinese text rather than an empty field, and this note
says so above it. The views of :mod:`kiosk.data.catalog` say whether they are fully in English
(``translated``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def content_language(store: Any) -> str:
    """The visitor's language ("zh" or "en") as the screens learn it: ``store.mode.mode.language``.

    "zh" when the store has no visitor mode (tools and tests that build a store without one).
    """
    mode = getattr(getattr(store, "mode", None), "mode", None)
    language = getattr(mode, "language", "zh")
    return language if isinstance(language, str) else "zh"


class ContentLanguageNote(QLabel):
    """Hidden unless the visitor reads English and the content shown below has no (complete) English."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ContentLanguageNote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setText(self.tr("以下内容仅提供中文"))
        self.hide()

    def show_for(self, translated: bool, language: str) -> None:
        """Show the note when ``language`` is English and the content is not all translated."""
        # the text again: the UI language may have changed since the label was built
        self.setText(self.tr("以下内容仅提供中文"))
        self.setVisible(language == "en" and not translated)
