"""The "打印" control every printable thing uses, and the panel that tells the visitor how it went.

:class:`PrintButton` is never a dead button: with a printer it prints one copy in the background
(the panel says 正在打印…, then 已打印 or why not, with the QR code offered instead); without a
printer, or once the visit's copies of this document are used up, it shows the QR code at once.
The panel lies over the window (the visitor may close it and keep browsing while the job runs).

For a feedback receipt (the lead adds the button to the receipt screen)::

    button = PrintButton(store, self.tr("打印回执"))
    button.set_document(receipt_document(code, due_date, submitted_at, hall, query_url))
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.print_service import PrintDocument, PrintJob, PrintService, printer_message, service_for
from kiosk.ui import metrics
from kiosk.widgets.common import text_label

if TYPE_CHECKING:
    from kiosk.data.views import HallView
    from kiosk.store import ContentStore

#: seconds the "已打印" panel stays before it closes by itself
DONE_SECONDS = 6


def qr_pixmap(text: str, size: int) -> QPixmap:
    from kiosk.printing.qr import qr_png

    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text, box=10))
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


class PrintPanel(QWidget):
    """Over the whole window: 正在打印… / 已打印 / 没能打印 + QR code / 扫码带走."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("PrintOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.job: PrintJob | None = None
        self.document: PrintDocument | None = None
        #: what the panel shows: printing, done, failed, limit, qr
        self.mode = ""
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QWidget()
        self.card.setObjectName("PrintPanel")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.card.setFixedWidth(metrics().px(920))
        column = QVBoxLayout(self.card)
        column.setContentsMargins(56, 44, 56, 44)
        column.setSpacing(18)
        self.title = text_label("", "PrintTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.title)
        self.message = text_label("", "PrintMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.message)
        self.keep = text_label("", "PrintKeep", selectable=False)
        self.keep.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.keep)
        self.qr = QLabel()
        self.qr.setObjectName("PrintQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = text_label("", "PrintQrCaption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.qr_caption)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("好的"))
        self.close_button.setObjectName("PrintClose")
        self.close_button.setProperty("primary", True)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.setMinimumWidth(metrics().px(360))
        self.close_button.clicked.connect(self.dismiss)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        self._done_timer = QTimer(self)
        self._done_timer.setSingleShot(True)
        self._done_timer.timeout.connect(self._done_elapsed)
        window.installEventFilter(self)
        self.hide()

    @staticmethod
    def for_window(window: QWidget) -> PrintPanel:
        for child in window.findChildren(PrintPanel, options=Qt.FindChildOption.FindDirectChildrenOnly):
            return child
        return PrintPanel(window)

    # -- what it shows ---------------------------------------------------------------------------------
    def show_job(self, job: PrintJob) -> None:
        if self.job is not None and self.job is not job:
            self.job.changed.disconnect(self._job_changed)
        self.job, self.document = job, job.document
        job.changed.connect(self._job_changed)
        self._job_changed()

    def show_qr(self, document: PrintDocument, title: str, message: str, mode: str = "qr") -> None:
        """The QR code (or the text to keep) instead of a printout."""
        self._forget_job()
        self.document = document
        self._fill(mode, title, message, document)

    def _job_changed(self) -> None:
        job = self.job
        if job is None:
            return
        if job.state == PrintJob.DONE:
            self._fill("done", self.tr("已打印"), self.tr("请在出纸口取走您的材料。"))
            self._done_timer.start(DONE_SECONDS * 1000)
        elif job.state == PrintJob.FAILED:
            hint = self._instead_hint(job.document)
            message = (self.tr("%1。%2").replace("%1", printer_message(job.message)).replace("%2", hint)
                       if job.message else hint)
            self._fill("failed", self.tr("没能打印"), message, job.document)
        else:
            self._fill("printing", self.tr("正在打印…"),
                       self.tr("请稍候，打印好后在出纸口取走。您可以继续浏览。"))

    def _instead_hint(self, document: PrintDocument) -> str:
        if document.qr_text:
            return self.tr("请用手机扫描下面的二维码带走，或到服务台领取纸质材料。")
        if document.keep_text:
            return self.tr("请记下下面的内容，或到服务台领取纸质材料。")
        return self.tr("请到服务台领取纸质材料。")

    def _fill(self, mode: str, title: str, message: str, document: PrintDocument | None = None) -> None:
        self.mode = mode
        self.setProperty("mode", mode)
        for widget in (self, self.card, self.title):  # the colours follow the mode (stylesheet)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.title.setText(title)
        self.message.setText(message)
        keep = document.keep_text if document is not None else ""
        self.keep.setText(keep)
        self.keep.setVisible(bool(keep))
        qr_text = document.qr_text if document is not None else ""
        if qr_text:
            self.qr.setPixmap(qr_pixmap(qr_text, 360))
            self.qr_caption.setText(document.qr_caption if document is not None else "")
        else:
            self.qr.clear()
        self.qr.setVisible(bool(qr_text))
        self.qr_caption.setVisible(bool(qr_text) and bool(self.qr_caption.text()))
        self.close_button.setText(self.tr("继续浏览") if mode == "printing" else self.tr("好的"))
        if mode != "done":
            self._done_timer.stop()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    @property
    def qr_shown(self) -> bool:
        return self.isVisible() and self.qr.isVisible() and not self.qr.pixmap().isNull()

    # -- closing ---------------------------------------------------------------------------------------
    def dismiss(self) -> None:
        """Closed by the visitor; a failure still to come opens it again."""
        self._done_timer.stop()
        self.hide()

    def _done_elapsed(self) -> None:
        if self.mode == "done":
            self.hide()

    def _forget_job(self) -> None:
        if self.job is not None:
            self.job.changed.disconnect(self._job_changed)
            self.job = None

    def forget(self) -> None:
        """A new visit: nothing of the last one shows up again."""
        self._forget_job()
        self.document = None
        self.dismiss()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the page under the panel is not tapped through it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible() and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class PrintButton(QPushButton):
    """Prints its document (one copy per tap, within the visit's limit) or offers the QR code."""

    def __init__(self, store: ContentStore, text: str = "", parent: QWidget | None = None, *,
                 qr_label: str = "") -> None:
        super().__init__(text or self.tr("打印"), parent)
        self.setObjectName("PrintButton")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.store = store
        self.label = text or self.tr("打印")
        #: the label when there is no printer (the tap shows the QR code)
        self.qr_label = qr_label or self.label
        self.document: PrintDocument | None = None
        self.job: PrintJob | None = None
        self._service: PrintService | None = None
        self.clicked.connect(self.start)
        self._set_state("idle")

    @property
    def service(self) -> PrintService:
        if self._service is None:
            self._service = service_for(self.store)
        return self._service

    @property
    def panel(self) -> PrintPanel:
        return PrintPanel.for_window(self.window())

    def set_document(self, document: PrintDocument | None) -> None:
        """What a tap prints (None: nothing to print, the button hides)."""
        if document is None or self.document is None or document.key != self.document.key:
            self.job = None
            self._set_state("idle")
        self.document = document
        self.setVisible(document is not None)

    def reset(self) -> None:
        """A new visit: forget the job and close the panel (the copies are counted by the service)."""
        self.job = None
        self._set_state("idle")
        panel = self.window().findChild(PrintPanel)
        if panel is not None:
            panel.forget()

    def start(self) -> None:
        document = self.document
        if document is None:
            return
        service = self.service
        if self.job is not None and not self.job.done:
            self.panel.show_job(self.job)  # a second tap while it prints: show how it goes
            return
        if not service.configured:
            self.panel.show_qr(document, self.tr("扫码带走"), self._no_printer_message(document))
            return
        if service.copies_left(document.key) <= 0:
            self.panel.show_qr(document, self.tr("本次打印份数已满"), service.limit_message(), "limit")
            return
        job = service.print_document(document)
        self.job = job
        job.changed.connect(partial(self._job_changed, job))
        self.panel.show_job(job)
        self._job_changed(job)

    def _no_printer_message(self, document: PrintDocument) -> str:
        if document.qr_text:
            return self.tr("本机暂不提供打印。请用手机扫描二维码，在手机上查看和保存。")
        return self.tr("本机暂不提供打印，请到服务台领取纸质材料。")

    def _job_changed(self, job: PrintJob) -> None:
        if job is not self.job:
            return  # an earlier visit's job
        state = {PrintJob.DONE: "done", PrintJob.FAILED: "failed"}.get(job.state, "printing")
        self._set_state(state)
        if state == "failed":
            panel = self.panel
            if panel.job is not job or not panel.isVisible():  # closed, or showing something else: tell again
                panel.show_job(job)

    def _set_state(self, state: str) -> None:
        self.state = state
        configured = self.service.configured
        texts = {"printing": self.tr("正在打印…"), "done": self.tr("已打印"), "failed": self.tr("未能打印 · 扫码")}
        self.setText(texts.get(state, self.label if configured else self.qr_label))
        self.setProperty("printState", state)
        self.style().unpolish(self)
        self.style().polish(self)


def receipt_document(code: str, due_date: date, submitted_at: datetime, hall: HallView,
                     query_url: str = "") -> PrintDocument:
    """The feedback receipt of tracking code ``code`` as a printable document (built when printed).

    When it cannot be printed, the panel shows the tracking code large and, with a ``query_url``,
    its QR code.
    """
    from kiosk.printing.receipt_pdf import render_receipt

    return PrintDocument(
        key=f"receipt:{code}", title=f"receipt {code}",
        source=partial(render_receipt, code, due_date, submitted_at, hall, query_url),
        qr_text=query_url, keep_text=code,
        qr_caption=QCoreApplication.translate("PrintButton", "扫码查询办理进度") if query_url else "",
    )
