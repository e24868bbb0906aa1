"""The hidden admin screen (管理), reached only through the PIN pad (kiosk/screens/admin_pin.py).

A calm operator page of cards: the office sync (state, 立即同步), the printer (state, 打印测试页), the
backlight levels by day and in quiet hours, maintenance mode, the touch test, restart and exit of the
program, and the end of the kiosk's log. Everything it does goes through ``store.admin``
(:class:`kiosk.admin.AdminService`), which records the action and lets the app carry it out; the
page itself only reads small files (the sync status, the log's tail) and never waits on the network,
the printer or a subprocess. Restart and exit ask once more on the page itself (no dialog windows).
"""

from __future__ import annotations

import socket
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__, admin_settings
from kiosk.admin_settings import AdminSettings
from kiosk.brightness import MIN_DAY, Backlight, parse_quiet_hours
from kiosk.print_service import PrintDocument, PrinterStatus, PrintJob, PrintService
from kiosk.screens.base import Screen
from kiosk.screens.item_list import regrid
from kiosk.store import ContentStore
from kiosk.ui import TEXT, metrics
from kiosk.widgets.common import ScrollPage, make_kinetic, text_label
from kiosk.widgets.touch_test import TouchTest

if TYPE_CHECKING:
    from kiosk.admin import AdminService

#: backlight percent per tap of − or +
BRIGHTNESS_STEP = 10
#: lines of the log shown
LOG_LINES = 80
#: a restart or exit not confirmed within this many seconds is called off
CONFIRM_SECONDS = 15


