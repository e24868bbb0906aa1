"""The public commitments and rules, and how to complain (服务承诺与制度 · 监督投诉).

The "four zeros" (四零) come first, large on the department's blue; then every other group of the
content (六个规范, the service rules 首问负责制 …) as cards; then the supervision section: the
complaint phone large, every complaint channel, the consulting phone, hours and address.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import CommitmentGroupView, HallView, NamedText
from kiosk.screens.base import Screen
from kiosk.screens.item_list import regrid
from kiosk.store import ContentStore
from kiosk.widgets.common import ScrollPage, clear_layout, text_label


def wrapping(label: QLabel) -> QLabel:
    """Let the layout give a wrapped label its height for the real width (no gaps, no clipping)."""
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def entry_card(entry: NamedText, name: str, number: str = "") -> QFrame:
    card = QFrame()
    card.setObjectName(name)
    column = QVBoxLayout(card)
    column.setContentsMargins(28, 22, 28, 24)
    column.setSpacing(10)
    title = QHBoxLayout()
    title.setSpacing(14)
    if number:
        title.addWidget(text_label(number, f"{name}Number", wrap=False), 0, Qt.AlignmentFlag.AlignTop)
    title.addWidget(wrapping(text_label(entry.name, f"{name}Title", content=True)), 1)
    column.addLayout(title)
    if entry.text:
        column.addWidget(wrapping(text_label(entry.text, f"{name}Text", content=True)))
    column.addStretch(1)
    return card


class CommitmentsScreen(Screen):
    name = "commitments"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        self._grids: list[tuple[QGridLayout, list[QWidget], int, int]] = []  # grid, cards, landscape/portrait columns
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page = ScrollPage(spacing=20, margins=40)
        outer.addWidget(self.page)
        head_row = QHBoxLayout()
        head_row.setContentsMargins(0, 8, 0, 0)
        head_row.setSpacing(24)
        head = QVBoxLayout()
        head.setSpacing(8)
        head.addWidget(text_label(self.tr("服务承诺与制度"), "ScreenTitle"))
        head.addWidget(wrapping(text_label(self.tr("我们公开作出以下服务承诺，执行以下服务制度，欢迎您监督。"),
                                           "ScreenSubtitle")))
        head_row.addLayout(head, 1)
        self.supervision_button = QPushButton(self.tr("监督投诉 ›"))
        self.supervision_button.clicked.connect(self.show_supervision)
        head_row.addWidget(self.supervision_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.page.column.addLayout(head_row)
        self.supervision_label: QLabel | None = None
        self.content = QVBoxLayout()
        self.content.setSpacing(20)
        self.page.column.addLayout(self.content)
        self.page.column.addStretch(1)
        self.refresh()

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.page.verticalScrollBar().setValue(0)

    def show_supervision(self) -> None:
        """Scroll to the complaint phone and channels."""
        if self.supervision_label is not None:
            self.page.verticalScrollBar().setValue(self.supervision_label.y() - 8)

    def refresh(self) -> None:
        clear_layout(self.content)
        self._grids.clear()
        self.supervision_label = None
        catalog = self.store.catalog
        if catalog is None:
            return
        from kiosk.data.catalog import NotFound

        groups = catalog.commitments()
        first = next((g for g in groups if "四零" in g.name), groups[0] if groups else None)
        if first is not None:
            self.content.addWidget(self._four_zeros(first))
        for group in groups:
            if group is not first:
                self._group(group)
        try:
            hall = catalog.hall()
        except NotFound:
            hall = None
        if hall is not None:
            self._supervision(hall)
        self.supervision_button.setVisible(self.supervision_label is not None)

    # -- parts ---------------------------------------------------------------------------------------------
    def _four_zeros(self, group: CommitmentGroupView) -> QFrame:
        banner = QFrame()
        banner.setObjectName("FourZeros")
        column = QVBoxLayout(banner)
        column.setContentsMargins(36, 28, 36, 36)
        column.setSpacing(20)
        ours = "四零" in group.name  # the content's "four zeros" get the standard title
        title = self.tr("“四零”服务公开承诺") if ours else group.name
        column.addWidget(wrapping(text_label(title, "FourZerosTitle", content=not ours)))
        grid = QGridLayout()
        grid.setSpacing(18)
        cards: list[QWidget] = [entry_card(e, "ZeroCard") for e in group.entries]
        column.addLayout(grid)
        self._add_grid(grid, cards, 4 if len(cards) == 4 else 3, 2)
        return banner

    def _group(self, group: CommitmentGroupView) -> None:
        self.content.addWidget(text_label(group.name, "SectionTitle", content=True))
        grid = QGridLayout()
        grid.setSpacing(18)
        cards: list[QWidget] = [entry_card(e, "RuleCard", str(i)) for i, e in enumerate(group.entries, start=1)]
        self.content.addLayout(grid)
        self._add_grid(grid, cards, 3, 2)

    def _supervision(self, hall: HallView) -> None:
        self.supervision_label = text_label(self.tr("监督投诉"), "SectionTitle")
        self.content.addWidget(self.supervision_label)
        card = QFrame()
        card.setObjectName("SuperviseCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(20)
        if hall.complaint_phone:
            phone = QVBoxLayout()
            phone.setSpacing(0)
            phone.addWidget(text_label(self.tr("监督投诉电话"), "SuperviseLead"))
            phone.addWidget(text_label(hall.complaint_phone, "SupervisePhone", content=True))
            column.addLayout(phone)
        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        facts.setVerticalSpacing(14)
        facts.setColumnStretch(1, 1)
        # (key, value, whether the key is the content's own name of a channel)
        lines = [(c.name, c.text, True) for c in hall.complaint_channels if c.text != hall.complaint_phone]
        lines += [(self.tr("咨询电话"), hall.consult_phone, False), (self.tr("办公时间"), hall.hours, False),
                  (self.tr("地址"), hall.address, False)]
        for index, (key, value, named) in enumerate(line for line in lines if line[0] or line[1]):
            facts.addWidget(wrapping(text_label(key, "SuperviseKey", content=named)), index, 0,
                            Qt.AlignmentFlag.AlignTop)
            facts.addWidget(wrapping(text_label(value, "SuperviseValue", content=True)), index, 1)
        column.addLayout(facts)
        self.content.addWidget(card)
        self.content.addWidget(wrapping(text_label(
            self.tr("对服务有意见或建议，也可以投入便民服务厅意见箱，或向任何一位工作人员反映；"
                    "我们将及时处理、限期答复。"), "Muted")))

    def _add_grid(self, grid: QGridLayout, cards: list[QWidget], landscape: int, portrait: int) -> None:
        self._grids.append((grid, cards, landscape, portrait))
        regrid(grid, cards, landscape if self._landscape else portrait)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            for grid, cards, wide, tall in self._grids:
                regrid(grid, cards, wide if landscape else tall)

    # -- for tests -----------------------------------------------------------------------------------------
    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel)]
