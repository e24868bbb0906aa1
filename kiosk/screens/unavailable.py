"""Shown when there is no usable content: a calm notice for visitors, the reason for the operator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import text_label


class UnavailableScreen(Screen):
    name = "unavailable"
    chrome = False

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self)
        column.setContentsMargins(80, 80, 80, 80)
        column.addStretch(1)
        notice = text_label(self.tr("暂停服务，请到窗口咨询"), "AttractTitle")
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(notice)
        column.addStretch(1)
        self.reason = text_label("", "AttractHint")
        self.reason.setStyleSheet("font-size: 22px;")
        column.addWidget(self.reason)

    def open(self, key: object = None) -> None:
        text = str(key or "")
        lines = text.splitlines()
        if len(lines) > 12:
            lines = [*lines[:12], self.tr("……（完整信息见日志）")]
        self.reason.setText(self.tr("运维信息：") + "\n" + "\n".join(lines) if text else "")
