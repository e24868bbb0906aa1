"""From home, at most three taps reach every destination the issue names."""

from __future__ import annotations

from typing import Any

from kiosk.app import KioskApp
from tests.conftest import find_button, tap


def start_at_home(qtbot: Any, kiosk: KioskApp) -> None:
    tap(qtbot, kiosk.navigator.screen("attract"))
    assert kiosk.navigator.current[0] == "home"


def tap_text(qtbot: Any, kiosk: KioskApp, text: str) -> None:
    tap(qtbot, find_button(kiosk.window, text))


def test_topic_item_flow_in_three_taps_and_back(qtbot: Any, kiosk: KioskApp) -> None:
    start_at_home(qtbot, kiosk)
    tap_text(qtbot, kiosk, "环评审批")
    assert kiosk.navigator.current == ("items", ("topic", "huanping"))
    tap_text(qtbot, kiosk, "建设项目环境影响报告书审批")
    assert kiosk.navigator.current == ("item", "000117001001")
    tap_text(qtbot, kiosk, "办理流程图")
    assert kiosk.navigator.current == ("flow", "000117001001")
    tap(qtbot, kiosk.window.footer.back_button)
    assert kiosk.navigator.current == ("item", "000117001001")
    tap(qtbot, kiosk.window.footer.back_button)
    assert kiosk.navigator.current == ("items", ("topic", "huanping"))
    tap(qtbot, kiosk.window.footer.home_button)
    assert kiosk.navigator.current[0] == "home"


def test_department_items_in_two_taps(qtbot: Any, kiosk: KioskApp) -> None:
    start_at_home(qtbot, kiosk)
    tap_text(qtbot, kiosk, "按部门查找")
    tap_text(qtbot, kiosk, "辐射安全管理处")
    assert kiosk.navigator.current == ("items", ("department", "FS"))


def test_window_post_in_two_taps(qtbot: Any, kiosk: KioskApp) -> None:
    start_at_home(qtbot, kiosk)
    tap_text(qtbot, kiosk, "窗口岗位")
    assert kiosk.navigator.current[0] == "posts"
    tap_text(qtbot, kiosk, "环评审批窗口")
    assert kiosk.navigator.current == ("post", "SP-W1")


def test_commitments_search_and_finder_in_one_tap(qtbot: Any, kiosk: KioskApp) -> None:
    for text, screen in (("服务承诺与制度", "commitments"), ("搜索办事事项", "search"), ("我该去哪办", "finder")):
        kiosk.navigator.home()
        tap_text(qtbot, kiosk, text)
        assert kiosk.navigator.current[0] == screen
