"""Home: a search bar, the topics as tiles, and the ways to find a window, a department or a rule."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import Tile, clear_layout, text_label


class HomeScreen(Screen):
    name = "home"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self._landscape = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(24)
        self.search_button = QPushButton(self.tr("搜索办事事项：输入名称、拼音首字母或事项编码"))
        self.search_button.setProperty("primary", True)
        self.search_button.setMinimumHeight(110)
        self.search_button.clicked.connect(lambda: self.navigate.emit("search", None))
        outer.addWidget(self.search_button)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(32)
        outer.addLayout(self.body, 1)

        topics_column = QVBoxLayout()
        topics_column.addWidget(text_label(self.tr("按主题办事"), "ScreenTitle"))
        self.topic_grid = QGridLayout()
        self.topic_grid.setSpacing(20)
        topics_column.addLayout(self.topic_grid, 1)
        self.body.addLayout(topics_column, 3)

        actions_column = QVBoxLayout()
        actions_column.addWidget(text_label(self.tr("找窗口 · 找部门"), "ScreenTitle"))
        self.action_column = QVBoxLayout()
        self.action_column.setSpacing(20)
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
            tile.clicked.connect(lambda _=False, n=name: self.navigate.emit(n, None))
            self.action_column.addWidget(tile)
            self.action_tiles[name] = tile
        # after being served: rate, say something, look up a reply, see everyone's ratings
        self.visitor_row = QHBoxLayout()
        self.visitor_row.setSpacing(20)
        self.visitor_buttons: dict[str, QPushButton] = {}
        for name, title in (
            ("rate", self.tr("☺ 评价服务")), ("feedback", self.tr("意见箱 · 投诉建议")),
            ("feedback_query", self.tr("查询办理回复")), ("results", self.tr("评价结果公开")),
        ):
            button = QPushButton(title)
            button.setProperty("accent", name == "rate")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _=False, n=name: self.navigate.emit(n, None))
            self.visitor_row.addWidget(button, 2 if name == "rate" else 1)
            self.visitor_buttons[name] = button
        outer.addLayout(self.visitor_row)
        self.topic_tiles: dict[str, Tile] = {}
        self.refresh()

    def refresh(self) -> None:
        clear_layout(self.topic_grid)
        self.topic_tiles.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        topics = catalog.topics()
        columns = 2 if self._landscape else 3
        for index, topic in enumerate(topics):
            tile = Tile(topic.name, self.tr("%n 个事项", "", topic.item_count))
            tile.clicked.connect(lambda _=False, code=topic.code: self.navigate.emit("items", ("topic", code)))
            self.topic_grid.addWidget(tile, index // columns, index % columns)
            self.topic_tiles[topic.code] = tile

    def resizeEvent(self, event: object) -> None:
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
            self.refresh()


