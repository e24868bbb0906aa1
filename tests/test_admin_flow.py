"""The hidden way in: five taps on the department's name → PIN pad → admin screen; maintenance and quiet hours
take the attract screen's place; what the admin did reaches the office in the heartbeat."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.admin_gesture import TAPS, TapGesture
from kiosk.admin_pin import hash_pin
from kiosk.app import KioskApp
from kiosk.kiosk_mode import read_mode
from tests.conftest import find_button, tap

PIN = "246810"


@pytest.fixture
def admin_kiosk(make_kiosk: Callable[..., KioskApp]) -> KioskApp:
    kiosk = make_kiosk(admin_pin_hash=hash_pin(PIN))
    kiosk.navigator.go("home")
    return kiosk


def _five_taps_on_the_name(qtbot: Any, kiosk: KioskApp, taps: int = TAPS) -> None:
    for _ in range(taps):
        tap(qtbot, kiosk.window.header.title)


def _type_pin(qtbot: Any, kiosk: KioskApp, pin: str) -> None:
    screen = kiosk.navigator.current_screen()
    assert screen is not None and kiosk.navigator.current[0] == "admin_pin"
    for digit in pin:
        tap(qtbot, find_button(screen, digit))
    tap(qtbot, find_button(screen, "确定"))


def test_four_taps_do_nothing_the_fifth_opens_the_pin_pad(qtbot: Any, admin_kiosk: KioskApp) -> None:
    _five_taps_on_the_name(qtbot, admin_kiosk, TAPS - 1)
    assert admin_kiosk.navigator.current[0] == "home"
    _five_taps_on_the_name(qtbot, admin_kiosk, 1)
    assert admin_kiosk.navigator.current[0] == "admin_pin"


def test_taps_spread_over_more_than_three_seconds_do_not_count(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    now = [100.0]
    gesture = TapGesture(clock=lambda: now[0])
    label = QLabel("生态环境厅")
    qtbot.addWidget(label)
    gesture.watch(label)
    label.show()
    with qtbot.assertNotEmitted(gesture.triggered):
        for _ in range(8):  # a tap every 0.8 s: never five within 3 s
            tap(qtbot, label)
            now[0] += 0.8
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        for _ in range(TAPS):
            tap(qtbot, label)
            now[0] += 0.5


def test_five_taps_open_the_pad_and_the_right_pin_opens_admin(qtbot: Any, admin_kiosk: KioskApp) -> None:
    _five_taps_on_the_name(qtbot, admin_kiosk)
    assert admin_kiosk.navigator.current[0] == "admin_pin"
    _type_pin(qtbot, admin_kiosk, "000000")
    assert admin_kiosk.navigator.current[0] == "admin_pin"
    _type_pin(qtbot, admin_kiosk, PIN)
    assert admin_kiosk.navigator.current[0] == "admin"
    actions = [json.loads(line)["action"] for line in
               (admin_kiosk.config.data_path / "admin-actions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert actions[-2:] == ["pin-wrong", "pin-ok"]


def test_five_wrong_pins_lock_the_pad_even_for_the_right_one_and_a_restart(
        qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(admin_pin_hash=hash_pin(PIN))
    kiosk.navigator.go("home")
    _five_taps_on_the_name(qtbot, kiosk)
    for attempt in range(5):
        _type_pin(qtbot, kiosk, f"13579{attempt}")
    screen = kiosk.navigator.current_screen()
    assert screen is not None
    assert "锁定" in screen.message.text()  # type: ignore[attr-defined]
    assert not find_button(screen, "确定").isEnabled()
    assert kiosk.admin.pin_guard.attempt(PIN).locked_seconds > 0  # the right PIN is refused while locked
    assert kiosk.navigator.current[0] == "admin_pin"
    again = make_kiosk(data_dir=str(kiosk.config.data_path), admin_pin_hash=hash_pin(PIN))  # restarted
    assert again.admin.pin_guard.locked_seconds() > 4 * 60
    lines = (kiosk.config.data_path / "admin-actions.jsonl").read_text(encoding="utf-8")
    assert lines.count('"pin-wrong"') == 5 and PIN not in lines and "135790" not in lines


def test_no_pin_configured_means_no_admin(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk()
    kiosk.navigator.go("home")
    _five_taps_on_the_name(qtbot, kiosk)
    _type_pin(qtbot, kiosk, "0000")
    assert kiosk.navigator.current[0] == "admin_pin"
    screen = kiosk.navigator.current_screen()
    assert "set-pin" in screen.message.text()  # type: ignore[union-attr]


def test_maintenance_replaces_the_visitor_screens_until_ended_even_across_a_restart(
        qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(admin_pin_hash=hash_pin(PIN))
    kiosk.navigator.go("home")
    kiosk.admin.set_maintenance(True)
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "maintenance", timeout=2000)
    screen = kiosk.navigator.current_screen()
    assert screen is not None and "暂停服务，请到窗口咨询" in screen.notice.text()  # type: ignore[attr-defined]
    assert not kiosk.window.footer.isVisible()
    kiosk._expire()  # idle: still the notice, not the attract screen
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "maintenance", timeout=2000)
    assert read_mode(kiosk.config.data_path) == "maintenance"

    again = make_kiosk(data_dir=str(kiosk.config.data_path), admin_pin_hash=hash_pin(PIN))
    again.navigator.reset()
    qtbot.waitUntil(lambda: again.navigator.current[0] == "maintenance", timeout=2000)
    # the administrator comes through the notice itself
    for _ in range(TAPS):
        tap(qtbot, again.navigator.current_screen().admin_target)  # type: ignore[union-attr]
    assert again.navigator.current[0] == "admin_pin"
    _type_pin(qtbot, again, PIN)
    again.admin.set_maintenance(False)
    again.navigator.go("home")
    QApplication.processEvents()
    assert again.navigator.current[0] == "home"
    assert read_mode(again.config.data_path) == "normal"


def _hours_around_now() -> str:
    now = datetime.now()
    return f"{(now - timedelta(hours=1)):%H:%M}-{(now + timedelta(hours=1)):%H:%M}"


def test_quiet_hours_show_a_moving_clock_and_a_touch_wakes_the_kiosk(
        qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(quiet_hours=_hours_around_now())
    kiosk.navigator.reset()
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "quiet", timeout=2000)
    screen = kiosk.navigator.current_screen()
    assert screen is not None
    assert read_mode(kiosk.config.data_path) == "quiet"
    block = screen.block  # type: ignore[attr-defined]
    places = set()
    for _ in range(5):
        screen.move_block()  # type: ignore[attr-defined]
        places.add((block.x(), block.y()))
        assert screen.rect().contains(block.geometry())
    assert len(places) > 1  # the clock wanders
    assert ":" in screen.clock.text()  # type: ignore[attr-defined]
    tap(qtbot, screen)
    assert kiosk.navigator.current[0] == "home"
    qtbot.waitUntil(lambda: read_mode(kiosk.config.data_path) == "normal", timeout=2000)


def test_outside_quiet_hours_the_attract_screen_stays(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    now = datetime.now()
    away = f"{(now + timedelta(hours=2)):%H:%M}-{(now + timedelta(hours=3)):%H:%M}"
    kiosk = make_kiosk(quiet_hours=away)
    kiosk.navigator.reset()
    qtbot.wait(50)
    assert kiosk.navigator.current[0] == "attract"


def test_heartbeat_carries_the_admin_actions_once_and_the_mode(qtbot: Any, admin_kiosk: KioskApp) -> None:
    from sync.office_models import Heartbeat

    admin_kiosk.admin.record("touch-test", "5/5 targets")
    admin_kiosk.admin.set_maintenance(True)
    QApplication.processEvents()
    runner = admin_kiosk.store.runner
    assert runner is not None
    runner.once()
    admin_kiosk.admin.set_maintenance(False)
    QApplication.processEvents()
    runner.once()
    with Session(runner.office) as session:
        beats = session.execute(select(Heartbeat.mode, Heartbeat.admin_actions)
                                .order_by(Heartbeat.received_at, Heartbeat.kiosk_time)).all()
    modes = [mode for mode, _ in beats]
    assert modes[-2:] == ["maintenance", "normal"]
    reported = [a["action"] for _, text in beats for a in json.loads(text or "[]")]
    assert reported.count("touch-test") == 1 and reported.count("maintenance-on") == 1


def test_office_lists_the_kiosks_mode_and_admin_actions(
        qtbot: Any, admin_kiosk: KioskApp, capsys: pytest.CaptureFixture[str]) -> None:
    from sync.office_cli import main as office

    admin_kiosk.admin.record("print-test-page", "KioskPDF")
    admin_kiosk.admin.set_maintenance(True)
    QApplication.processEvents()
    runner = admin_kiosk.store.runner
    assert runner is not None
    runner.once()
    capsys.readouterr()
    assert office(["--db", runner.office_url, "kiosks"]) == 0
    assert "maintenance" in capsys.readouterr().out
    assert office(["--db", runner.office_url, "kiosks", "--actions"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("print-test-page" in line and "KioskPDF" in line for line in lines)
    assert any("maintenance-on" in line for line in lines)
