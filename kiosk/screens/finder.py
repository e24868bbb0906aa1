"""“我该去哪办？” (首问负责制): a guided finder from a matter to the exact window to walk to.

Step 1 asks "您要办什么事？" with the topics as tiles, plus "输入几个字母查找"; step 2 lists the items
of the chosen topic (or, for letters, the matching items under a keyboard); step 3 answers: the
window number in large type, where it is, the post and its department, hours, phone and the staff
on duty. An item without a window in the hall is answered with the department that handles it,
where it sits, its phone and the online address: never a blank answer.

Each step is a navigation key of this screen (``None``, ``"letters"``, ``("topic", code)``,
``("item", code)``), so the footer's Back goes back one step.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import promised_label
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.search import RowPool, SearchPanel, entry_detail, fit_body_to_text
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.common import ScrollPage, Tile, text_label

if TYPE_CHECKING:
    from kiosk.data.views import ItemGuide, PostView, StaffView

LETTERS = "letters"
#: items listed for one topic; a topic with more offers the letters search instead
TOPIC_ROW_LIMIT = 60
#: results under the finder's keyboard
LETTER_RESULT_LIMIT = 20
ONLINE_POST = "网络平台"
PHOTO_SIZE = (72, 90)
STAFF_COLUMNS = 3
_PHOTOS: dict[tuple[str, int], QPixmap] = {}


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class StaffCard(QFrame):
    """One person on duty, like the identity badge (身份牌): photo (or initial), name, role, number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FinderStaff")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 12, 10)
        row.setSpacing(12)
        self.photo = QLabel()
        self.photo.setObjectName("FinderStaffPhoto")
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.name_label = text_label("", "FinderStaffName", content=True)
        self.role_label = text_label("", "Muted", content=True)
        self.number_label = text_label("", "Muted")
        for label in (self.name_label, self.role_label, self.number_label):
            texts.addWidget(label)
        texts.addStretch(1)
        row.addLayout(texts, 1)

    def set_staff(self, staff: StaffView) -> None:
        pixmap = self._photo(staff.photo)
        if pixmap is not None:
            self.photo.setPixmap(pixmap)
        else:
            self.photo.clear()
            self.photo.setText(staff.name[:1])
        self.name_label.setText(staff.name)
        self.role_label.setText(staff.role)
        self.role_label.setVisible(bool(staff.role))
        self.number_label.setText(self.tr("工号 %1").replace("%1", staff.number) if staff.number else "")
        self.number_label.setVisible(bool(staff.number))

    @staticmethod
    def _photo(path: str) -> QPixmap | None:
        """The scaled photo, cached by path and modification time (content updates replace files)."""
        if not path:
            return None
        try:
            key = (path, os.stat(path).st_mtime_ns)
        except OSError:
            return None
        if key not in _PHOTOS:
            pixmap = QPixmap(path)
            if pixmap.isNull():
                return None
            _PHOTOS[key] = pixmap.scaled(PHOTO_SIZE[0], PHOTO_SIZE[1], Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
        return _PHOTOS[key]


class FinderScreen(Screen):
    name = "finder"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        self._key: Any = None
        self.item_code = ""  # the item answered on step 3
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 16, 0, 0)
        outer.setSpacing(8)

        steps = QHBoxLayout()
        steps.setContentsMargins(40, 0, 40, 0)
        steps.setSpacing(12)
        self.step_labels: list[QLabel] = []
        for text in (self.tr("第一步  选择类别"), self.tr("第二步  选择事项"), self.tr("第三步  去哪里办")):
            label = text_label(text, "FinderStep", wrap=False)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            steps.addWidget(label, 1)
            self.step_labels.append(label)
        outer.addLayout(steps)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self._build_topics_page()
        self._letters: SearchPanel | None = None  # built on first use (it carries a keyboard)
        self._build_items_page()
        self._build_answer_page()
        self._build_note_page()
        self.refresh_topics()
        self._show_topics()

    # -- pages ------------------------------------------------------------------------------------------
    def _build_topics_page(self) -> None:
        self.topics_page = ScrollPage(spacing=16, margins=40)
        fit_body_to_text(self.topics_page)
        column = self.topics_page.column
        column.addWidget(text_label(self.tr("您要办什么事？"), "ScreenTitle"))
        column.addWidget(text_label(
            self.tr("首问负责：选一类事情，再选具体事项，我们告诉您到几号窗口办理。"), "ScreenSubtitle"))
        self.topic_grid = QGridLayout()
        self.topic_grid.setSpacing(20)
        column.addLayout(self.topic_grid, 1)
        self.help_note = text_label("", "Muted")
        column.addWidget(self.help_note)
        self.topic_tiles: dict[str, Tile] = {}
        self.letters_tile = Tile(self.tr("输入几个字母查找"),
                                 self.tr("用拼音首字母，如 hp（环评）、pwxk（排污许可）"), primary=True)
        self.letters_tile.clicked.connect(lambda: self.navigate.emit(self.name, LETTERS))
        self.stack.addWidget(self.topics_page)

    @property
    def letters(self) -> SearchPanel:
        """The "输入几个字母查找" step: a keyboard and the matching items."""
        if self._letters is None:
            panel = SearchPanel(
                self.store, limit=LETTER_RESULT_LIMIT,
                hint=self.tr("输入事项名称的拼音首字母、全拼或几个字，轻触结果即可看到去哪个窗口"),
            )
            panel.chosen.connect(lambda code: self.navigate.emit(self.name, ("item", code)))
            by_topic = panel.add_no_result_button(self.tr("按类别选择"), primary=True)
            by_topic.clicked.connect(lambda: self.navigate.emit(self.name, None))
            again = panel.add_no_result_button(self.tr("清空重新输入"))
            again.clicked.connect(panel.clear)
            panel.fit_keyboard(self._landscape)
            self.stack.addWidget(panel)
            self._letters = panel
        return self._letters

    def _clear_letters(self) -> None:
        if self._letters is not None:
            self._letters.clear()

    def _build_items_page(self) -> None:
        self.items_page = ScrollPage(spacing=14, margins=40)
        fit_body_to_text(self.items_page)
        column = self.items_page.column
        self.topic_title = text_label("", "ScreenTitle", content=True)
        column.addWidget(self.topic_title)
        self.topic_description = text_label("", "ScreenSubtitle", content=True)
        column.addWidget(self.topic_description)
        self.item_pool = RowPool(column, lambda code: self.navigate.emit(self.name, ("item", code)), insert_at=2)
        self.items_note = text_label("", "Empty")
        column.addWidget(self.items_note)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        self.items_letters_button = QPushButton(self.tr("以上都不是？输入几个字母查找"))
        self.items_letters_button.clicked.connect(lambda: self.navigate.emit(self.name, LETTERS))
        buttons.addWidget(self.items_letters_button, 2)
        restart = QPushButton(self.tr("重新选择"))
        restart.clicked.connect(lambda: self.navigate.emit(self.name, None))
        buttons.addWidget(restart, 1)
        column.addLayout(buttons)
        column.addStretch(1)
        self.stack.addWidget(self.items_page)

    def _build_answer_page(self) -> None:
        self.answer_page = ScrollPage(spacing=20, margins=40)
        fit_body_to_text(self.answer_page)
        column = self.answer_page.column
        self.answer_item = text_label("", "ScreenTitle", content=True)
        column.addWidget(self.answer_item)
        self.answer_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.answer_box.setSpacing(24)
        column.addLayout(self.answer_box)

        self.where_card = QFrame()
        self.where_card.setObjectName("FinderWhere")
        where = QVBoxLayout(self.where_card)
        where.setContentsMargins(36, 28, 36, 32)
        where.setSpacing(14)
        self.big_window = text_label("", "BigWindow")
        where.addWidget(self.big_window)
        self.department_answer = text_label("", "FinderAnswer", content=True)
        where.addWidget(self.department_answer)
        self.place = text_label("", "FinderPlace", content=True)
        where.addWidget(self.place)
        self.post_line = text_label("", "FinderPost", content=True)
        where.addWidget(self.post_line)
        self.staff_title = text_label(self.tr("值班人员"), "FinderFactKey")
        where.addWidget(self.staff_title)
        self.staff_box = QGridLayout()
        self.staff_box.setSpacing(12)
        self._staff_cards: list[StaffCard] = []
        where.addLayout(self.staff_box)
        where.addStretch(1)
        self.answer_box.addWidget(self.where_card, 5)

        self.facts_card = QFrame()
        self.facts_card.setObjectName("Card")
        facts = QVBoxLayout(self.facts_card)
        facts.setContentsMargins(32, 24, 32, 28)
        facts.setSpacing(10)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(20)
        self.facts.setVerticalSpacing(12)
        self.facts.setColumnStretch(1, 1)
        self._fact_labels: list[tuple[QLabel, QLabel]] = []
        facts.addLayout(self.facts)
        facts.addStretch(1)
        self.answer_box.addWidget(self.facts_card, 4)

        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        self.guide_button = QPushButton(self.tr("查看办事指南"))
        self.guide_button.setProperty("primary", True)
        self.guide_button.clicked.connect(lambda: self.navigate.emit("item", self.item_code))
        buttons.addWidget(self.guide_button, 2)
        restart = QPushButton(self.tr("重新选择"))
        restart.clicked.connect(lambda: self.navigate.emit(self.name, None))
        buttons.addWidget(restart, 1)
        column.addLayout(buttons)
        column.addStretch(1)
        self.stack.addWidget(self.answer_page)

    def _build_note_page(self) -> None:
        self.note_page = QWidget()
        column = QVBoxLayout(self.note_page)
        column.setContentsMargins(40, 40, 40, 40)
        column.setSpacing(28)
        column.addStretch(1)
        self.note = text_label(self.tr("该事项已更新或下线，请返回重新选择"), "Empty")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.note)
        restart = QPushButton(self.tr("重新选择"))
        restart.setProperty("primary", True)
        restart.setMinimumWidth(metrics().px(420))
        restart.clicked.connect(lambda: self.navigate.emit(self.name, None))
        column.addWidget(restart, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)
        self.stack.addWidget(self.note_page)

    # -- Screen -----------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self._key = key
        if key == LETTERS:
            self._show_letters()
        elif isinstance(key, tuple) and len(key) == 2 and key[0] == "topic":
            self._show_topic(str(key[1]))
        elif isinstance(key, tuple) and len(key) == 2 and key[0] == "item":
            self._show_answer(str(key[1]))
        else:
            self._key = None
            self._clear_letters()
            self._show_topics()

    def reset(self) -> None:
        self._key = None
        self.item_code = ""
        self._clear_letters()
        self._show_topics()

    def refresh(self) -> None:
        self.refresh_topics()
        self.open(self._key)

    def refresh_topics(self) -> None:
        self._detach_tiles()
        for tile in self.topic_tiles.values():
            tile.setParent(None)
            tile.deleteLater()
        self.topic_tiles.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        for topic in catalog.topics():
            subtitle = topic.description or self.tr("%n 个事项", "", topic.item_count)
            tile = Tile(topic.name, subtitle, content=True)
            tile.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            tile.clicked.connect(lambda _=False, code=topic.code: self.navigate.emit(self.name, ("topic", code)))
            self.topic_tiles[topic.code] = tile
        self._place_tiles()
        hall = catalog.hall()
        if hall.consult_phone:
            self.help_note.setText(
                self.tr("都不是？请到服务台咨询，或拨打咨询电话 %1").replace("%1", hall.consult_phone))
        else:
            self.help_note.setText(self.tr("都不是？请到服务台咨询，工作人员会告诉您去哪里办。"))

    def _detach_tiles(self) -> None:
        """Take the tiles out of the grid without deleting them (they are placed again)."""
        while self.topic_grid.count():
            self.topic_grid.takeAt(0)

    def _place_tiles(self) -> None:
        self._detach_tiles()
        columns = 4 if self._landscape else 2
        tiles = [*self.topic_tiles.values(), self.letters_tile]
        for index, tile in enumerate(tiles):
            self.topic_grid.addWidget(tile, index // columns, index % columns)
        tile_height = 200 if self._landscape else 220
        for tile in tiles:
            tile.setMinimumHeight(tile_height)

    # -- steps ------------------------------------------------------------------------------------------
    def _set_step(self, step: int) -> None:
        for index, label in enumerate(self.step_labels, start=1):
            active = index == step
            if label.property("active") != active:
                label.setProperty("active", active)
                _repolish(label)

    def _show_topics(self) -> None:
        self._set_step(1)
        self.topics_page.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.topics_page)

    def _show_letters(self) -> None:
        self._set_step(2)
        self.stack.setCurrentWidget(self.letters)
        self.letters.field.setFocus()

    def _show_note(self) -> None:
        self._set_step(0)
        self.stack.setCurrentWidget(self.note_page)

    def _show_topic(self, code: str) -> None:
        from kiosk.data.catalog import NotFound

        catalog = self.store.catalog
        if catalog is None:
            self._show_note()
            return
        try:
            topic = catalog.topic(code)
        except NotFound:
            self._show_note()
            return
        items = catalog.items_by_topic(code)
        self.topic_title.setText(self.tr("%1：请选择具体事项").replace("%1", topic.name))
        self.topic_description.setText(topic.description)
        self.topic_description.setVisible(bool(topic.description))
        self.item_pool.show([(i.code, i.name, entry_detail(i.department_name, i.window))
                             for i in items[:TOPIC_ROW_LIMIT]])
        if not items:
            self.items_note.setText(self.tr("这一类暂时没有事项，请输入几个字母查找，或到服务台咨询。"))
        elif len(items) > TOPIC_ROW_LIMIT:
            self.items_note.setText(self.tr("共 %1 个事项，这里列出前 %2 个；输入几个字母可更快找到。")
                                    .replace("%1", str(len(items))).replace("%2", str(TOPIC_ROW_LIMIT)))
        else:
            self.items_note.setText("")
        self.items_note.setVisible(bool(self.items_note.text()))
        self._set_step(2)
        self.items_page.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.items_page)

    def _show_answer(self, code: str) -> None:
        catalog = self.store.catalog
        guide = catalog.find_item_guide(code) if catalog is not None else None
        if guide is None:
            self._show_note()
            return
        self.item_code = guide.code
        self.answer_item.setText(guide.name)
        post = guide.post
        facts: list[tuple[str, str]] = []
        at_window = post is not None and post.post_type != ONLINE_POST and bool(post.window)
        in_hall = post is not None and post.post_type != ONLINE_POST
        if at_window and post is not None:
            self.big_window.setText(self.tr("请到 %1").replace("%1", visitor_text(post.window_label)))
            self.department_answer.setText("")
            self.place.setText(self._place_text(guide, post))
            self.post_line.setText(" · ".join(p for p in (post.name, post.department_name) if p))
        elif in_hall and post is not None:  # a hall post without a window number (say, the service desk)
            self.big_window.setText("")
            self.department_answer.setText(self.tr("请到 %1").replace("%1", post.name))
            self.place.setText(self._place_text(guide, post))
            self.post_line.setText(post.department_name)
        else:
            self.big_window.setText("")
            department = guide.department_name or guide.handling_org
            self.department_answer.setText(
                self.tr("本事项由 %1 办理").replace("%1", department) if department
                else self.tr("请到服务台咨询，工作人员会为您指引"))
            if post is not None:
                self.post_line.setText(self.tr("本事项通过网络平台办理：%1").replace("%1", post.name))
            else:
                self.post_line.setText(self.tr("便民服务厅未设本事项的窗口，请联系承办部门。"))
            self.place.setText(self.tr("办理地点：%1").replace(
                "%1", guide.location or self.tr("请到便民服务厅服务台咨询")))
        for label in (self.big_window, self.department_answer, self.place, self.post_line):
            label.setVisible(bool(label.text()))

        if guide.hours:
            facts.append((self.tr("办理时间"), guide.hours))
        if guide.consult_phone:
            facts.append((self.tr("咨询电话"), guide.consult_phone))
        online = guide.online_url or (post.url if post is not None and post.post_type == ONLINE_POST else "")
        if online:
            facts.append((self.tr("网上办理"), online))
        if guide.promised_limit:
            facts.append((self.tr("承诺时限"), visitor_text(promised_label(guide.promised_limit, guide.promised_unit))))
        if guide.visits:
            facts.append((self.tr("到现场次数"), self._visits_text(guide.visits)))
        self._fill_facts(facts)
        self._fill_staff(post.staff if in_hall and post is not None else ())
        self._set_step(3)
        self.answer_page.verticalScrollBar().setValue(0)
        self.stack.setCurrentWidget(self.answer_page)

    def _place_text(self, guide: ItemGuide, post: PostView) -> str:
        location = guide.location
        if post.floor and post.floor.casefold() not in location.casefold():  # "Ground floor" in English
            location = f"{post.floor} {location}".strip()
        return location

    def _visits_text(self, visits: str) -> str:
        if visits == "0":
            return self.tr("0 次（可全程网上办理）")
        if visits.isdigit():
            return self.tr("最多跑 %1 次").replace("%1", visits)
        return visitor_text(visits)

    def _fill_facts(self, facts: list[tuple[str, str]]) -> None:
        """Re-label a small pool of key/value labels (made once) instead of rebuilding them."""
        while len(self._fact_labels) < len(facts):
            row = len(self._fact_labels)
            key_label = text_label("", "FinderFactKey", wrap=False)
            value_label = text_label("", "FinderFactValue", content=True)
            self.facts.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(value_label, row, 1)
            self._fact_labels.append((key_label, value_label))
        for index, (key_label, value_label) in enumerate(self._fact_labels):
            shown = index < len(facts)
            if shown:
                key_label.setText(facts[index][0])
                value_label.setText(facts[index][1])
            key_label.setVisible(shown)
            value_label.setVisible(shown)

    def _fill_staff(self, staff: tuple[StaffView, ...]) -> None:
        self.staff_title.setVisible(bool(staff))
        while len(self._staff_cards) < len(staff):
            index = len(self._staff_cards)
            card = StaffCard()
            self.staff_box.addWidget(card, index // STAFF_COLUMNS, index % STAFF_COLUMNS)
            self._staff_cards.append(card)
        for index, card in enumerate(self._staff_cards):
            if index < len(staff):
                card.set_staff(staff[index])
            card.setVisible(index < len(staff))

    # -- layout -----------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if self._letters is not None:
            self._letters.fit_keyboard(landscape)
        if landscape != self._landscape:
            self._landscape = landscape
            self.answer_box.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                         else QBoxLayout.Direction.TopToBottom)
            self._place_tiles()
            if self.stack.currentWidget() is self.answer_page:
                self.open(self._key)
