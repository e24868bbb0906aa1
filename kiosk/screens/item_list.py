"""A list of service items: those of one topic (home's tiles) or of one department.

Key: ``("topic", code)`` or ``("department", code)``. The header names the topic or department and
says how many items it has; every item is a row with its department, window and promised time
limit, and badges for the number of visits and online service. Rows are painted widgets built one
page at a time (the first page at once, each next one when the visitor taps "显示更多" at the end of
the list) and reused between lists, so a list of hundreds of items opens as fast as a short one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import DepartmentView, ItemSummary, TopicView
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, TEXT, metrics
from kiosk.widgets.common import ScrollPage, text_label

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog

#: rows built at once; the rest follow page by page (a page more than fills a portrait screen)
PAGE_SIZE = 24


class ItemRow(QAbstractButton):
    """One item as a tappable row, painted in one widget (no child labels, no layout).

    Looks like :class:`kiosk.widgets.common.Row` — the name in bold, a line of detail under it,
    badges on the right — but costs a fraction of it to build and lay out, so a long list opens
    at once. Its height follows its width (the name wraps).
    """

    PAD_X = 24
    PAD_Y = 14
    GAP = 16
    BADGE_PAD = 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ItemRow")
        self.setProperty("content", True)  # an item's name and department (office content)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.code = ""
        self.detail = ""
        self.badges: tuple[str, ...] = ()
        self.accent_badges: tuple[str, ...] = ()
        self.title_font = QFont(self.font())
        self.title_font.setPixelSize(TEXT["large"])
        self.title_font.setBold(True)
        self.small_font = QFont(self.font())
        self.small_font.setPixelSize(TEXT["small"])
        self._heights: dict[int, int] = {}

    def set_content(self, code: str, title: str, detail: str, badges: tuple[str, ...] = (),
                    accent_badges: tuple[str, ...] = ()) -> None:
        self.code = code
        self.setText(title)
        self.setAccessibleName(title)
        self.detail = detail
        self.badges = tuple(b for b in badges if b)
        self.accent_badges = tuple(b for b in accent_badges if b)
        self._heights.clear()
        self.updateGeometry()
        self.update()

    # -- geometry ------------------------------------------------------------------------------------
    def _badge_sizes(self) -> list[QSize]:
        metrics = QFontMetrics(self.small_font)
        return [QSize(metrics.horizontalAdvance(text) + 2 * self.BADGE_PAD, metrics.height() + 10)
                for text in (*self.badges, *self.accent_badges)]

    def _text_width(self, width: int) -> int:
        badges = sum(size.width() + 12 for size in self._badge_sizes())
        return max(120, width - 2 * self.PAD_X - (badges + self.GAP if badges else 0))

    def _text_heights(self, width: int) -> tuple[int, int]:
        flags = int(Qt.TextFlag.TextWordWrap)
        text_width = self._text_width(width)
        title = QFontMetrics(self.title_font).boundingRect(QRect(0, 0, text_width, 100000), flags, self.text())
        detail = (QFontMetrics(self.small_font).boundingRect(QRect(0, 0, text_width, 100000), flags, self.detail)
                  if self.detail else QRect())
        return title.height(), detail.height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            title, detail = self._text_heights(width)
            content = title + (4 + detail if detail else 0)
            self._heights[width] = max(metrics().target, content + 2 * self.PAD_Y)
        return self._heights[width]

    def sizeHint(self) -> QSize:
        return QSize(800, self.heightForWidth(800))

    def minimumSizeHint(self) -> QSize:
        return QSize(300, metrics().target)

    # -- painting --------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        down = self.isDown()
        painter.setPen(QPen(QColor(PALETTE["blue" if down else "line"]), 2))
        painter.setBrush(QColor(PALETTE["blue_soft" if down else "surface"]))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 14, 14)

        width, height = self.width(), self.height()
        title_h, detail_h = self._text_heights(width)
        text_width = self._text_width(width)
        top = (height - (title_h + (4 + detail_h if detail_h else 0))) // 2
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
        painter.setFont(self.title_font)
        painter.setPen(QColor(PALETTE["ink"]))
        painter.drawText(QRect(self.PAD_X, top, text_width, title_h), flags, self.text())
        if self.detail:
            painter.setFont(self.small_font)
            painter.setPen(QColor(PALETTE["muted"]))
            painter.drawText(QRect(self.PAD_X, top + title_h + 4, text_width, detail_h), flags, self.detail)

        sizes = self._badge_sizes()
        x = width - self.PAD_X - sum(size.width() + 12 for size in sizes) + 12
        painter.setFont(self.small_font)
        kinds = [False] * len(self.badges) + [True] * len(self.accent_badges)
        for text, size, accent in zip((*self.badges, *self.accent_badges), sizes, kinds, strict=True):
            box = QRect(x, (height - size.height()) // 2, size.width(), size.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE["accent_soft" if accent else "blue_soft"]))
            painter.drawRoundedRect(QRectF(box), 10, 10)
            painter.setPen(QColor(PALETTE["accent" if accent else "blue_dark"]))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
            x += size.width() + 12
        painter.end()


class ItemRows(QWidget):
    """Item rows, built a page at a time, with a "显示更多" button while more remain.

    Rows are kept and reused between lists. Emits :attr:`chosen` with the item code when a row is
    tapped.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._items: Sequence[ItemSummary] = ()
        self._shown = 0
        self._show_department = True
        self._pool: list[ItemRow] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(14)
        self.more_button = QPushButton()
        self.more_button.setObjectName("MoreButton")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.column.addWidget(self.more_button)

    @property
    def rows(self) -> list[ItemRow]:
        """The rows showing now, in order."""
        return self._pool[:self._shown]

    # -- filling ---------------------------------------------------------------------------------------
    def set_items(self, items: Sequence[ItemSummary], *, show_department: bool = True) -> None:
        self._items = items
        self._shown = 0
        self._show_department = show_department
        for row in self._pool[:self.page_size]:
            row.hide()
        self._fill_page()
        for row in self._pool[self._shown:]:
            row.hide()

    @property
    def remaining(self) -> int:
        return len(self._items) - self._shown

    def show_more(self) -> None:
        self._fill_page()

    def _fill_page(self) -> None:
        end = min(self._shown + self.page_size, len(self._items))
        for index in range(self._shown, end):
            if index == len(self._pool):
                row = ItemRow()
                row.clicked.connect(lambda _=False, r=row: self.chosen.emit(r.code))
                self.column.insertWidget(index, row)
                self._pool.append(row)
            row = self._pool[index]
            summary = self._items[index]
            visits = self.visits_badge(summary.visits)
            row.set_content(summary.code, summary.name, self.detail_line(summary),
                            badges=(visits,), accent_badges=(self.tr("网上可办"),) if summary.online else ())
            row.show()
        self._shown = end
        remaining = self.remaining
        self.more_button.setText(self.tr("显示更多事项（还有 %n 个）", "", remaining))
        self.more_button.setVisible(remaining > 0)

    # -- texts -----------------------------------------------------------------------------------------
    def detail_line(self, summary: ItemSummary) -> str:
        parts = [summary.department_name if self._show_department else visitor_text(summary.item_type),
                 visitor_text(summary.window)]
        if summary.promised:
            parts.append(self.tr("承诺%1办结").replace("%1", visitor_text(summary.promised)))
        return " · ".join(p for p in parts if p)

    def visits_badge(self, visits: str) -> str:
        return {
            "0": self.tr("跑0次"),
            "1": self.tr("最多跑一次"),
            "2": self.tr("跑2次"),
            "多次": self.tr("需多次到现场"),
        }.get(visits, "")


