"""Home: a search bar, the topics as tiles, and the ways to find a window, a department or a rule."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QGridLayout, QPushButton, QVBoxLayout

from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.common import ScrollPage, Tile, clear_layout, text_label
from kiosk.widgets.flow_grid import arrange, columns_that_fit
from kiosk.widgets.mode_buttons import ModeButtons


def compact_tile(tile: Tile) -> None:
    """Home's tiles are a little tighter than elsewhere: in Chinese all of home fits a landscape screen."""
    layout = tile.layout()
    assert layout is not None
    layout.setContentsMargins(28, 10, 28, 10)
    layout.setSpacing(2)


class HomeScreen(Screen):
    name = "home"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        #: 长辈模式: bigger everything, fewer per row (and the page scrolls)
        self.elderly = metrics().scale > 1
        # a page that scrolls where the texts need more room than the screen has (长辈模式, long English
        # names); otherwise it fills the screen as a fixed page would
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.page = ScrollPage(spacing=24)
        root.addWidget(self.page)
        outer = self.page.column
        outer.setContentsMargins(40, 28, 40, 28)
        self.search_button = QPushButton(self.tr("搜索办事事项：输入名称、拼音首字母或事项编码"))
        self.search_button.setProperty("primary", True)
        self.search_button.setMinimumHeight(metrics().px(110))
        self.search_button.clicked.connect(lambda: self.navigate.emit("search", None))
        # the search and the visitor's switches (长辈模式, 高对比, English): side by side where they fit
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.setSpacing(24)
        self.top.addWidget(self.search_button, 1)
        self.mode_buttons = ModeButtons(store.mode)
        self.top.addWidget(self.mode_buttons)
        outer.addLayout(self.top)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(32)
        outer.addLayout(self.body, 0 if self.elderly else 1)

        topics_column = QVBoxLayout()
        topics_column.addWidget(text_label(self.tr("按主题办事"), "ScreenTitle"))
        self.topic_grid = QGridLayout()
        self.topic_grid.setHorizontalSpacing(20)
        self.topic_grid.setVerticalSpacing(14)
        topics_column.addLayout(self.topic_grid, 1)
        self.body.addLayout(topics_column, 3)

        actions_column = QVBoxLayout()
        actions_column.addWidget(text_label(self.tr("找窗口 · 找部门"), "ScreenTitle"))
        self.action_column = QVBoxLayout()
        self.action_column.setSpacing(14)
        actions_column.addLayout(self.action_column, 1)
        self.body.addLayout(actions_column, 2)
        self.action_tiles: dict[str, Tile] = {}
        for name, title, subtitle, primary in (
            ("finder", self.tr("我该去哪办？"), self.tr("首问负责：选一件事，告诉您去几号窗口"), True),
            ("departments", self.tr("按部门查找"), self.tr("各服务部门及其办理事项"), False),
            ("posts", self.tr("窗口岗位"), self.tr("窗口位置、工作事项、值班人员和电话"), False),
            ("commitments", self.tr("服务承诺与制度"), self.tr("“四零”承诺、六个规范、监督投诉"), False),
        ):
            tile = Tile(title, subtitle, primary=primary)
            compact_tile(tile)
            tile.clicked.connect(lambda _=False, n=name: self.navigate.emit(n, None))
            self.action_column.addWidget(tile)
            self.action_tiles[name] = tile
        # after being served: rate, say something, look up a reply, see everyone's ratings
        self.visitor_row = QGridLayout()
        self.visitor_row.setSpacing(20)
        self.visitor_buttons: dict[str, QPushButton] = {}
        for name, title in (
            ("rate", self.tr("☺ 评价服务")), ("feedback", self.tr("意见箱 · 投诉建议")),
            ("feedback_query", self.tr("查询办理回复")), ("results", self.tr("评价结果公开")),
        ):
            button = QPushButton(title)
            button.setProperty("accent", name == "rate")
            button.setMinimumHeight(metrics().px(96))
            button.clicked.connect(lambda _=False, n=name: self.navigate.emit(n, None))
            self.visitor_buttons[name] = button
        self._visitor_columns = 0
        self._arrange_visitor_buttons(4)
        outer.addLayout(self.visitor_row)
        self.topic_tiles: dict[str, Tile] = {}
        self._columns = 0
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.topic_grid)
        self.topic_tiles.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        topics = catalog.topics()
        tiles = []
        for topic in topics:
            tile = Tile(topic.name, self.tr("%n 个事项", "", topic.item_count), content=True)
            compact_tile(tile)
            tiles.append(tile)
        for topic, tile in zip(topics, tiles, strict=True):
            tile.clicked.connect(lambda _=False, code=topic.code: self.navigate.emit("items", ("topic", code)))
            self.topic_tiles[topic.code] = tile
        self._columns = 0
        self._place_topics()

    def _place_topics(self) -> None:
        tiles = list(self.topic_tiles.values())
        columns = self._topic_columns(tiles)
        if columns != self._columns:
            self._columns = columns
            arrange(self.topic_grid, tiles, columns)

    def _topic_columns(self, tiles: list[Tile]) -> int:
        """2 columns in landscape and in 长辈模式, 3 in portrait; fewer where a topic's longest word would
        not fit its column (an English name in large text)."""
        wanted = 2 if self._landscape or self.elderly else 3
        room = self.width() - 80 - max(metrics().mm(6), 22)
        if self._landscape:
            room = (room - self.body.spacing()) * 3 // 5  # (the topics' share beside the other ways)
        if room <= 0 or not tiles:
            return wanted
        widest = 0
        for tile in tiles:
            tile.ensurePolished()  # (the stylesheet's font)
            widest = max(widest, tile.title_label.minimumSizeHint().width() + 2 * 28)
        spacing = self.topic_grid.horizontalSpacing()
        return max(1, min(wanted, (room + spacing) // (widest + spacing)))

    def _arrange_visitor_buttons(self, columns: int) -> None:
        """In one row (评价服务 the widest) where they fit, else two by two (portrait, 长辈模式), else one
        above the other (长辈模式 in English)."""
        if columns == self._visitor_columns:
            return
        self._visitor_columns = columns
        for index, button in enumerate(self.visitor_buttons.values()):
            self.visitor_row.removeWidget(button)
            self.visitor_row.addWidget(button, index // columns, index % columns)
        for column, stretch in enumerate((2, 1, 1, 1)):
            self.visitor_row.setColumnStretch(column, stretch if columns == 4 else 1 if column < columns else 0)

    def resizeEvent(self, event: object) -> None:
        room = self.width() - 80 - max(metrics().mm(6), 22)  # (the page's side margins, its scroll bar)
        # the search button says how to search where it has the room (not in 长辈模式's portrait)
        full = self.tr("搜索办事事项：输入名称、拼音首字母或事项编码")
        fits = self.search_button.fontMetrics().horizontalAdvance(full) + 80 <= room
        self.search_button.setText(full if fits else self.tr("搜索办事事项"))
        side_by_side = (self.search_button.sizeHint().width() + self.top.spacing()
                        + sum(b.sizeHint().width() for b in self.mode_buttons.buttons())
                        + 2 * self.mode_buttons.row.spacing()) <= room
        self.top.setDirection(QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom)
        self._arrange_visitor_buttons(columns_that_fit(list(self.visitor_buttons.values()), room,
                                                       self.visitor_row.horizontalSpacing(), even=True))
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
        self._place_topics()


