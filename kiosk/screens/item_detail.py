"""One item's complete service guide (办事指南), every GB/T 39046 element the item has.

Above the page: the button to the flow chart and a strip that jumps to a section. The page itself
scrolls by finger: a title block with badges, the "where and when" card (window number large),
the time-limit card, then the sections in the order of a printed guide.

Opening stays cheap however long the guide: the widget tree is built once and opening another
item only sets texts (one rich label per section, :class:`GuideText`, which lays its text out once
per width); the title block, the cards and the first section are painted first, and the sections
further down get their texts right after that first paint (:meth:`ItemDetailScreen.reveal`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPaintEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk import ui
from kiosk.i18n import duration_text, visitor_text
from kiosk.print_service import PrintDocument, service_for
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.ui import PALETTE, TEXT, metrics
from kiosk.widgets.common import ScrollPage, text_label
from kiosk.widgets.content_note import ContentLanguageNote, content_language
from kiosk.widgets.flow_grid import arrange, columns_that_fit
from kiosk.widgets.flow_layout import FlowLayout
from kiosk.widgets.print_button import PrintButton
from kiosk.widgets.read_aloud import ReadAloudButton, SpokenSummary
from kiosk.widgets.spaced_label import space_lines

if TYPE_CHECKING:
    from kiosk.data.catalog import Catalog
    from kiosk.data.views import HallView, ItemGuide, MaterialView

#: sections in the order of the printed guide (2016 standardisation guide, 23 sections, merged)
SECTION_KEYS = ("info", "basis", "conditions", "materials", "flow", "limits", "fee", "result", "channels",
                "rights", "contact", "faq")


def esc(text: str) -> str:
    """Content text made safe for a rich label; line breaks kept."""
    return html.escape(text.strip()).replace("\n", "<br>")


def wrapping(label: QLabel) -> QLabel:
    """Let the layout size a wrapped label by its height for the real width.

    With the vertical policy ``Minimum`` a layout never gives a label less than its size hint,
    which Qt computes for a narrow "golden ratio" width: long texts would leave big gaps.
    """
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


def plain_label(name: str) -> QLabel:
    return wrapping(text_label("", name))


class GuideText(QLabel):
    """A wrapped rich-text label that lays its text out once per width.

    A QLabel lays a rich text out twice for every height-for-width question (it measures, then
    restores the old width), again for its size hints and again to paint; for a long guide that
    was most of the time spent opening the screen. This label keeps its own document, lays it out
    once per width, remembers the height for each width until the text changes, and answers the
    size hints without a layout. ``text()`` returns the HTML, as a rich QLabel would.
    """

    def __init__(self, name: str = "SectionBody") -> None:
        super().__init__()
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        wrapping(self)
        self._html = ""
        self._doc = QTextDocument(self)
        self._doc.setUndoRedoEnabled(False)
        self._doc.setDocumentMargin(0)
        self._dirty = False
        self._heights: dict[int, int] = {}
        #: how many times the text was laid out (a measure of the work an open costs)
        self.layouts = 0

    def text(self) -> str:
        return self._html

    def setText(self, text: str) -> None:
        if text == self._html:
            return
        self._html = text
        self._dirty = True
        self._heights.clear()
        self.updateGeometry()
        self.update()

    def _document(self, width: int) -> QTextDocument:
        if self._dirty:
            if self._doc.defaultFont() != self.font():
                self._doc.setDefaultFont(self.font())
            self._doc.setHtml(self._html)
            space_lines(self._doc, ui.line_spacing(), self.font().pixelSize())  # 长辈模式: line spacing ≥ 1.3
            self._dirty = False
        if self._doc.textWidth() != width:
            self._doc.setTextWidth(width)
            self.layouts += 1
        return self._doc

    def _extra(self) -> tuple[int, int]:
        margins = self.contentsMargins()
        return margins.left() + margins.right(), margins.top() + margins.bottom()

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if not self._html:
                height = 0
            else:
                extra_w, extra_h = self._extra()
                inner = max(width - extra_w, 1)
                height = math.ceil(self._document(inner).size().height()) + extra_h
            self._heights[width] = height
        return height

    def sizeHint(self) -> QSize:
        # the width it has, and the height already known for it: no layout here
        width = self.width() if self.width() > 50 else 600
        height = self._heights.get(width)
        return QSize(width, height if height is not None else self.fontMetrics().height() * 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.fontMetrics().height() if self._html else 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._html:
            return
        rect = self.contentsRect()
        document = self._document(rect.width())
        painter = QPainter(self)
        painter.translate(rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, self.palette().color(self.foregroundRole()))
        context.clip = QRectF(event.rect().translated(-rect.topLeft()))
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._dirty = bool(self._html)
            self._heights.clear()
        super().changeEvent(event)


def rich_label(name: str = "SectionBody") -> QLabel:
    return GuideText(name)


def card_frame(name: str = "Card") -> tuple[QWidget, QVBoxLayout]:
    # a plain styled widget, not a QFrame: a QFrame's stylesheet border changes its contents
    # rect in some layout passes and not in others, and each width costs a text layout
    frame = QWidget()
    frame.setObjectName(name)
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    column = QVBoxLayout(frame)
    column.setContentsMargins(32, 24, 32, 28)
    column.setSpacing(12)
    return frame, column


class Section:
    """A heading and a white card holding one rich label; hidden when the item has nothing for it."""

    def __init__(self, title: str, column: QVBoxLayout) -> None:
        self.title = text_label(title, "SectionTitle")
        self.card, inner = card_frame()
        self.body = rich_label()
        self.body.setProperty("content", True)  # the item's own texts, with translated labels
        inner.addWidget(self.body)
        self.extra = inner  # room for a button under the text
        column.addWidget(self.title)
        column.addWidget(self.card)

    def show_html(self, content: str) -> None:
        self.body.setText(content)
        self.set_visible(bool(content))

    def set_visible(self, visible: bool) -> None:
        self.title.setVisible(visible)
        self.card.setVisible(visible)


class ItemDetailScreen(Screen):
    name = "item"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.setObjectName("ItemDetail")
        self.store = store
        self.code: str | None = None
        self.guide: ItemGuide | None = None
        self._hall: tuple[object, HallView | None] = (None, None)
        self._landscape = True

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 0)
        outer.setSpacing(12)

        # -- the bar above the page: jump strip on the left, actions on the right ------------------
        self.bar = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.bar.setSpacing(16)
        jumps = QGridLayout()  # one row, or two where the words are too long for one (portrait, English)
        jumps.setHorizontalSpacing(12)
        jumps.setVerticalSpacing(12)
        self.jump_label = text_label(self.tr("跳到"), "JumpLabel", wrap=False)
        self.jump_buttons: dict[str, QPushButton] = {}
        for key, title in (("where", self.tr("地点")), ("conditions", self.tr("条件")),
                           ("materials", self.tr("材料")), ("flow", self.tr("流程")),
                           ("limits", self.tr("时限")), ("fee", self.tr("收费"))):
            button = QPushButton(title)
            button.setObjectName("JumpButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.jump_to(k))
            self.jump_buttons[key] = button
        self.jump_row = jumps
        self._jump_columns = 0
        self._place_jumps(len(self.jump_buttons))
        self.bar.addLayout(jumps, 1)
        #: the actions row; later issues add print and rate buttons here
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(16)
        self.action_row.addStretch(1)
        self.action_grid = QGridLayout()  # one row, or as many as 长辈模式's large text needs
        self.action_grid.setSpacing(16)
        self.action_row.addLayout(self.action_grid)
        self.forms_button = QPushButton(self.tr("表格下载/打印"))
        self.forms_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forms_button.clicked.connect(self.show_forms)
        self.forms_button.hide()
        self.print_button = PrintButton(store, self.tr("打印办事指南"), qr_label=self.tr("扫码带走指南"))
        self.print_button.hide()
        self.flow_button = QPushButton(self.tr("办理流程图"))
        self.flow_button.setProperty("primary", True)
        self.flow_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.flow_button.clicked.connect(self.show_flow)
        self.action_buttons: list[QWidget] = [self.forms_button, self.print_button, self.flow_button]
        arrange(self.action_grid, self.action_buttons, len(self.action_buttons))
        self.bar.addLayout(self.action_row)
        outer.addLayout(self.bar)

        # -- the page ----------------------------------------------------------------------------------
        self.page = ScrollPage(spacing=14, margins=0)
        self.page.column.setContentsMargins(0, 8, 24, 40)
        outer.addWidget(self.page, 1)
        column = self.page.column

        self.missing = plain_label("Empty")
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missing.hide()
        column.addWidget(self.missing)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(14)
        column.addWidget(self.content)

        # title block
        self.title = plain_label("ItemName")
        self.title.setProperty("content", True)
        title_row = QHBoxLayout()  # the name, and 朗读 beside it (the action bar has no room left in portrait)
        title_row.setSpacing(24)
        title_row.addWidget(self.title, 1)
        self.read_aloud = ReadAloudButton(store, self.spoken_summary)
        title_row.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignTop)
        content.addLayout(title_row)
        self.language_note = ContentLanguageNote()
        content.addWidget(self.language_note)
        badges = FlowLayout(spacing=12)  # a second row where they do not fit (English, 长辈模式)
        self.badge_type = text_label("", "Badge", wrap=False)
        self.badge_case = text_label("", "Badge", wrap=False)
        self.badge_visits_good = text_label("", "BadgeOk", wrap=False)
        self.badge_visits = text_label("", "Badge", wrap=False)
        self.badge_online = text_label(self.tr("网上可办"), "BadgeOk", wrap=False)
        self.badge_fee = text_label("", "Badge", wrap=False)
        self.badges = (self.badge_type, self.badge_case, self.badge_visits_good, self.badge_visits,
                       self.badge_online, self.badge_fee)
        for badge in self.badges:
            badges.addWidget(badge)
        content.addLayout(badges)
        self.subtitle = plain_label("ScreenSubtitle")
        self.subtitle.setProperty("content", True)
        content.addWidget(self.subtitle)
        self.summary = plain_label("ItemSummary")
        self.summary.setProperty("content", True)
        content.addWidget(self.summary)

        # where-and-when and time-limit cards
        self.cards = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.cards.setSpacing(20)
        self.where_card, where = card_frame("WhereCard")
        where.addWidget(text_label(self.tr("到哪里办"), "CardTitle"))
        where_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        where_row.setSpacing(28)
        self.window_label = text_label("", "BigWindow", wrap=False)
        self.window_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        where_row.addWidget(self.window_label, 0, Qt.AlignmentFlag.AlignTop)
        self.where_text = rich_label("CardBody")
        self.where_text.setProperty("content", True)
        where_row.addWidget(self.where_text, 1)
        where.addLayout(where_row)
        self.where_row = where_row  # (the window number above the facts where it leaves them no room)
        where.addStretch(1)
        self.cards.addWidget(self.where_card, 3)

        self.limit_card, limit = card_frame("LimitCard")
        limit.addWidget(text_label(self.tr("多长时间办好"), "CardTitle"))
        self.limit_big = rich_label("LimitBig")
        limit.addWidget(self.limit_big)
        self.limit_text = rich_label("CardBody")
        limit.addWidget(self.limit_text)
        limit.addStretch(1)
        self.cards.addWidget(self.limit_card, 2)
        content.addLayout(self.cards)

        # the guide's sections
        titles = {
            "info": self.tr("事项信息"), "basis": self.tr("设定依据"), "conditions": self.tr("受理条件"),
            "materials": self.tr("申请材料"), "flow": self.tr("办理流程"), "limits": self.tr("办结时限"),
            "fee": self.tr("收费标准及依据"), "result": self.tr("审批结果"), "channels": self.tr("办理方式"),
            "rights": self.tr("申请人权利和义务"), "contact": self.tr("咨询与投诉"), "faq": self.tr("常见问题"),
        }
        self.sections: dict[str, Section] = {key: Section(titles[key], content) for key in SECTION_KEYS}
        self.flow_section_button = QPushButton(self.tr("查看办理流程图"))
        self.flow_section_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.flow_section_button.clicked.connect(self.show_flow)
        self.sections["flow"].extra.addWidget(self.flow_section_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.forms_section_button = QPushButton("")
        self._forms_count = 0
        self.forms_section_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forms_section_button.clicked.connect(self.show_forms)
        self.forms_section_button.hide()
        self.sections["materials"].extra.addWidget(self.forms_section_button, 0, Qt.AlignmentFlag.AlignLeft)

        # the end of the page: rate the service just received, or say something to the office
        self.rate_band, band = card_frame("RateBand")
        band_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        band_row.setSpacing(20)
        band_text = QVBoxLayout()
        band_text.addWidget(text_label(self.tr("办完了？评价一下"), "CardTitle"))
        band_text.addWidget(text_label(self.tr("选窗口、点表情，三步完成；工作人员看不到是谁评的。"), "CardBody"))
        band_row.addLayout(band_text, 1)
        self.rate_button = QPushButton(self.tr("评价本事项的服务"))
        self.rate_button.setProperty("accent", True)
        self.rate_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rate_button.clicked.connect(self.rate)
        band_buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        band_buttons.setSpacing(20)
        band_row.addLayout(band_buttons)
        band_buttons.addWidget(self.rate_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.opinion_button = QPushButton(self.tr("意见建议 · 投诉"))
        self.opinion_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.opinion_button.clicked.connect(self.give_opinion)
        band_buttons.addWidget(self.opinion_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.band_row, self.band_buttons = band_row, band_buttons
        band.addLayout(band_row)
        content.addWidget(self.rate_band)

        self._pending = False
        self._pending_html: dict[str, str] = {}
        # after the first paint (eventFilter) at the latest; this timer covers a hidden screen
        self._reveal_timer = QTimer(self, singleShot=True, interval=120)
        self._reveal_timer.timeout.connect(self.reveal)
        self.page.viewport().installEventFilter(self)

    # -- navigation -----------------------------------------------------------------------------------
    def show_flow(self) -> None:
        if self.code is not None:
            self.navigate.emit("flow", self.code)

    def show_forms(self) -> None:
        if self.code is not None:
            self.navigate.emit("forms", self.code)

    def rate(self) -> None:
        if self.code is not None:
            self.navigate.emit("rate", {"item_code": self.code})

    def give_opinion(self) -> None:
        if self.code is not None:
            self.navigate.emit("feedback", {"target": ("item", self.code)})

    def spoken_summary(self) -> str:
        """What 朗读 reads: name, department, window, promised time, fee, the materials."""
        return SpokenSummary().item(self.guide) if self.guide is not None else self.missing.text()

    def jump_target(self, key: str) -> QWidget:
        if key == "where":
            return self.where_card
        return self.sections[key].title

    def jump_to(self, key: str) -> None:
        """Scroll the page so the section's heading is at the top."""
        if self._pending:
            self.reveal()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        target = self.jump_target(key)
        bar = self.page.verticalScrollBar()
        QScroller.scroller(self.page.viewport()).stop()
        y = target.mapTo(self.page.body, QPoint(0, 0)).y() - 8
        bar.setValue(max(0, min(y, bar.maximum())))

    # -- Screen -----------------------------------------------------------------------------------------
    def open(self, key: object = None) -> None:
        self.code = str(key) if key is not None else None
        self._show()
        QScroller.scroller(self.page.viewport()).stop()
        self.page.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        if self.code is not None:
            self._show()
            self.reveal()  # at once: the visitor keeps the place where they were reading

    def reset(self) -> None:
        self.page.verticalScrollBar().setValue(0)
        self.print_button.reset()
        service_for(self.store).new_visit()  # idle: the next visitor may print their copies again

    def resizeEvent(self, event: object) -> None:
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.cards.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                    else QBoxLayout.Direction.TopToBottom)
        self._arrange_bar()
        self._arrange_page()
        super().resizeEvent(event)  # type: ignore[arg-type]

    def _arrange_page(self) -> None:
        """What is side by side on a wide page goes one above the other where it does not fit (长辈模式's
        large text, longer English words): the rating band's buttons, the forms button's long text."""
        room = self.page.viewport().width() - 24 - 64  # (the page's right margin, the card's margins)
        beside = self.window_label.sizeHint().width() + self.where_row.spacing() + metrics().px(400) <= room
        self.where_row.setDirection(QBoxLayout.Direction.LeftToRight if beside
                                    else QBoxLayout.Direction.TopToBottom)
        buttons = (self.rate_button.sizeHint().width() + self.band_buttons.spacing()
                   + self.opinion_button.sizeHint().width())
        side = buttons + self.band_row.spacing() + metrics().px(300) <= room  # (room for the words beside)
        self.band_row.setDirection(QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom)
        self.band_buttons.setDirection(QBoxLayout.Direction.LeftToRight if buttons <= room
                                       else QBoxLayout.Direction.TopToBottom)
        count = self._forms_count
        text = self.tr("查看和打印本事项的表格、示范文本（%n 份）", "", count)
        if self.forms_section_button.fontMetrics().horizontalAdvance(text) + 80 > room:
            text = self.tr("表格下载/打印")  # (what the button above the page says)
        self.forms_section_button.setText(text)

    def _arrange_bar(self) -> None:
        """Jump strip and actions side by side where they fit; else (portrait, longer English words) the
        actions get a row of their own, above the jump strip."""
        spacing = self.jump_row.horizontalSpacing()
        one_row = self.jump_label.sizeHint().width() + sum(
            spacing + b.sizeHint().width() for b in self.jump_buttons.values() if not b.isHidden())
        outer = self.layout()
        room = self.width() - (outer.contentsMargins().left() + outer.contentsMargins().right() if outer else 0)
        actions = [button for button in self.action_buttons if not button.isHidden()]
        actions_row = sum(b.sizeHint().width() for b in actions) + self.action_grid.horizontalSpacing() * max(
            len(actions) - 1, 0)
        fits = self._landscape and one_row + self.bar.spacing() + actions_row <= room
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.BottomToTop
        if self.bar.direction() != direction:
            self.bar.setDirection(direction)
        count = len(self.jump_buttons)
        jump_room = room - self.jump_label.sizeHint().width() - spacing
        self._place_jumps(count if one_row <= room else min((count + 1) // 2, columns_that_fit(
            list(self.jump_buttons.values()), jump_room, spacing)))  # (长辈模式 in English: fewer still)
        arrange(self.action_grid, self.action_buttons, len(actions) if actions_row <= room else columns_that_fit(
            actions, room, self.action_grid.horizontalSpacing()))

    def _place_jumps(self, columns: int) -> None:
        """The jump buttons in rows of ``columns``, after the "跳到" label."""
        if columns == self._jump_columns:
            return
        self._jump_columns = columns
        grid = self.jump_row
        for widget in (self.jump_label, *self.jump_buttons.values()):
            grid.removeWidget(widget)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        rows = -(-len(self.jump_buttons) // columns)
        grid.addWidget(self.jump_label, 0, 0, rows, 1)
        for index, button in enumerate(self.jump_buttons.values()):
            grid.addWidget(button, index // columns, 1 + index % columns)
        grid.setColumnStretch(columns + 1, 1)

    # -- content ----------------------------------------------------------------------------------------
    def _show(self) -> None:
        catalog = self.store.catalog
        guide = catalog.find_item_guide(self.code) if catalog is not None and self.code is not None else None
        self.guide = guide
        if guide is None or catalog is None:
            self.missing.setText(self.tr("该事项已更新或下线，请返回重新选择"))
            self.missing.show()
            self.content.hide()
            self.flow_button.setEnabled(False)
            self.print_button.set_document(None)
            self.forms_button.hide()
            self.forms_section_button.hide()
            for button in self.jump_buttons.values():
                button.hide()
            self._pending = False
            return
        self.missing.hide()
        self.content.show()
        self.flow_button.setEnabled(True)
        self._fill(guide, self._hall_view(catalog))
        self._fill_printing(catalog, guide)
        self._arrange_bar()  # (the buttons shown depend on the item)

    def _hall_view(self, catalog: Catalog) -> HallView | None:
        if self._hall[0] is not catalog:
            from kiosk.data.catalog import NotFound

            try:
                self._hall = (catalog, catalog.hall())
            except NotFound:
                self._hall = (catalog, None)
        return self._hall[1]

    def _fill(self, g: ItemGuide, hall: HallView | None) -> None:
        self.title.setText(g.name)
        self.language_note.show_for(g.translated, content_language(self.store))
        self._fill_badges(g)
        self.subtitle.setText("  ·  ".join(p for p in (g.department_name, "、".join(g.topics)) if p))
        self.subtitle.setVisible(bool(self.subtitle.text()))
        self.summary.setText(g.summary)
        self.summary.setVisible(bool(g.summary))
        self._fill_where(g)
        self._fill_limit_card(g)
        pending = {
            "info": self._info_html(g),
            "basis": self._basis_html(g),
            "conditions": self._para(g.conditions),
            "materials": self._materials_html(g.materials),
            "flow": self._flow_html(g),
            "limits": self._limits_html(g),
            "fee": self._fee_html(g),
            "result": self._rows([
                (self.tr("结果名称"), g.result_name), (self.tr("结果样本"), g.result_sample),
                (self.tr("结果送达"), g.result_delivery),
            ]),
            "channels": self._channels_html(g),
            "rights": self._para(g.rights),
            "contact": self._contact_html(g, hall),
            "faq": self._faq_html(g),
        }
        self.flow_section_button.setVisible(bool(g.steps))
        for key, button in self.jump_buttons.items():
            button.setVisible(key == "where" or bool(pending[key]))
        # The first paint shows the title, the two cards and the first section; the sections
        # further down are laid out right after it (see :meth:`eventFilter`), so a tap is
        # answered within a frame however long the guide is.
        self.sections["info"].show_html(pending.pop("info"))
        for key in pending:  # emptied, not hidden: showing and hiding widgets is what costs
            self.sections[key].body.setText("")
        self._pending_html = pending
        self._pending = True
        self._reveal_timer.start()

    def _fill_printing(self, catalog: Catalog, g: ItemGuide) -> None:
        """The guide's print button (the PDF is built when tapped, in the print worker) and the forms."""
        service = service_for(self.store)
        portal = service.item_url(g.code)
        qr_text = portal or g.online_url
        caption = (self.tr("扫码在手机上查看本事项的办事指南") if portal
                   else self.tr("扫码进入网上办理") if qr_text else "")

        def build(catalog: Catalog = catalog, code: str = g.code, pattern: str = service.portal_item_url) -> bytes:
            from kiosk.printing.guide_pdf import guide_pdf

            return guide_pdf(catalog, code, generated=datetime.now(), portal_item_url=pattern)

        self.print_button.set_document(PrintDocument(key=f"guide:{g.code}", title=f"guide {g.code}", source=build,
                                                     qr_text=qr_text, qr_caption=caption))
        forms = catalog.forms_for_item(g.code)
        self.forms_button.setVisible(bool(forms))
        self._forms_count = len(forms)
        self._arrange_page()  # (its text: long, or short where the long one does not fit)
        self.forms_section_button.setVisible(bool(forms))

    @property
    def complete(self) -> bool:
        """Every section of the current item is shown (they follow the first paint)."""
        return not self._pending

    def reveal(self) -> None:
        """Show the sections further down (the second step of opening)."""
        self._reveal_timer.stop()
        if not self._pending:
            return
        self._pending = False
        for key, content in self._pending_html.items():
            self.sections[key].show_html(content)
        self._pending_html = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._pending and watched is self.page.viewport() and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self.reveal)
        return False

    def limit_words(self, value: int, unit: str) -> str:
        """ "15 个工作日"; a limit of 0 means the item is done on the spot."""
        return self.tr("当场办结") if value <= 0 else duration_text(value, unit)

    def unit_words(self, value: int, unit: str) -> str:
        """The time unit for ``value`` of them: "个工作日" (in English singular or plural)."""
        if unit == "工作日":
            return self.tr("个工作日", "", value)
        if unit == "自然日":
            return self.tr("个自然日", "", value)
        return unit

    def _fill_badges(self, g: ItemGuide) -> None:
        self.badge_type.setText(visitor_text(g.item_type))
        self.badge_case.setText(visitor_text(g.case_type))
        good = {"0": self.tr("跑0次"), "1": self.tr("最多跑一次")}
        other = {"2": self.tr("需到现场2次"), "多次": self.tr("需多次到现场")}
        self.badge_visits_good.setText(good.get(g.visits, ""))
        self.badge_visits.setText(other.get(g.visits, ""))
        self.badge_fee.setText(self.tr("收费", "badge: the item charges a fee") if g.fee_charged else self.tr("不收费"))
        self.badge_online.setText(self.tr("网上可办") if g.online else "")
        for badge in self.badges:
            badge.setVisible(bool(badge.text()))

    def _fill_where(self, g: ItemGuide) -> None:
        post = g.post
        if post is not None and post.window:
            self.window_label.setText(self.tr("%1号窗口").replace("%1", post.window))
        elif g.online and not g.location:
            self.window_label.setText(self.tr("网上办理"))
        else:
            self.window_label.setText("")
        self.window_label.setVisible(bool(self.window_label.text()))
        rows: list[tuple[str, str]] = []
        if post is not None:
            rows.append((self.tr("窗口"), post.name))
        place = g.location
        if post is not None and post.floor and post.floor.casefold() not in place.casefold():
            place = f"{post.floor} {place}".strip()
        rows += [
            (self.tr("地点"), place),
            (self.tr("部门"), g.department_name),
            (self.tr("时间"), g.hours),
            (self.tr("咨询电话"), g.consult_phone),
        ]
        if not self.window_label.text() and not any(v for _, v in rows):
            rows.append(("", self.tr("请到服务台咨询办理地点")))
        # the label column as wide as its longest word (English words are longer than the Chinese)
        self.where_text.ensurePolished()  # (the font comes from the stylesheet)
        words = self.where_text.fontMetrics()
        label_width = max([150, *(words.horizontalAdvance(label) + 24 for label, value in rows if value)])
        self.where_text.setText(self._rows(rows, label_width=label_width))

    def _fill_limit_card(self, g: ItemGuide) -> None:
        blue = PALETTE["blue"]
        if g.promised_limit > 0:
            promised = self.tr("承诺")
            unit = self.unit_words(g.promised_limit, g.promised_unit)
            big = (f'<span style="color:{PALETTE["muted"]}; font-size:{TEXT["large"]}px;">'
                   f'{esc(promised)}&nbsp;</span>'
                   f'<span style="color:{blue}; font-size:{TEXT["display"]}px; font-weight:bold;">'
                   f'{g.promised_limit}</span>'
                   f'<span style="color:{blue}; font-size:{TEXT["heading"]}px; font-weight:bold;">'
                   f'&nbsp;{esc(unit)}</span>')
        else:
            on_the_spot = self.tr("当场办结")
            big = (f'<span style="color:{blue}; font-size:{TEXT["title"]}px; font-weight:bold;">'
                   f'{esc(on_the_spot)}</span>')
        self.limit_big.setText(big)
        statutory = self.tr("法定时限")
        lines = [f'{esc(statutory)}&nbsp;<b>{esc(self.limit_words(g.statutory_limit, g.statutory_unit))}</b>']
        if g.case_type:
            case_type = self.tr("办件类型")
            lines.append(f'{esc(case_type)}&nbsp;<b>{esc(visitor_text(g.case_type))}</b>')
        if g.special_procedures:
            special = self.tr("技术评估、听证等特别程序时间不计入时限，详见“办结时限”")
            lines.append(f'<span style="color:{PALETTE["muted"]};">{esc(special)}</span>')
        self.limit_text.setText("<br>".join(lines))

    # -- html builders ----------------------------------------------------------------------------------
    @staticmethod
    def _para(text: str) -> str:
        return f'<p style="line-height:140%;">{esc(text)}</p>' if text.strip() else ""

    @staticmethod
    def _rows(rows: Iterable[tuple[str, str]], label_width: int = 270) -> str:
        cells = [
            f'<tr><td width="{label_width}" style="color:{PALETTE["muted"]}; padding:6px 16px 6px 0;">'
            f'{esc(label)}</td><td style="padding:6px 0;">{esc(value)}</td></tr>'
            for label, value in rows if value and value.strip()
        ]
        return f'<table width="100%" cellspacing="0">{"".join(cells)}</table>' if cells else ""

    def _info_html(self, g: ItemGuide) -> str:
        return self._rows([
            (self.tr("事项名称"), g.name),
            (self.tr("基本编码"), g.code),
            (self.tr("实施编码"), g.impl_code),
            (self.tr("事项类型"), visitor_text(g.item_type)),
            (self.tr("实施主体"), g.body_name),
            (self.tr("统一社会信用代码"), g.body_credit_code),
            (self.tr("实施主体性质"), g.body_nature),
            (self.tr("承办机构"), g.handling_org),
            (self.tr("共同实施部门"), g.joint_departments),
            (self.tr("行使层级"), g.level),
            (self.tr("服务对象"), self.tr("、").join(g.service_objects)),
            (self.tr("服务主题"), self.tr("、").join(g.topics)),
            (self.tr("办件类型"), visitor_text(g.case_type)),
            (self.tr("数量限制"), g.quantity_limit),
            (self.tr("中介服务"), g.intermediary),
        ])

    def _basis_html(self, g: ItemGuide) -> str:
        parts = []
        for index, basis in enumerate(g.basis):
            top = "0" if index == 0 else "22px"
            head = f"<b>{esc(basis.law)}</b>"
            if basis.articles:
                head += f'&nbsp;&nbsp;<span style="color:{PALETTE["blue_dark"]};">{esc(basis.articles)}</span>'
            parts.append(f'<p style="margin-top:{top};">{head}</p>')
            if basis.text:
                parts.append(f'<p style="margin-top:6px; line-height:140%;">{esc(basis.text)}</p>')
        return "".join(parts)

    def _tag(self, text: str, fg: str, bg: str) -> str:
        return (f'<span style="color:{fg}; background-color:{bg}; font-size:{TEXT["small"]}px;">'
                f'&nbsp;{esc(text)}&nbsp;</span>')

    def _materials_html(self, materials: tuple[MaterialView, ...]) -> str:
        muted, blue, accent = PALETTE["muted"], PALETTE["blue"], PALETTE["accent"]
        if not materials:
            none = self.tr("无需提交材料")
            return f'<p style="font-size:{TEXT["large"]}px;">{esc(none)}</p>'
        conditional = sum(1 for m in materials if not m.required)
        intro = self.tr("共 %n 项材料", "", len(materials))
        if conditional:
            intro += self.tr("，其中 %n 项在满足条件时提交或可选", "", conditional)
        intro += self.tr("。窗口一次性告知全部补正内容。")
        parts = [f'<p style="color:{muted};">{esc(intro)}</p>']
        indent = 'margin-left:56px;'
        source_label, notes_label = self.tr("来源："), self.tr("须知：")
        optional, at_window = self.tr("可选材料，可以不提交"), self.tr("可在窗口领取")
        for m in materials:
            if m.required:
                tag = self._tag(self.tr("必需"), "white", blue)
            elif m.condition:
                tag = self._tag(self.tr("满足条件时提交"), accent, PALETTE["accent_soft"])
            else:
                tag = self._tag(self.tr("非必需"), PALETTE["ink"], PALETTE["neutral_soft"])
            parts.append(f'<p style="margin-top:22px; margin-left:56px; text-indent:-56px;">'
                         f'<b>{m.seq}.</b>&nbsp;&nbsp;<b>{esc(m.name)}</b>&nbsp;&nbsp;{tag}</p>')
            facts = []
            if m.source:
                facts.append(f'<span style="color:{muted};">{esc(source_label)}</span>{esc(m.source)}')
            if m.originals:
                facts.append(esc(self.tr("原件 %n 份", "", m.originals)))
            if m.copies:
                facts.append(esc(self.tr("复印件 %n 份", "", m.copies)))
            if m.medium:
                facts.append(esc(visitor_text(m.medium)))
            if facts:
                parts.append(f'<p style="margin-top:6px; {indent}">{"　·　".join(facts)}</p>')
            if m.condition:
                when = self.tr("满足条件时提交：") + m.condition
                parts.append(f'<p style="margin-top:6px; {indent} color:{accent};">{esc(when)}</p>')
            elif not m.required:
                parts.append(f'<p style="margin-top:6px; {indent} color:{muted};">{esc(optional)}</p>')
            if m.notes:
                parts.append(f'<p style="margin-top:6px; {indent} line-height:130%;">'
                             f'<span style="color:{muted};">{esc(notes_label)}</span>{esc(m.notes)}</p>')
            extras = []
            if m.blank_form:
                extras.append(self._tag(self.tr("空白表格"), PALETTE["blue_dark"], PALETTE["blue_soft"]))
            if m.sample:
                extras.append(self._tag(self.tr("示范文本"), PALETTE["blue_dark"], PALETTE["blue_soft"]))
            if extras:
                parts.append(f'<p style="margin-top:6px; {indent}">{"&nbsp;&nbsp;".join(extras)}'
                             f'&nbsp;&nbsp;<span style="color:{muted};">'
                             f'{esc(at_window)}</span></p>')
        return "".join(parts)

    def _flow_html(self, g: ItemGuide) -> str:
        if not g.steps:
            return self._para(self.tr("该事项暂未公布办理流程，请到窗口或拨打咨询电话了解。"))
        chain = "  ＞  ".join(s.step for s in g.steps)
        intro = self.tr("共 %n 个步骤：", "", len(g.steps))
        hint = self.tr("每一步的负责岗位和时间见办理流程图。")
        return (f'<p style="line-height:140%;">{esc(intro)}<b>{esc(chain)}</b></p>'
                f'<p style="color:{PALETTE["muted"]};">{esc(hint)}</p>')

    def _limits_html(self, g: ItemGuide) -> str:
        statutory = self.limit_words(g.statutory_limit, g.statutory_unit)
        promised = self.limit_words(g.promised_limit, g.promised_unit)
        return self._rows([
            (self.tr("法定办结时限"), statutory),
            (self.tr("法定时限说明"), g.statutory_note),
            (self.tr("承诺办结时限"), promised),
            (self.tr("承诺时限说明"), g.promised_note),
            (self.tr("办件类型"), visitor_text(g.case_type)),
            (self.tr("特别程序"), self.tr("不计入办结时限：") + g.special_procedures
             if g.special_procedures else ""),
        ])

    def _fee_html(self, g: ItemGuide) -> str:
        if g.fee_charged:
            return self._rows([(self.tr("收费标准"), g.fee_standard), (self.tr("收费依据"), g.fee_basis)])
        head = f'<p style="font-size:{TEXT["large"]}px; font-weight:bold;">{esc(self.tr("不收费"))}</p>'
        if g.fee_basis:
            head += self._rows([(self.tr("依据"), g.fee_basis)])
        return head

    def _channels_html(self, g: ItemGuide) -> str:
        yes, no = self.tr("支持"), self.tr("不支持")
        rows = [
            (self.tr("办理形式"), self.tr("、").join(visitor_text(c) for c in g.channels)),
            (self.tr("网上办理"), self.tr("可以网上办理") if g.online else self.tr("暂不支持网上办理")),
            (self.tr("网上办理地址"), g.online_url),
            (self.tr("预约办理"), yes if g.appointment else no),
            (self.tr("网上支付"), yes if g.payment else no),
            (self.tr("物流快递"), yes if g.express else no),
            (self.tr("到现场次数"),
             self.tr("%n 次", "", int(g.visits)) if g.visits.isdigit() else visitor_text(g.visits)),
        ]
        return self._rows(rows)

    def _contact_html(self, g: ItemGuide, hall: HallView | None) -> str:
        rows = [(self.tr("咨询电话"), g.consult_phone), (self.tr("监督投诉电话"), g.complaint_phone)]
        if hall is not None:
            rows += [(c.name, c.text) for c in hall.complaint_channels
                     if c.text and c.text not in (g.complaint_phone, g.consult_phone)]
        return self._rows(rows, label_width=320)

    def _faq_html(self, g: ItemGuide) -> str:
        parts = []
        question, answer = self.tr("问："), self.tr("答：")
        for index, faq in enumerate(g.faq):
            top = "0" if index == 0 else "22px"
            parts.append(f'<p style="margin-top:{top};"><b>{esc(question)}{esc(faq.name)}</b></p>')
            if faq.text:
                parts.append(f'<p style="margin-top:6px; line-height:140%;">{esc(answer)}{esc(faq.text)}</p>')
        return "".join(parts)
