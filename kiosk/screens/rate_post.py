"""Rating, step 1 (满意度即时评价): which window served you? — or the case number from the receipt.

Key: ``None``; ``{"item_code": code}`` from an item's page ("办完了？评价一下": the window that handles
the item comes first and the item is remembered for the rating); or ``{"post_code": code}`` (that
window first). Every window post is a big button — the window number large, its name, the
department, the staff on duty with their photos — and one tap goes on to the five faces. The other
path: "输入办件编号" shows a keypad for the case number; a case already rated is told so kindly and
not rated again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.data.views import PostView
from kiosk.i18n import visitor_text
from kiosk.screens.base import Screen
from kiosk.screens.item_list import regrid
from kiosk.screens.post_detail import wrapping
from kiosk.screens.posts import WindowBox
from kiosk.store import ContentStore
from kiosk.ui import metrics
from kiosk.widgets.common import LayoutButton, ScrollPage, clear_layout, scaled_photo, text_label
from kiosk.widgets.keypad import DigitKeypad
from kiosk.widgets.read_aloud import ReadAloudButton, SpokenSummary

#: the staff photo on a post button (3:4 like a badge)
THUMB = QSize(66, 88)
#: longest case number the field takes (visitor_rules allows 40)
CASE_NO_MAX = 40


def thumb(path: str) -> QPixmap | None:
    """The staff photo scaled for the button, or None when there is none or it cannot be read."""
    return scaled_photo(path, THUMB)


def window_sort_key(post: PostView) -> tuple[int, int, str, int]:
    """Windows by number first, then the hall and online posts in the table's order."""
    digits = "".join(ch for ch in post.window if ch.isdigit())
    if digits:
        return (0, int(digits), post.window, 0)
    return (1, 0, "", post.seq)


