"""One window post (岗位牌): the window number large, where it is, who is on duty, what is done there.

Key: the post code. The page shows the post as the department declared it (type, 序号, name, work
items in full, contact person and phone, address or web address), the floor and hours, the staff
on duty as badge-like cards (photo when there is one, otherwise the person's first character), a
strip of the hall's windows with this one marked, and the items handled at the post.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import PostView, StaffView
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.item_list import ItemRows, regrid
from kiosk.screens.posts import WindowBox, post_place
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, TEXT, metrics
from kiosk.widgets.common import ScrollPage, clear_layout, scaled_photo, text_label
from kiosk.widgets.content_note import ContentLanguageNote, content_language
from kiosk.widgets.read_aloud import ReadAloudButton, SpokenSummary

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog

PHOTO_SIZE = QSize(120, 160)  # 3:4, like an identity badge


def photo_size() -> QSize:
    """The badge size in the visitor's mode (长辈模式: larger, as the initial shown without a photo)."""
    return QSize(metrics().px(PHOTO_SIZE.width()), metrics().px(PHOTO_SIZE.height()))


def wrapping(label: QLabel) -> QLabel:
    """Let the layout give a wrapped label its height for the real width (no gaps, no clipping)."""
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def load_photo(path: str) -> QPixmap | None:
    """The staff photo scaled to the badge size, or None when there is none or it cannot be read."""
    return scaled_photo(path, photo_size())


class StaffCard(QFrame):
    """One person on duty: photo (or first character), name, staff number, role."""

    def __init__(self, person: StaffView, photo: QPixmap | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffCard")
        self.person = person
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 20, 16)
        row.setSpacing(20)
        self.photo = QLabel()
        self.photo.setFixedSize(photo_size())
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.has_photo = photo is not None
        if photo is not None:
            self.photo.setObjectName("StaffPhoto")
            self.photo.setPixmap(photo)
        else:
            self.photo.setObjectName("StaffPlaceholder")
            self.photo.setProperty("content", True)
            self.photo.setText(person.name[:1])
        row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(6)
        self.name_label = wrapping(text_label(person.name, "StaffName", content=True))
        column.addWidget(self.name_label)
        self.number_label = wrapping(text_label(self.tr("工号：") + person.number if person.number else "",
                                                "StaffNumber"))
        self.number_label.setVisible(bool(person.number))
        column.addWidget(self.number_label)
        if person.role:
            column.addWidget(wrapping(text_label(person.role, "StaffRole", content=True)))
        column.addStretch(1)
        row.addLayout(column, 1)


class HallStrip(QWidget):
    """The windows of one floor in a row, in number order, with this post's window marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.windows: list[str] = []
        self.current = ""
        self.marker = self.tr("本窗口")
        self.setMinimumHeight(metrics().px(150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_windows(self, windows: list[str], current: str) -> None:
        self.windows = windows
        self.current = current
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, metrics().px(150))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.windows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 10
        count = len(self.windows)
        width = min(140, (self.width() - gap * (count - 1)) // count)
        left = (self.width() - (width * count + gap * (count - 1))) // 2
        box_height = 96
        number_font = QFont(self.font())
        number_font.setPixelSize(TEXT["heading"])
        number_font.setBold(True)
        marker_font = QFont(self.font())
        marker_font.setPixelSize(TEXT["small"])
        marker_font.setBold(True)
        for index, window in enumerate(self.windows):
            box = QRect(left + index * (width + gap), 4, width, box_height)
            mine = window == self.current
            painter.setPen(QPen(QColor(PALETTE["blue" if mine else "line"]), 3))
            painter.setBrush(QColor(PALETTE["blue" if mine else "surface"]))
            painter.drawRoundedRect(QRectF(box), 12, 12)
            painter.setFont(number_font)
            painter.setPen(QColor("white" if mine else PALETTE["muted"]))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), window)
            if mine:
                painter.setFont(marker_font)
                painter.setPen(QColor(PALETTE["blue"]))
                below = QRect(box.left() - 40, box.bottom() + 8, box.width() + 80, 40)
                painter.drawText(below, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self.marker)
        painter.end()


class QrCode(QWidget):
    """A QR code of a web address, for visitors to open it on their phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: list[list[bool]] = []
        self.setFixedSize(200, 200)

    def set_text(self, text: str) -> None:
        self.matrix = []
        if text:
            try:
                import qrcode

                code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
                code.add_data(text)
                code.make(fit=True)
                self.matrix = [list(map(bool, row)) for row in code.get_matrix()]
            except Exception:
                self.matrix = []
        self.setVisible(bool(self.matrix))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.matrix:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        cells = len(self.matrix)
        cell = min(self.width(), self.height()) // cells
        offset = (min(self.width(), self.height()) - cell * cells) // 2
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(offset + x * cell, offset + y * cell, cell, cell, QColor("black"))
        painter.end()


