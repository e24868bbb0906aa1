"""The admin PIN: hashing, the lock after wrong PINs (kept across restarts), the action record,
the AdminService and the PIN pad screen driven by taps on a real kiosk."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk import admin_actions
from kiosk.admin import LOG_TAIL_BYTES, AdminService
from kiosk.admin_pin import PinGuard, hash_pin, valid_hash, valid_pin, verify_pin
from kiosk.app import KioskApp
from tests.conftest import find_button, tap

PIN = "246813"
#: one hash for the whole module: each scrypt costs ~70 ms
PIN_HASH = hash_pin(PIN)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def actions(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / admin_actions.ACTIONS_NAME
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- hashing ------------------------------------------------------------------------------------------------
def test_a_hash_verifies_its_pin_only_and_each_hash_has_its_own_salt() -> None:
    assert PIN_HASH.startswith("scrypt$16384$8$1$")
    assert PIN not in PIN_HASH
    assert verify_pin(PIN, PIN_HASH)
    assert not verify_pin("246814", PIN_HASH)
    assert not verify_pin("", PIN_HASH)
    again = hash_pin(PIN)
    assert again != PIN_HASH  # a new salt every time
    assert again.split("$")[4] != PIN_HASH.split("$")[4]
    assert verify_pin(PIN, again)
    assert valid_hash(PIN_HASH) and valid_hash(again)


@pytest.mark.parametrize("stored", ["", "246813", "scrypt$16384$8$1$abc", "bcrypt$16384$8$1$c2FsdHNhbHQ=$aGFzaA==",
                                    "scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",  # N not a power of 2
                                    "scrypt$16384$8$1$!!$aGFzaA==", "scrypt$1048576$64$1$c2FsdHNhbHQ=$aGFzaGhhc2g="])
def test_malformed_or_unreasonable_hashes_are_refused(stored: str) -> None:
    assert not valid_hash(stored)
    assert not verify_pin("246813", stored)


def test_a_tampered_hash_no_longer_verifies() -> None:
    head, digest = PIN_HASH.rsplit("$", 1)
    flipped = ("B" if digest[0] != "B" else "C") + digest[1:]
    assert valid_hash(f"{head}${flipped}")
    assert not verify_pin(PIN, f"{head}${flipped}")


def test_pin_rule_is_4_to_8_digits_and_the_reason_never_repeats_the_pin() -> None:
    assert valid_pin("1234") == "" and valid_pin("12345678") == ""
    for bad in ("", "123", "123456789", "12a4", "12 34", "１２３４"):  # the last: full-width digits
        reason = valid_pin(bad)
        assert reason
        assert not bad or bad not in reason
    with pytest.raises(ValueError):
        hash_pin("123")


# -- the guard ----------------------------------------------------------------------------------------------
def test_five_wrong_pins_lock_for_five_minutes_even_a_restart_keeps_the_lock(tmp_path: Path) -> None:
    clock = Clock()
    guard = PinGuard(tmp_path, PIN_HASH, clock=clock)
    assert [guard.attempt("111111").attempts_left for _ in range(4)] == [4, 3, 2, 1]
    fifth = guard.attempt("111111")
    assert (fifth.ok, fifth.attempts_left, fifth.locked_seconds) == (False, 0, 300)
    refused = guard.attempt(PIN)  # the right PIN during the lock
    assert not refused.ok and refused.locked_seconds == 300

    clock.now += 299.2
    restarted = PinGuard(tmp_path, PIN_HASH, clock=clock)  # the kiosk restarted: same data folder
    assert restarted.locked_seconds() == 1
    assert not restarted.attempt(PIN).ok

    clock.now += 1
    assert restarted.locked_seconds() == 0
    assert restarted.attempt(PIN).ok
    # after a success the count starts again: one wrong PIN leaves four
    assert restarted.attempt("000000").attempts_left == 4


def test_after_the_lock_runs_out_there_are_five_attempts_again(tmp_path: Path) -> None:
    clock = Clock()
    guard = PinGuard(tmp_path, PIN_HASH, clock=clock)
    for _ in range(5):
        guard.attempt("0000")
    clock.now += 301
    assert guard.attempt("0000").attempts_left == 4


def test_a_right_pin_clears_the_wrong_ones_before_it(tmp_path: Path) -> None:
    guard = PinGuard(tmp_path, PIN_HASH, clock=Clock())
    for _ in range(4):
        guard.attempt("9999")
    assert guard.attempt(PIN).ok
    assert [guard.attempt("9999").attempts_left for _ in range(4)] == [4, 3, 2, 1]


def test_a_clock_set_back_does_not_lock_the_kiosk_for_longer_than_the_lock(tmp_path: Path) -> None:
    clock = Clock()
    guard = PinGuard(tmp_path, PIN_HASH, clock=clock)
    for _ in range(5):
        guard.attempt("0000")
    clock.now -= 86_400  # the clock went a day back (a flat RTC battery, then NTP)
    assert guard.locked_seconds() == 300
    clock.now += 300
    assert guard.attempt(PIN).ok


def test_without_a_configured_pin_nothing_opens(tmp_path: Path) -> None:
    guard = PinGuard(tmp_path, "", clock=Clock())
    assert not guard.is_set
    for pin in ("", "0000", PIN):
        result = guard.attempt(pin)
        assert result.not_set and not result.ok


def test_attempts_are_logged_and_recorded_but_the_pin_never_is(tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    guard = PinGuard(tmp_path, PIN_HASH, clock=clock)
    caplog.set_level(logging.INFO, logger="kiosk.admin")
    guard.attempt("97531")
    guard.attempt(PIN)
    for _ in range(5):
        guard.attempt("97531")
    guard.attempt(PIN)
    assert [a["action"] for a in actions(tmp_path)] == ["pin-wrong", "pin-ok", *["pin-wrong"] * 5, "pin-locked"]
    assert actions(tmp_path)[0]["detail"] == "4 attempts left"
    assert "attempts left" in caplog.text and "locked" in caplog.text
    for text in (caplog.text, *(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())):
        assert "97531" not in text and PIN not in text


# -- the action record --------------------------------------------------------------------------------------
def test_actions_are_lines_and_only_unreported_ones_are_given(tmp_path: Path) -> None:
    admin_actions.record(tmp_path, "sync-now")
    admin_actions.record(tmp_path, "maintenance-on", "由管理员开启")
    lines = (tmp_path / "admin-actions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["action"] == "sync-now" and first["detail"] == ""
    assert len(first["at"]) == 19 and first["at"][4] == "-" and first["at"][13] == ":"
    assert json.loads(lines[1])["detail"] == "由管理员开启"

    assert [e["action"] for e in admin_actions.unreported(tmp_path)] == ["sync-now", "maintenance-on"]
    admin_actions.mark_reported(tmp_path, 1)
    assert [e["action"] for e in admin_actions.unreported(tmp_path)] == ["maintenance-on"]
    admin_actions.record(tmp_path, "restart")
    admin_actions.mark_reported(tmp_path, 1)
    assert [e["action"] for e in admin_actions.unreported(tmp_path)] == ["restart"]
    admin_actions.mark_reported(tmp_path, 5)  # more than there are: all reported, nothing more
    assert admin_actions.unreported(tmp_path) == []


def test_the_file_is_bounded_and_a_cut_while_reporting_loses_no_action(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin_actions, "MAX_LINES", 20)
    monkeypatch.setattr(admin_actions, "KEEP_LINES", 10)
    for index in range(15):
        admin_actions.record(tmp_path, "a", str(index))
    sending = admin_actions.unreported(tmp_path)
    assert len(sending) == 15
    for index in range(15, 21):  # meanwhile the UI records more: line 21 cuts the file to its last 10
        admin_actions.record(tmp_path, "a", str(index))
    assert len((tmp_path / "admin-actions.jsonl").read_text(encoding="utf-8").splitlines()) == 10
    admin_actions.mark_reported(tmp_path, len(sending))  # the heartbeat with 0..14 arrived
    assert [e["detail"] for e in admin_actions.unreported(tmp_path)] == [str(i) for i in range(15, 21)]


def test_a_line_cut_short_by_a_power_loss_does_not_swallow_the_next(tmp_path: Path) -> None:
    admin_actions.record(tmp_path, "first")
    with (tmp_path / "admin-actions.jsonl").open("ab") as handle:
        handle.write(b'{"at": "2026-01-01 00:00:00", "act')
    admin_actions.record(tmp_path, "after")
    found = admin_actions.unreported(tmp_path)
    assert [e["action"] for e in found] == ["first", "unreadable", "after"]


# -- the service ----------------------------------------------------------------------------------------------
def test_maintenance_survives_a_restart_and_requests_are_recorded(qtbot: Any, tmp_path: Path) -> None:
    admin = AdminService(tmp_path, PIN_HASH)
    assert admin.maintenance is False
    with qtbot.waitSignal(admin.maintenance_changed) as changed:
        admin.set_maintenance(True)
    assert changed.args == [True]
    assert AdminService(tmp_path, PIN_HASH).maintenance is True  # a new process, same data folder
    with qtbot.waitSignal(admin.sync_now_requested):
        admin.request_sync_now()
    with qtbot.waitSignal(admin.restart_requested):
        admin.request_restart()
    with qtbot.waitSignal(admin.exit_requested):
        admin.request_exit()
    assert [a["action"] for a in actions(tmp_path)] == ["maintenance-on", "sync-now", "restart", "exit"]


def test_log_tail_reads_the_end_of_the_log_and_the_rotated_one(tmp_path: Path) -> None:
    admin = AdminService(tmp_path, PIN_HASH)
    assert admin.log_tail() == []
    (tmp_path / "kiosk.log.1").write_text("".join(f"old {i}\n" for i in range(100)), encoding="utf-8")
    (tmp_path / "kiosk.log").write_text("new 0\nnew 1 同步成功\n", encoding="utf-8")
    assert admin.log_tail(4) == ["old 98", "old 99", "new 0", "new 1 同步成功"]
    assert admin.log_tail(2) == ["new 0", "new 1 同步成功"]

    line = "x" * 99 + "\n"
    (tmp_path / "kiosk.log").write_text(line * 5000 + "last line\n", encoding="utf-8")  # 500 KB
    tail = admin.log_tail(100_000)
    assert tail[-1] == "last line"
    assert all(t == "x" * 99 for t in tail[:-1])  # no cut line at the start
    assert len(tail) <= LOG_TAIL_BYTES // 100 + 1


# -- the screen ---------------------------------------------------------------------------------------------
@pytest.fixture
def pin_kiosk(make_kiosk: Callable[..., KioskApp]) -> Callable[..., KioskApp]:
    def make(pin_hash: str = PIN_HASH, clock: Clock | None = None) -> KioskApp:
        kiosk = make_kiosk(admin_pin_hash=pin_hash)
        admin = kiosk.store.admin
        assert admin is not None and admin.pin_guard.is_set == bool(pin_hash)
        if clock is not None:
            admin.pin_guard = PinGuard(kiosk.config.data_path, pin_hash, clock=clock)
        kiosk.navigator.go("home")
        kiosk.navigator.go("admin_pin")
        return kiosk

    return make


def type_pin(qtbot: Any, kiosk: KioskApp, pin: str) -> None:
    screen: Any = kiosk.navigator.screen("admin_pin")
    for digit in pin:
        tap(qtbot, screen.keypad.keys[digit])
    tap(qtbot, find_button(screen, "确定"))


def test_the_right_pin_opens_the_admin_screen(qtbot: Any, pin_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = pin_kiosk()
    screen: Any = kiosk.navigator.screen("admin_pin")
    assert not kiosk.window.header.isVisible()  # its own title, no visitor chrome
    for digit in PIN[:3]:
        tap(qtbot, screen.keypad.keys[digit])
    assert screen.typed_count == 3
    assert screen.dots.count == 3
    tap(qtbot, screen.keypad.keys["backspace"])
    assert screen.typed_count == 2
    tap(qtbot, screen.keypad.keys["clear"])
    assert screen.typed_count == 0
    type_pin(qtbot, kiosk, PIN)
    assert kiosk.navigator.current[0] == "admin"
    assert actions(kiosk.config.data_path)[-1]["action"] == "pin-ok"


def test_a_too_short_pin_is_not_counted_as_a_wrong_one(qtbot: Any, pin_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = pin_kiosk()
    screen: Any = kiosk.navigator.screen("admin_pin")
    type_pin(qtbot, kiosk, "12")
    assert screen.message.text() == "请输入 4 到 8 位数字"
    type_pin(qtbot, kiosk, "1111")
    assert screen.message.text() == "PIN 错误，还可尝试 4 次"


def test_wrong_pins_say_the_tries_left_then_lock_with_a_countdown(qtbot: Any,
                                                                  pin_kiosk: Callable[..., KioskApp]) -> None:
    clock = Clock()
    kiosk = pin_kiosk(clock=clock)
    screen: Any = kiosk.navigator.screen("admin_pin")
    type_pin(qtbot, kiosk, "1111")
    assert screen.message.text() == "PIN 错误，还可尝试 4 次"
    assert screen.typed_count == 0  # the pad is empty for the next try
    assert kiosk.navigator.current[0] == "admin_pin"
    tap(qtbot, screen.keypad.keys["5"])
    assert screen.message.text() == "PIN 错误，还可尝试 4 次"  # still said while the next one is typed
    tap(qtbot, screen.keypad.keys["clear"])
    for left in (3, 2, 1):
        type_pin(qtbot, kiosk, "1111")
        assert screen.message.text() == f"PIN 错误，还可尝试 {left} 次"
    type_pin(qtbot, kiosk, "1111")
    assert screen.message.text() == "已锁定，请 5 分 0 秒后再试"
    assert not screen.keypad.isEnabled() and not screen.ok_button.isEnabled()
    tap(qtbot, screen.keypad.keys["2"])  # a disabled key types nothing
    assert screen.typed_count == 0

    clock.now += 61
    qtbot.waitUntil(lambda: screen.message.text() == "已锁定，请 3 分 59 秒后再试", timeout=3000)
    # leaving and coming back (or a restart) shows the same lock
    kiosk.navigator.go("home")
    clock.now += 100
    kiosk.navigator.go("admin_pin")
    assert screen.message.text() == "已锁定，请 2 分 19 秒后再试"

    clock.now += 140
    qtbot.waitUntil(screen.keypad.isEnabled, timeout=3000)
    assert screen.message.text() == ""
    type_pin(qtbot, kiosk, PIN)
    assert kiosk.navigator.current[0] == "admin"


def test_cancel_goes_home_and_the_digits_are_forgotten(qtbot: Any, pin_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = pin_kiosk()
    screen: Any = kiosk.navigator.screen("admin_pin")
    tap(qtbot, screen.keypad.keys["2"])
    tap(qtbot, screen.keypad.keys["4"])
    tap(qtbot, find_button(screen, "取消"))
    assert kiosk.navigator.current[0] == "home"
    assert screen.typed_count == 0
    kiosk.navigator.go("admin_pin")
    assert screen.typed_count == 0 and screen.dots.count == 0


def test_without_a_pin_the_pad_says_how_to_set_one(qtbot: Any, pin_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = pin_kiosk(pin_hash="")
    screen: Any = kiosk.navigator.screen("admin_pin")
    assert screen.message.text() == "未设置管理密码（在终端运行 kiosk set-pin）"
    assert not screen.keypad.isEnabled() and not screen.ok_button.isEnabled()
    tap(qtbot, find_button(screen, "取消"))
    assert kiosk.navigator.current[0] == "home"
