"""The admin PIN pad: the only way to the admin screen (reached by the hidden five-tap gesture).

Dots show how many digits were typed, never the digits. A right PIN opens "admin"; a wrong one says
how many tries are left; after too many the pad is disabled and a countdown says when it opens
again (the lock is :class:`kiosk.admin_pin.PinGuard`'s, kept across restarts). With no PIN
configured nothing can be typed and the screen says how to set one. The typed digits are forgotten
as soon as the screen is left, and never logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.admin_pin import PIN_MAX, PIN_MIN, PinResult
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, metrics
from kiosk.widgets.common import text_label
from kiosk.widgets.keypad import DigitKeypad

if TYPE_CHECKING:
    from kiosk.admin_pin import PinGuard


class PinDots(QWidget):
    """One filled dot per digit typed; hollow dots up to the shortest PIN, so an empty pad shows four."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.setObjectName("PinDots")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(metrics().mm(9), 48))
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden while locked: the pad below does not jump
        self.setSizePolicy(policy)

    def set_count(self, count: int) -> None:
        self.count = count
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(PIN_MAX * self.height(), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        slots = max(self.count, PIN_MIN)
        diameter = self.height() * 0.55
        gap = diameter * 0.8
        width = slots * diameter + (slots - 1) * gap
        x = (self.width() - width) / 2
        y = (self.height() - diameter) / 2
        blue = QColor(PALETTE["blue"])
        for index in range(slots):
            filled = index < self.count
            painter.setPen(QPen(blue, 4))
            painter.setBrush(blue if filled else QColor(PALETTE["surface"]))
            painter.drawEllipse(QRectF(x + index * (diameter + gap), y, diameter, diameter))
        painter.end()


class AdminPinScreen(Screen):
    name = "admin_pin"
    chrome = False

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.setObjectName("AdminPin")
        self.store = store
        self._digits = ""
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(16)
        top = QHBoxLayout()
        self.title = text_label(self.tr("管理员登录"), "ScreenTitle", wrap=False)
        top.addWidget(self.title, 1)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("AdminPinCancel")
        self.cancel_button.setMinimumWidth(metrics().mm(40))
        self.cancel_button.clicked.connect(self.cancel)
        top.addWidget(self.cancel_button)
        outer.addLayout(top)
        outer.addStretch(1)

        card = QFrame()
        card.setObjectName("Card")
        card.setFixedWidth(max(metrics().target * 3 + 20, 3 * 180 + 20) + 2 * 40)
        column = QVBoxLayout(card)
        column.setContentsMargins(40, 32, 40, 40)
        column.setSpacing(18)
        self.prompt = text_label(self.tr("请输入管理密码"), "AdminPinPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.prompt)
        self.dots = PinDots()
        column.addWidget(self.dots)
        self.message = text_label("", "AdminPinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumHeight(metrics().mm(10))
        column.addWidget(self.message)
        self.keypad = DigitKeypad()
        self.keypad.typed.connect(self._type)
        self.keypad.backspace.connect(lambda: self._set_digits(self._digits[:-1]))
        self.keypad.cleared.connect(lambda: self._set_digits(""))
        column.addWidget(self.keypad)
        self.ok_button = QPushButton(self.tr("确定"))
        self.ok_button.setObjectName("AdminPinOk")
        self.ok_button.setProperty("primary", True)
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self.submit)
        column.addWidget(self.ok_button)
        centred = QHBoxLayout()  # (not addWidget(card, alignment=…): an aligned item loses height-for-width,
        centred.addStretch(1)    # and the card would not grow for a message on two lines)
        centred.addWidget(card)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    # -- screen API ----------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self._set_digits("")
        self._show_state()

    def reset(self) -> None:
        self.timer.stop()
        self._set_digits("")
        self._say("")

    @property
    def typed_count(self) -> int:
        """How many digits are typed (what the dots show)."""
        return len(self._digits)

    # -- actions -------------------------------------------------------------------------------------------
    def cancel(self) -> None:
        self.reset()
        self.navigate.emit("home", None)

    def submit(self) -> None:
        guard = self._guard()
        if guard is None or not guard.is_set:
            self._show_state()
            return
        if len(self._digits) < PIN_MIN:  # cannot be the PIN: not counted as a wrong try
            self._say(self.tr("请输入 %1 到 %2 位数字").replace("%1", str(PIN_MIN)).replace("%2", str(PIN_MAX)),
                      "error")
            return
        result = guard.attempt(self._digits)
        self._set_digits("")
        self._show_result(result)

    # -- internals -----------------------------------------------------------------------------------------
    def _guard(self) -> PinGuard | None:
        admin = self.store.admin
        return admin.pin_guard if admin is not None else None

    def _type(self, digit: str) -> None:
        if len(self._digits) < PIN_MAX:  # (the message stays: the tries left matter while typing the next)
            self._set_digits(self._digits + digit)

    def _set_digits(self, digits: str) -> None:
        self._digits = digits
        self.dots.set_count(len(digits))

    def _show_result(self, result: PinResult) -> None:
        if result.ok:
            self._say("")
            self.navigate.emit("admin", None)
        elif result.not_set:
            self._show_state()
        elif result.locked_seconds:
            self._lock(result.locked_seconds)
        else:
            self._say(self.tr("PIN 错误，还可尝试 %1 次").replace("%1", str(result.attempts_left)), "error")

    def _show_state(self) -> None:
        """What the pad shows without a result: not set, locked (with the countdown) or ready."""
        guard = self._guard()
        if guard is None or not guard.is_set:
            self.timer.stop()
            self._enable(False)
            self._say(self.tr("未设置管理密码（在终端运行 kiosk set-pin）"), "locked")
            return
        left = guard.locked_seconds()
        if left:
            self._lock(left)
        else:
            self.timer.stop()
            self._enable(True)
            self._say("")

    def _lock(self, seconds: int) -> None:
        self._enable(False)
        self._say_locked(seconds)
        self.timer.start()

    def _say_locked(self, seconds: int) -> None:
        minutes, rest = divmod(seconds, 60)
        self._say(self.tr("已锁定，请 %1 分 %2 秒后再试").replace("%1", str(minutes)).replace("%2", str(rest)),
                  "locked")

    def _tick(self) -> None:
        guard = self._guard()
        left = guard.locked_seconds() if guard is not None else 0
        if left:
            self._say_locked(left)
        else:
            self._show_state()

    def _enable(self, on: bool) -> None:
        self.keypad.setEnabled(on)
        self.ok_button.setEnabled(on)
        self.dots.setVisible(on)

    def _say(self, text: str, tone: str = "") -> None:
        self.message.setText(text)
        if self.message.property("tone") != tone:
            self.message.setProperty("tone", tone)
            style = self.message.style()
            style.unpolish(self.message)
            style.polish(self.message)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # left the screen: the digits typed go with it
            self.timer.stop()
            self._set_digits("")
        super().hideEvent(event)
