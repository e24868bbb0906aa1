"""The opinion box by taps: kinds, validation messages, Chinese typed on the Pinyin keyboard, the receipt
with its code, QR and reply date, the lookup by code, and the wipe at idle."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp
from kiosk.data import tracking
from kiosk.data.visitor_rules import add_working_days
from kiosk.screens.feedback import FeedbackScreen
from kiosk.screens.feedback_query import FeedbackQueryScreen
from tests.conftest import find_button, tap
from tests.test_pinyin_keyboard import tap_candidate, type_pinyin


def open_form(qtbot: Any, kiosk: KioskApp) -> FeedbackScreen:
    tap(qtbot, kiosk.navigator.screen("attract"))
    tap(qtbot, find_button(kiosk.window, "意见箱"))
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackScreen)
    kiosk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk.window)
    assert screen.keyboard.ensure_loaded(), screen.keyboard.error
    qtbot.wait(300)  # the panel fits itself once loaded
    return screen


def type_phone(qtbot: Any, screen: FeedbackScreen, digits: str) -> None:
    tap(qtbot, screen.phone)
    for digit in digits:
        tap(qtbot, screen.digit_pad.keys[digit])


def records(kiosk: KioskApp) -> list[dict[str, Any]]:
    assert kiosk.store.runner is not None
    return [entry.payload for entry in kiosk.store.runner.outbox.recent("feedback", 50)]


def test_each_problem_is_said_next_to_its_field_and_nothing_is_stored(
        qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(feedback_max_chars=20)
    screen = open_form(qtbot, kiosk)
    tap(qtbot, screen.submit_button)
    assert screen.text_block.error.isVisible() and "请写下" in screen.text_block.error.text()
    assert screen.pages.currentWidget() is not screen.receipt_page

    screen.text.setPlainText("很" * 21)  # as if typed: the count shows it over the limit
    assert screen.text_block.aside.text().startswith("21 / 20")
    tap(qtbot, screen.submit_button)
    assert "最多20字" in screen.text_block.error.text()

    screen.text.setPlainText("窗口人员态度很好")
    type_phone(qtbot, screen, "12345")
    tap(qtbot, screen.submit_button)
    assert not screen.text_block.error.isVisible()
    assert screen.phone_block.error.isVisible() and "电话号码格式不对" in screen.phone_block.error.text()
    assert records(kiosk) == []


def test_control_characters_go_and_emoji_stay(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    screen.text.setPlainText("大厅很干净\x07\x1b👍🏽")  # a scanner or a paste could bring these in
    assert screen.text.toPlainText() == "大厅很干净👍🏽"
    tap(qtbot, find_button(screen, "表扬"))
    tap(qtbot, screen.submit_button)
    (record,) = records(kiosk)
    assert record["text"] == "大厅很干净👍🏽" and record["kind"] == "表扬"


def test_a_complaint_typed_in_pinyin_gets_a_code_a_qr_and_a_reply_date(
        qtbot: Any, kiosk: KioskApp, tmp_path: Path) -> None:
    screen = open_form(qtbot, kiosk)
    tap(qtbot, find_button(screen, "投诉"))
    tap(qtbot, screen.text)
    type_pinyin(qtbot, screen.keyboard, "nihao")
    tap_candidate(qtbot, screen.keyboard, "你好")
    assert screen.text.toPlainText() == "你好"
    type_phone(qtbot, screen, "13812345678")
    tap(qtbot, screen.submit_button)

    assert screen.pages.currentWidget() is screen.receipt_page
    code = tracking.normalise(screen.code_label.text())
    assert tracking.check(code) is None
    assert screen.code_label.text() == tracking.spaced(code)  # spaced for reading aloud
    due = add_working_days(date.today(), 5)
    assert f"{due.year}年{due.month}月{due.day}日" in screen.due_label.text()
    assert "138****5678" in screen.phone_label.text() and "13812345678" not in screen.phone_label.text()
    picture = tmp_path / "qr.png"
    assert screen.qr_image.save(str(picture))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(picture)], capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == code
    (record,) = records(kiosk)
    assert record["code"] == code and record["kind"] == "投诉" and record["text"] == "你好"
    assert record["phone"] == "13812345678" and record["due_date"] == due.isoformat()
    # the form is empty again for the next visitor
    assert screen.text.toPlainText() == "" and screen.phone.text() == ""

    tap(qtbot, screen.query_button)
    query = kiosk.navigator.current_screen()
    assert isinstance(query, FeedbackQueryScreen)
    assert query.status_label.text() == "当前进度：已受理"
    facts = " ".join(f"{k} {v}" for k, v in query.shown_facts().items())
    assert str(due.day) in facts and str(date.today().year) in facts


def test_an_anonymous_report_keeps_no_name_or_phone(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    screen.name_field.setText("张三")
    type_phone(qtbot, screen, "13812345678")
    tap(qtbot, find_button(screen, "举报"))
    tap(qtbot, screen.anonymous_button)
    assert not screen.name_block.isVisible() and not screen.phone_block.isVisible()
    screen.text.setPlainText("有人在大厅门口收费代办")
    tap(qtbot, screen.submit_button)
    (record,) = records(kiosk)
    assert record["kind"] == "举报" and record["name"] is None and record["phone"] is None


def test_a_typo_in_the_code_is_caught_by_the_checksum(qtbot: Any, kiosk: KioskApp) -> None:
    code = tracking.new_code()
    wrong = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]
    kiosk.navigator.go("home")
    kiosk.navigator.go("feedback_query")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackQueryScreen)
    for char in wrong:
        tap(qtbot, screen.pad.keys[char])
    assert screen.error.isVisible() and "编号有误" in screen.error.text()
    assert not screen.result.isVisible()
    tap(qtbot, screen.pad.keys["clear"])
    for char in code:
        tap(qtbot, screen.pad.keys[char])
    assert not screen.error.isVisible()
    assert "没有找到" in screen.note.text()  # well-formed, but nobody submitted it


def test_idle_in_the_middle_of_the_form_wipes_it(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    tap(qtbot, find_button(screen, "投诉"))
    tap(qtbot, screen.text)
    type_pinyin(qtbot, screen.keyboard, "nihao")
    tap_candidate(qtbot, screen.keyboard, "你好")
    type_pinyin(qtbot, screen.keyboard, "shi")  # left half-typed
    screen.name_field.setText("李四")
    type_phone(qtbot, screen, "1391234")
    kiosk.idle.set_timing(100, 10)
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "attract", timeout=5000)
    assert screen.text.toPlainText() == "" and screen.name_field.text() == "" and screen.phone.text() == ""
    assert screen.keyboard.preedit() == ""
    assert screen.kind == "意见建议"
    assert records(kiosk) == []


def test_the_office_reply_is_shown_for_the_code(qtbot: Any, kiosk: KioskApp) -> None:
    from kiosk.data.cache import open_engine, replace_feedback_status

    code = tracking.new_code()
    assert kiosk.store.runner is not None and kiosk.store.catalog is not None
    engine = open_engine(kiosk.store.runner.cache)  # as a sync brings it down from the office
    replace_feedback_status(engine, [{
        "code": code, "status": "已回复", "reply": "已约谈窗口负责人，并于本周内整改。",
        "received_at": "2026-11-20T09:00:00", "replied_at": "2026-11-24T15:30:00", "closed_at": "",
        "due_date": "2026-11-27"}])
    engine.dispose()
    kiosk.navigator.go("home")
    kiosk.navigator.go("feedback_query", code.lower())
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackQueryScreen)
    assert screen.status_label.text() == "当前进度：已回复"
    assert screen.reply.isVisible() and screen.reply.text() == "已约谈窗口负责人，并于本周内整改。"
    facts = " ".join(screen.shown_facts().values())
    assert "11月20日" in facts and "11月24日" in facts and "11月27日" in facts
