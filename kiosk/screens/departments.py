"""The service departments (服务部门): one card each, tap one to see the items it handles.

A card shows the department's name, its duty, where it sits and its phone, and how many items
and window posts it has. Two columns in landscape, one in portrait.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.data.views import DepartmentView
from kiosk.screens.base import Screen
from kiosk.screens.item_list import regrid
from kiosk.store import ContentStore
from kiosk.widgets.common import LayoutButton, ScrollPage, clear_layout, text_label
from kiosk.widgets.content_note import ContentLanguageNote, content_language


class DepartmentCard(LayoutButton):
    """A tappable card for one department; its height follows its width."""

    def __init__(self, department: DepartmentView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeptCard")
        self.code = department.code
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(10)
        self.name_label = text_label(department.name, "DeptName", content=True)
        column.addWidget(self.name_label)
        if department.duty:
            column.addWidget(text_label(department.duty, "DeptDuty", content=True))
        info = []
        if department.location:
            info.append(self.tr("办公地点：") + department.location)
        if department.phone:
            info.append(self.tr("咨询电话：") + department.phone)
        if info:
            column.addWidget(text_label("\n".join(info), "DeptInfo", content=True))
        badges = QHBoxLayout()
        badges.setSpacing(12)
        self.counts_label = text_label(
            self.tr("%n 个事项", "", department.item_count) + " · "
            + self.tr("%n 个窗口岗位", "", department.post_count), "Badge", wrap=False)
        badges.addWidget(self.counts_label)
        badges.addStretch(1)
        badges.addWidget(text_label(self.tr("查看办理事项 ›"), "DeptGo", wrap=False))
        column.addLayout(badges)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def text(self) -> str:
        return self.name_label.text()



class DepartmentsScreen(Screen):
    name = "departments"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        self.cards: list[DepartmentCard] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        header = QVBoxLayout()
        header.setContentsMargins(40, 24, 40, 8)
        header.setSpacing(8)
        header.addWidget(text_label(self.tr("按部门查找"), "ScreenTitle"))
        header.addWidget(text_label(self.tr("点按一个部门，查看它负责办理的全部事项和窗口。"), "ScreenSubtitle"))
        self.language_note = ContentLanguageNote()
        header.addWidget(self.language_note)
        outer.addLayout(header)
        self.page = ScrollPage(spacing=20, margins=40)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.page.column.addLayout(self.grid)
        self.empty = text_label(self.tr("暂时没有公布的服务部门，请到服务台咨询。"), "Empty")
        self.empty.hide()
        self.page.column.addWidget(self.empty)
        self.page.column.addStretch(1)
        outer.addWidget(self.page, 1)
        self.refresh()

    def open(self, key: Any = None) -> None:
        self.page.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        clear_layout(self.grid)
        self.cards.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        departments = catalog.departments()
        self.language_note.show_for(all(d.translated for d in departments), content_language(self.store))
        for department in departments:
            card = DepartmentCard(department)
            card.clicked.connect(lambda _=False, c=department.code: self.navigate.emit("items", ("department", c)))
            self.cards.append(card)
        regrid(self.grid, self.cards, 2 if self._landscape else 1)
        self.empty.setVisible(not self.cards)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            regrid(self.grid, self.cards, 2 if landscape else 1)
