"""Search: type on the on-screen keyboard (or scan a code), the results follow every keystroke.

The query is matched by :class:`kiosk.data.search.SearchIndex` (Chinese text, item codes,
department names, full pinyin and pinyin initials). The result list is a small pool of
:class:`ResultRow` widgets that are re-labelled, never rebuilt, so the keystroke-to-results path
stays a few milliseconds long.

:class:`SearchPanel` (field, hint, results, keyboard) is shared with the finder's
"输入几个字母查找" step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import Row, ScrollPage, text_label
from kiosk.widgets.content_note import content_language
from kiosk.widgets.keyboard import OnScreenKeyboard

if TYPE_CHECKING:
    from kiosk.data.views import SearchEntry

#: rows shown for one query; more than this and the visitor is asked to keep typing
RESULT_LIMIT = 30
#: keys never grow taller than this (portrait has room to spare)
KEY_MAX_HEIGHT = 118
KEY_ROWS = 4
#: rows made right after the screen is built, so the first keystroke does not wait for them
PREWARM_ROWS = 16


class ResultRow(Row):
    """A reusable row: the item's name, and "department · window" under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(" ", " ", parent=parent, content=True)
        detail = self.findChild(QLabel, "RowDetail")
        assert detail is not None
        self.detail_label: QLabel = detail
        self.code = ""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner keeps typing into the field

    def set_content(self, code: str, title: str, detail: str) -> None:
        self.code = code
        if self.title_label.text() != title:
            self.title_label.setText(title)
        if self.detail_label.text() != detail:
            self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))


class RowPool:
    """A fixed set of rows in a column, created on first need and re-labelled afterwards."""

    def __init__(self, column: QVBoxLayout, on_choose: Callable[[str], None], *, insert_at: int = -1) -> None:
        self._column = column
        self._on_choose = on_choose
        self._insert_at = insert_at
        self.rows: list[ResultRow] = []

    def _row(self, index: int) -> ResultRow:
        while len(self.rows) <= index:
            row = ResultRow()
            row.clicked.connect(lambda _=False, r=row: self._on_choose(r.code))
            position = self._insert_at + len(self.rows) if self._insert_at >= 0 else -1
            self._column.insertWidget(position, row)
            self.rows.append(row)
        return self.rows[index]

    def prewarm(self, count: int) -> None:
        """Create (hidden) rows ahead of the first keystroke, which then only re-labels them."""
        for index in range(len(self.rows), count):
            row = self._row(index)
            row.hide()
            row.ensurePolished()  # styling a row is the costly part of its first appearance
            for child in row.findChildren(QWidget):
                child.ensurePolished()

    def show(self, lines: Sequence[tuple[str, str, str]]) -> None:
        """Show ``(code, title, detail)`` lines; rows beyond them are hidden."""
        for index, (code, title, detail) in enumerate(lines):
            row = self._row(index)
            row.set_content(code, title, detail)
            row.show()
        for row in self.rows[len(lines):]:
            if not row.isHidden():
                row.hide()

    def visible_rows(self) -> list[ResultRow]:
        return [row for row in self.rows if not row.isHidden()]


def fit_body_to_text(page: ScrollPage) -> None:
    """Let the page's height follow its wrapped text at the actual width.

    Without this, QScrollArea keeps the body at least as tall as its minimum size hint, which
    measures every wrapped label at its narrowest, and shows a scroll bar for content that fits.
    (Only for pages whose layout has height-for-width items, e.g. wrapped labels or rows.)
    """
    page.body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)


def entry_detail(department: str, window: str) -> str:
    window = visitor_text(window)  # "3号窗口" in the UI language
    return f"{department} · {window}" if department and window else department or window


def configure_query_field(field: QLineEdit) -> None:
    """A field that shows the query large and never calls up an operating-system keyboard.

    The input method is switched off for the field (so neither a virtual keyboard nor a predictive
    panel can attach to it); key events from a hardware keyboard or a code scanner still type.
    """
    field.setObjectName("SearchField")
    field.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase
                              | Qt.InputMethodHint.ImhPreferLowercase | Qt.InputMethodHint.ImhSensitiveData)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    field.setDragEnabled(False)
    field.setMaxLength(40)
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)


