"""Idle reset: countdown at the configured time, "继续使用" cancels, expiry wipes and returns to attract."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.app import KioskApp
from tests.conftest import find_button, tap


def test_idle_time_comes_from_the_configuration(make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(idle_seconds=45, idle_countdown_seconds=7)
    assert kiosk.idle.idle_ms == 45_000
    assert kiosk.idle.countdown_seconds == 7


def test_attract_is_never_interrupted_by_the_countdown(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.idle.set_timing(50, 10)
    qtbot.wait(300)
    assert not kiosk.window.idle_overlay.isVisible()
    assert kiosk.navigator.current[0] == "attract"


def test_countdown_continue_and_expiry(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.idle.set_timing(300, 40)
    tap(qtbot, kiosk.navigator.screen("attract"))
    assert kiosk.navigator.current[0] == "home"
    tap(qtbot, find_button(kiosk.window, "搜索办事事项"))
    field = kiosk.navigator.current_screen().findChild(QLineEdit)  # type: ignore[union-attr]
    assert field is not None
    keyboard_key = find_button(kiosk.window, "H")
    tap(qtbot, keyboard_key)
    tap(qtbot, find_button(kiosk.window, "P"))
    assert field.text() == "hp"

    overlay = kiosk.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=2000)
    assert "秒" in overlay.count.text()
    tap(qtbot, overlay.continue_button)
    assert not overlay.isVisible()
    assert field.text() == "hp"  # nothing lost when the visitor is still there

    # typing on the on-screen keyboard restarts the quiet spell
    for _ in range(4):
        qtbot.wait(150)
        tap(qtbot, find_button(kiosk.window, "J"))
    assert not overlay.isVisible()

    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "attract", timeout=5000)
    assert not overlay.isVisible()
    assert field.text() == ""  # every typed character cleared
    assert not kiosk.window.footer.isVisible()


def test_finish_button_resets_at_once(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.idle.set_timing(100, 10_000)
    kiosk.navigator.go("home")
    kiosk.navigator.go("commitments")
    qtbot.waitUntil(kiosk.window.idle_overlay.isVisible, timeout=2000)
    tap(qtbot, kiosk.window.idle_overlay.finish_button)
    assert kiosk.navigator.current[0] == "attract"
    assert kiosk.navigator.depth == 0


def test_a_hardware_key_also_counts_as_activity(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.idle.set_timing(400, 10_000)
    kiosk.navigator.go("home")
    for _ in range(5):
        qtbot.wait(150)
        qtbot.keyClick(kiosk.window, Qt.Key.Key_A)
    assert not kiosk.window.idle_overlay.isVisible()