def _wrapping(label: QLabel) -> QLabel:
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class AdminCard(QFrame):
    """A titled card of the admin page."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("AdminCard")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(28, 22, 28, 24)
        self.column.setSpacing(14)
        self.column.addWidget(text_label(title, "AdminCardTitle"))

    def facts(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.column.addLayout(grid)
        return grid

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.column.addLayout(row)
        return row


def _button(text: str, name: str = "", *, primary: bool = False, accent: bool = False) -> QPushButton:
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    button.setProperty("primary", primary)
    button.setProperty("accent", accent)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def _restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class AdminScreen(Screen):
    name = "admin"
    chrome = False

    #: the admin changed the backlight levels: (day %, quiet %) — the app re-applies its schedule
    brightness_changed = Signal(int, int)

    def __init__(self, store: ContentStore) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("Admin")
        self._landscape = True
        self._confirming = ""
        self._status_connected: PrintService | None = None
        self._admin_connected: AdminService | None = None
        self._worker_connected: QObject | None = None
        self.test_job: PrintJob | None = None
        self.backlight = Backlight()
        config = getattr(store.parent(), "config", None)
        self.quiet_hours = str(getattr(config, "quiet_hours", "") or "")
        self.settings = admin_settings.load(store.data_dir, config)
        self._config = config

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._top_bar())
        self.page = ScrollPage(spacing=20, margins=40)
        outer.addWidget(self.page, 1)

        self.cards = [self._sync_card(), self._printer_card(), self._brightness_card(),
                      self._maintenance_card(), self._touch_card(), self._program_card()]
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.page.column.addLayout(self.grid)
        regrid(self.grid, self.cards, 3)
        self.page.column.addWidget(self._log_card())
        self.page.column.addStretch(1)

        self.touch_test = TouchTest(self)
        self.touch_test.finished.connect(self._touch_test_finished)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(self.cancel_confirm)

    # -- building ------------------------------------------------------------------------------------------
    def _top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("AdminBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(bar)
        row.setContentsMargins(40, 16, 40, 16)
        row.setSpacing(24)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(text_label(self.tr("终端管理"), "AdminTitle", wrap=False))
        self.identity = text_label("", "AdminIdentity", wrap=False)
        self.identity.setMinimumWidth(1)
        texts.addWidget(self.identity)
        row.addLayout(texts, 1)
        self.back_button = _button(self.tr("返回服务"), "AdminBack", primary=True)
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back_button.setMinimumWidth(metrics().mm(60))
        self.back_button.clicked.connect(self.leave)
        row.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return bar

    def _fact(self, grid: QGridLayout, row: int, key: str) -> QLabel:
        grid.addWidget(text_label(key, "AdminKey", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
        value = _wrapping(text_label("", "AdminValue"))
        grid.addWidget(value, row, 1)
        return value

    def _sync_card(self) -> AdminCard:
        card = AdminCard(self.tr("与中心同步"))
        facts = card.facts()
        self.sync_success = self._fact(facts, 0, self.tr("上次成功"))
        self.sync_attempt = self._fact(facts, 1, self.tr("上次尝试"))
        self.sync_error = self._fact(facts, 2, self.tr("上次错误"))
        self.sync_error.setProperty("content", True)  # the error as the sync wrote it, not a UI string
        self.sync_queue = self._fact(facts, 3, self.tr("待发送记录"))
        self.sync_revision = self._fact(facts, 4, self.tr("内容版本"))
        self.sync_note = _wrapping(text_label("", "AdminNote"))
        self.sync_note.hide()
        card.column.addWidget(self.sync_note)
        card.column.addStretch(1)
        row = card.buttons()
        self.sync_button = _button(self.tr("立即同步"), primary=True)
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_refresh_button = _button(self.tr("刷新"))
        self.sync_refresh_button.clicked.connect(self.show_sync)
        row.addWidget(self.sync_button, 3)
        row.addWidget(self.sync_refresh_button, 2)
        return card

    def _printer_card(self) -> AdminCard:
        card = AdminCard(self.tr("打印机"))
        facts = card.facts()
        self.printer_queue = self._fact(facts, 0, self.tr("打印队列"))
        self.printer_state = self._fact(facts, 1, self.tr("状态"))
        self.printer_reason = _wrapping(text_label("", "AdminNote", content=True))  # what CUPS said
        card.column.addWidget(self.printer_reason)
        self.test_page_line = _wrapping(text_label("", "AdminNote"))
        self.test_page_line.hide()
        card.column.addWidget(self.test_page_line)
        card.column.addStretch(1)
        row = card.buttons()
        # named as the visitors' print buttons: the same colours for printing / printed / failed
        self.test_page_button = _button(self.tr("打印测试页"), "PrintButton", primary=True)
        self.test_page_button.setProperty("printState", "idle")
        self.test_page_button.clicked.connect(self.print_test_page)
        self.printer_check_button = _button(self.tr("检查"))
        self.printer_check_button.clicked.connect(self.check_printer)
        row.addWidget(self.test_page_button, 3)
        row.addWidget(self.printer_check_button, 2)
        return card

    def _level_row(self, card: AdminCard, caption: str, which: str) -> tuple[QLabel, QPushButton, QPushButton]:
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(text_label(caption, "AdminKey"), 1)
        target = metrics().target
        minus = _button("−", "AdminStep")
        plus = _button("+", "AdminStep")
        value = text_label("", "AdminLevel", wrap=False)
        value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        value.setFixedWidth(TEXT["heading"] * 3)  # "100%" fits: the − buttons line up
        for button, step in ((minus, -BRIGHTNESS_STEP), (plus, BRIGHTNESS_STEP)):
            button.setFixedSize(target, target)
            button.clicked.connect(partial(self.change_brightness, which, step))
        row.addWidget(minus)
        row.addWidget(value)
        row.addWidget(plus)
        card.column.addLayout(row)
        return value, minus, plus

    def _brightness_card(self) -> AdminCard:
        card = AdminCard(self.tr("屏幕亮度"))
        self.day_level, self.day_minus, self.day_plus = self._level_row(card, self.tr("服务时间"), "day")
        self.quiet_level, self.quiet_minus, self.quiet_plus = self._level_row(card, self.tr("安静时段"), "quiet")
        self.quiet_line = _wrapping(text_label("", "AdminNote"))
        card.column.addWidget(self.quiet_line)
        self.backlight_line = _wrapping(text_label("", "AdminNote"))
        card.column.addWidget(self.backlight_line)
        card.column.addStretch(1)
        return card

    def _maintenance_card(self) -> AdminCard:
        card = AdminCard(self.tr("维护模式"))
        self.maintenance_line = _wrapping(text_label("", "AdminState"))
        card.column.addWidget(self.maintenance_line)
        card.column.addWidget(_wrapping(text_label(
            self.tr("维护期间，访客看到“暂停服务，请到窗口咨询”；已保存的评价和意见照常发送。重启后仍保持。"),
            "AdminNote")))
        card.column.addStretch(1)
        self.maintenance_button = _button("")
        self.maintenance_button.clicked.connect(self.toggle_maintenance)
        card.column.addWidget(self.maintenance_button)
        return card

    def _touch_card(self) -> AdminCard:
        card = AdminCard(self.tr("触摸测试"))
        card.column.addWidget(_wrapping(text_label(
            self.tr("在屏幕四角和中央各点一次，检查触摸是否准确、边角是否灵敏。"), "AdminNote")))
        self.touch_line = _wrapping(text_label(self.tr("本次尚未测试"), "AdminValue"))
        card.column.addWidget(self.touch_line)
        card.column.addStretch(1)
        self.touch_button = _button(self.tr("开始触摸测试"))
        self.touch_button.clicked.connect(self.start_touch_test)
        card.column.addWidget(self.touch_button)
        return card

    def _program_card(self) -> AdminCard:
        card = AdminCard(self.tr("程序"))
        self.version_line = _wrapping(text_label(self.tr("版本 %1").replace("%1", __version__), "AdminNote"))
        card.column.addWidget(self.version_line)
        card.column.addStretch(1)
        self.program_buttons = QWidget()
        row = QHBoxLayout(self.program_buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        self.restart_button = _button(self.tr("重启程序"))
        self.restart_button.clicked.connect(partial(self.ask_confirm, "restart"))
        self.exit_button = _button(self.tr("退出程序"))
        self.exit_button.clicked.connect(partial(self.ask_confirm, "exit"))
        row.addWidget(self.restart_button)
        row.addWidget(self.exit_button)
        card.column.addWidget(self.program_buttons)
        # the question in place of the two buttons
        self.confirm_box = QWidget()
        self.confirm_box.setObjectName("AdminConfirm")
        self.confirm_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        column = QVBoxLayout(self.confirm_box)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(12)
        self.confirm_question = _wrapping(text_label("", "AdminConfirmText"))
        column.addWidget(self.confirm_question)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        self.cancel_button = _button(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel_confirm)
        self.confirm_button = _button("", "AdminConfirmButton", accent=True)
        self.confirm_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        column.addLayout(buttons)
        self.confirm_box.hide()
        card.column.addWidget(self.confirm_box)
        return card

    def _log_card(self) -> AdminCard:
        card = AdminCard(self.tr("运行日志（最近 %1 行）").replace("%1", str(LOG_LINES)))
        self.log_view = QPlainTextEdit()
        self.log_view.setObjectName("AdminLog")
        self.log_view.setProperty("content", True)  # the log's own lines
        self.log_view.setReadOnly(True)
        self.log_view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.log_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log_view.setMinimumHeight(metrics().mm(110))
        make_kinetic(self.log_view)
        card.column.addWidget(self.log_view)
        row = card.buttons()
        row.addStretch(1)
        self.log_button = _button(self.tr("刷新日志"))
        self.log_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.log_button.setMinimumWidth(metrics().mm(60))
        self.log_button.clicked.connect(self.show_log)
        row.addWidget(self.log_button)
        return card

    # -- screen API ----------------------------------------------------------------------------------------
    @property
    def admin(self) -> AdminService | None:
        return self.store.admin

    def _record(self, action: str, detail: str = "") -> None:
        if self.admin is not None:
            self.admin.record(action, detail)

    def open(self, key: Any = None) -> None:
        """Fresh figures each time the admin comes in."""
        self.cancel_confirm()
        self.touch_test.hide()
        self.sync_note.hide()
        self.page.verticalScrollBar().setValue(0)
        kiosk_id = self.store.kiosk_id or socket.gethostname()
        self.identity.setText(self.tr("终端 %1 · 版本 %2").replace("%1", kiosk_id).replace("%2", __version__))
        self._connect_sources()
        self.show_sync()
        self.show_printer()
        self.settings = admin_settings.load(self.store.data_dir, self._config)
        self.show_brightness()
        self.show_maintenance()
        self.show_log()

    def reset(self) -> None:
        """Idle: nothing half-done stays on the page (a restart question, the touch test)."""
        self.cancel_confirm()
        self.touch_test.hide()

    def _connect_sources(self) -> None:
        admin = self.admin
        if admin is not None and admin is not self._admin_connected:
            admin.maintenance_changed.connect(self.show_maintenance)
            self._admin_connected = admin
        # (the app starts the sync worker once the content is loaded: perhaps after this page was first opened)
        worker = getattr(self.store.parent(), "sync_worker", None)
        if worker is not None and worker is not self._worker_connected:
            worker.finished.connect(self._sync_finished)  # a round finished: the figures change before the eyes
            self._worker_connected = worker
        service = self.store.printing
        if service is not None and service is not self._status_connected:
            service.status_changed.connect(self.show_printer)
            self._status_connected = service

    # -- sync ----------------------------------------------------------------------------------------------
    def show_sync(self) -> None:
        runner = self.store.runner
        if runner is None:
            for label in (self.sync_success, self.sync_attempt, self.sync_error, self.sync_queue, self.sync_revision):
                label.setText("—")
            self.sync_error.setText(self.tr("同步未启动（内容没有加载）"))
            return
        status = runner.status()
        never = self.tr("从未")
        self.sync_success.setText(status.last_success or never)
        self.sync_attempt.setText(status.last_attempt or never)
        if status.last_error:
            failures = self.tr("（连续失败 %1 次）").replace("%1", str(status.failures)) if status.failures else ""
            self.sync_error.setText(status.last_error + failures)
        else:
            self.sync_error.setText(self.tr("无"))
        self.sync_error.setProperty("problem", bool(status.last_error))
        _restyle(self.sync_error)
        queue = self.tr("%1 条").replace("%1", str(status.queue_depth))
        if status.rejected:
            queue += self.tr("，另有 %1 条被中心退回").replace("%1", str(status.rejected))
        self.sync_queue.setText(queue)
        self.sync_revision.setText(status.content_revision or self.tr("无"))

    def sync_now(self) -> None:
        if self.admin is not None:
            self.admin.request_sync_now()
        self.sync_note.setText(self.tr("已请求同步。同步在后台进行，完成后这里的数字会更新，也可以点“刷新”。"))
        self.sync_note.show()

    def _sync_finished(self, ok: bool, line: str) -> None:
        if self.isVisible():
            self.show_sync()

    # -- printer -------------------------------------------------------------------------------------------
    def _printer_words(self, status: PrinterStatus) -> str:
        words = {
            "ok": self.tr("就绪"), "printing": self.tr("正在打印"), "unknown": self.tr("正在检查…"),
            "missing": self.tr("找不到这个打印队列"), "no-cups": self.tr("打印服务（CUPS）没有运行"),
        }
        return words.get(status.state) or status.message or status.state

    def show_printer(self, *_: object) -> None:
        service = self.store.printing
        if service is None or not service.configured:
            self.printer_queue.setText(self.tr("未配置打印机"))
            self.printer_state.setText("—")
            self.printer_reason.setText(self.tr("在配置文件中设置 printer（CUPS 队列名）后重启程序。"))
            self.test_page_button.setEnabled(False)
            self.printer_check_button.setEnabled(False)
            return
        status = service.status
        self.printer_queue.setText(service.printer)
        self.printer_state.setText(self._printer_words(status))
        self.printer_state.setProperty("problem", not status.ready and status.state != "unknown")
        _restyle(self.printer_state)
        self.printer_reason.setText(status.reason)
        self.test_page_button.setEnabled(True)
        self.printer_check_button.setEnabled(True)

    def check_printer(self) -> None:
        service = self.store.printing
        if service is not None and service.configured:
            service.check_async()  # the answer comes as status_changed
            self.printer_state.setText(self.tr("正在检查…"))

    def print_test_page(self) -> None:
        from kiosk.printing.test_page import render_test_page

        service = self.store.printing
        if service is None or not service.configured:
            return
        if self.test_job is not None and not self.test_job.done:
            return  # one at a time
        now = datetime.now()
        kiosk_id = self.store.kiosk_id or socket.gethostname()
        document = PrintDocument(key=f"admin-test-page:{now:%Y%m%d%H%M%S%f}", title=f"test page {kiosk_id}",
                                 source=partial(render_test_page, kiosk_id, now, service.printer))
        self._record("print-test-page", service.printer)
        job = service.print_document(document)
        self.test_job = job
        job.changed.connect(partial(self._test_job_changed, job))
        self._test_job_changed(job)

    def _test_job_changed(self, job: PrintJob) -> None:
        if job is not self.test_job:
            return
        if job.state == PrintJob.DONE:
            state, line = "done", self.tr("测试页已打印，请到出纸口取纸，用直尺量一量方格。")
            self._record("print-test-page-done", job.job_id)
        elif job.state == PrintJob.FAILED:
            state = "failed"
            line = self.tr("测试页没能打印：%1").replace("%1", job.message or job.reason)
            if job.reason and job.reason not in (job.message, self.printer_reason.text()):
                line += f"\n{job.reason}"  # (the printer's own state says it already, most of the time)
            self._record("print-test-page-failed", job.reason)
        else:
            state, line = "printing", self.tr("正在打印测试页…")
        self.test_page_button.setText({"printing": self.tr("正在打印…"), "done": self.tr("再打印一张"),
                                       "failed": self.tr("重新打印")}.get(state, self.tr("打印测试页")))
        self.test_page_button.setProperty("printState", state)
        _restyle(self.test_page_button)
        self.test_page_line.setText(line)
        self.test_page_line.setProperty("problem", state == "failed")
        _restyle(self.test_page_line)
        self.test_page_line.show()

    # -- brightness ----------------------------------------------------------------------------------------
    def show_brightness(self) -> None:
        day, quiet = self.settings.brightness_day, self.settings.brightness_quiet
        self.day_level.setText(f"{day}%")
        self.quiet_level.setText(f"{quiet}%")
        self.day_minus.setEnabled(day > MIN_DAY)
        self.day_plus.setEnabled(day < 100)
        self.quiet_minus.setEnabled(quiet > 0)
        self.quiet_plus.setEnabled(quiet < 100)
        try:
            span = parse_quiet_hours(self.quiet_hours)
        except ValueError:
            span = None
        if span is None:
            self.quiet_line.setText(self.tr("未设置安静时段（配置项 quiet_hours）"))
        else:
            self.quiet_line.setText(self.tr("安静时段：每天 %1 至 %2").replace("%1", span[0].strftime("%H:%M"))
                                    .replace("%2", span[1].strftime("%H:%M")))
        if self.backlight.available:
            now = self.backlight.percent()
            self.backlight_line.setText(self.tr("背光控制：%1，现在 %2").replace("%1", self.backlight.name)
                                        .replace("%2", f"{now}%" if now is not None else "—"))
            self.backlight_line.setProperty("problem", False)
        else:
            self.backlight_line.setText(self.tr("未找到背光控制：安静时段以屏幕变暗代替"))
            self.backlight_line.setProperty("problem", True)
        _restyle(self.backlight_line)

    def change_brightness(self, which: str, step: int) -> None:
        day, quiet = self.settings.brightness_day, self.settings.brightness_quiet
        if which == "day":
            day = admin_settings.clamp_day(day + step)
        else:
            quiet = admin_settings.clamp_quiet(quiet + step)
        if (day, quiet) == (self.settings.brightness_day, self.settings.brightness_quiet):
            return
        self.settings = AdminSettings(day, quiet)
        admin_settings.save(self.store.data_dir, self.settings)
        self._record("brightness", f"day {day}%, quiet {quiet}%")
        if which == "day":  # the admin is at the screen: quiet hours only dim an idle kiosk
            self.backlight.set_percent(day)
        self.show_brightness()
        self.brightness_changed.emit(day, quiet)

    # -- maintenance ---------------------------------------------------------------------------------------
    def show_maintenance(self, *_: object) -> None:
        on = self.admin is not None and self.admin.maintenance
        self.maintenance_line.setText(self.tr("当前：暂停服务（维护中）") if on else self.tr("当前：正常服务"))
        self.maintenance_line.setProperty("problem", on)
        _restyle(self.maintenance_line)
        self.maintenance_button.setText(self.tr("恢复服务") if on else self.tr("暂停服务，进入维护"))
        self.maintenance_button.setProperty("primary", on)
        self.maintenance_button.setProperty("accent", not on)
        _restyle(self.maintenance_button)

    def toggle_maintenance(self) -> None:
        admin = self.admin
        if admin is None:
            return
        admin.set_maintenance(not admin.maintenance)
        self.show_maintenance()

    # -- touch test ----------------------------------------------------------------------------------------
    def start_touch_test(self) -> None:
        self.cancel_confirm()
        self.touch_test.start()

    def _touch_test_finished(self) -> None:
        test = self.touch_test
        worst = max((t.distance_mm for t in test.targets if t.hit), default=0.0)
        if test.hits:
            line = (self.tr("上次测试：%1 / 5 个目标点中，最大偏差 %2 毫米").replace("%1", str(test.hits))
                    .replace("%2", f"{worst:.1f}"))
        else:
            line = self.tr("上次测试：没有点中任何目标")
        self.touch_line.setText(line)
        self.touch_line.setProperty("problem", not test.all_hit or worst > 5)
        _restyle(self.touch_line)
        self._record("touch-test", test.summary())

    # -- restart and exit ----------------------------------------------------------------------------------
    def ask_confirm(self, what: str) -> None:
        self._confirming = what
        if what == "restart":
            self.confirm_question.setText(self.tr("确定重启程序吗？访客界面会中断几秒钟。"))
            self.confirm_button.setText(self.tr("确认重启"))
        else:
            self.confirm_question.setText(self.tr("确定退出程序吗？退出后本机不再提供服务，需要技术人员重新启动。"))
            self.confirm_button.setText(self.tr("确认退出"))
        self.program_buttons.hide()
        self.confirm_box.show()
        self._confirm_timer.start(CONFIRM_SECONDS * 1000)

    def cancel_confirm(self) -> None:
        self._confirming = ""
        self._confirm_timer.stop()
        self.confirm_box.hide()
        self.program_buttons.show()

    def confirm(self) -> None:
        what, admin = self._confirming, self.admin
        self.cancel_confirm()
        if admin is None:
            return
        if what == "restart":
            admin.request_restart()
        elif what == "exit":
            admin.request_exit()

    # -- log -----------------------------------------------------------------------------------------------
    def show_log(self) -> None:
        lines = self.admin.log_tail(LOG_LINES) if self.admin is not None else []
        self.log_view.setPlainText("\n".join(lines) if lines else self.tr("（日志为空）"))
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest lines

    # -- leaving -------------------------------------------------------------------------------------------
    def leave(self) -> None:
        self.reset()
        self._record("leave")
        self.navigate.emit("home", None)

    # -- layout --------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        landscape = self.width() >= self.height()
        if landscape != self._landscape:
            self._landscape = landscape
            regrid(self.grid, self.cards, 3 if landscape else 1)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.reset()
        super().hideEvent(event)
