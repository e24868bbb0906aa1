"""Rating, step 3 for 不满意 / 非常不满意: what went wrong (all optional), then thanks.

Key: ``{"uuid": ..., "level": 4|5}`` — the rating is already committed; this page only adds details.
Reason chips (several may be chosen), an optional phone number for a call-back (回访) typed on the
keypad with a plain note of what it is used for, and — when the Pinyin keyboard widget is available —
a short text. "提交" adds the details, "跳过" sends the rating as it is; either way the thanks screen
comes only after the rating has been finished. Leaving the page any other way (Back, Home, idle)
finishes the rating without details: nothing is ever dropped.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.visitor_rules import LEVEL_NAMES, REASONS
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.post_detail import wrapping
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.common import ScrollPage, text_label
from kiosk.widgets.faces import paint_face
from kiosk.widgets.flow_grid import arrange, columns_that_fit
from kiosk.widgets.keypad import DigitKeypad

log = logging.getLogger(__name__)

#: longest phone number the field takes (a landline with area code and extension)
PHONE_MAX = 20
CHECK = "✓ "


def pinyin_keyboard_available() -> bool:
    """Whether the Pinyin keyboard widget is installed and Qt's input method is the virtual keyboard."""
    try:
        if importlib.util.find_spec("kiosk.widgets.pinyin_keyboard") is None:
            return False
    except (ImportError, ValueError):
        return False
    from kiosk.widgets import pinyin_keyboard

    return pinyin_keyboard.available()


