"""Start-up: attract first; invalid content stops with a notice for visitors and the reason for the operator."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.app import KioskApp
from tests.conftest import MINI, load_yaml, tap


def test_starts_on_the_attract_screen_and_a_tap_opens_home(qtbot: Any, kiosk: KioskApp) -> None:
    assert kiosk.navigator.current[0] == "attract"
    attract = kiosk.navigator.screen("attract")
    assert "黑龙江省生态环境厅" in attract.department.text()  # type: ignore[attr-defined]
    assert "轻触屏幕开始" in attract.hint.text()  # type: ignore[attr-defined]
    assert not kiosk.window.footer.isVisible()
    tap(qtbot, attract)
    assert kiosk.navigator.current[0] == "home"
    assert kiosk.window.footer.isVisible() and kiosk.window.header.isVisible()
    assert "黑龙江省生态环境厅" in kiosk.window.header.title.text()


def test_invalid_content_shows_the_notice_and_names_the_problem(
        make_kiosk: Callable[..., KioskApp], write_content: Callable[..., Path]) -> None:
    doc = copy.deepcopy(load_yaml(MINI))
    del doc["items"][1]["basis"]
    kiosk = make_kiosk(write_content(doc))
    assert kiosk.navigator.current[0] == "unavailable"
    screen = kiosk.navigator.current_screen()
    assert screen is not None
    reason = screen.reason.text()  # type: ignore[attr-defined]
    assert "items[1] 环境信访事项受理.basis" in reason
    assert "content.yaml:" in reason


def test_portrait_orientation_keeps_every_screen_within_the_screen(make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(orientation="portrait")
    for name, key in (("home", None), ("items", ("topic", "huanping")), ("departments", None),
                      ("item", "000117001001"), ("flow", "000117001001"), ("posts", None), ("post", "SP-W1"),
                      ("commitments", None), ("finder", None), ("search", None)):
        kiosk.navigator.go(name, key)
        assert (kiosk.window.width(), kiosk.window.height()) == (1080, 1920), name


def test_keys_and_close_do_not_leave_the_kiosk(qtbot: Any, kiosk: KioskApp) -> None:
    from PySide6.QtCore import Qt

    kiosk.navigator.go("home")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Escape)
    qtbot.keyClick(kiosk.window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    kiosk.window.close()
    assert kiosk.window.isVisible()
    assert kiosk.navigator.current[0] == "home"
