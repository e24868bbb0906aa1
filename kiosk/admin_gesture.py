"""The hidden way to the admin PIN pad: five taps on the department's name within three seconds.

An event filter on the few widgets that carry the name (the header's title, the attract screen's title,
the maintenance notice). A visitor tapping about does not reach it by chance often, and when one does,
the PIN pad stands in the way (and locks after five wrong PINs).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

TAPS = 5
WITHIN_SECONDS = 3.0


class TapGesture(QObject):
    """Emits ``triggered`` when the watched widgets got ``TAPS`` presses within ``WITHIN_SECONDS``."""

    triggered = Signal()

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._taps: list[float] = []

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            now = self._clock()
            self._taps = [t for t in self._taps if now - t <= WITHIN_SECONDS]
            self._taps.append(now)
            if len(self._taps) >= TAPS:
                self._taps.clear()
                self.triggered.emit()
        return False
