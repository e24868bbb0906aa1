"""The attract screen: who we are, the date and time, the four-zero commitments in turn, "touch to start"."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout

from kiosk import i18n
from kiosk.data import snapshot
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label
from kiosk.widgets.content_note import content_language
from kiosk.widgets.mode_buttons import ModeButtons

ROTATE_MS = 4000


class AttractScreen(Screen):
    name = "attract"
    chrome = False

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)
        column.setContentsMargins(80, 80, 80, 80)
        column.setSpacing(28)
        self.department = text_label("", "AttractTitle", content=True)
        self.hall = text_label("", "AttractHall", content=True)
        self.clock = text_label("", "AttractClock")
        self.commitment = text_label("", "AttractCommitment", content=True)
        self.hint = text_label(self.tr("轻触屏幕开始"), "AttractHint")
        self.demo = text_label(self.tr("演示内容"), "DemoBadge", wrap=False)
        column.addStretch(2)
        for label in (self.department, self.hall):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(1)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.clock)
        column.addStretch(1)
        self.commitment.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.commitment)
        column.addStretch(2)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.hint)
        column.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignCenter)
        # 长辈模式, 高对比, English: a visitor who switches one starts at once (home), where the idle reset
        # gives the next visitor the default mode again
        self.mode_buttons = ModeButtons(store.mode)
        self.mode_buttons.switched.connect(lambda: self.navigate.emit("home", None))
        column.addSpacing(24)
        column.addWidget(self.mode_buttons, 0, Qt.AlignmentFlag.AlignCenter)
        self._commitments: list[str] = []
        self._index = 0
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._rotate_timer = QTimer(self, interval=ROTATE_MS)
        self._rotate_timer.timeout.connect(self._rotate)
        self.refresh()

    def refresh(self) -> None:
        info = (snapshot.read(self.store.data_dir) or snapshot.AttractInfo()).in_language(content_language(self.store))
        self.department.setText(info.department or self.tr("便民服务厅"))
        self.hall.setText(info.hall if info.department else "")
        self.demo.setVisible(info.demo)
        self._commitments = info.commitments
        self._index = 0
        self._show_commitment()
        self._tick()

    def open(self, key: object = None) -> None:
        self._clock_timer.start()
        self._rotate_timer.start()
        self._tick()

    def hideEvent(self, event: object) -> None:
        self._clock_timer.stop()
        self._rotate_timer.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.navigate.emit("home", None)
        event.accept()

    def _tick(self) -> None:
        # a QDateTime format (d, M, yyyy, dddd, HH, mm are fields) in the UI language
        self.clock.setText(i18n.locale().toString(QDateTime.currentDateTime(), self.tr("yyyy年M月d日 dddd  HH:mm")))

    def _rotate(self) -> None:
        if self._commitments:
            self._index = (self._index + 1) % len(self._commitments)
            self._show_commitment()

    def _show_commitment(self) -> None:
        if self._commitments:
            self.commitment.setText(self.tr("“四零”承诺 · %1").replace("%1", self._commitments[self._index]))
        else:
            self.commitment.setText("")
