"""Forms (表格) and sample texts (示范文本): list, preview, print or take away by QR code.

Key: None (every form, grouped by item) or an item code (that item's forms only). The list is on the
left (portrait: on top); tapping a form shows its page rendered with QtPdf, pages turned with
上一页/下一页, and the two ways to take it: "打印" (:class:`kiosk.widgets.print_button.PrintButton`)
and "扫码带走".

The form files have no public download address of their own, so the QR code opens the item's page on
the government service portal (``portal_item_url``), where the forms are published; without a
portal pattern, the item's online application address; with neither, no QR code is offered (the print
button still prints, and says to ask at the service desk if it cannot).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QSizeF, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import visitor_text
from kiosk.print_service import PrintDocument, service_for
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.widgets.common import Row, ScrollPage, clear_layout, text_label
from kiosk.widgets.print_button import PrintButton, PrintPanel

if TYPE_CHECKING:
    from kiosk.data.views import FormView


class FormPage(QLabel):
    """The rendered page, scaled into the room it has (rendered again when that changes)."""

    def __init__(self, resized: Callable[[], None]) -> None:
        super().__init__()
        self._resized = resized
        self.setObjectName("FormPage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 260)
        self.image = QImage()

    def sizeHint(self) -> QSize:
        return QSize(600, 800)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # render again for the room it has now (not if the page is gone by then: a mode switch rebuilds it)
        QTimer.singleShot(0, self, self._resized)


class FormsScreen(Screen):
    name = "forms"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.setObjectName("Forms")
        self.store = store
        self.item_code: str | None = None
        self.forms: list[FormView] = []
        self.current: FormView | None = None
        self.page_index = 0
        self.rows: dict[str, Row] = {}
        self.document = QPdfDocument(self)
        self._landscape = True

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(12)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.title = text_label(self.tr("表格下载与打印"), "ScreenTitle", content=True)  # or an item's name
        titles.addWidget(self.title)
        self.subtitle = text_label("", "ScreenSubtitle")
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.all_button = QPushButton(self.tr("查看全部表格"))
        self.all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_button.clicked.connect(lambda: self.open(None))
        head.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(head)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(24)
        self.list_page = ScrollPage(spacing=12, margins=0)
        self.list_page.column.setContentsMargins(0, 0, 16, 16)
        self.body.addWidget(self.list_page, 5)

        self.preview = QWidget()
        self.preview.setObjectName("FormPreview")
        self.preview.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        preview = QVBoxLayout(self.preview)
        preview.setContentsMargins(24, 20, 24, 20)
        preview.setSpacing(14)
        self.form_title = text_label("", "FormTitle", content=True)
        preview.addWidget(self.form_title)
        self.form_detail = text_label("", "FormDetail", content=True)
        preview.addWidget(self.form_detail)
        self.page_view = FormPage(self._rerender)
        preview.addWidget(self.page_view, 1)
        turning = QHBoxLayout()
        turning.setSpacing(12)
        self.prev_button = QPushButton(self.tr("上一页"))
        self.prev_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.page_label = text_label("", "PageCount", wrap=False)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self.tr("下一页"))
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.next_button.clicked.connect(lambda: self.turn(1))
        turning.addWidget(self.prev_button)
        turning.addWidget(self.page_label, 1)
        turning.addWidget(self.next_button)
        preview.addLayout(turning)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        self.print_button = PrintButton(store, self.tr("打印"), qr_label=self.tr("扫码带走"))
        self.print_button.setProperty("primary", True)
        actions.addWidget(self.print_button, 1)
        self.qr_button = QPushButton(self.tr("扫码带走"))
        self.qr_button.setObjectName("QrButton")
        self.qr_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.qr_button.clicked.connect(self.show_qr)
        actions.addWidget(self.qr_button, 1)
        preview.addLayout(actions)
        self.body.addWidget(self.preview, 4)
        outer.addLayout(self.body, 1)

        self.empty = text_label("", "Empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        outer.addWidget(self.empty)

    # -- Screen ----------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        self.item_code = str(key) if key else None
        catalog = self.store.catalog
        forms: list[FormView] = []
        if catalog is not None:
            forms = catalog.forms_for_item(self.item_code) if self.item_code else catalog.forms()
        self.forms = forms
        self._fill_list()
        if self.item_code and forms:
            self.title.setText(self.tr("%1：表格和示范文本").replace("%1", forms[0].item_name))
        else:
            self.title.setText(self.tr("表格下载与打印"))
        self.subtitle.setText(self.tr("共 %n 份。点一份查看，可以打印，也可以用手机扫码带走。", "", len(forms))
                              if forms else "")
        self.all_button.setVisible(bool(self.item_code))
        has = bool(forms)
        self.list_page.setVisible(has)
        self.preview.setVisible(has)
        self.empty.setVisible(not has)
        self.empty.setText(self.tr("该事项没有需要下载的表格，请直接按办事指南准备材料") if self.item_code
                           else self.tr("暂无可下载的表格"))
        if has:
            self.select(forms[0])
        else:
            self._unload()

    def refresh(self) -> None:
        if self.isVisible():
            self.open(self.item_code)

    def reset(self) -> None:
        self.print_button.reset()
        service_for(self.store).new_visit()
        self._unload()
        self.item_code = None

    # -- choosing and previewing -----------------------------------------------------------------------
    def _fill_list(self) -> None:
        clear_layout(self.list_page.column)
        self.list_page.verticalScrollBar().setValue(0)
        self.rows = {}
        column = self.list_page.column
        group = None
        for form in self.forms:
            if form.item_code != group and not self.item_code:
                group = form.item_code
                column.addWidget(text_label(form.item_name, "SectionTitle", content=True))
            detail = (self.tr("材料：%1").replace("%1", form.material_name) if form.material_name
                      else self.tr("事项表格"))
            row = Row(form.name, detail, badges=(visitor_text(form.kind),), content=True)
            row.setCheckable(True)
            row.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.clicked.connect(lambda _=False, f=form: self.select(f))
            column.addWidget(row)
            self.rows[form.key + form.item_code] = row
        column.addStretch(1)

    def select(self, form: FormView) -> None:
        """Show ``form``'s first page and make it the one printed and taken away."""
        self.current = form
        for key, row in self.rows.items():
            row.setChecked(key == form.key + form.item_code)
        self.form_title.setText(form.name)
        parts = [visitor_text(form.kind), form.item_name]
        if form.material_name:
            parts.append(self.tr("材料：%1").replace("%1", form.material_name))
        self.form_detail.setText(self.tr("　·　").join(p for p in parts if p))
        self.document.close()
        self.document.load(form.path)
        self.page_index = 0
        qr_text, caption = self._qr_for(form)
        # without a printer the print button itself offers the QR code: no second button saying the same
        self.qr_button.setVisible(bool(qr_text) and service_for(self.store).configured)
        self.print_button.set_document(PrintDocument(
            key=f"form:{form.key}", title=f"form {form.key[:12]}", source=Path(form.path),
            qr_text=qr_text, qr_caption=caption))
        self._render()

    def _qr_for(self, form: FormView) -> tuple[str, str]:
        """The form has no download address of its own: the item's portal page, else its online service."""
        portal = service_for(self.store).item_url(form.item_code)
        if portal:
            return portal, self.tr("扫码打开本事项在政务服务网的页面，下载这份表格")
        catalog = self.store.catalog
        guide = catalog.find_item_guide(form.item_code) if catalog is not None else None
        if guide is not None and guide.online_url:
            return guide.online_url, self.tr("扫码进入网上办理，在线填写和提交")
        return "", ""

    @property
    def page_count(self) -> int:
        return max(0, self.document.pageCount())

    def turn(self, step: int) -> None:
        target = self.page_index + step
        if 0 <= target < self.page_count:
            self.page_index = target
            self._render()

    def _render(self) -> None:
        count = self.page_count
        if count <= 0 or self.current is None:
            self.page_view.clear()
            self.page_view.image = QImage()
            self.page_view.setText(self.tr("这份表格暂时无法预览"))
            self.page_label.setText("")
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        room = self.page_view.size()
        if room.width() < 200 or room.height() < 260:
            room = QSize(600, 800)
        page = self.document.pagePointSize(self.page_index)
        if page.isEmpty():
            page = QSizeF(595, 842)
        scale = min(room.width() / page.width(), room.height() / page.height())
        ratio = self.devicePixelRatioF()
        size = QSize(max(1, int(page.width() * scale * ratio)), max(1, int(page.height() * scale * ratio)))
        image = self.document.render(self.page_index, size)
        image.setDevicePixelRatio(ratio)
        self.page_view.image = image
        self.page_view.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(self.tr("第 %1 页 / 共 %2 页").replace("%1", str(self.page_index + 1))
                                .replace("%2", str(count)))
        self.prev_button.setEnabled(self.page_index > 0)
        self.next_button.setEnabled(self.page_index < count - 1)
        self.prev_button.setVisible(count > 1)
        self.next_button.setVisible(count > 1)

    def _rerender(self) -> None:
        if self.current is not None and self.isVisible():
            self._render()

    def _unload(self) -> None:
        self.current = None
        self.document.close()
        self.page_view.clear()
        self.page_view.image = QImage()
        self.print_button.set_document(None)

    def show_qr(self) -> None:
        document = self.print_button.document
        if document is not None and document.qr_text:
            PrintPanel.for_window(self.window()).show_qr(
                document, self.tr("扫码带走"), self.tr("用手机扫描二维码，在手机上查看、下载这份表格。"))

    def resizeEvent(self, event: object) -> None:
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape
                                   else QBoxLayout.Direction.TopToBottom)
            self.body.setStretch(0, 5 if landscape else 2)
            self.body.setStretch(1, 4 if landscape else 5)
        super().resizeEvent(event)  # type: ignore[arg-type]
