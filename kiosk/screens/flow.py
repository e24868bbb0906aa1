"""An item's service flow as a picture (办理流程图): numbered boxes and arrows, then each step explained."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScroller,
    QVBoxLayout,
)

from kiosk.i18n import duration_text, visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.item_detail import GuideText, card_frame, esc, wrapping
from kiosk.store import ContentStore
from kiosk.ui import PALETTE
from kiosk.widgets.common import ScrollPage, text_label
from kiosk.widgets.flow_chart import ChartStep, FlowChart

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog
    from kiosk.data.views import ItemGuide, PostView


class FlowScreen(Screen):
    name = "flow"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.setObjectName("Flow")
        self.store = store
        self.code: str | None = None
        self.guide: ItemGuide | None = None
        self._posts: tuple[object, dict[str, PostView]] = (None, {})

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 0)
        outer.setSpacing(12)
        top = QHBoxLayout()
        top.setSpacing(24)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.title = wrapping(text_label(self.tr("办理流程图"), "ScreenTitle"))
        titles.addWidget(self.title)
        self.item_name = wrapping(text_label("", "FlowItemName", content=True))
        titles.addWidget(self.item_name)
        top.addLayout(titles, 1)
        self.guide_button = QPushButton(self.tr("返回办事指南"))
        self.guide_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.guide_button.clicked.connect(self.back_requested)
        top.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.page = ScrollPage(spacing=16, margins=0)
        self.page.column.setContentsMargins(0, 8, 24, 40)
        outer.addWidget(self.page, 1)
        column = self.page.column

        self.summary = GuideText("FlowSummary")
        column.addWidget(self.summary)
        self.chart = FlowChart()
        column.addWidget(self.chart)
        self.empty = wrapping(text_label("", "Empty"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        column.addWidget(self.empty)

        self.details_title = text_label(self.tr("每一步做什么"), "SectionTitle")
        column.addWidget(self.details_title)
        self.details_card, card = card_frame()
        self.details = GuideText("FlowDetails")
        self.details.setProperty("content", True)  # the steps as the content describes them
        card.addWidget(self.details)
        column.addWidget(self.details_card)
        column.addStretch(1)

    # -- Screen -----------------------------------------------------------------------------------------
    def open(self, key: object = None) -> None:
        self.code = str(key) if key is not None else None
        self._show()
        QScroller.scroller(self.page.viewport()).stop()
        self.page.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        if self.code is not None:
            self._show()

    def reset(self) -> None:
        self.page.verticalScrollBar().setValue(0)

    # -- content ----------------------------------------------------------------------------------------
    def _post_views(self, catalog: Catalog) -> dict[str, PostView]:
        if self._posts[0] is not catalog:
            self._posts = (catalog, {p.code: p for p in catalog.posts()})
        return self._posts[1]

    def post_text(self, post: str, posts: dict[str, PostView]) -> str:
        """A flow step names its post by code (``SP-W1``) or in words; show words and the window."""
        view = posts.get(post)
        if view is None:
            return post
        if view.window:
            return self.tr("%1（%2号窗口）").replace("%1", view.name).replace("%2", view.window)
        return view.name

    def _show(self) -> None:
        catalog = self.store.catalog
        guide = catalog.find_item_guide(self.code) if catalog is not None and self.code is not None else None
        self.guide = guide
        if guide is None or catalog is None:
            self.item_name.setText("")
            self._show_empty(self.tr("该事项已更新或下线，请返回重新选择"))
            return
        self.item_name.setText(guide.name)
        if not guide.steps:
            place = visitor_text(guide.post.window_label) if guide.post is not None else ""
            parts = [self.tr("该事项暂未公布办理流程图。")]
            if place:
                parts.append(self.tr("请到%1咨询").replace("%1", place))
            if guide.consult_phone:
                parts.append(self.tr("咨询电话：%1").replace("%1", guide.consult_phone))
            self._show_empty("\n".join(parts))
            return
        posts = self._post_views(catalog)
        steps = [ChartStep(s.step, self.post_text(s.post, posts) if s.post else "", s.time) for s in guide.steps]
        self.chart.set_steps(steps)
        self.chart.show()
        self.empty.hide()
        promised = (self.tr("承诺%1办结").replace("%1", duration_text(guide.promised_limit, guide.promised_unit))
                    if guide.promised_limit > 0 else self.tr("当场办结"))
        count = self.tr("共 %n 个步骤，从第 1 步开始，沿箭头办理。", "", len(steps))
        self.summary.setText(f'{esc(count)}&nbsp;&nbsp;<b style="color:{PALETTE["blue"]};">{esc(promised)}</b>')
        self.summary.show()
        self.details.setText(self._details_html(guide, steps))
        self.details_title.show()
        self.details_card.show()

    def _show_empty(self, text: str) -> None:
        self.chart.set_steps([])
        self.chart.hide()
        self.summary.hide()
        self.details_title.hide()
        self.details_card.hide()
        self.empty.setText(text)
        self.empty.show()

    def _details_html(self, guide: ItemGuide, steps: list[ChartStep]) -> str:
        muted, blue_dark = PALETTE["muted"], PALETTE["blue_dark"]
        post_label, time_label = self.tr("岗位："), self.tr("时限：")
        parts = []
        for index, (view, step) in enumerate(zip(guide.steps, steps, strict=True)):
            top = "0" if index == 0 else "20px"
            facts = []
            if step.post:
                facts.append(f'<span style="color:{muted};">{esc(post_label)}</span>{esc(step.post)}')
            if step.time:
                facts.append(f'<span style="color:{muted};">{esc(time_label)}</span>'
                             f'<span style="color:{blue_dark};">{esc(step.time)}</span>')
            head = f'<b>{index + 1}.&nbsp;&nbsp;{esc(view.step)}</b>'
            if facts:
                head += "&nbsp;&nbsp;&nbsp;" + "　".join(facts)
            parts.append(f'<p style="margin-top:{top}; margin-left:56px; text-indent:-56px;">{head}</p>')
            if view.description:
                parts.append(f'<p style="margin-top:6px; margin-left:56px; line-height:130%;">'
                             f'{esc(view.description)}</p>')
        return "".join(parts)
