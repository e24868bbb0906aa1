"""The main window: header (department, clock), the screen stack, footer (Back, Home), idle overlay."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.widgets.common import text_label


class Header(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 10, 32, 10)
        self.title = text_label("", "HeaderTitle", wrap=False)
        row.addWidget(self.title)
        self.demo = text_label(self.tr("演示内容"), "DemoBadge", wrap=False)
        self.demo.hide()
        row.addWidget(self.demo)
        row.addStretch(1)
        self.clock = text_label("", "HeaderClock", wrap=False)
        row.addWidget(self.clock)
        # may shrink rather than widen the window; in portrait the shorter texts fit (see resizeEvent)
        self.title.setMinimumWidth(1)  # (0 would mean "use the size hint")
        self.clock.setMinimumWidth(1)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

        self._department = ""
        self._hall = ""
        self._compact = False
        self._tick()

    def set_hall(self, department: str, hall: str, demo: bool) -> None:
        self._department, self._hall = department, hall
        self.demo.setVisible(demo)
        self._update_title()

    def resizeEvent(self, event: object) -> None:
        compact = self.width() < 1500  # portrait: shorter title and clock so nothing is cut
        if compact != self._compact:
            self._compact = compact
            self._update_title()
            self._tick()

    def _update_title(self) -> None:
        if self._hall and not self._compact:
            self.title.setText(f"{self._department} · {self._hall}")
        else:
            self.title.setText(self._department)

    def _tick(self) -> None:
        now = QDateTime.currentDateTime()
        pattern = "M月d日 HH:mm" if self._compact else "yyyy年M月d日 dddd HH:mm"
        self.clock.setText(QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(now, pattern))


class Footer(QWidget):
    back = Signal()
    home = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Footer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 10, 32, 10)
        row.setSpacing(24)
        self.back_button = QPushButton(self.tr("‹ 返回"))
        self.back_button.clicked.connect(self.back)
        self.home_button = QPushButton(self.tr("⌂ 首页"))
        self.home_button.setProperty("primary", True)
        self.home_button.clicked.connect(self.home)
        for button in (self.back_button, self.home_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(260)
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.hint = text_label(self.tr("如需帮助，请到服务台咨询"), "Muted", wrap=False)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.home_button)


class IdleOverlay(QWidget):
    """Covers the window during the idle countdown; any tap on it means "I am still here"."""

    continue_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QWidget()
        panel.setObjectName("IdlePanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        panel.setFixedWidth(900)
        column = QVBoxLayout(panel)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(20)
        question = text_label(self.tr("您还在使用吗？"), "ScreenTitle")
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(question)
        self.count = text_label("", "IdleCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.count)
        note = text_label(self.tr("倒计时结束后将清除您输入的内容并返回首页"), "ScreenSubtitle")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(note)
        buttons = QHBoxLayout()
        self.finish_button = QPushButton(self.tr("结束使用"))
        self.finish_button.clicked.connect(self.finish_requested)
        self.continue_button = QPushButton(self.tr("继续使用"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.clicked.connect(self.continue_requested)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.continue_button, 2)
        column.addLayout(buttons)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(panel)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        self.hide()

    def show_count(self, seconds: int) -> None:
        self.count.setText(self.tr("%n 秒", "", seconds))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.continue_requested.emit()
        event.accept()


class MainWindow(QWidget):
    """Fullscreen and frameless by default; a visitor's keys cannot close it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("便民服务厅"))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # the screen decides the window's size, never a child's minimum (screens reflow on resize)
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.header = Header()
        self.stack = QStackedWidget()
        self.stack.setObjectName("ScreenStack")
        self.footer = Footer()
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.footer)
        self.idle_overlay = IdleOverlay(self)
        self.allow_close = False

    def set_chrome(self, visible: bool) -> None:
        self.header.setVisible(visible)
        self.footer.setVisible(visible)

    def resizeEvent(self, event: object) -> None:
        self.idle_overlay.setGeometry(self.rect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # Escape, Alt+F4 and friends do nothing for a visitor

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

