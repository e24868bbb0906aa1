"""Quiet hours: a dark screen with a clock that wanders (against burn-in); a touch wakes the kiosk.

The app shows it instead of the attract screen outside office hours (config ``quiet_hours``) and
dims the backlight where it can (kiosk/brightness.py); without a backlight the dark screen is the dimming.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QDateTime, QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label

MOVE_MS = 60_000


class QuietScreen(Screen):
    name = "quiet"
    chrome = False

    def __init__(self, store: ContentStore, *, style: str = "clock") -> None:
        super().__init__()
        self.store = store
        self.quiet_style = style
        self.setObjectName("Quiet")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("#Quiet { background: #000000; } #QuietClock { color: #8A8F98; font-size: 96px; }"
                           " #QuietHint { color: #6B7079; font-size: 28px; }")
        self.block = QWidget(self)  # the clock and the hint, moved about as one
        column = QVBoxLayout(self.block)
        column.setContentsMargins(0, 0, 0, 0)
        self.clock = text_label("", "QuietClock", wrap=False)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = text_label(self.tr("轻触屏幕开始"), "QuietHint", wrap=False)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.clock)
        column.addWidget(self.hint)
        self.clock.setVisible(style == "clock")
        #: the widget an administrator taps five times (kiosk/admin_gesture.py)
        self.admin_target = self.block
        self._random = random.Random()
        self._tick_timer = QTimer(self, interval=1000)
        self._tick_timer.timeout.connect(self._tick)
        self._move_timer = QTimer(self, interval=MOVE_MS)
        self._move_timer.timeout.connect(self.move_block)

    def open(self, key: object = None) -> None:
        self._tick()
        self.move_block()
        self._tick_timer.start()
        self._move_timer.start()

    def hideEvent(self, event: object) -> None:
        self._tick_timer.stop()
        self._move_timer.stop()

    def move_block(self) -> None:
        """A new place for the clock, anywhere it fits: no pixel stays lit for long."""
        self.block.adjustSize()
        free_x = max(0, self.width() - self.block.width())
        free_y = max(0, self.height() - self.block.height())
        self.block.move(QPoint(self._random.randint(0, free_x), self._random.randint(0, free_y)))

    def resizeEvent(self, event: object) -> None:
        self.move_block()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.navigate.emit("home", None)
        event.accept()

    def _tick(self) -> None:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        self.clock.setText(locale.toString(QDateTime.currentDateTime(), "HH:mm"))
