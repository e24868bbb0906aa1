"""The main window: header (department, clock), the screen stack, footer (Back, Home), idle overlay."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import i18n, ui
from kiosk.widgets.common import clear_layout, text_label


class Header(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 10, 32, 10)
        self.title = text_label("", "HeaderTitle", wrap=False, content=True)
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

    def retranslate(self) -> None:
        """Texts for the visitor's mode (the sizes come from the stylesheet)."""
        self.demo.setText(self.tr("演示内容"))
        self._compact = self.width() < 1500 or ui.metrics().scale > 1  # 长辈模式: the short forms
        self.clock.setText("")  # (in the new language)
        self._tick()
        self._update_title()

    def set_hall(self, department: str, hall: str, demo: bool) -> None:
        self._department, self._hall = department, hall
        self.demo.setVisible(demo)
        self._update_title()

    def resizeEvent(self, event: object) -> None:
        # portrait and 长辈模式: shorter title and clock so nothing is cut
        compact = self.width() < 1500 or ui.metrics().scale > 1
        if compact != self._compact:
            self._compact = compact
            self._tick()
        self._update_title()

    def _update_title(self) -> None:
        """The department and the hall where they fit, else the department, else the department cut short
        with "…" (a long English name in 长辈模式); the clock keeps its room."""
        clock = self.clock.fontMetrics().horizontalAdvance(self.clock.text()) + 2
        if clock != self.clock.minimumWidth():
            self.clock.setMinimumWidth(clock)  # the clock is never cut; the title gives way
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        room = (self.width() - margins.left() - margins.right() - self.clock.minimumWidth()
                - 2 * layout.spacing())
        if self.demo.isVisibleTo(self):
            room -= self.demo.sizeHint().width() + layout.spacing()
        metrics = self.title.fontMetrics()
        choices = [f"{self._department} · {self._hall}"] if self._hall and not self._compact else []
        choices.append(self._department)
        text = next((choice for choice in choices if metrics.horizontalAdvance(choice) <= room), "")
        elided = not text and bool(self._department)
        if elided:
            text = metrics.elidedText(self._department, Qt.TextElideMode.ElideRight, max(room, 1))
        self.title.setProperty("elided", elided)  # cut short on purpose (tests/test_accessibility.py)
        self.title.setText(text)

    def _tick(self) -> None:
        now = QDateTime.currentDateTime()
        # a QDateTime format (d, M, yyyy, dddd, HH, mm are fields) in the UI language
        pattern = self.tr("M月d日 HH:mm") if self._compact else self.tr("yyyy年M月d日 dddd HH:mm")
        text = i18n.locale().toString(now, pattern)
        if text != self.clock.text():
            self.clock.setText(text)
            self._update_title()


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
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.home_button = QPushButton()
        self.home_button.setProperty("primary", True)
        self.home_button.clicked.connect(self.home)
        for button in (self.back_button, self.home_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.hint = text_label("", "Muted", wrap=False)
        self.hint.setMinimumWidth(1)  # the buttons come first; the hint gives way (see resizeEvent)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.home_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts and sizes for the visitor's mode (language, 长辈模式)."""
        self.back_button.setText(self.tr("‹ 返回"))
        self.home_button.setText(self.tr("⌂ 首页"))
        for button in (self.back_button, self.home_button):
            button.setMinimumWidth(ui.metrics().px(260))
        self.hint.setText(self.tr("如需帮助，请到服务台咨询"))
        self._fit_hint()

    def resizeEvent(self, event: object) -> None:
        self._fit_hint()

    def _fit_hint(self) -> None:
        # the hint is shown only where it fits whole (portrait in 长辈模式 has no room for it)
        hint = self.hint
        room = self.width() - 2 * ui.metrics().px(260) - 2 * 32 - 4 * 24
        hint.setVisible(hint.fontMetrics().horizontalAdvance(hint.text()) <= room)


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
        self._middle = QHBoxLayout()
        outer.addLayout(self._middle)
        outer.addStretch(1)
        self._panel: QWidget | None = None
        self._seconds = 0
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Build the panel again for the visitor's mode (language, text size, line spacing)."""
        if self._panel is not None:
            clear_layout(self._middle)
        metrics = ui.metrics()
        panel = QWidget()
        panel.setObjectName("IdlePanel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        panel.setMaximumWidth(metrics.px(900))
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
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
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight if metrics.scale == 1
                             else QBoxLayout.Direction.BottomToTop)  # 长辈模式: one above the other
        self.finish_button = QPushButton(self.tr("结束使用"))
        self.finish_button.clicked.connect(self.finish_requested)
        # one tap gives the visitor a new quiet spell: the button says so
        self.continue_button = QPushButton(self.tr("继续使用 · 延长时间"))
        self.continue_button.setProperty("primary", True)
        self.continue_button.clicked.connect(self.continue_requested)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.continue_button, 2)
        column.addLayout(buttons)
        self._middle.addSpacing(40)
        self._middle.addWidget(panel)
        self._middle.addSpacing(40)
        self._panel = panel
        if self._seconds:
            self.count.setText(self.tr("%n 秒", "", self._seconds))

    def show_count(self, seconds: int) -> None:
        self._seconds = seconds
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

    def retranslate(self) -> None:
        """The visitor's mode changed: header, footer and idle panel in its language and sizes."""
        self.setWindowTitle(self.tr("便民服务厅"))
        self.header.retranslate()
        self.footer.retranslate()
        self.idle_overlay.retranslate()

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

