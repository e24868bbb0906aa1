"""The visitor's display mode: 长辈模式 (large text), high contrast and the UI language.

A mode belongs to one visitor: the app resets it when the idle countdown expires. The state is
held by :class:`ModeState` (``store.mode``); whoever shows something reads ``store.mode.mode`` and
the app, listening to :attr:`ModeState.changed`, restyles the window and rebuilds the screens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class VisitorMode:
    elderly: bool = False  # 长辈模式 / 大字: text ×1.5, bigger targets, line spacing ≥ 1.3, fewer items
    contrast: bool = False  # high-contrast theme: every text ≥ 7:1 against its background
    language: str = "zh"  # "zh" or "en"


class ModeState(QObject):
    """The current :class:`VisitorMode`; ``changed`` carries the new one whenever it differs."""

    changed = Signal(object)

    def __init__(self, default_language: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        if default_language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {default_language!r}")
        self._default = VisitorMode(language=default_language)
        self._mode = self._default

    @property
    def mode(self) -> VisitorMode:
        return self._mode

    @property
    def default(self) -> VisitorMode:
        return self._default

    def set_elderly(self, on: bool) -> None:
        self._set(replace(self._mode, elderly=on))

    def set_contrast(self, on: bool) -> None:
        self._set(replace(self._mode, contrast=on))

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
        self._set(replace(self._mode, language=language))

    def reset(self) -> None:
        """Back to the kiosk's defaults (the next visitor starts afresh)."""
        self._set(self._default)

    def _set(self, mode: VisitorMode) -> None:
        if mode != self._mode:
            self._mode = mode
            self.changed.emit(mode)
