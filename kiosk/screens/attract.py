"""The attract screen: who we are, the date and time, the four-zero commitments in turn, "touch to start"."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout

from kiosk.data import snapshot
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label

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
        self.department = text_label("", "AttractTitle")
        self.hall = text_label("", "AttractHall")
        self.clock = text_label("", "AttractClock")
        self.commitment = text_label("", "AttractCommitment")
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
        self._commitments: list[str] = []
        self._index = 0
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._rotate_timer = QTimer(self, interval=ROTATE_MS)
        self._rotate_timer.timeout.connect(self._rotate)
        self.refresh()

    def refresh(self) -> None:
        info = snapshot.read(self.store.data_dir) or snapshot.AttractInfo()
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
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        self.clock.setText(locale.toString(QDateTime.currentDateTime(), "yyyy年M月d日 dddd  HH:mm"))

    def _rotate(self) -> None:
        if self._commitments:
            self._index = (self._index + 1) % len(self._commitments)
            self._show_commitment()

    def _show_commitment(self) -> None:
        if self._commitments:
            self.commitment.setText(f"“四零”承诺 · {self._commitments[self._index]}")
        else:
            self.commitment.setText("")
