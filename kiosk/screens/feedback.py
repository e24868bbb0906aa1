"""The opinion box (意见箱): kind, optional target, text, optional name and phone → a tracking code.

Key: None, ``{"target": ("department"|"post"|"item", code)}`` or ``{"kind": "投诉"}`` (a fresh form
with that preset). Chinese is typed on the Pinyin virtual keyboard (kiosk/widgets/pinyin_keyboard.py),
built after the screen is on display; the phone is typed on a digit pad of our own. After submitting,
the receipt shows the tracking code large, as a QR code, and the promised reply date; the phone is
only ever shown masked. Everything typed is wiped (with the keyboard's pre-edit and Pinyin user
dictionary) when the form is submitted and at idle.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import date_text, visitor_text
from kiosk.screens.base import Screen
from kiosk.store import ContentStore
from kiosk.texts import QT_TRANSLATE_NOOP
from kiosk.ui import metrics
from kiosk.widgets.common import Row, ScrollPage, clear_layout, text_label
from kiosk.widgets.pinyin_keyboard import PinyinKeyboard, configure_field, wipe_user_dictionary
from kiosk.widgets.print_button import PrintButton, receipt_document

if TYPE_CHECKING:
    from kiosk.data.submissions import FeedbackReceipt, Problem

KINDS = ("意见建议", "投诉", "举报", "表扬")  # shown translated (kiosk/data/visitor_rules.py marks them)
ANONYMOUS_KIND = "举报"
TARGET_LABELS = {"department": QT_TRANSLATE_NOOP("FeedbackScreen", "部门"),
                 "post": QT_TRANSLATE_NOOP("FeedbackScreen", "窗口"),
                 "item": QT_TRANSLATE_NOOP("FeedbackScreen", "事项")}


def strip_controls(text: str) -> str:
    """Control and format characters out (newlines, and the joiners inside emoji, stay)."""
    return "".join(ch for ch in text if ch in "\n\u200d\ufe0f"
                   or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def qr_pixmap(text: str, size: int = 260) -> QPixmap:
    """A QR code of ``text`` (made offline with the ``qrcode`` package), black on white, ``size`` px."""
    import qrcode

    code = qrcode.QRCode(border=3, error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    from PySide6.QtGui import QColor, QImage, QPainter

    cells = len(matrix)
    cell = max(1, size // cells)
    image = QImage(cells * cell, cells * cell, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * cell, y * cell, cell, cell, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


def reply_date_text(due: date) -> str:
    return date_text(due)


class DigitPad(QWidget):
    """Big digit keys for a phone number: 0–9, the area-code dash and delete."""

    typed = Signal(str)
    backspace = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DigitPad")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for index, label in enumerate("123456789-0"):
            key = self._key(label)
            key.clicked.connect(lambda _=False, ch=label: self.typed.emit(ch))
            grid.addWidget(key, index // 3, index % 3)
            self.keys[label] = key
        delete = self._key(self.tr("删除"))
        delete.clicked.connect(self.backspace)
        grid.addWidget(delete, 3, 2)
        self.keys["backspace"] = delete

    def _key(self, label: str) -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("PadKey")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        key.setMinimumHeight(metrics().target)
        return key


class FieldBlock(QWidget):
    """A caption, the field (or row of buttons) under it, and the field's error message below."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        head = QHBoxLayout()
        head.setSpacing(16)
        self.caption = text_label(caption, "FieldCaption", wrap=False)
        head.addWidget(self.caption)
        head.addStretch(1)
        self.aside = text_label("", "FieldAside", wrap=False)
        self.aside.hide()
        head.addWidget(self.aside)
        self.column.addLayout(head)
        self.error = text_label("", "FieldError")
        self.error.hide()

    def add(self, widget: QWidget | None = None, layout: QBoxLayout | None = None) -> None:
        if widget is not None:
            self.column.addWidget(widget)
        if layout is not None:
            self.column.addLayout(layout)

    def finish(self) -> None:
        self.column.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class FeedbackScreen(Screen):
    name = "feedback"

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.kind = KINDS[0]
        self.target: tuple[str, str] | None = None
        self.receipt: FeedbackReceipt | None = None
        self.receipt_phone = ""  # masked
        self.qr_image: QPixmap | None = None
        self._landscape = True
        self._picker_kind = "department"
        self._picker_department = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_form()
        self._build_picker()
        self._build_receipt()
        self.pages.setCurrentWidget(self.form_page)

    # -- the form ------------------------------------------------------------------------------------------
    def _build_form(self) -> None:
        self.form_page = QWidget()
        self.pages.addWidget(self.form_page)
        column = QVBoxLayout(self.form_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.page = ScrollPage(spacing=18, margins=36)
        self.page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        column.addWidget(self.page, 1)
        body = self.page.column

        title_row = QHBoxLayout()
        title_row.addWidget(text_label(self.tr("意见箱"), "ScreenTitle", wrap=False))
        title_row.addSpacing(24)
        title_row.addWidget(text_label(self.tr("意见建议、投诉、举报、表扬，我们都会认真处理并限期答复"),
                                       "ScreenSubtitle"), 1)
        body.addLayout(title_row)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(36)
        left = QVBoxLayout()
        left.setSpacing(18)
        right = QVBoxLayout()
        right.setSpacing(18)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        body.addLayout(self.columns)

        # kind
        self.kind_block = FieldBlock(self.tr("类别"))
        kind_row = QHBoxLayout()
        kind_row.setSpacing(14)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[str, QPushButton] = {}
        for kind in KINDS:
            button = QPushButton(visitor_text(kind))
            button.setObjectName("KindButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, k=kind: self.set_kind(k))
            self.kind_group.addButton(button)
            kind_row.addWidget(button)
            self.kind_buttons[kind] = button
        self.kind_block.add(layout=kind_row)
        self.kind_block.finish()
        left.addWidget(self.kind_block)

        # target
        self.target_block = FieldBlock(self.tr("反映的对象（可不选）"))
        target_row = QHBoxLayout()
        target_row.setSpacing(14)
        self.target_button = QPushButton(self.tr("选择部门、窗口或事项"))
        self.target_button.setObjectName("TargetButton")
        self.target_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target_button.clicked.connect(self.open_picker)
        target_row.addWidget(self.target_button, 1)
        self.clear_target_button = QPushButton(self.tr("不指定"))
        self.clear_target_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_target_button.clicked.connect(lambda: self.set_target(None))
        target_row.addWidget(self.clear_target_button)
        self.target_block.add(layout=target_row)
        self.target_block.finish()
        left.addWidget(self.target_block)

        # text
        self.text_block = FieldBlock(self.tr("内容"))
        self.text_block.aside.show()
        self.text = QPlainTextEdit()
        self.text.setObjectName("FeedbackText")
        configure_field(self.text)
        self.text.setPlaceholderText(self.tr("请写下您的意见或遇到的情况：时间、窗口、事情经过（用下方键盘输入）"))
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._text_changed)
        self.text_block.add(self.text)
        self.text_block.finish()
        left.addWidget(self.text_block, 1)

        # anonymous (举报 only)
        self.anonymous_button = QPushButton(self.tr("匿名举报：不留姓名和电话"))
        self.anonymous_button.setObjectName("SwitchButton")
        self.anonymous_button.setCheckable(True)
        self.anonymous_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.anonymous_button.toggled.connect(self._anonymous_toggled)
        right.addWidget(self.anonymous_button)
        self.anonymous_note = text_label(self.tr("匿名举报无法回访，请记下提交后的查询编号，凭编号查看答复。"),
                                         "FieldNote")
        right.addWidget(self.anonymous_note)

        # name and phone
        self.name_block = FieldBlock(self.tr("姓名（可不填）"))
        self.name_field = QLineEdit()
        self.name_field.setObjectName("FeedbackName")
        configure_field(self.name_field)
        self.name_field.setMaxLength(40)
        self.name_block.add(self.name_field)
        self.name_block.finish()
        right.addWidget(self.name_block)

        self.phone_block = FieldBlock(self.tr("联系电话（可不填）"))
        self.phone = QLineEdit()
        self.phone.setObjectName("FeedbackPhone")
        self.phone.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # typed on the digit pad
        self.phone.setMaxLength(20)
        self.phone.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.phone.textChanged.connect(lambda _t: self.phone_block.set_error(""))
        self.phone_block.add(self.phone)
        self.phone_note = text_label(self.tr("电话仅用于工作人员回访核实，不会公开显示；提交后屏幕上只显示部分号码。"),
                                     "FieldNote")
        self.phone_block.add(self.phone_note)
        self.phone_block.finish()
        right.addWidget(self.phone_block)

        self.form_error = text_label("", "FieldError")
        self.form_error.hide()
        right.addWidget(self.form_error)
        right.addStretch(1)
        self.submit_button = QPushButton(self.tr("提交"))
        self.submit_button.setProperty("primary", True)
        self.submit_button.setObjectName("SubmitButton")
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.clicked.connect(self.submit)
        right.addWidget(self.submit_button)

        # the keyboards: Pinyin for text and name, digits for the phone
        self.keyboards = QStackedWidget()
        self.keyboards.setObjectName("KeyboardArea")
        self.keyboard = PinyinKeyboard()
        self.keyboard.loaded.connect(lambda: QTimer.singleShot(50, self, self._fit_keyboards))
        self.keyboards.addWidget(self.keyboard)
        pad_holder = QWidget()
        pad_row = QHBoxLayout(pad_holder)
        pad_row.setContentsMargins(0, 12, 0, 12)
        pad_row.addStretch(1)
        self.digit_pad = DigitPad()
        self.digit_pad.typed.connect(self._pad_typed)
        self.digit_pad.backspace.connect(self.phone.backspace)
        pad_row.addWidget(self.digit_pad, 2)
        pad_row.addStretch(1)
        self.keyboards.addWidget(pad_holder)
        self.pad_holder = pad_holder
        column.addWidget(self.keyboards)

        for watched in (self.text, self.text.viewport(), self.name_field, self.phone):
            watched.installEventFilter(self)
        self.set_kind(self.kind)
        self._text_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            if watched is self.phone:
                self.keyboards.setCurrentWidget(self.pad_holder)
                self.keyboard.clear_preedit()
                if event.type() == QEvent.Type.MouseButtonPress:
                    self.phone.setFocus()
            elif watched in (self.text, self.text.viewport(), self.name_field):
                self.keyboards.setCurrentWidget(self.keyboard)
                if event.type() == QEvent.Type.MouseButtonPress:
                    # the finger-scrolled page would otherwise keep the focus
                    (self.name_field if watched is self.name_field else self.text).setFocus()
        return super().eventFilter(watched, event)

    def _pad_typed(self, char: str) -> None:
        self.phone.insert(char)

    # -- state --------------------------------------------------------------------------------------------
    def set_kind(self, kind: str) -> None:
        self.kind = kind
        button = self.kind_buttons.get(kind)
        if button is not None:
            button.setChecked(True)
        self.kind_block.set_error("")
        allowed = kind == ANONYMOUS_KIND
        self.anonymous_button.setVisible(allowed)
        if not allowed and self.anonymous_button.isChecked():
            self.anonymous_button.setChecked(False)
        self._anonymous_toggled(self.anonymous_button.isChecked())

    def _anonymous_toggled(self, on: bool) -> None:
        anonymous = on and self.kind == ANONYMOUS_KIND
        self.anonymous_note.setVisible(anonymous)
        self.name_block.setVisible(not anonymous)
        self.phone_block.setVisible(not anonymous)
        if anonymous:
            self.name_field.clear()
            self.phone.clear()
            self.keyboards.setCurrentWidget(self.keyboard)

    def set_target(self, target: tuple[str, str] | None) -> None:
        self.target = target
        self.target_block.set_error("")
        self.target_button.setText(self._target_name(target) if target else self.tr("选择部门、窗口或事项"))
        self.target_button.setProperty("chosen", target is not None)
        self.target_button.setProperty("content", target is not None)  # the name of a department, window…
        self.target_button.style().unpolish(self.target_button)
        self.target_button.style().polish(self.target_button)
        self.clear_target_button.setVisible(target is not None)

    def _target_name(self, target: tuple[str, str]) -> str:
        kind, code = target
        catalog = self.store.catalog
        name = code
        if catalog is not None:
            from kiosk.data.catalog import NotFound

            try:
                if kind == "department":
                    name = catalog.department(code).name
                elif kind == "post":
                    post = catalog.post(code).post
                    name = (self.tr("%1号窗口 · %2").replace("%1", post.window).replace("%2", post.name)
                            if post.window else post.name)
                elif kind == "item":
                    guide = catalog.find_item_guide(code)
                    name = guide.name if guide is not None else code
            except NotFound:
                name = code
        return self.tr("%1：%2").replace("%1", self.tr(TARGET_LABELS.get(kind, ""))).replace("%2", name)

    def _text_changed(self) -> None:
        from kiosk.data.visitor_rules import clean_text, text_length

        raw = self.text.toPlainText()
        cleaned = strip_controls(raw)
        if cleaned != raw:  # a pasted or scanned control character never stays in the field
            cursor = self.text.textCursor()
            position = cursor.position() - (len(raw) - len(cleaned))
            self.text.blockSignals(True)
            self.text.setPlainText(cleaned)
            self.text.blockSignals(False)
            cursor = self.text.textCursor()
            cursor.setPosition(max(0, min(position, len(cleaned))))
            self.text.setTextCursor(cursor)
        count = text_length(clean_text(cleaned))
        limit = self.max_chars()
        self.text_block.aside.setText(self.tr("%1 / %2 字").replace("%1", str(count)).replace("%2", str(limit)))
        over = count > limit
        if self.text_block.aside.property("over") != over:
            self.text_block.aside.setProperty("over", over)
            self.text_block.aside.style().unpolish(self.text_block.aside)
            self.text_block.aside.style().polish(self.text_block.aside)
        if self.text_block.error.isVisible() and cleaned.strip() and not over:
            self.text_block.set_error("")

    def max_chars(self) -> int:
        return int(self.store.settings.feedback_max_chars)

    # -- submitting ---------------------------------------------------------------------------------------
    def feedback_input(self) -> Any:
        from kiosk.data.submissions import FeedbackInput

        anonymous = self.anonymous_button.isChecked() and self.kind == ANONYMOUS_KIND
        return FeedbackInput(
            kind=self.kind, text=self.text.toPlainText(), target=self.target,
            name="" if anonymous else self.name_field.text(), phone="" if anonymous else self.phone.text(),
            anonymous=anonymous,
        )

    def show_problems(self, problems: list[Problem]) -> None:
        blocks = {"kind": self.kind_block, "target": self.target_block, "text": self.text_block,
                  "name": self.name_block, "phone": self.phone_block}
        for block in blocks.values():
            block.set_error("")
        other = []
        for problem in problems:
            found = blocks.get(problem.field)
            if found is not None and found.isVisible():
                block = found
                block.set_error(visitor_text(problem.message))
            else:
                other.append(visitor_text(problem.message))
        self.form_error.setText("\n".join(other))
        self.form_error.setVisible(bool(other))
        if problems:
            first = blocks.get(problems[0].field)
            if first is not None and first.isVisible():
                self.page.ensureWidgetVisible(first, 0, 40)

    def submit(self) -> None:
        from kiosk.data.submissions import InputInvalid
        from kiosk.data.visitor_rules import mask_phone

        submissions = self.store.submissions
        if submissions is None:
            self.form_error.setText(self.tr("暂时无法提交，请稍后再试或联系服务台"))
            self.form_error.show()
            return
        self.keyboard.clear_preedit()
        feedback = self.feedback_input()
        problems = submissions.check_feedback(feedback)
        if problems:
            self.show_problems(problems)
            return
        try:
            receipt = submissions.add_feedback(feedback)
        except InputInvalid as exc:
            self.show_problems(exc.problems)
            return
        self.store.record_submitted()
        self.show_problems([])
        self.receipt_phone = mask_phone(feedback.phone) if feedback.phone.strip() else ""
        self._clear_form()
        wipe_user_dictionary()  # the flow has ended: nothing typed stays anywhere
        self.show_receipt(receipt)

    # -- the receipt --------------------------------------------------------------------------------------
    def _build_receipt(self) -> None:
        self.receipt_page = QWidget()
        self.receipt_page.setObjectName("ReceiptPage")
        outer = QVBoxLayout(self.receipt_page)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(20)
        outer.addWidget(text_label(self.tr("提交成功，谢谢您！"), "ReceiptTitle"))
        self.receipt_body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.receipt_body.setSpacing(40)
        card = QFrame()
        card.setObjectName("Card")
        card_column = QVBoxLayout(card)
        card_column.setContentsMargins(40, 28, 40, 32)
        card_column.setSpacing(14)
        card_column.addWidget(text_label(self.tr("您的查询编号"), "ReceiptCaption"))
        self.code_label = QLabel("")
        self.code_label.setObjectName("ReceiptCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        card_column.addWidget(self.code_label)
        card_column.addWidget(text_label(self.tr("请拍照或记下编号，凭编号在本机“查询办理回复”查看进度和答复。"),
                                         "ReceiptNote"))
        self.due_label = text_label("", "ReceiptDue")
        card_column.addWidget(self.due_label)
        self.kind_label = text_label("", "ReceiptFact")
        card_column.addWidget(self.kind_label)
        self.phone_label = text_label("", "ReceiptFact")
        card_column.addWidget(self.phone_label)
        card_column.addStretch(1)
        self.receipt_body.addWidget(card, 3)
        qr_column = QVBoxLayout()
        qr_column.setSpacing(10)
        self.qr_label = QLabel()
        self.qr_label.setObjectName("ReceiptQr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_column.addWidget(self.qr_label, 0, Qt.AlignmentFlag.AlignHCenter)
        qr_column.addWidget(text_label(self.tr("手机扫码保存查询编号"), "ReceiptNote"), 0,
                            Qt.AlignmentFlag.AlignHCenter)
        qr_column.addStretch(1)
        self.receipt_body.addLayout(qr_column, 1)
        outer.addLayout(self.receipt_body, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        self.query_button = QPushButton(self.tr("查询进度"))
        self.query_button.clicked.connect(self._query)
        buttons.addWidget(self.query_button, 1)
        # a paper receipt to take away (without a printer the code and its QR on screen are the receipt)
        self.print_button = PrintButton(self.store, self.tr("打印回执"))
        buttons.addWidget(self.print_button, 1)
        self.home_button = QPushButton(self.tr("返回首页"))
        self.home_button.setProperty("primary", True)
        self.home_button.clicked.connect(lambda: self.navigate.emit("home", None))
        buttons.addWidget(self.home_button, 1)
        outer.addLayout(buttons)
        self.pages.addWidget(self.receipt_page)

    def show_receipt(self, receipt: FeedbackReceipt) -> None:
        from kiosk.data import tracking

        self.receipt = receipt
        self.code_label.setText(tracking.spaced(receipt.code))
        self.due_label.setText(self.tr("我们将在 %1 前答复").replace("%1", reply_date_text(receipt.due_date)))
        self.kind_label.setText(self.tr("提交时间：%1").replace(
            "%1", f"{date_text(receipt.submitted_at.date())} {receipt.submitted_at:%H:%M}"))
        self.phone_label.setText(self.tr("回访电话：%1").replace("%1", self.receipt_phone))
        self.phone_label.setVisible(bool(self.receipt_phone))
        self.qr_image = qr_pixmap(receipt.code)
        self.qr_label.setPixmap(self.qr_image)
        catalog = self.store.catalog
        if catalog is not None and self.print_button.service.configured:
            # the printed receipt is in Chinese, like every printed document: the hall's Chinese name
            self.print_button.set_document(receipt_document(receipt.code, receipt.due_date, receipt.submitted_at,
                                                            catalog.in_language("zh").hall()))
        else:
            self.print_button.set_document(None)
        self.pages.setCurrentWidget(self.receipt_page)

    def _query(self) -> None:
        if self.receipt is not None:
            self.navigate.emit("feedback_query", self.receipt.code)

    # -- choosing the target ------------------------------------------------------------------------------
    def _build_picker(self) -> None:
        self.picker_page = QWidget()
        outer = QVBoxLayout(self.picker_page)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.setSpacing(16)
        head = QHBoxLayout()
        head.addWidget(text_label(self.tr("选择反映的对象"), "ScreenTitle", wrap=False))
        head.addStretch(1)
        self.picker_done = QPushButton(self.tr("返回填写"))
        self.picker_done.clicked.connect(lambda: self.pages.setCurrentWidget(self.form_page))
        head.addWidget(self.picker_done)
        outer.addLayout(head)
        tabs = QHBoxLayout()
        tabs.setSpacing(14)
        self.picker_tabs: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        choices = (("department", self.tr("部门")), ("post", self.tr("窗口岗位")), ("item", self.tr("办理事项")))
        for kind, label in choices:
            button = QPushButton(label)
            button.setObjectName("KindButton")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=kind: self._show_choices(k))
            group.addButton(button)
            tabs.addWidget(button, 1)
            self.picker_tabs[kind] = button
        outer.addLayout(tabs)
        self.picker_hint = text_label("", "Muted")
        outer.addWidget(self.picker_hint)
        self.picker_list = ScrollPage(spacing=10, margins=0)
        outer.addWidget(self.picker_list, 1)
        self.pages.addWidget(self.picker_page)

    def open_picker(self) -> None:
        self._picker_department = ""
        self._show_choices(self.target[0] if self.target else "department")
        self.pages.setCurrentWidget(self.picker_page)

    def _show_choices(self, kind: str) -> None:
        self._picker_kind = kind
        self.picker_tabs[kind].setChecked(True)
        self.picker_list.clear()
        catalog = self.store.catalog
        if catalog is None:
            return
        rows: list[tuple[str, str, Any]] = []
        if kind == "department":
            self.picker_hint.setText(self.tr("轻触选择部门"))
            rows = [(d.name, d.location, ("department", d.code)) for d in catalog.departments()]
        elif kind == "post":
            self.picker_hint.setText(self.tr("轻触选择窗口"))
            rows = [(self.tr("%1号窗口 · %2").replace("%1", p.window).replace("%2", p.name) if p.window else p.name,
                     p.department_name, ("post", p.code)) for p in catalog.posts()]
        elif not self._picker_department:
            self.picker_hint.setText(self.tr("先选事项所属的部门"))
            rows = [(d.name, self.tr("%n 个事项", "", d.item_count), ("dept", d.code)) for d in catalog.departments()]
        else:
            self.picker_hint.setText(self.tr("轻触选择事项"))
            back = Row(self.tr("‹ 重新选择部门"))
            back.clicked.connect(lambda: self._choose(("dept", "")))
            self.picker_list.column.addWidget(back)
            rows = [(i.name, visitor_text(i.window), ("item", i.code))
                    for i in catalog.items_by_department(self._picker_department)]
        for title, detail, value in rows:
            row = Row(title, detail, content=True)
            row.clicked.connect(lambda _=False, v=value: self._choose(v))
            self.picker_list.column.addWidget(row)
        self.picker_list.column.addStretch(1)

    def _choose(self, value: tuple[str, str]) -> None:
        if value[0] == "dept":
            self._picker_department = value[1]
            self._show_choices("item")
            return
        self.set_target(value)
        self.pages.setCurrentWidget(self.form_page)

    # -- screen API ---------------------------------------------------------------------------------------
    def open(self, key: Any = None) -> None:
        if isinstance(key, dict):
            self._clear_form()
            kind = key.get("kind")
            if kind in KINDS:
                self.set_kind(kind)
            target = key.get("target")
            if isinstance(target, (tuple, list)) and len(target) == 2:
                self.set_target((str(target[0]), str(target[1])))
            self.pages.setCurrentWidget(self.form_page)
        elif self.pages.currentWidget() is not self.form_page:
            # a receipt (or the picker) of an earlier visit: a new visit starts with an empty form
            self._clear_form()
            self.pages.setCurrentWidget(self.form_page)
        self.page.verticalScrollBar().setValue(0)

    def reset(self) -> None:
        self.keyboard.clear_preedit()
        self._clear_form()
        wipe_user_dictionary()
        self.receipt = None
        self.receipt_phone = ""
        self.qr_image = None
        self.print_button.reset()
        self.print_button.set_document(None)
        self.code_label.clear()
        self.phone_label.clear()
        self.qr_label.clear()
        self.pages.setCurrentWidget(self.form_page)

    def refresh(self) -> None:
        if self.target is not None:
            self.set_target(self.target)

    def _clear_form(self) -> None:
        self.text.clear()
        self.name_field.clear()
        self.phone.clear()
        self.anonymous_button.setChecked(False)
        self.set_kind(KINDS[0])
        self.set_target(None)
        self.show_problems([])
        self.keyboards.setCurrentWidget(self.keyboard)
        self._picker_department = ""
        clear_layout(self.picker_list.column)

    # -- layout -------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        self._fit_keyboards()
        if landscape != self._landscape:
            self._landscape = landscape
            direction = QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom
            self.columns.setDirection(direction)
            self.receipt_body.setDirection(direction)
        QTimer.singleShot(0, self, self._keep_focus_visible)

    def _fit_keyboards(self) -> None:
        """At most 44% of the height in landscape (the form scrolls above), 32% in portrait; no more
        than the panel needs at this width."""
        landscape = self.width() >= self.height()
        room = int(self.height() * (0.44 if landscape else 0.32))
        self.keyboards.setFixedHeight(min(room, self.keyboard.height_for_width(self.width()) + 8))

    def _keep_focus_visible(self) -> None:
        for field in (self.text, self.name_field, self.phone):
            if field.hasFocus():
                self.page.ensureWidgetVisible(field, 0, 20)