class FaceMark(QWidget):
    """The chosen level's face, small, beside the page's title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = 4
        self.setFixedSize(96, 96)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_level(self, level: int) -> None:
        self.level = level
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(96, 96)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_face(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.level)
        painter.end()


class ReasonChip(QPushButton):
    """A reason to tick; a tick mark shows the choice (not only the colour)."""

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(visitor_text(reason), parent)
        self.setObjectName("ReasonChip")
        self.reason = reason  # as stored (Chinese)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggled.connect(self._mark)

    def _mark(self, checked: bool) -> None:
        self.setText((CHECK if checked else "") + visitor_text(self.reason))


class RateDetailsScreen(Screen):
    name = "rate_details"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.uuid: str | None = None
        self.level = 4
        self._landscape = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.page = ScrollPage(spacing=14, margins=40)
        outer.addWidget(self.page, 1)
        column = self.page.column

        head = QHBoxLayout()
        head.setSpacing(24)
        self.face = FaceMark()
        head.addWidget(self.face, 0, Qt.AlignmentFlag.AlignVCenter)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.chosen_label = text_label("", "RateTitle")
        titles.addWidget(self.chosen_label)
        titles.addWidget(wrapping(text_label(self.tr("您的评价已记录。愿意的话，请告诉我们哪里做得不好——以下都可以不填，"
                                            "也可以直接点“跳过”。"), "ScreenSubtitle")))
        head.addLayout(titles, 1)
        column.addLayout(head)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(text_label(self.tr("不满意的原因（可多选）"), "SectionTitle"))
        self.chip_grid = QGridLayout()
        self.chip_grid.setSpacing(14)
        self.chips: list[ReasonChip] = [ReasonChip(reason) for reason in REASONS]
        self._chip_columns = 0
        left.addLayout(self.chip_grid)
        self.text_field: QLineEdit | None = None
        self.keyboard: QWidget | None = None
        self.keyboard_box: QWidget | None = None
        if pinyin_keyboard_available():
            self._add_text_field(left)
        left.addStretch(1)
        self.body.addLayout(left, 1)

        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(text_label(self.tr("回访电话（可不填）"), "SectionTitle"))
        self.phone_note = wrapping(text_label(self.tr("仅用于工作人员回访，不会公开"), "RatePhoneNote"))
        right.addWidget(self.phone_note)
        self.phone_field = QLineEdit()
        self.phone_field.setObjectName("RatePhoneField")
        self.phone_field.setReadOnly(True)
        self.phone_field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phone_field.setPlaceholderText(self.tr("手机号或带区号的固定电话"))
        self.phone_field.setMaxLength(PHONE_MAX)
        self.phone_field.textChanged.connect(lambda _text: self._say(""))
        right.addWidget(self.phone_field)
        self.message = wrapping(text_label("", "RateMessage"))
        self.message.setProperty("kind", "problem")
        self.message.hide()
        right.addWidget(self.message)
        self.keypad = DigitKeypad(extra="-")
        self.keypad.attach(self.phone_field, PHONE_MAX)
        right.addWidget(self.keypad)
        right.addStretch(1)
        self.body.addLayout(right, 1)
        column.addLayout(self.body)
        column.addStretch(1)

        # the two ways on, always in view under the scrolling page
        bar = QWidget()
        bar.setObjectName("RateActionBar")
        bar_row = QHBoxLayout(bar)
        bar_row.setContentsMargins(40, 14, 40, 14)
        bar_row.setSpacing(24)
        bar_row.addStretch(1)
        self.skip_button = QPushButton(self.tr("跳过"))
        self.skip_button.setMinimumWidth(metrics().px(260))
        self.skip_button.clicked.connect(self.skip)
        bar_row.addWidget(self.skip_button)
        self.submit_button = QPushButton(self.tr("提交"))
        self.submit_button.setProperty("primary", True)
        self.submit_button.setMinimumWidth(metrics().px(360))
        self.submit_button.clicked.connect(self.submit)
        bar_row.addWidget(self.submit_button)
        outer.addWidget(bar)
        if self.text_field is not None:
            self._add_keyboard(outer)
        self._arrange()

    def _add_text_field(self, column: QVBoxLayout) -> None:
        """An optional short text, typed on the Pinyin keyboard (kiosk/widgets/pinyin_keyboard.py)."""
        column.addWidget(text_label(self.tr("补充说明（可不填）"), "SectionTitle"))
        from kiosk.widgets.pinyin_keyboard import configure_field

        field = QLineEdit()
        field.setObjectName("RateTextField")
        field.setPlaceholderText(self.tr("点这里输入，可用拼音"))
        field.setMaxLength(self.store.settings.rating_text_max_chars)
        field.textChanged.connect(lambda _text: self._say(""))
        configure_field(field)
        field.installEventFilter(self)
        column.addWidget(field)
        self.text_field = field

    def _add_keyboard(self, outer: QVBoxLayout) -> None:
        """The Pinyin keyboard under the page, shown while the text field is being typed in."""
        from kiosk.widgets.pinyin_keyboard import PinyinKeyboard

        box = QWidget()
        box.setObjectName("RateKeyboardBox")
        column = QVBoxLayout(box)
        column.setContentsMargins(24, 8, 24, 8)
        column.setSpacing(6)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        done = QPushButton(self.tr("收起键盘"))
        done.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        done.clicked.connect(self.hide_keyboard)
        close_row.addWidget(done)
        column.addLayout(close_row)
        self.keyboard = PinyinKeyboard()
        self.keyboard.setMinimumHeight(380)
        column.addWidget(self.keyboard, 1)
        box.hide()
        outer.addWidget(box)
        self.keyboard_box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_field and event.type() == QEvent.Type.FocusIn:
            self.show_keyboard()
        return super().eventFilter(watched, event)

    def show_keyboard(self) -> None:
        if self.keyboard_box is not None and self.text_field is not None:
            self.keyboard_box.show()
            field = self.text_field
            QTimer.singleShot(0, self, lambda: self.page.ensureWidgetVisible(field, 0, 40))

    def hide_keyboard(self) -> None:
        if self.keyboard_box is not None:
            self.keyboard_box.hide()
        if self.text_field is not None:
            self.text_field.clearFocus()

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        key = key if isinstance(key, dict) else {}
        uuid = key.get("uuid")
        if uuid != self.uuid:
            self._finish_pending()  # a different rating was left half-way: send it as it is
            self._clear()
        self.uuid = uuid
        self.level = int(key.get("level") or 4)
        self.face.set_level(self.level)
        self.chosen_label.setText(self.tr("您选择了：%1").replace("%1", visitor_text(LEVEL_NAMES.get(self.level, ""))))
        self.page.verticalScrollBar().setValue(0)

    def reset(self) -> None:
        """Idle: the rating goes out without details, and what was typed is forgotten."""
        self._finish_pending()
        self._clear()

    # -- actions -------------------------------------------------------------------------------------------
    def reasons(self) -> tuple[str, ...]:
        return tuple(chip.reason for chip in self.chips if chip.isChecked())

    def submit(self) -> None:
        from kiosk.data.submissions import InputInvalid, RatingDetails

        submissions = self.store.submissions
        if self.uuid is None or submissions is None:
            self.navigate.emit("rate_thanks", {"level": self.level})
            return
        text = self.text_field.text() if self.text_field is not None else ""
        details = RatingDetails(self.reasons(), text, self.phone_field.text())
        try:
            submissions.finish_rating(self.uuid, details)
        except InputInvalid as invalid:
            self._say("\n".join(visitor_text(p.message) for p in invalid.problems))
            return
        self._done()

    def skip(self) -> None:
        submissions = self.store.submissions
        if self.uuid is not None and submissions is not None:
            submissions.finish_rating(self.uuid)
        self._done()

    def _done(self) -> None:
        self.uuid = None
        self.store.record_submitted()
        level = self.level
        self._clear()
        self.navigate.emit("rate_thanks", {"level": level})

    def _finish_pending(self) -> None:
        if self.uuid is None:
            return
        uuid, self.uuid = self.uuid, None
        submissions = self.store.submissions
        if submissions is None:
            return
        try:
            submissions.finish_rating(uuid)
        except Exception:  # never lose the screen over it: the outbox sends a held record after a while anyway
            log.exception("finishing rating %s without details failed", uuid)
            return
        self.store.record_submitted()

    def _clear(self) -> None:
        for chip in self.chips:
            chip.setChecked(False)
        self.phone_field.clear()
        if self.text_field is not None:
            self.text_field.clear()
            self.hide_keyboard()
            from kiosk.widgets.pinyin_keyboard import wipe_user_dictionary

            wipe_user_dictionary()  # the flow ends: nothing the visitor typed stays, not even as learnt words
        self.keypad.reset()
        self._say("")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- leaving and layout ------------------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        # Back or Home from here: the rating is kept and sent as it is
        if not event.spontaneous():
            self._finish_pending()
        super().hideEvent(event)

    def _arrange(self) -> None:
        # as many chips to a row as fit (longer English words, 长辈模式), at most 2 beside the phone, 3 under it
        room = self.page.viewport().width() - 80  # (the page's side margins)
        if self._landscape:
            room = (room - self.body.spacing()) // 2
        columns = min(2 if self._landscape else 3, columns_that_fit(self.chips, room, self.chip_grid.spacing()))
        if columns != self._chip_columns:
            self._chip_columns = columns
            arrange(self.chip_grid, self.chips, columns)
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if self._landscape
                               else QBoxLayout.Direction.TopToBottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._landscape = self.width() >= self.height()
        self._arrange()
