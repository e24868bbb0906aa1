"""The visitor's switches: 长辈模式 / 大字, 高对比 and 中文 / English (on the attract and home screens).

Each switch says its state in words and with a ✓, not by colour alone. The language switch names
the other language in that language ("English" in Chinese, "中文" in English), where a visitor who
cannot read the current one looks for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.visitor_mode import ModeState, VisitorMode

#: the language switch's face: the language it switches to, in that language
OTHER_LANGUAGE = {"zh": "English", "en": "中文"}


class ModeButtons(QWidget):
    """Three switches in a row, or one above the other where the row does not fit."""

    #: the visitor has just switched something
    switched = Signal()

    def __init__(self, state: ModeState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ModeButtons")
        self._state = state
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSizeConstraint(QBoxLayout.SizeConstraint.SetNoConstraint)  # (minimumSizeHint decides)
        self.row.setSpacing(16)
        self.elderly = self._button(checkable=True)
        self.elderly.clicked.connect(lambda: self._switch(lambda: state.set_elderly(not state.mode.elderly)))
        self.contrast = self._button(checkable=True)
        self.contrast.clicked.connect(lambda: self._switch(lambda: state.set_contrast(not state.mode.contrast)))
        self.language = self._button(checkable=False)
        self.language.setProperty("content", True)  # "中文" names a language: it stays Chinese in English
        self.language.clicked.connect(
            lambda: self._switch(lambda: state.set_language("en" if state.mode.language == "zh" else "zh")))
        state.changed.connect(self._show)
        self._show(state.mode)

    def _button(self, *, checkable: bool) -> QPushButton:
        button = QPushButton()
        button.setObjectName("ModeButton")
        button.setCheckable(checkable)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.row.addWidget(button)
        return button

    def _switch(self, change: Callable[[], None]) -> None:
        # the change rebuilds every screen, this one too: not from inside this tap's handler but right after
        QTimer.singleShot(0, self._state, change)
        self.switched.emit()

    def resizeEvent(self, event: object) -> None:
        # one row where it fits, else one above the other
        needed = sum(b.sizeHint().width() for b in self.buttons()) + self.row.spacing() * 2
        vertical = needed > self.width()
        direction = QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        if self.row.direction() != direction:
            self.row.setDirection(direction)

    def minimumSizeHint(self) -> QSize:
        widest = max(b.minimumSizeHint().width() for b in self.buttons())
        return QSize(widest, super().minimumSizeHint().height())

    def buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        return self.elderly, self.contrast, self.language

    def _show(self, mode: VisitorMode) -> None:
        self.elderly.setChecked(mode.elderly)
        self.elderly.setText(self.tr("✓ 长辈模式") if mode.elderly else self.tr("长辈模式 / 大字"))
        self.contrast.setChecked(mode.contrast)
        self.contrast.setText(self.tr("✓ 高对比") if mode.contrast else self.tr("高对比"))
        self.language.setText(OTHER_LANGUAGE.get(mode.language, "中文"))
