"""The window posts as the departments declare them (窗口岗位设置情况表, Attachment 3 of the 2018 plan).

Grouped by department, then by type in the table's order — 服务大厅, 网络平台, 窗口岗位 — and
within a type by 序号. Each post is a card: the window number large (or 大厅 / 网上), the name, the
address or web address, the contact person and phone, and the work items in short. Tapping a
card opens the post's own page. Key: ``None``, or a department code to scroll to.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import PostView
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.item_list import regrid
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.common import LayoutButton, ScrollPage, clear_layout, text_label

#: the order of the types in the departments' table
POST_TYPES = ("服务大厅", "网络平台", "窗口岗位")
#: work items longer than this are cut short on the card (the post's page has them in full)
SHORT_WORK_ITEMS = 46


def short(text: str, limit: int = SHORT_WORK_ITEMS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip("，、；：。“‘（《 ") + "……"


def post_place(post: PostView) -> str:
    """Where the post is: its address, with the floor unless the address already names it (in any case:
    "Ground floor" in English content)."""
    if post.floor and post.floor.casefold() not in post.address.casefold():
        return f"{post.floor} {post.address}".strip()
    return post.address


class WindowBox(QFrame):
    """The window number, large, with 号窗口 under it; or a word for a hall or an online platform."""

    def __init__(self, parent: QWidget | None = None, *, big: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("WindowBoxBig" if big else "WindowBox")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 10, 8, 10)
        column.setSpacing(0)
        self.number = text_label("", "WindowNumber", wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit = text_label("", "WindowUnit", wrap=False)
        self.unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        column.addWidget(self.number)
        column.addWidget(self.unit)
        column.addStretch(1)
        self.setFixedWidth(metrics().px(220 if big else 150))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def show_post(self, post: PostView) -> None:
        if post.window:
            self.number.setText(post.window)
            self.unit.setText(self.tr("号窗口"))
            self.setProperty("kind", "window")
        else:
            self.number.setText(self.tr("网上") if post.post_type == "网络平台" else self.tr("大厅"))
            self.unit.setText("")
            self.setProperty("kind", "word")
        self.unit.setVisible(bool(self.unit.text()))
        self.number.setProperty("kind", self.property("kind"))
        for widget in (self, self.number):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class PostCard(LayoutButton):
    """One post of the table as a tappable card; its height follows its width."""

    def __init__(self, post: PostView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PostCard")
        self.code = post.code
        self.post = post
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 24, 16)
        row.setSpacing(20)
        self.window_box = WindowBox()
        self.window_box.show_post(post)
        row.addWidget(self.window_box)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.title_label = text_label(post.name, "PostName", content=True)
        column.addWidget(self.title_label)
        column.addWidget(text_label(self.tr("序号 %1").replace("%1", str(post.seq)),
                                    "PostSeq"))
        lines = []
        if post.url:
            lines.append(self.tr("网址：") + post.url)
        place = post_place(post)
        if place:
            lines.append(self.tr("地址：") + place)
        contact = "　".join(p for p in (post.contact, post.phone) if p)
        if contact:
            lines.append(self.tr("联系人及电话：") + contact)
        if lines:
            column.addWidget(text_label("\n".join(lines), "PostInfo", content=True))
        if post.work_items:
            column.addWidget(text_label(self.tr("工作事项：") + short(post.work_items), "PostWork", content=True))
        for index in range(column.count()):  # wrapped labels get the height their text needs at their width
            item = column.itemAt(index)
            label = item.widget() if item is not None else None
            if label is not None:
                policy = label.sizePolicy()
                policy.setHeightForWidth(True)
                label.setSizePolicy(policy)
        row.addLayout(column, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def text(self) -> str:
        return self.title_label.text()



class _TypeGroup:
    """The posts of one type within one department: a type label and a grid of cards."""

    def __init__(self, post_type: str, cards: list[PostCard]) -> None:
        self.post_type = post_type
        self.cards = cards
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.box.setSpacing(20)
        self.label = text_label(visitor_text(post_type), "PostsType")  # wraps: "Online platform" in English
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.addWidget(self.label, 0, Qt.AlignmentFlag.AlignTop)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.box.addLayout(self.grid, 1)

    def arrange(self, landscape: bool) -> None:
        self.box.setDirection(QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom)
        self.box.setAlignment(self.label, Qt.AlignmentFlag.AlignTop if landscape else Qt.AlignmentFlag.AlignLeft)
        self.label.setWordWrap(landscape)  # beside the cards it wraps ("Online platform"); above them, one line
        if landscape:
            self.label.setFixedWidth(metrics().px(170))
        else:  # as wide as its text on one line (left-aligned), measured in the stylesheet's font
            self.label.ensurePolished()
            margins = self.label.contentsMargins()
            width = (self.label.fontMetrics().horizontalAdvance(self.label.text()) + margins.left()
                     + margins.right() + self.label.fontMetrics().horizontalAdvance("x") + 2)
            self.label.setFixedWidth(min(width, metrics().px(600)))
        regrid(self.grid, self.cards, 2 if landscape else 1)


class PostsScreen(Screen):
    name = "posts"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        self.cards: list[PostCard] = []
        self.groups: list[tuple[str, list[_TypeGroup]]] = []  # (department name, its type groups)
        self.department_labels: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QVBoxLayout()
        header.setContentsMargins(40, 24, 40, 8)
        header.setSpacing(8)
        header.addWidget(text_label(self.tr("窗口岗位"), "ScreenTitle"))
        header.addWidget(text_label(self.tr("各部门公布的服务大厅、网络平台和窗口岗位。点按一个岗位，"
                                            "查看位置、值班人员和在那里办理的事项。"), "ScreenSubtitle"))
        outer.addLayout(header)
        self.page = ScrollPage(spacing=16, margins=40)
        self.content = QVBoxLayout()
        self.content.setSpacing(16)
        self.page.column.addLayout(self.content)
        self.empty = text_label(self.tr("暂时没有公布的窗口岗位，请到服务台咨询。"), "Empty")
        self.empty.hide()
        self.page.column.addWidget(self.empty)
        self.page.column.addStretch(1)
        outer.addWidget(self.page, 1)
        self.refresh()

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.page.verticalScrollBar().setValue(0)
        label = self.department_labels.get(key) if isinstance(key, str) else None
        if label is not None:
            QTimer.singleShot(0, self, lambda: self.page.verticalScrollBar().setValue(max(0, label.y() - 8)))

    def refresh(self) -> None:
        clear_layout(self.content)
        self.cards.clear()
        self.groups.clear()
        self.department_labels.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        departments = {d.code: d for d in catalog.departments()}
        by_department: dict[str, list[PostView]] = {}
        for post in catalog.posts():  # already in the table's order
            by_department.setdefault(post.department_code, []).append(post)
        for code, posts in by_department.items():
            department = departments.get(code)
            name = department.name if department else posts[0].department_name
            heading = text_label(name, "PostsDept", content=True)
            self.content.addWidget(heading)
            self.department_labels[code] = heading
            groups: list[_TypeGroup] = []
            kinds = [t for t in POST_TYPES if any(p.post_type == t for p in posts)]
            kinds += sorted({p.post_type for p in posts} - set(kinds))
            for post_type in kinds:
                cards = [self._card(p) for p in posts if p.post_type == post_type]
                group = _TypeGroup(post_type, cards)
                group.arrange(self._landscape)
                self.content.addLayout(group.box)
                groups.append(group)
            self.groups.append((name, groups))
        self.empty.setVisible(not self.cards)

    def _card(self, post: PostView) -> PostCard:
        card = PostCard(post)
        card.clicked.connect(lambda _=False, code=post.code: self.navigate.emit("post", code))
        self.cards.append(card)
        return card

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            for _, groups in self.groups:
                for group in groups:
                    group.arrange(landscape)