class RatePostButton(LayoutButton):
    """One window post to rate: the number large, the name, the department, who is on duty."""

    def __init__(self, post: PostView, *, mark: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RatePost")
        self.setProperty("marked", bool(mark))
        self.setProperty("content", True)  # text(): the window and the post's name
        self.code = post.code
        self.post = post
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 14, 20, 14)
        row.setSpacing(18)
        self.window_box = WindowBox()
        self.window_box.setFixedWidth(metrics().px(140))
        self.window_box.show_post(post)
        row.addWidget(self.window_box)
        column = QVBoxLayout()
        column.setSpacing(4)
        if mark:
            column.addWidget(text_label(mark, "RatePostMark", wrap=False), 0, Qt.AlignmentFlag.AlignLeft)
        self.title_label = text_label(post.name, "RatePostName", content=True)
        column.addWidget(self.title_label)
        column.addWidget(text_label(post.department_name, "RatePostDept", content=True))
        if post.staff:
            staff_row = QHBoxLayout()
            staff_row.setSpacing(10)
            for person in post.staff[:3]:
                photo = thumb(person.photo)
                if photo is not None:
                    picture = QLabel()
                    picture.setObjectName("RatePostPhoto")
                    picture.setPixmap(photo)
                    picture.setFixedSize(THUMB)
                    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                    staff_row.addWidget(picture)
                staff_row.addWidget(text_label(person.name, "RatePostStaff", wrap=False, content=True))
            staff_row.addStretch(1)
            column.addLayout(staff_row)
        column.addStretch(1)
        row.addLayout(column, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(metrics().px(130))

    def text(self) -> str:
        return f"{visitor_text(self.post.window_label)} {self.post.name}".strip()


class RatePostScreen(Screen):
    name = "rate"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.item_code: str | None = None
        self.post_code: str | None = None
        self.buttons: list[RatePostButton] = []
        self._landscape = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QHBoxLayout()
        header.setContentsMargins(40, 24, 40, 8)
        header.setSpacing(24)
        titles = QVBoxLayout()
        titles.setSpacing(6)
        self.title = text_label(self.tr("评价窗口服务"), "RateTitle")
        title_row = QHBoxLayout()  # the title, and 朗读 beside it (the header's buttons keep their room)
        title_row.setSpacing(24)
        title_row.addWidget(self.title, 1)
        self.read_aloud = ReadAloudButton(store, self.spoken_summary)
        title_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignVCenter)
        titles.addLayout(title_row)
        self.subtitle = text_label(self.tr("请点按为您办理业务的窗口，然后选择满意程度。评价不记名，"
                                           "窗口工作人员看不到您的选择。"), "ScreenSubtitle")
        titles.addWidget(self.subtitle)
        self.item_note = text_label("", "RateItemNote", content=True)  # names the item
        self.item_note.hide()
        titles.addWidget(self.item_note)
        header.addLayout(titles, 1)
        self.case_button = QPushButton(self.tr("输入办件编号"))
        self.case_button.setObjectName("RateCaseButton")
        self.case_button.clicked.connect(self.show_case_entry)
        header.addWidget(self.case_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(header)

        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # page 1: the window posts
        self.page = ScrollPage(spacing=16, margins=40)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.page.column.addLayout(self.grid)
        self.empty = wrapping(text_label(self.tr("暂时没有公布的窗口岗位。您可以输入回执上的办件编号进行评价。"),
                                         "Empty"))
        self.empty.hide()
        self.page.column.addWidget(self.empty)
        self.page.column.addStretch(1)
        self.pages.addWidget(self.page)

        # page 2: the case number on a keypad
        self.case_page = QWidget()
        self.case_body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.case_page)
        self.case_body.setContentsMargins(40, 16, 40, 24)
        self.case_body.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(text_label(self.tr("办件编号"), "SectionTitle"))
        left.addWidget(text_label(self.tr("办件编号印在受理回执或办结通知上。每个办件只能评价一次。"),
                                  "ScreenSubtitle"))
        self.case_field = QLineEdit()
        self.case_field.setObjectName("RateCaseField")
        self.case_field.setReadOnly(True)
        self.case_field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.case_field.setPlaceholderText(self.tr("请用右侧键盘输入"))
        self.case_field.setMaxLength(CASE_NO_MAX)
        self.case_field.textChanged.connect(lambda _text: self._say(""))
        left.addWidget(self.case_field)
        self.message = text_label("", "RateMessage")
        self.message.hide()
        left.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        self.back_to_posts = QPushButton(self.tr("返回选择窗口"))
        self.back_to_posts.clicked.connect(self.show_posts)
        buttons.addWidget(self.back_to_posts)
        self.case_next = QPushButton(self.tr("下一步：评价"))
        self.case_next.setProperty("primary", True)
        self.case_next.clicked.connect(self.rate_case)
        buttons.addWidget(self.case_next)
        left.addLayout(buttons)
        left.addStretch(1)
        self.case_body.addLayout(left, 3)
        self.keypad = DigitKeypad(letters=True, extra="-")
        self.keypad.attach(self.case_field, CASE_NO_MAX)
        self.keypad.setMaximumWidth(560)
        self.case_body.addWidget(self.keypad, 2)
        self.pages.addWidget(self.case_page)

    # -- screen API --------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        key = key if isinstance(key, dict) else {}
        self.item_code = key.get("item_code") or None
        self.post_code = key.get("post_code") or None
        self.case_field.clear()
        self._say("")
        self.keypad.reset()
        self._fill()
        self.show_posts()

    def reset(self) -> None:
        self.item_code = None
        self.post_code = None
        self.case_field.clear()
        self._say("")
        self.keypad.reset()
        self.pages.setCurrentWidget(self.page)

    def refresh(self) -> None:
        if self.isVisible():
            self._fill()

    def spoken_summary(self) -> str:
        """What 朗读 reads: the question and the windows to choose from (or the case number's page)."""
        lines = [self.title.text(), self.subtitle.text()] + ([self.item_note.text()] if self.item_note.text() else [])
        if self.pages.currentWidget() is self.case_page:
            case_texts = [label.text() for label in self.case_page.findChildren(QLabel) if label.isVisibleTo(self)]
            return SpokenSummary().question(case_texts, [])
        choices = [button.text() for button in self.buttons] + [self.case_button.text()]
        return SpokenSummary().question(lines, choices)

    # -- the two pages -----------------------------------------------------------------------------------
    def show_posts(self) -> None:
        self.pages.setCurrentWidget(self.page)
        self.case_button.show()
        self.page.verticalScrollBar().setValue(0)

    def show_case_entry(self) -> None:
        self.pages.setCurrentWidget(self.case_page)
        self.case_button.hide()

    def _fill(self) -> None:
        clear_layout(self.grid)
        self.buttons = []
        catalog = self.store.catalog
        if catalog is None:
            return
        first = self._first_post()
        posts = sorted(catalog.posts(), key=window_sort_key)
        posts.sort(key=lambda p: p.code != first)  # stable: the first one up front, the rest in order
        item_name = ""
        if self.item_code:
            guide = catalog.find_item_guide(self.item_code)
            item_name = guide.name if guide is not None else ""
        self.item_note.setText(self.tr("您办理的事项：%1").replace("%1", item_name) if item_name else "")
        self.item_note.setVisible(bool(item_name))
        for post in posts:
            mark = ""
            if post.code == first:
                mark = self.tr("办理该事项的窗口") if self.item_code else self.tr("您选择的窗口")
            button = RatePostButton(post, mark=mark)
            button.clicked.connect(lambda _=False, code=post.code: self.rate_post(code))
            self.buttons.append(button)
        regrid(self.grid, self.buttons, 2 if self._landscape else 1)
        self.empty.setVisible(not self.buttons)

    def _first_post(self) -> str | None:
        if self.post_code:
            return self.post_code
        catalog = self.store.catalog
        if self.item_code and catalog is not None:
            guide = catalog.find_item_guide(self.item_code)
            if guide is not None and guide.post is not None:
                return guide.post.code
        return None

    # -- choices -------------------------------------------------------------------------------------------
    def rate_post(self, post_code: str) -> None:
        self.navigate.emit("rate_level", {"post_code": post_code, "case_no": None, "item_code": self.item_code})

    def rate_case(self) -> None:
        from kiosk.data.visitor_rules import case_no_problem, normalise_case_no

        text = self.case_field.text()
        problem = case_no_problem(text)
        if problem:
            self._say(visitor_text(problem))
            return
        submissions = self.store.submissions
        case_no = normalise_case_no(text)
        if submissions is not None and submissions.case_rated(case_no):
            self._say(self.tr("该办件已评价过，感谢您的参与"), kind="info")
            return
        # the catalogue does not know cases: the post is the one the visitor came with, if any
        self.navigate.emit("rate_level", {"post_code": self._first_post(), "case_no": case_no,
                                          "item_code": self.item_code})

    def _say(self, text: str, kind: str = "problem") -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            regrid(self.grid, self.buttons, 2 if landscape else 1)
            self.case_body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                        else QBoxLayout.Direction.TopToBottom)
            self.keypad.setMaximumWidth(560 if landscape else 16777215)
