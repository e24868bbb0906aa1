"""The search screen: a visitor types on the on-screen keyboard (or scans a code) and taps a result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import KioskApp
from kiosk.screens.search import RESULT_LIMIT, ResultRow, SearchScreen
from tests.conftest import MINI, find_button, load_yaml, tap


def open_search(qtbot: Any, kiosk: KioskApp) -> SearchScreen:
    kiosk.navigator.home()
    tap(qtbot, find_button(kiosk.window, "搜索办事事项"))
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, SearchScreen)
    return screen


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying text, as a hardware keyboard or a code scanner sends them.

    (qtbot.keyClicks cannot do this: QTest aborts on characters outside Latin-1.)
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def type_keys(qtbot: Any, screen: SearchScreen, letters: str) -> None:
    for letter in letters:
        tap(qtbot, screen.keyboard.keys[letter])


def shown(screen: SearchScreen) -> list[str]:
    return [row.text() for row in screen.result_rows() if row.isVisible()]


def test_search_by_chinese_from_a_hardware_keyboard_or_scanner(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_text(screen.field, "排污许可")
    assert shown(screen) == ["排污许可证核发（重点管理）", "排污许可证变更、延续"]
    assert "2 个" in screen.status.text()
    # the row says where: department and window
    detail = screen.result_rows()[0].detail_label.text()
    assert detail == "行政审批处 · 2号窗口"


def test_search_by_code_on_the_keyboard(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "000117002001")
    assert screen.field.text() == "000117002001"
    assert shown(screen) == ["排污许可证核发（重点管理）"]


def test_search_by_full_pinyin(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "huanping")
    assert shown(screen)[:2] == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]


def test_search_by_initials(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "pwxk")
    assert shown(screen)[0] == "排污许可证核发（重点管理）"
    tap(qtbot, screen.keyboard.keys["clear"])
    type_keys(qtbot, screen, "hp")
    assert shown(screen) == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]


def test_every_keystroke_updates_the_results(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    assert shown(screen) == [] and screen.field.text() == ""
    type_keys(qtbot, screen, "h")
    after_h = shown(screen)
    assert len(after_h) > 2
    type_keys(qtbot, screen, "p")
    assert shown(screen) == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]
    tap(qtbot, screen.keyboard.keys["backspace"])
    assert screen.field.text() == "h"
    assert shown(screen) == after_h
    tap(qtbot, screen.keyboard.keys["clear"])
    assert screen.field.text() == ""
    assert shown(screen) == []


def test_unknown_query_shows_the_no_result_state_and_offers_the_finder(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "xyzq")
    assert shown(screen) == []
    assert screen.no_result.isVisible()
    assert "没有找到与“xyzq”相关的事项" in screen.panel.no_result_title.text()
    tap(qtbot, find_button(screen, "清空重新输入"))
    assert screen.field.text() == "" and not screen.no_result.isVisible()
    type_keys(qtbot, screen, "xyzq")
    tap(qtbot, find_button(screen, "我该去哪办"))
    assert kiosk.navigator.current == ("finder", None)
    assert find_button(kiosk.window, "输入几个字母查找").isVisible()


def test_tapping_a_result_opens_the_item_and_back_keeps_the_query(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "pwxk")
    tap(qtbot, screen.result_rows()[0])
    assert kiosk.navigator.current == ("item", "000117002001")
    tap(qtbot, kiosk.window.footer.back_button)
    assert kiosk.navigator.current_screen() is screen
    assert screen.field.text() == "pwxk"
    assert shown(screen)[0] == "排污许可证核发（重点管理）"


def test_idle_reset_clears_the_query(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "hp")
    kiosk.navigator.reset()
    screen = open_search(qtbot, kiosk)
    assert screen.field.text() == ""
    assert shown(screen) == []


def test_set_query_shows_results(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.navigator.go("search")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, SearchScreen)
    screen.set_query("hp")
    assert screen.field.text() == "hp"
    assert shown(screen) == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]


def test_results_wait_for_the_index_and_then_show(qtbot: Any, kiosk: KioskApp) -> None:
    store = kiosk.store
    index, store.search_index = store.search_index, None
    screen = SearchScreen(store)
    qtbot.addWidget(screen)
    screen.resize(1920, 900)
    screen.show()
    qtbot.keyClicks(screen.field, "hp")  # Latin letters from a scanner
    assert screen.status.text() == "正在准备搜索…"
    assert shown(screen) == []
    store.search_index = index
    store.search_ready.emit()
    assert shown(screen) == ["建设项目环境影响报告书审批", "建设项目环境影响报告表审批"]


def test_many_results_ask_to_keep_typing_and_rows_are_reused(
        qtbot: Any, make_kiosk: Callable[..., KioskApp], write_content: Callable[..., Path]) -> None:
    document = load_yaml(MINI)
    template = document["items"][0]
    for number in range(RESULT_LIMIT + 10):
        document["items"].append({**template, "code": f"9{number:011d}", "name": f"环评测试事项{number}"})
    kiosk = make_kiosk(write_content(document))
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "h")
    assert len(shown(screen)) == RESULT_LIMIT
    assert "结果较多，请继续输入" in screen.status.text()
    first_row = screen.result_rows()[0]
    for letters in ("p", "c", "s"):
        type_keys(qtbot, screen, letters)
    tap(qtbot, screen.keyboard.keys["clear"])
    type_keys(qtbot, screen, "h")
    # the same few row widgets are re-labelled, never rebuilt
    assert screen.result_rows()[0] is first_row
    assert len(screen.findChildren(ResultRow)) <= RESULT_LIMIT


def test_the_field_never_calls_up_an_os_keyboard(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_search(qtbot, kiosk)
    field = screen.field
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhNoPredictiveText
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    tap(qtbot, field)
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert not QApplication.inputMethod().isVisible()
    # keys and rows never take the focus away from the field (a scanner keeps typing into it)
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in screen.keyboard.keys.values())
    type_keys(qtbot, screen, "hp")
    assert all(row.focusPolicy() == Qt.FocusPolicy.NoFocus for row in screen.result_rows())
    # the query is shown large
    assert field.font().pixelSize() >= 42


def test_portrait_layout_fits_the_screen(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(orientation="portrait")
    screen = open_search(qtbot, kiosk)
    type_keys(qtbot, screen, "hp")
    assert screen.minimumSizeHint().width() <= 1080
    keyboard = screen.keyboard
    assert keyboard.geometry().bottom() <= screen.height()
    assert all(key.height() >= 72 for key in keyboard.keys.values())
    assert shown(screen)
