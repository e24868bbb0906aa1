"""Maintenance mode: the service is paused by an administrator; visitors are sent to the windows.

Shown instead of the attract screen until an administrator ends maintenance (the hidden gesture on the
notice still opens the PIN pad). It survives a restart: the state is kept by :class:`kiosk.admin.AdminService`.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout

from kiosk.data import snapshot
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label


class MaintenanceScreen(Screen):
    name = "maintenance"
    chrome = False

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)
        column.setContentsMargins(80, 80, 80, 80)
        column.setSpacing(28)
        self.department = text_label("", "AttractHall")
        self.notice = text_label(self.tr("暂停服务，请到窗口咨询"), "AttractTitle")
        self.detail = text_label(self.tr("自助终端正在维护，给您带来不便，敬请谅解。"), "AttractHint")
        self.clock = text_label("", "AttractClock")
        column.addStretch(2)
        for label in (self.department, self.notice, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(1)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.clock)
        column.addStretch(2)
        #: the widget an administrator taps five times (kiosk/admin_gesture.py)
        self.admin_target = self.notice
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self.refresh()

    def refresh(self) -> None:
        info = snapshot.read(self.store.data_dir) or snapshot.AttractInfo()
        self.department.setText(" · ".join(part for part in (info.department, info.hall) if part))

    def open(self, key: object = None) -> None:
        self._tick()
        self._timer.start()

    def hideEvent(self, event: object) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        self.clock.setText(locale.toString(QDateTime.currentDateTime(), "yyyy年M月d日 dddd  HH:mm"))
