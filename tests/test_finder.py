"""“我该去哪办？” (首问负责制): tap through the finder to the window to walk to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.app import KioskApp
from kiosk.screens.finder import FinderScreen
from tests.conftest import MINI, find_button, load_yaml, tap


def open_finder(qtbot: Any, kiosk: KioskApp) -> FinderScreen:
    kiosk.navigator.home()
    tap(qtbot, find_button(kiosk.window, "我该去哪办"))
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FinderScreen)
    assert screen.stack.currentWidget() is screen.topics_page
    return screen


def tap_text(qtbot: Any, kiosk: KioskApp, text: str) -> None:
    tap(qtbot, find_button(kiosk.window, text))


def visible_texts(screen: FinderScreen) -> str:
    from PySide6.QtWidgets import QLabel

    page = screen.stack.currentWidget()
    return "\n".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


def test_finder_to_a_window(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_finder(qtbot, kiosk)
    assert "您要办什么事？" in visible_texts(screen)
    tap_text(qtbot, kiosk, "环评审批")
    assert screen.stack.currentWidget() is screen.items_page
    tap_text(qtbot, kiosk, "建设项目环境影响报告书审批")
    assert screen.stack.currentWidget() is screen.answer_page
    assert screen.big_window.objectName() == "BigWindow"
    assert screen.big_window.isVisible()
    assert screen.big_window.text() == "请到 1号窗口"
    texts = visible_texts(screen)
    for expected in ("建设项目环境影响报告书审批", "一楼", "便民服务厅1号窗口", "环评审批窗口 · 行政审批处",
                     "办理时间", "周一至周五", "咨询电话", "0451-87119100转8001", "值班人员", "王晓东", "窗口负责人"):
        assert expected in texts, expected
    assert_above_the_fold(screen)
    tap_text(qtbot, kiosk, "查看办事指南")
    assert kiosk.navigator.current == ("item", "000117001001")


def assert_above_the_fold(screen: FinderScreen) -> None:
    """The window number and the guide button are seen without scrolling."""
    viewport = screen.answer_page.viewport()
    guide = find_button(screen, "查看办事指南")
    assert guide.mapTo(viewport, guide.rect().bottomLeft()).y() <= viewport.height()
    assert screen.answer_page.verticalScrollBar().value() == 0


def test_back_goes_one_step_and_restart_goes_to_step_one(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "排污许可")
    tap_text(qtbot, kiosk, "排污许可证变更、延续")
    assert screen.big_window.text() == "请到 2号窗口"
    tap(qtbot, kiosk.window.footer.back_button)
    assert screen.stack.currentWidget() is screen.items_page
    assert "排污许可" in screen.topic_title.text()
    tap_text(qtbot, kiosk, "排污许可证核发（重点管理）")
    tap_text(qtbot, kiosk, "重新选择")
    assert kiosk.navigator.current == ("finder", None)
    assert screen.stack.currentWidget() is screen.topics_page


def test_a_few_letters_to_a_window(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "输入几个字母查找")
    letters = screen.letters
    assert screen.stack.currentWidget() is letters and letters.keyboard.isVisible()
    for key in "pwxk":
        tap(qtbot, letters.keyboard.keys[key])
    rows = letters.pool.visible_rows()
    assert rows and rows[0].text() == "排污许可证核发（重点管理）"
    tap(qtbot, rows[0])
    assert screen.big_window.text() == "请到 2号窗口"
    # Back returns to the letters, still typed
    tap(qtbot, kiosk.window.footer.back_button)
    assert screen.stack.currentWidget() is letters and letters.query() == "pwxk"


def test_letters_with_no_match_offer_the_topics(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "输入几个字母查找")
    for key in "qqqq":
        tap(qtbot, screen.letters.keyboard.keys[key])
    assert screen.letters.no_result.isVisible()
    tap_text(qtbot, kiosk, "按类别选择")
    assert screen.stack.currentWidget() is screen.topics_page


def test_reset_and_open_none_return_to_step_one(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "输入几个字母查找")
    tap(qtbot, screen.letters.keyboard.keys["h"])
    tap(qtbot, screen.letters.pool.visible_rows()[0])
    assert screen.stack.currentWidget() is screen.answer_page
    kiosk.navigator.reset()  # idle
    screen = open_finder(qtbot, kiosk)
    assert screen.stack.currentWidget() is screen.topics_page
    tap_text(qtbot, kiosk, "输入几个字母查找")
    assert screen.letters.query() == ""
    kiosk.navigator.go("finder", ("item", "000117001001"))
    screen.open(None)
    assert screen.stack.currentWidget() is screen.topics_page


@pytest.mark.parametrize("key", [("item", "000000000000"), ("topic", "no-such-topic")])
def test_stale_keys_show_a_gentle_note(qtbot: Any, kiosk: KioskApp, key: tuple[str, str]) -> None:
    kiosk.navigator.go("finder", key)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FinderScreen)
    assert screen.stack.currentWidget() is screen.note_page
    assert screen.note.isVisible() and screen.note.text() == "该事项已更新或下线，请返回重新选择"
    tap_text(qtbot, kiosk, "重新选择")
    assert screen.stack.currentWidget() is screen.topics_page


@pytest.fixture
def no_window_content(write_content: Callable[..., Path]) -> Path:
    """The mini content plus an item with no post and one handled on an online platform."""
    document = load_yaml(MINI)
    document["departments"][1].update({"location": "二楼 信访接待室", "phone": "0451-80000005"})
    document["posts"].append({"code": "XF-N1", "department": "XF", "type": "网络平台", "seq": 1,
                              "name": "网上信访平台", "url": "https://xf.example.gov.cn", "phone": "0451-80000009"})
    base = {k: v for k, v in document["items"][1].items() if k != "post"}
    document["items"].append({**base, "code": "000117003000", "name": "环境信访复查申请", "keywords": ["复查"]})
    document["items"].append({**base, "code": "000117004000", "name": "网上环境投诉", "post": "XF-N1",
                              "keywords": ["网上投诉"]})
    document["posts"].append({"code": "XF-H1", "department": "XF", "type": "服务大厅", "seq": 1,
                              "name": "信访综合接待台", "floor": "一楼", "address": "便民服务厅入口右侧"})
    document["items"].append({**base, "code": "000117005000", "name": "信访事项咨询", "post": "XF-H1",
                              "keywords": ["咨询"]})
    return write_content(document)


def test_no_window_names_the_department_its_place_and_phone(
        qtbot: Any, make_kiosk: Callable[..., KioskApp], no_window_content: Path) -> None:
    kiosk = make_kiosk(no_window_content)
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "信访投诉")
    tap_text(qtbot, kiosk, "环境信访复查申请")
    assert screen.stack.currentWidget() is screen.answer_page
    assert not screen.big_window.isVisible()
    texts = visible_texts(screen)
    for expected in ("本事项由 环境信访处 办理", "二楼 信访接待室", "0451-80000005", "未设本事项的窗口"):
        assert expected in texts, expected


def test_online_platform_names_the_department_and_the_address(
        qtbot: Any, make_kiosk: Callable[..., KioskApp], no_window_content: Path) -> None:
    kiosk = make_kiosk(no_window_content)
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "信访投诉")
    tap_text(qtbot, kiosk, "网上环境投诉")
    assert not screen.big_window.isVisible()
    texts = visible_texts(screen)
    for expected in ("本事项由 环境信访处 办理", "网上信访平台", "https://xf.example.gov.cn", "0451-80000009",
                     "二楼 信访接待室"):
        assert expected in texts, expected


def test_portrait_answer_fits_the_width(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(orientation="portrait")
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "环评审批")
    tap_text(qtbot, kiosk, "建设项目环境影响报告表审批")
    assert screen.big_window.isVisible() and "1号窗口" in screen.big_window.text()
    assert screen.minimumSizeHint().width() <= 1080
    assert_above_the_fold(screen)


def test_hall_post_without_a_window_number_names_the_post_and_place(
        qtbot: Any, make_kiosk: Callable[..., KioskApp], no_window_content: Path) -> None:
    kiosk = make_kiosk(no_window_content)
    screen = open_finder(qtbot, kiosk)
    tap_text(qtbot, kiosk, "信访投诉")
    tap_text(qtbot, kiosk, "信访事项咨询")
    assert not screen.big_window.isVisible()
    texts = visible_texts(screen)
    for expected in ("请到 信访综合接待台", "一楼 便民服务厅入口右侧", "环境信访处"):
        assert expected in texts, expected
