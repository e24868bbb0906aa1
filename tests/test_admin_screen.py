"""The hidden admin screen, driven like an operator would: a real kiosk over a real data folder, taps on
the page, a real private CUPS queue for the test page (tests/conftest_cups.py), and the files the
kiosk keeps (admin-actions.jsonl, admin-settings.json, maintenance.json, kiosk.log) read back."""

from __future__ import annotations

import json
import logging
import re
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint

from kiosk import admin_settings
from kiosk.admin import AdminService
from kiosk.app import KioskApp
from kiosk.brightness import Backlight, brightness_for, in_quiet_hours, parse_quiet_hours
from kiosk.printing.test_page import render_test_page
from kiosk.screens.admin import AdminScreen
from kiosk.ui import metrics
from tests.conftest import find_button, tap
from tests.conftest_cups import CupsQueue

JOB_WAIT_MS = 90_000  # CUPS and Ghostscript on a busy machine: generous, and never asserted on


def open_admin(kiosk: KioskApp) -> AdminScreen:
    """The admin screen, as the PIN pad opens it (the service and the screen made here if the app has not)."""
    if kiosk.store.admin is None:
        kiosk.store.admin = AdminService(kiosk.config.data_path, "", kiosk.store)
    if not kiosk.navigator.has("admin"):
        kiosk.navigator.register("admin", lambda: AdminScreen(kiosk.store))
    kiosk.navigator.go("admin")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, AdminScreen)
    assert not kiosk.window.header.isVisible() and not kiosk.window.footer.isVisible()  # the page is all there is
    return screen


def admin_of(kiosk: KioskApp) -> AdminService:
    admin = kiosk.store.admin
    assert isinstance(admin, AdminService)
    return admin


def actions(kiosk: KioskApp) -> list[dict[str, str]]:
    path = kiosk.config.data_path / "admin-actions.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def action_names(kiosk: KioskApp) -> list[str]:
    return [entry["action"] for entry in actions(kiosk)]


def pdf_text(data: bytes | Path) -> str:
    args = ["pdftotext", "-layout", str(data) if isinstance(data, Path) else "-", "-"]
    return subprocess.run(args, input=None if isinstance(data, Path) else data, capture_output=True,
                          check=True).stdout.decode("utf-8", "replace")


# -- sync -------------------------------------------------------------------------------------------------------
def test_the_sync_state_shows_after_a_sync_and_sync_now_is_requested(
        make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk()
    (kiosk.config.data_path / "sync-status.json").unlink()  # as on a kiosk that never synced
    screen = open_admin(kiosk)
    assert screen.sync_success.text() == "从未"
    assert kiosk.store.runner is not None
    kiosk.store.runner.once()  # the background sync runs a round
    tap(qtbot, find_button(screen, "刷新"))
    status = kiosk.store.runner.status()
    assert status.last_success and screen.sync_success.text() == status.last_success
    assert status.content_revision and screen.sync_revision.text() == status.content_revision
    assert screen.sync_error.text() == "无"
    assert screen.sync_queue.text() == f"{status.queue_depth} 条"

    with qtbot.waitSignal(admin_of(kiosk).sync_now_requested, timeout=1000):
        tap(qtbot, find_button(screen, "立即同步"))
    assert screen.sync_note.isVisible() and "已请求同步" in screen.sync_note.text()
    assert action_names(kiosk)[-1] == "sync-now"


# -- printer ----------------------------------------------------------------------------------------------------
def test_the_test_page_comes_out_of_the_printer(make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue,
                                                qtbot: Any) -> None:
    kiosk = make_kiosk(printer=cups_queue.name, kiosk_id="hall-A-03")
    screen = open_admin(kiosk)
    assert screen.printer_queue.text() == cups_queue.name
    button = find_button(screen, "打印测试页")
    tap(qtbot, button)
    assert button.text() == "正在打印…" and "正在打印测试页" in screen.test_page_line.text()
    qtbot.waitUntil(lambda: screen.test_job is not None and screen.test_job.done, timeout=JOB_WAIT_MS)
    job = screen.test_job
    assert job is not None
    assert job.state == "done", job.reason
    assert "测试页已打印" in screen.test_page_line.text()

    printed = cups_queue.pdfs()
    assert len(printed) == 1
    pdfinfo = subprocess.run(["pdfinfo", str(printed[0])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pdfinfo, re.MULTILINE)
    assert re.search(r"^Page size:\s+595 x 842 pts", pdfinfo, re.MULTILINE)  # A4, not scaled to another paper
    # Ghostscript in the CUPS chain keeps ASCII text searchable (not the Chinese): the printout is this kiosk's
    text = pdf_text(printed[0])
    assert "PRINT TEST PAGE" in text and "hall-A-03" in text and cups_queue.name in text
    assert action_names(kiosk)[-2:] == ["print-test-page", "print-test-page-done"]


def test_the_test_page_has_the_title_the_chinese_sample_and_a_10_mm_grid(tmp_path: Path) -> None:
    data = render_test_page("hall-A-03", datetime(2025, 1, 2, 19, 30, 5), "KioskTest")
    text = pdf_text(data)
    assert "打印测试页" in text and "中文样张" in text and "每格 10 毫米" in text
    assert "hall-A-03" in text and "2025-01-02 19:30:05" in text
    assert re.search(r"\b0\s+10\s+20\s+30\s+40\b.*\b160\s+mm", text) and "100 mm" in text  # the ruler, the span
    fonts = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True).stdout.decode()
    assert "WenQuanYi" in fonts and " yes yes " in fonts  # the CJK font embedded (as a subset)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", "-", str(tmp_path / "page")], input=data,
                   check=True)
    qr = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True,
                        check=True).stdout.strip()
    assert qr == "lobby-kiosk test page hall-A-03 2025-01-02 19:30:05"  # a phone reads which kiosk printed it


