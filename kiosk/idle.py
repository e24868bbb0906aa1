"""Idle reset: after a quiet spell a visible countdown, then everything a visitor typed is wiped.

The watcher is an event filter on the whole application, so every touch, click and key (the
on-screen keyboard's taps included) restarts the timer wherever it lands.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Emits ``warning(seconds_left)`` once idle, ``tick`` each second, then ``expired``."""

    warning = Signal(int)
    tick = Signal(int)
    cancelled = Signal()
    expired = Signal()

    def __init__(self, idle_seconds: int, countdown_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_ms = idle_seconds * 1000
        self.countdown_seconds = countdown_seconds
        self.remaining = 0
        self._enabled = False
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self._start_countdown)
        self._second = QTimer(self, interval=1000)
        self._second.timeout.connect(self._count)

    @property
    def counting(self) -> bool:
        return self._second.isActive()

    def set_enabled(self, enabled: bool) -> None:
        """Only screens with something to forget are watched (not the attract screen)."""
        self._enabled = enabled
        if enabled:
            if not self.counting:
                self._idle.start(self.idle_ms)
        else:
            self._idle.stop()
            if self.counting:
                self._second.stop()
                self.cancelled.emit()

    @property
    def tick_ms(self) -> int:
        return self._second.interval()

    def set_timing(self, idle_ms: int, tick_ms: int = 1000) -> None:
        """Change the quiet spell and the countdown's second (tests use short ones)."""
        self.idle_ms = idle_ms
        self._second.setInterval(tick_ms)
        if self._idle.isActive():
            self._idle.start(self.idle_ms)

    def poke(self) -> None:
        """Activity: restart the quiet spell; during the countdown, the visitor is back."""
        if not self._enabled:
            return
        if self.counting:
            self._second.stop()
            self.cancelled.emit()
        self._idle.start(self.idle_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.counting:
            self.poke()
        return False

    def _start_countdown(self) -> None:
        self.remaining = self.countdown_seconds
        self._second.start()
        self.warning.emit(self.remaining)

    def _count(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.tick.emit(self.remaining)
            return
        self._second.stop()
        self.expired.emit()
