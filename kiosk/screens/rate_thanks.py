"""Rating, the end: "谢谢您的评价", shown only once the rating is durably stored and finished.

The page returns home by itself after ``store.settings.thanks_seconds`` (a count shows how long is
left) or at once with the button. A press flagged as repeated is thanked like any other: the
visitor is never told off. Key: ``{"level": n}`` (the bad levels get a line about the follow-up).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.data.visitor_rules import BAD_LEVELS
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, metrics
from kiosk.widgets.common import text_label


class TickMark(QWidget):
    """A large tick in a circle: done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(180, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:
        return QSize(180, 180)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PALETTE["ok"]))
        painter.drawEllipse(rect)
        pen = QPen(QColor("white"), rect.width() * 0.09)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        path = QPainterPath()
        w, x, y = rect.width(), rect.left(), rect.top()
        path.moveTo(x + w * 0.27, y + w * 0.52)
        path.lineTo(x + w * 0.44, y + w * 0.68)
        path.lineTo(x + w * 0.74, y + w * 0.36)
        painter.drawPath(path)
        painter.end()


class RateThanksScreen(Screen):
    name = "rate_thanks"
    #: the flow is over: no Back into it (a second tap on a face would be a second rating)
    chrome = False

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.left = 0
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 60)
        outer.setSpacing(28)
        outer.addStretch(2)
        self.tick_mark = TickMark()
        outer.addWidget(self.tick_mark, 0, Qt.AlignmentFlag.AlignHCenter)
        self.thanks = text_label(self.tr("谢谢您的评价"), "RateThanks")
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.thanks)
        self.detail = text_label("", "RateThanksDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.detail)
        outer.addStretch(1)
        self.home_button = QPushButton(self.tr("返回首页"))
        self.home_button.setProperty("primary", True)
        self.home_button.setMinimumWidth(metrics().px(420))
        self.home_button.setObjectName("RateHomeButton")
        self.home_button.clicked.connect(self.go_home)
        outer.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.count_label = text_label("", "RateCount")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.count_label)
        outer.addStretch(2)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        level = key.get("level") if isinstance(key, dict) else None
        if level in BAD_LEVELS:
            self.detail.setText(self.tr("您的意见已转给相关部门，我们会认真核实、及时改进。"))
        else:
            self.detail.setText(self.tr("您的评价帮助我们把服务做得更好。"))
        self.left = max(1, int(self.store.settings.thanks_seconds))
        self._show_count()
        self.timer.start()

    def reset(self) -> None:
        self.timer.stop()

    def go_home(self) -> None:
        self.timer.stop()
        self.navigate.emit("home", None)

    def _tick(self) -> None:
        if not self.isVisible():
            self.timer.stop()
            return
        self.left -= 1
        if self.left <= 0:
            self.go_home()
            return
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%1 秒后自动返回首页").replace("%1", str(self.left)))

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.timer.stop()
        super().hideEvent(event)