class SearchPanel(QWidget):
    """Query field and hint on top, results in the middle, the on-screen keyboard at the bottom."""

    #: an item code the visitor tapped
    chosen = Signal(str)

    def __init__(self, store: ContentStore, *, limit: int = RESULT_LIMIT, hint: str = "",
                 no_result_note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.limit = limit
        self.no_result_note = no_result_note or self.tr("换个说法，或者少输几个字再试试。")
        self._pending = False
        self._shown_query: str | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(12)

        self.field = QLineEdit()
        configure_query_field(self.field)
        self.field.setPlaceholderText(self.tr("请用下方键盘输入"))
        self.field.textChanged.connect(self._run)
        outer.addWidget(self.field)
        self.hint = text_label(hint, "Muted")
        self.hint.setVisible(bool(hint))
        outer.addWidget(self.hint)
        self.status = text_label("", "SearchStatus")
        outer.addWidget(self.status)

        self.page = ScrollPage(spacing=12, margins=0)
        self.page.setObjectName("SearchResults")
        fit_body_to_text(self.page)
        self.pool = RowPool(self.page.column, self.chosen.emit, insert_at=0)
        self.no_result = QFrame()
        self.no_result.setObjectName("SearchNoResult")
        no_result_column = QVBoxLayout(self.no_result)
        no_result_column.setContentsMargins(28, 18, 28, 20)
        no_result_column.setSpacing(14)
        self.no_result_title = text_label("", "SearchNoResultTitle")
        no_result_column.addWidget(self.no_result_title)
        #: buttons the owner adds ("我该去哪办？", "清空重新输入")
        self.no_result_buttons = QHBoxLayout()
        self.no_result_buttons.setSpacing(24)
        no_result_column.addLayout(self.no_result_buttons)
        self.no_result.hide()
        self.page.column.addWidget(self.no_result)
        self.page.column.addStretch(1)
        outer.addWidget(self.page, 4)

        self.keyboard = OnScreenKeyboard()
        self.keyboard.typed.connect(self.field.insert)
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.cleared.connect(self.field.clear)
        self._keyboard_row = QHBoxLayout()
        self._keyboard_row.addStretch(1)
        self._keyboard_row.addWidget(self.keyboard, 20)
        self._keyboard_row.addStretch(1)
        # the keys grow with the room they get (about 40% of the height), from a touch target up
        for key in self.keyboard.keys.values():
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            key.setMaximumHeight(KEY_MAX_HEIGHT)
        grid = self.keyboard.layout()
        spacing = grid.spacing() if grid is not None else 8
        self.keyboard.setMaximumHeight(KEY_ROWS * KEY_MAX_HEIGHT + (KEY_ROWS - 1) * spacing)
        outer.addLayout(self._keyboard_row, 5)

        store.search_ready.connect(self._index_ready)
        self._run()
        QTimer.singleShot(0, self, self._prewarm)

    # -- the query ------------------------------------------------------------------------------------
    def query(self) -> str:
        return self.field.text()

    def set_query(self, text: str) -> None:
        self.field.setText(text)
        self._run()

    def clear(self) -> None:
        self.field.clear()
        self._run()

    def add_no_result_button(self, text: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setProperty("primary", primary)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.no_result_buttons.addWidget(button, 1)
        return button

    def _prewarm(self) -> None:
        self.pool.prewarm(min(self.limit, PREWARM_ROWS))

    def _index_ready(self) -> None:
        self._shown_query = None
        self._run()

    def _run(self) -> None:
        query = self.field.text()
        index = self.store.search_index
        if index is None:
            self._pending = True
            self._shown_query = query
            self.status.setText(self.tr("正在准备搜索…"))
            self.pool.show(())
            self.no_result.hide()
            return
        self._pending = False
        if query == self._shown_query:
            return
        self._shown_query = query
        self.page.verticalScrollBar().setValue(0)
        if not query.strip():
            self.status.setText(self.tr("输入后，结果会立即显示在这里"))
            self.pool.show(())
            self.no_result.hide()
            return
        result = index.search(query, limit=self.limit, language=content_language(self.store))
        self._show_entries(result.entries)
        if result.empty:
            self.status.setText(self.no_result_note)
            self.no_result_title.setText(self.tr("没有找到与“%1”相关的事项").replace("%1", query.strip()))
            self.no_result.show()
            return
        self.no_result.hide()
        if result.more:
            self.status.setText(self.tr("结果较多，请继续输入（已列出前 %n 个）", "", len(result.entries)))
        else:
            self.status.setText(self.tr("找到 %n 个相关事项，轻触查看", "", len(result.entries)))

    def _show_entries(self, entries: Sequence[SearchEntry]) -> None:
        self.pool.show([(e.code, e.name, entry_detail(e.department_name, e.window)) for e in entries])

    # -- layout ---------------------------------------------------------------------------------------
    def fit_keyboard(self, landscape: bool) -> None:
        """A landscape keyboard as wide as the screen makes the reach too long: centre it."""
        self._keyboard_row.setStretch(0, 2 if landscape else 0)
        self._keyboard_row.setStretch(2, 2 if landscape else 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus()


class SearchScreen(Screen):
    name = "search"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.panel = SearchPanel(
            store,
            hint=self.tr("可输入：事项名称（如 排污许可）、拼音首字母（如 pwxk）、全拼（如 huanping）或事项编码"),
            no_result_note=self.tr("可以少输几个字、换个说法，或者让我们帮您找到办理窗口。"),
        )
        column.addWidget(self.panel)
        self.panel.chosen.connect(lambda code: self.navigate.emit("item", code))
        self.finder_button = self.panel.add_no_result_button(self.tr("我该去哪办？"), primary=True)
        self.finder_button.clicked.connect(lambda: self.navigate.emit("finder", None))
        self.clear_button = self.panel.add_no_result_button(self.tr("清空重新输入"))
        self.clear_button.clicked.connect(self.panel.clear)
        # attributes the tests and screenshots use
        self.field = self.panel.field
        self.keyboard = self.panel.keyboard
        self.status = self.panel.status
        self.no_result = self.panel.no_result

    def open(self, key: object = None) -> None:
        if isinstance(key, str) and key:
            self.set_query(key)
        # None (from home, or Back from an item): keep what the visitor typed

    def set_query(self, text: str) -> None:
        self.panel.set_query(text)

    def reset(self) -> None:
        self.panel.clear()

    def refresh(self) -> None:
        self.panel._shown_query = None
        self.panel._run()

    def result_rows(self) -> list[ResultRow]:
        return self.panel.pool.visible_rows()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        self.panel.fit_keyboard(landscape)