class PostDetailScreen(Screen):
    name = "post"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.key: Any = None
        self.post: PostView | None = None
        self._landscape = True
        self._floor_cache: tuple[object, dict[str, list[str]], dict[str, str]] | None = None
        self.staff_cards: list[StaffCard] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page = ScrollPage(spacing=20, margins=40)
        outer.addWidget(self.page)
        column = self.page.column

        # the post sign: window number, name, department and type
        self.sign = QWidget()
        sign_row = QHBoxLayout(self.sign)
        sign_row.setContentsMargins(0, 8, 0, 0)
        sign_row.setSpacing(32)
        self.window_box = WindowBox(big=True)
        self.window_box.setMinimumHeight(metrics().px(200))
        sign_row.addWidget(self.window_box)
        sign_texts = QVBoxLayout()
        sign_texts.setSpacing(8)
        self.name_label = wrapping(text_label("", "PostTitle", content=True))
        self.department_label = wrapping(text_label("", "PostDepartment", content=True))
        self.place_label = wrapping(text_label("", "PostPlace", content=True))
        self.language_note = ContentLanguageNote()
        sign_texts.addStretch(1)
        for label in (self.name_label, self.department_label, self.place_label, self.language_note):
            sign_texts.addWidget(label)
        sign_texts.addStretch(1)
        sign_row.addLayout(sign_texts, 1)
        self.read_aloud = ReadAloudButton(store, self.spoken_summary)
        sign_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignTop)
        self._sign_row, self._sign_texts = sign_row, sign_texts
        column.addWidget(self.sign)

        # two columns in landscape: the post's facts and its floor; the staff on duty
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(28)
        left = QVBoxLayout()
        left.setSpacing(20)
        self.facts_card = QFrame()
        self.facts_card.setObjectName("Card")
        facts_column = QVBoxLayout(self.facts_card)
        facts_column.setContentsMargins(32, 24, 32, 28)
        facts_column.setSpacing(12)
        facts_column.addWidget(text_label(self.tr("岗位信息"), "PostCardTitle"))
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(20)
        self.facts.setVerticalSpacing(14)
        self.facts.setColumnStretch(1, 1)
        facts_column.addLayout(self.facts)
        qr_row = QHBoxLayout()
        qr_row.setSpacing(20)
        self.qr = QrCode()
        self.qr.hide()
        qr_row.addWidget(self.qr)
        self.qr_note = wrapping(text_label(self.tr("用手机扫一扫，打开这个网址"), "PostQrNote"))
        self.qr_note.hide()
        qr_row.addWidget(self.qr_note, 1)
        facts_column.addLayout(qr_row)
        left.addWidget(self.facts_card)

        self.floor_card = QFrame()
        self.floor_card.setObjectName("Card")
        floor_column = QVBoxLayout(self.floor_card)
        floor_column.setContentsMargins(32, 24, 32, 20)
        floor_column.setSpacing(12)
        self.floor_title = wrapping(text_label("", "PostCardTitle", content=True))  # names the floor
        floor_column.addWidget(self.floor_title)
        self.strip = HallStrip()
        floor_column.addWidget(self.strip)
        self.floor_note = wrapping(text_label("", "PostFloorNote", content=True))
        floor_column.addWidget(self.floor_note)
        left.addWidget(self.floor_card)
        left.addStretch(1)
        self.body.addLayout(left, 3)

        right = QVBoxLayout()
        right.setSpacing(16)
        self.staff_title = text_label(self.tr("值班人员"), "SectionTitle")
        right.addWidget(self.staff_title)
        self.staff_grid = QGridLayout()
        self.staff_grid.setSpacing(16)
        right.addLayout(self.staff_grid)
        self.no_staff = wrapping(text_label(self.tr("这个岗位没有公布值班人员，请联系上面的窗口联系人。"), "Muted"))
        right.addWidget(self.no_staff)
        right.addStretch(1)
        self.body.addLayout(right, 2)
        self.body_widget = QWidget()
        self.body_widget.setLayout(self.body)
        column.addWidget(self.body_widget)

        # the items handled here
        self.items_title = text_label(self.tr("在这里办理的事项"), "SectionTitle")
        column.addWidget(self.items_title)
        self.items = ItemRows()
        self.items.chosen.connect(lambda code: self.navigate.emit("item", code))
        column.addWidget(self.items)
        self.no_items = wrapping(text_label("", "Muted"))
        column.addWidget(self.no_items)

        self.gone = QWidget()
        gone_column = QVBoxLayout(self.gone)
        gone_column.setContentsMargins(0, 24, 0, 0)
        gone_column.setSpacing(24)
        gone_column.addWidget(text_label(self.tr("内容已更新"), "ScreenTitle"))
        gone_column.addWidget(wrapping(text_label(self.tr("该窗口岗位已更新或撤销，请返回重新选择。"), "Empty")))
        self.all_posts_button = QPushButton(self.tr("查看全部窗口岗位"))
        self.all_posts_button.setProperty("primary", True)
        self.all_posts_button.clicked.connect(lambda: self.navigate.emit("posts", None))
        gone_column.addWidget(self.all_posts_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.gone.hide()
        column.addWidget(self.gone)
        column.addStretch(1)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        from kiosk.data.catalog import NotFound

        self.key = key
        self.page.verticalScrollBar().setValue(0)
        catalog = self.store.catalog
        if catalog is None:
            return
        try:
            detail = catalog.post(str(key))
        except NotFound:
            self._show_gone()
            return
        self.post = detail.post
        for widget in (self.sign, self.body_widget, self.items_title, self.items):
            widget.show()
        self.gone.hide()
        self._show_sign(detail.post)
        self.language_note.show_for(detail.translated, content_language(self.store))
        self._show_facts(detail.post)
        self._show_floor(catalog, detail.post)
        self._show_staff(detail.post)
        self.items.set_items(detail.items, show_department=False)
        self.no_items.setText(self.tr("这个窗口暂时没有公布办理事项，请咨询窗口工作人员。"))
        handles_items = bool(detail.items) or detail.post.post_type == "窗口岗位"
        self.items_title.setVisible(handles_items)
        self.no_items.setVisible(handles_items and not detail.items)

    def refresh(self) -> None:
        self._floor_cache = None
        if self.key is not None:
            self.open(self.key)

    def reset(self) -> None:
        self.key = None

    def spoken_summary(self) -> str:
        """What 朗读 reads: the window number and name, the department, the staff on duty, the work items."""
        return SpokenSummary().post(self.post) if self.post is not None else ""

    # -- parts ---------------------------------------------------------------------------------------------
    def _show_gone(self) -> None:
        self.post = None
        for widget in (self.sign, self.body_widget, self.items_title, self.items, self.no_items):
            widget.hide()
        self.gone.show()

    def _show_sign(self, post: PostView) -> None:
        self.window_box.show_post(post)
        self.name_label.setText(post.name)
        self.department_label.setText(" · ".join(p for p in (
            post.department_name, visitor_text(post.post_type), self.tr("序号 %1").replace("%1", str(post.seq))) if p))
        place = post_place(post) or post.url
        self.place_label.setText(place)
        self.place_label.setVisible(bool(place))

    def _show_facts(self, post: PostView) -> None:
        clear_layout(self.facts)
        facts = [
            (self.tr("地址"), post.address),
            (self.tr("网址"), post.url),
            (self.tr("楼层"), post.floor),
            (self.tr("办公时间"), post.hours),
            (self.tr("窗口联系人"), post.contact),
            (self.tr("联系电话"), post.phone),
            (self.tr("工作事项"), post.work_items),
        ]
        row = 0
        for name, value in facts:
            if not value:
                continue
            key_label = text_label(name, "PostFactKey", wrap=False)
            self.facts.addWidget(key_label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.facts.addWidget(wrapping(text_label(value, "PostFactValue", content=True)), row, 1)
            row += 1
        self.qr.set_text(post.url)
        self.qr_note.setVisible(self.qr.isVisibleTo(self.facts_card) and bool(post.url))

    def _floors(self, catalog: Catalog) -> tuple[dict[str, list[str]], dict[str, str]]:
        """Window numbers by floor, and each floor's description, computed once per catalogue."""
        from kiosk.data.catalog import NotFound

        if self._floor_cache is None or self._floor_cache[0] is not catalog:
            windows: dict[str, list[str]] = {}
            for post in catalog.posts():
                if post.window and post.window not in windows.setdefault(post.floor, []):
                    windows[post.floor].append(post.window)
            for numbers in windows.values():
                numbers.sort(key=lambda w: (0, int(w), w) if w.isdigit() else (1, 0, w))
            try:
                notes = {f.name: f.text for f in catalog.hall().floors}
            except NotFound:
                notes = {}
            self._floor_cache = (catalog, windows, notes)
        return self._floor_cache[1], self._floor_cache[2]

    def _show_floor(self, catalog: Catalog, post: PostView) -> None:
        windows, notes = self._floors(catalog)
        numbers = windows.get(post.floor, [])
        self.floor_card.setVisible(bool(post.window and numbers))
        if not post.window:
            return
        self.floor_title.setText(self.tr("位置示意：") + (post.floor or self.tr("便民服务厅"))
                                 + self.tr("，%1号窗口").replace("%1", post.window))
        self.strip.set_windows(numbers, post.window)
        note = notes.get(post.floor, "")
        self.floor_note.setText(f"{post.floor}：{note}" if note and post.floor else note)
        self.floor_note.setVisible(bool(note))

    def _show_staff(self, post: PostView) -> None:
        clear_layout(self.staff_grid)
        self.staff_cards = [StaffCard(person, load_photo(person.photo)) for person in post.staff]
        regrid(self.staff_grid, self.staff_cards, 1 if self._landscape else 2)
        wanted = bool(post.staff) or post.post_type == "窗口岗位"
        self.staff_title.setVisible(wanted)
        self.no_staff.setVisible(wanted and not post.staff)
        self.body.setStretch(1, 2 if wanted else 0)

    def _arrange_sign(self) -> None:
        """The read-aloud button beside the post's name where the row has room, else under it (a long
        English name in portrait)."""
        room = self.page.viewport().width() - 80  # (the page's side margins)
        beside = self._sign_row.indexOf(self.read_aloud) >= 0
        row = self._sign_row.minimumSize().width()
        if beside and row > room:
            self._sign_row.removeWidget(self.read_aloud)
            self._sign_texts.insertWidget(self._sign_texts.count() - 1, self.read_aloud, 0,
                                          Qt.AlignmentFlag.AlignLeft)
        elif not beside and row + self._sign_row.spacing() + self.read_aloud.sizeHint().width() <= room:
            self._sign_texts.removeWidget(self.read_aloud)
            self._sign_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_sign()
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
            regrid(self.staff_grid, self.staff_cards, 1 if landscape else 2)