def test_without_a_printer_the_test_page_cannot_be_asked_for(make_kiosk: Callable[..., KioskApp]) -> None:
    screen = open_admin(make_kiosk())
    assert screen.printer_queue.text() == "未配置打印机"
    assert not find_button(screen, "打印测试页").isEnabled()


# -- log --------------------------------------------------------------------------------------------------------
def test_the_log_tail_shows_a_line_that_was_logged(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk()
    screen = open_admin(kiosk)
    handler = logging.FileHandler(kiosk.config.data_path / "kiosk.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("kiosk.test_admin")
    logger.addHandler(handler)
    try:
        logger.warning("打印机缺纸 queue hall-printer (paper out) #4711")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert "#4711" not in screen.log_view.toPlainText()
    tap(qtbot, find_button(screen, "刷新日志"))
    shown = screen.log_view.toPlainText().splitlines()
    assert shown[-1].endswith("WARNING kiosk.test_admin: 打印机缺纸 queue hall-printer (paper out) #4711")
    bar = screen.log_view.verticalScrollBar()
    assert bar.value() == bar.maximum()  # the newest line is in view


# -- touch test -------------------------------------------------------------------------------------------------
def test_touch_test_targets_turn_hit_when_tapped(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk()
    screen = open_admin(kiosk)
    tap(qtbot, find_button(screen, "开始触摸测试"))
    test = screen.touch_test
    assert test.isVisible() and test.geometry() == kiosk.window.rect()  # the whole screen, corners included
    centres = test.centres()
    inset = metrics().mm(18)
    assert centres[0] == QPoint(inset, inset)
    assert centres[4] == QPoint(kiosk.window.width() - 1 - inset, kiosk.window.height() - 1 - inset)

    tap(qtbot, test, QPoint(kiosk.window.width() // 2, 30))  # far from every target: a miss
    assert test.hits == 0 and len(test.misses) == 1
    per_mm = metrics().dpi / 25.4
    for index, centre in enumerate(centres):
        tap(qtbot, test, centre + QPoint(round(3 * per_mm), round(4 * per_mm)))  # 3 mm right, 4 mm down: 5 mm
        assert test.targets[index].hit
        assert test.targets[index].distance_mm == pytest.approx(5.0, abs=0.3)
    assert test.all_hit
    tap(qtbot, find_button(test, "完成"))
    assert not test.isVisible()
    assert "5 / 5" in screen.touch_line.text()
    assert actions(kiosk)[-1]["action"] == "touch-test"
    assert actions(kiosk)[-1]["detail"].startswith("5/5 hit, largest offset 5.0 mm, 1 misses")


def test_the_touch_test_starts_again_with_every_target_waiting(make_kiosk: Callable[..., KioskApp],
                                                                qtbot: Any) -> None:
    screen = open_admin(make_kiosk())
    tap(qtbot, find_button(screen, "开始触摸测试"))
    test = screen.touch_test
    tap(qtbot, test, test.centres()[2])
    assert test.hits == 1 and test.targets[2].distance_mm < 0.5
    tap(qtbot, find_button(test, "重新测试"))
    assert test.hits == 0 and test.isVisible()


# -- maintenance ------------------------------------------------------------------------------------------------
def test_maintenance_mode_is_switched_on_and_survives_a_restart(make_kiosk: Callable[..., KioskApp],
                                                                 qtbot: Any) -> None:
    kiosk = make_kiosk()
    screen = open_admin(kiosk)
    assert screen.maintenance_line.text() == "当前：正常服务"
    with qtbot.waitSignal(admin_of(kiosk).maintenance_changed, timeout=1000) as changed:
        tap(qtbot, find_button(screen, "暂停服务，进入维护"))
    assert changed.args == [True]
    assert "维护中" in screen.maintenance_line.text() and find_button(screen, "恢复服务")
    assert AdminService(kiosk.config.data_path, "").maintenance  # what a restarted kiosk reads
    assert action_names(kiosk)[-1] == "maintenance-on"
    tap(qtbot, find_button(screen, "恢复服务"))
    assert not AdminService(kiosk.config.data_path, "").maintenance
    assert screen.maintenance_line.text() == "当前：正常服务"


# -- restart and exit -------------------------------------------------------------------------------------------
def test_restart_asks_once_more_then_is_requested(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk()
    screen = open_admin(kiosk)
    admin = admin_of(kiosk)
    restarts: list[bool] = []
    exits: list[bool] = []
    admin.restart_requested.connect(lambda: restarts.append(True))
    admin.exit_requested.connect(lambda: exits.append(True))

    tap(qtbot, find_button(screen, "重启程序"))
    assert restarts == [] and screen.confirm_box.isVisible() and "确定重启程序吗" in screen.confirm_question.text()
    assert not screen.restart_button.isVisible()
    tap(qtbot, find_button(screen, "取消"))
    assert restarts == [] and not screen.confirm_box.isVisible() and screen.restart_button.isVisible()

    tap(qtbot, find_button(screen, "重启程序"))
    tap(qtbot, find_button(screen, "确认重启"))
    assert restarts == [True] and exits == []
    assert action_names(kiosk)[-1] == "restart"

    tap(qtbot, find_button(screen, "退出程序"))
    assert exits == []
    tap(qtbot, find_button(screen, "确认退出"))
    assert exits == [True] and restarts == [True]
    assert action_names(kiosk)[-1] == "exit"


def test_a_restart_question_left_open_is_gone_when_the_admin_comes_back(make_kiosk: Callable[..., KioskApp],
                                                                         qtbot: Any) -> None:
    kiosk = make_kiosk()
    screen = open_admin(kiosk)
    tap(qtbot, find_button(screen, "重启程序"))
    tap(qtbot, find_button(screen, "返回服务"))
    assert kiosk.navigator.current[0] == "home"
    assert action_names(kiosk)[-1] == "leave"
    assert open_admin(kiosk) is screen and not screen.confirm_box.isVisible()


# -- brightness -------------------------------------------------------------------------------------------------
def fake_backlight(folder: Path, maximum: int = 1000, level: int = 1000) -> Backlight:
    """A sysfs-like backlight folder (the kernel's files are plain text files)."""
    device = folder / "panel0"
    device.mkdir(parents=True)
    (device / "max_brightness").write_text(f"{maximum}\n")
    (device / "brightness").write_text(f"{level}\n")
    return Backlight(folder)


def test_brightness_levels_are_changed_and_saved(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                                tmp_path: Path) -> None:
    kiosk = make_kiosk(brightness_day=80, brightness_quiet=20, quiet_hours="19:00-07:30")
    screen = open_admin(kiosk)
    assert screen.day_level.text() == "80%" and screen.quiet_level.text() == "20%"
    assert "19:00 至 07:30" in screen.quiet_line.text()
    assert screen.backlight_line.text() == "未找到背光控制：安静时段以屏幕变暗代替"  # no backlight here
    screen.backlight = fake_backlight(tmp_path / "backlight")
    tap(qtbot, screen.day_minus)
    tap(qtbot, screen.quiet_plus)
    tap(qtbot, screen.quiet_plus)
    assert screen.day_level.text() == "70%" and screen.quiet_level.text() == "40%"
    saved = json.loads((kiosk.config.data_path / "admin-settings.json").read_text(encoding="utf-8"))
    assert saved == {"brightness_day": 70, "brightness_quiet": 40}
    assert (tmp_path / "backlight/panel0/brightness").read_text() == "700"  # the day level applies at once
    assert actions(kiosk)[-1] == {**actions(kiosk)[-1], "action": "brightness", "detail": "day 70%, quiet 40%"}
    # the file overrides the configuration from now on
    assert admin_settings.load(kiosk.config.data_path, kiosk.config) == admin_settings.AdminSettings(70, 40)


def test_brightness_stops_at_its_limits(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(brightness_day=20, brightness_quiet=100)
    screen = open_admin(kiosk)
    tap(qtbot, screen.day_minus)
    assert screen.day_level.text() == "10%" and not screen.day_minus.isEnabled()  # never a black day screen
    assert not screen.quiet_plus.isEnabled()


# -- layout -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_admin_page_fits_the_screen(make_kiosk: Callable[..., KioskApp], orientation: str) -> None:
    kiosk = make_kiosk(orientation=orientation)
    screen = open_admin(kiosk)
    width = kiosk.window.width()
    page = screen.page
    assert page.body.minimumSizeHint().width() <= width - page.verticalScrollBar().sizeHint().width()
    columns = {card.x() for card in screen.cards}
    assert len(columns) == (3 if orientation == "landscape" else 1)
    for button in (screen.sync_button, screen.maintenance_button, screen.restart_button, screen.day_plus):
        assert button.height() >= metrics().target and button.width() >= metrics().target


# -- schedule (no Qt) -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("clock", "quiet"), [
    ("18:59", False), ("19:00", True), ("23:59", True), ("00:00", True), ("07:29", True), ("07:30", False),
    ("12:00", False),
])
def test_quiet_hours_across_midnight(clock: str, quiet: bool) -> None:
    now = datetime.fromisoformat(f"2025-03-04T{clock}:00")
    assert in_quiet_hours(now, "19:00-07:30") is quiet
    assert brightness_for(now, "19:00-07:30", 90, 15) == (15 if quiet else 90)


def test_quiet_hours_within_a_day_and_none() -> None:
    assert in_quiet_hours(datetime(2025, 3, 4, 13, 0), "12:00-14:00")
    assert not in_quiet_hours(datetime(2025, 3, 4, 14, 0), "12:00-14:00")
    assert not in_quiet_hours(datetime(2025, 3, 4, 3, 0), "")
    assert brightness_for(datetime(2025, 3, 4, 3, 0), "", 90, 15) == 90
    assert parse_quiet_hours("") is None


@pytest.mark.parametrize(("text", "reason"), [
    ("7:00-19:00", "HH:MM-HH:MM"), ("19:00 - 07:30", "HH:MM-HH:MM"), ("24:00-07:00", "not a time of day"),
    ("19:60-07:00", "not a time of day"), ("08:00-08:00", "same time"),
])
def test_bad_quiet_hours_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_quiet_hours(text)


def test_the_backlight_is_set_in_percent_of_its_maximum(tmp_path: Path) -> None:
    backlight = fake_backlight(tmp_path / "sys", maximum=255, level=0)
    assert backlight.available and backlight.percent() == 0
    assert backlight.set_percent(50)
    assert (tmp_path / "sys/panel0/brightness").read_text() == "128" and backlight.percent() == 50
    assert backlight.set_percent(150) and backlight.percent() == 100
    missing = Backlight(tmp_path / "nothing")
    assert not missing.available and not missing.set_percent(50) and missing.percent() is None


def test_a_damaged_settings_file_falls_back_to_the_configuration(tmp_path: Path) -> None:
    class Config:
        brightness_day = 60
        brightness_quiet = 5

    (tmp_path / "admin-settings.json").write_text("{not json", encoding="utf-8")
    assert admin_settings.load(tmp_path, Config()) == admin_settings.AdminSettings(60, 5)
    admin_settings.save(tmp_path, admin_settings.AdminSettings(50, 0))
    assert admin_settings.load(tmp_path, Config()) == admin_settings.AdminSettings(50, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["admin-settings.json"]  # no temporary file left
