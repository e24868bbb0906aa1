"""Query by tracking code: type the 8-character code on a keypad of its alphabet, see the progress.

Key: a code string (e.g. from the receipt's "查询进度") fills it in and queries at once; None shows
the keypad. The status is a four-step indicator (已受理 → 处理中 → 已回复 → 已办结), with the dates
and the office's reply. A mistyped code is caught by its check character and said so; a code this
kiosk does not know gets the lookup's note. Nothing personal is ever shown: only status and reply.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import date_text, visitor_text
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, TEXT, metrics
from kiosk.widgets.common import clear_layout, text_label

if TYPE_CHECKING:
    from kiosk.data.submissions import FeedbackLookup

STEPS = ("已受理", "处理中", "已回复", "已办结")
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 8
KEY_COLUMNS = 8


def display_code(text: str) -> str:
    """"AB3D7KQ9" → "AB3D 7KQ9" (as printed on the receipt)."""
    return text if len(text) <= 4 else f"{text[:4]} {text[4:]}"


def long_date(value: str) -> str:
    """"2026-11-03" → "2026年11月3日" (in the UI language); anything else unchanged."""
    try:
        return date_text(date.fromisoformat(value[:10]))
    except ValueError:
        return value


class StepIndicator(QWidget):
    """Four circles on a line: the steps done are filled blue, the current one is ringed and bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: tuple[str, ...] = STEPS
        self.current = -1
        self.setMinimumHeight(metrics().px(150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_status(self, status: str, steps: tuple[str, ...] = STEPS) -> None:
        self.steps = steps
        self.current = steps.index(status) if status in steps else -1
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(700, metrics().px(150))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        count = len(self.steps)
        if not count:
            return
        radius = 30
        slot = self.width() / count
        centre_y = 14 + radius
        blue, line, muted = QColor(PALETTE["blue"]), QColor(PALETTE["line"]), QColor(PALETTE["muted"])
        for index in range(count - 1):
            x1 = slot * (index + 0.5) + radius
            x2 = slot * (index + 1.5) - radius
            painter.setPen(QPen(blue if index < self.current else line, 8))
            painter.drawLine(int(x1), centre_y, int(x2), centre_y)
        number_font = QFont(self.font())
        number_font.setPixelSize(TEXT["large"])
        number_font.setBold(True)
        label_font = QFont(self.font())
        label_font.setPixelSize(TEXT["large"])
        for index, step in enumerate(self.steps):
            cx = slot * (index + 0.5)
            circle = QRectF(cx - radius, centre_y - radius, 2 * radius, 2 * radius)
            done = index <= self.current
            painter.setPen(QPen(blue if done else line, 5))
            painter.setBrush(blue if done else QColor(PALETTE["surface"]))
            painter.drawEllipse(circle)
            painter.setFont(number_font)
            painter.setPen(QColor("white") if done else muted)
            painter.drawText(circle, int(Qt.AlignmentFlag.AlignCenter), "✓" if index < self.current else str(index + 1))
            label_font.setBold(index == self.current)
            painter.setFont(label_font)
            painter.setPen(QColor(PALETTE["ink"]) if index == self.current else (blue if done else muted))
            painter.drawText(QRectF(cx - slot / 2, centre_y + radius + 10, slot, 50),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), visitor_text(step))
        painter.end()


class CodePad(QWidget):
    """The 32 characters of the code alphabet and a delete key, in rows of eight."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CodePad")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for char in CODE_ALPHABET:
            self.keys[char] = self._key(char)
        self.keys["backspace"] = self._key(self.tr("删除"))
        self.keys["clear"] = self._key(self.tr("清空"))
        self.arrange(KEY_COLUMNS)

    def _key(self, label: str) -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("CodeKey")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.setMinimumHeight(metrics().target)
        return key

    def arrange(self, columns: int) -> None:
        for key in self.keys.values():
            self.grid.removeWidget(key)
        for index, char in enumerate(CODE_ALPHABET):
            self.grid.addWidget(self.keys[char], index // columns, index % columns)
        last = (len(CODE_ALPHABET) + columns - 1) // columns
        half = columns // 2
        self.grid.addWidget(self.keys["clear"], last, 0, 1, half)
        self.grid.addWidget(self.keys["backspace"], last, half, 1, columns - half)


class FeedbackQueryScreen(Screen):
    name = "feedback_query"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.lookup: FeedbackLookup | None = None
        self._landscape = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 24)
        outer.setSpacing(18)
        title_row = QHBoxLayout()
        title_row.addWidget(text_label(self.tr("查询办理进度"), "ScreenTitle", wrap=False))
        title_row.addSpacing(24)
        hint = text_label(self.tr("输入意见箱回执上的8位查询编号（不含 0、O、1、I）"), "ScreenSubtitle")
        title_row.addWidget(hint, 1)
        outer.addLayout(title_row)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(36)
        outer.addLayout(self.body, 1)

        entry = QVBoxLayout()
        entry.setSpacing(14)
        field_row = QHBoxLayout()
        field_row.setSpacing(14)
        self.field = QLineEdit()
        self.field.setObjectName("QueryField")
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # keypad, scanner or keys
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setMaxLength(CODE_LENGTH + 1)
        self.field.setPlaceholderText("____ ____")
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.query)
        field_row.addWidget(self.field, 1)
        self.query_button = QPushButton(self.tr("查询"))
        self.query_button.setProperty("primary", True)
        self.query_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.query_button.clicked.connect(self.query)
        field_row.addWidget(self.query_button)
        entry.addLayout(field_row)
        self.error = text_label("", "FieldError")
        self.error.hide()
        entry.addWidget(self.error)
        self.pad = CodePad()
        for char in CODE_ALPHABET:
            self.pad.keys[char].clicked.connect(lambda _=False, c=char: self.type_char(c))
        self.pad.keys["backspace"].clicked.connect(self.backspace)
        self.pad.keys["clear"].clicked.connect(self.clear)
        entry.addWidget(self.pad, 1)
        self.body.addLayout(entry, 1)

        self.result = QFrame()
        self.result.setObjectName("Card")
        result_column = QVBoxLayout(self.result)
        result_column.setContentsMargins(32, 24, 32, 28)
        result_column.setSpacing(14)
        self.result_code = text_label("", "QueryFactKey")
        result_column.addWidget(self.result_code)
        self.status_label = text_label("", "QueryStatus")
        result_column.addWidget(self.status_label)
        self.steps = StepIndicator()
        result_column.addWidget(self.steps)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(20)
        self.facts.setVerticalSpacing(10)
        self.facts.setColumnStretch(1, 1)
        result_column.addLayout(self.facts)
        self.reply_title = text_label(self.tr("办理答复"), "QueryReplyTitle")
        result_column.addWidget(self.reply_title)
        self.reply = text_label("", "QueryReply", content=True)  # the office's own words
        result_column.addWidget(self.reply)
        self.note = text_label("", "QueryNote")
        result_column.addWidget(self.note)
        result_column.addStretch(1)
        self.result.hide()
        self.placeholder = text_label(self.tr("输入编号后，这里显示受理、处理、答复和办结的进度。"), "Empty")
        self.body.addWidget(self.placeholder, 1)
        self.body.addWidget(self.result, 1)

    # -- typing ---------------------------------------------------------------------------------------
    def code(self) -> str:
        from kiosk.data import tracking

        return tracking.normalise(self.field.text())

    def _show_code(self, code: str) -> None:
        self.field.setText(display_code(code))

    def type_char(self, char: str) -> None:
        code = self.code()
        if len(code) >= CODE_LENGTH:
            return
        code += char
        self._show_code(code)
        self._typed(code)

    def backspace(self) -> None:
        code = self.code()[:-1]
        self._show_code(code)
        self._typed(code)

    def clear(self) -> None:
        self.field.clear()
        self._typed("")

    def _edited(self, text: str) -> None:
        """Typed on a hardware keyboard or scanned: upper case, spaced like the receipt."""
        code = self.code()[: CODE_LENGTH + 2]
        self._show_code(code)
        self._typed(code)

    def _typed(self, code: str) -> None:
        self.error.hide()
        if len(code) == CODE_LENGTH:
            self.query()
        else:
            self._show_result(None)

    # -- the query ------------------------------------------------------------------------------------
    def query(self) -> None:
        from kiosk.data.submissions import InputInvalid

        submissions = self.store.submissions
        if submissions is None:
            self._error(self.tr("暂时无法查询，请稍后再试"))
            return
        try:
            lookup = submissions.lookup(self.code())
        except InputInvalid as exc:
            self._show_result(None)
            self._error(self.tr("；").join(visitor_text(p.message) for p in exc.problems))
            return
        self.error.hide()
        self._show_result(lookup)

    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _show_result(self, lookup: FeedbackLookup | None) -> None:
        self.lookup = lookup
        if lookup is None:
            self.result.hide()
            self.placeholder.show()
            return
        self.placeholder.hide()
        self.result.show()
        self.result_code.setText(self.tr("查询编号 %1").replace("%1", display_code(lookup.code)))
        clear_layout(self.facts)
        if not lookup.found:
            self.status_label.setText(self.tr("未查到"))
            self.steps.hide()
            self.reply_title.hide()
            self.reply.hide()
            self.note.setText(visitor_text(lookup.note))
            self.note.show()
            return
        self.status_label.setText(self.tr("当前进度：%1").replace("%1", visitor_text(lookup.status)))
        self.steps.set_status(lookup.status, tuple(lookup.steps) or STEPS)
        self.steps.show()
        row = 0
        for name, value in ((self.tr("提交日期"), lookup.submitted), (self.tr("承诺答复日期"), lookup.due_date),
                            (self.tr("答复日期"), lookup.replied_at), (self.tr("办结日期"), lookup.closed_at)):
            if not value:
                continue
            self.facts.addWidget(text_label(name, "QueryFactKey", wrap=False), row, 0)
            self.facts.addWidget(text_label(long_date(value), "QueryFactValue"), row, 1)
            row += 1
        self.reply_title.setVisible(bool(lookup.reply))
        self.reply.setText(lookup.reply)
        self.reply.setVisible(bool(lookup.reply))
        self.note.setText(visitor_text(lookup.note))
        self.note.setVisible(bool(lookup.note))

    def shown_facts(self) -> dict[str, str]:
        """The facts on display, caption → value (for tests and screen readers)."""
        facts: dict[str, str] = {}
        for row in range(self.facts.rowCount()):
            key_item, value_item = self.facts.itemAtPosition(row, 0), self.facts.itemAtPosition(row, 1)
            if key_item is None or value_item is None:
                continue
            key_widget, value_widget = key_item.widget(), value_item.widget()
            if key_widget is not None and value_widget is not None:
                facts[key_widget.text()] = value_widget.text()  # type: ignore[attr-defined]
        return facts

    # -- screen API -----------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        if isinstance(key, str) and key:
            from kiosk.data import tracking

            self._show_code(tracking.normalise(key)[: CODE_LENGTH + 2])
            self.query()

    def reset(self) -> None:
        self.field.clear()
        self.error.hide()
        self._show_result(None)

    def refresh(self) -> None:
        if self.lookup is not None:
            self.query()  # a reply may have arrived with the sync

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