class ItemListScreen(Screen):
    name = "items"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.key: Any = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QWidget()
        header.setObjectName("ListHeader")
        head = QVBoxLayout(header)
        head.setContentsMargins(40, 24, 40, 12)
        head.setSpacing(8)
        self.kind_label = text_label("", "ListKind")
        self.title_label = text_label("", "ScreenTitle", content=True)
        self.description_label = text_label("", "ScreenSubtitle", content=True)
        self.info_label = text_label("", "Muted", content=True)
        self.count_label = text_label("", "ListCount")
        for label in (self.kind_label, self.title_label, self.description_label, self.info_label):
            head.addWidget(label)
        count_row = QHBoxLayout()
        count_row.setSpacing(24)
        count_row.addWidget(self.count_label, 1)
        self.posts_button = QPushButton(self.tr("本部门窗口岗位 ›"))
        self.posts_button.clicked.connect(self._show_posts)
        self.posts_button.hide()
        count_row.addWidget(self.posts_button)
        head.addLayout(count_row)
        outer.addWidget(header)

        self.page = ScrollPage(spacing=14, margins=40)
        self.rows = ItemRows()
        self.rows.chosen.connect(lambda code: self.navigate.emit("item", code))
        self.page.column.addWidget(self.rows)

        self.empty = QWidget()
        empty_column = QVBoxLayout(self.empty)
        empty_column.setContentsMargins(0, 24, 0, 0)
        empty_column.setSpacing(24)
        self.empty_label = text_label("", "Empty")
        empty_column.addWidget(self.empty_label)
        empty_buttons = QHBoxLayout()
        empty_buttons.setSpacing(24)
        self.finder_button = QPushButton(self.tr("我该去哪办？"))
        self.finder_button.setProperty("primary", True)
        self.finder_button.clicked.connect(lambda: self.navigate.emit("finder", None))
        self.departments_button = QPushButton(self.tr("按部门查找"))
        self.departments_button.clicked.connect(lambda: self.navigate.emit("departments", None))
        empty_buttons.addWidget(self.finder_button)
        empty_buttons.addWidget(self.departments_button)
        empty_buttons.addStretch(1)
        empty_column.addLayout(empty_buttons)
        self.empty.hide()
        self.page.column.addWidget(self.empty)
        self.page.column.addStretch(1)
        outer.addWidget(self.page, 1)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.key = key
        self.page.verticalScrollBar().setValue(0)
        catalog = self.store.catalog
        if catalog is None:
            return
        self._fill(catalog, key)

    def refresh(self) -> None:
        if self.key is not None:
            self.open(self.key)

    def reset(self) -> None:
        self.key = None
        self.rows.set_items(())

    # -- filling -------------------------------------------------------------------------------------------
    def _fill(self, catalog: Catalog, key: Any) -> None:
        from kiosk.data.catalog import NotFound

        kind, code = key if isinstance(key, tuple) and len(key) == 2 else ("", "")
        try:
            if kind == "topic":
                topic = catalog.topic(code)
                items = catalog.items_by_topic(code)
                self._show_topic(topic, len(items))
                self.rows.set_items(items, show_department=True)
            elif kind == "department":
                department = catalog.department(code)
                items = catalog.items_by_department(code)
                self._show_department(department, len(items))
                self.rows.set_items(items, show_department=False)
            else:
                raise NotFound(str(key))
        except NotFound:
            self._show_gone()
            return
        self.empty_label.setText(self._empty_text(kind))
        self.empty.setVisible(not items)

    def _empty_text(self, kind: str) -> str:
        if kind == "topic":
            return self.tr("这个主题下暂时没有可以办理的事项。不知道该去哪办时，可以用“我该去哪办？”查找，"
                           "或到服务台咨询。")
        return self.tr("这个部门暂时没有在便民服务厅公布的办理事项。请查看其他部门，或到服务台咨询。")

    def _show_topic(self, topic: TopicView, count: int) -> None:
        self._set_optional(self.kind_label, self.tr("按主题办事"))
        self.title_label.setText(topic.name)
        self._set_optional(self.description_label, topic.description)
        self._set_optional(self.info_label, "")
        self.count_label.setText(self.tr("共 %n 个事项，点按事项查看办事指南", "", count) if count else "")
        self.count_label.setVisible(bool(count))
        self.posts_button.hide()

    def _show_department(self, department: DepartmentView, count: int) -> None:
        self._set_optional(self.kind_label, self.tr("按部门查找"))
        self.title_label.setText(department.name)
        self._set_optional(self.description_label, department.duty)
        info = []
        if department.location:
            info.append(self.tr("办公地点：") + department.location)
        if department.phone:
            info.append(self.tr("咨询电话：") + department.phone)
        self._set_optional(self.info_label, "　　".join(info))
        self.count_label.setText(self.tr("共 %n 个事项，点按事项查看办事指南", "", count) if count else "")
        self.count_label.setVisible(bool(count))
        self.posts_button.setVisible(department.post_count > 0)

    def _show_gone(self) -> None:
        self._set_optional(self.kind_label, "")
        self.title_label.setText(self.tr("内容已更新"))
        self._set_optional(self.description_label, "")
        self._set_optional(self.info_label, "")
        self.count_label.hide()
        self.posts_button.hide()
        self.rows.set_items(())
        self.empty_label.setText(self.tr("该主题或部门已更新或下线，请返回重新选择。"))
        self.empty.show()

    @staticmethod
    def _set_optional(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _show_posts(self) -> None:
        if isinstance(self.key, tuple) and len(self.key) == 2:
            self.navigate.emit("posts", self.key[1])

    # -- for tests -------------------------------------------------------------------------------------------
    def row_titles(self) -> list[str]:
        return [row.text() for row in self.rows.rows]


def regrid(grid: QGridLayout, widgets: Sequence[QWidget], columns: int) -> None:
    """Lay ``widgets`` out again in ``columns`` equal columns (without rebuilding them)."""
    for widget in widgets:
        grid.removeWidget(widget)
    for column in range(grid.columnCount()):
        grid.setColumnStretch(column, 0)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
