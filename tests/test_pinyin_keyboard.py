"""The Pinyin virtual keyboard inside our window: tapping n-i-h-a-o and 你好 types into our field; the wipe."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import KioskApp
from kiosk.screens.feedback import FeedbackScreen
from kiosk.widgets.pinyin_keyboard import PinyinKeyboard, user_dictionary_dir, wipe_user_dictionary
from tests.conftest import tap

# Qt's input method is the virtual keyboard (tests/conftest.py sets QT_IM_MODULE before the QApplication);


def activate(qtbot: Any, window: QWidget) -> None:
    """The offscreen platform activates no window by itself (the kiosk does it in KioskApp.show)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_form(qtbot: Any, kiosk: KioskApp) -> FeedbackScreen:
    kiosk.navigator.go("home")
    kiosk.navigator.go("feedback")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FeedbackScreen)
    activate(qtbot, kiosk.window)
    assert screen.keyboard.ensure_loaded(), screen.keyboard.error
    qtbot.wait(300)  # the panel fits itself to the screen once loaded: let the page settle first
    return screen


def tap_key(qtbot: Any, keyboard: PinyinKeyboard, label: str) -> None:
    point = keyboard.key_point(label)
    assert point is not None, f"no key {label!r} on the keyboard"
    assert isinstance(keyboard.quick, QWidget)
    tap(qtbot, keyboard.quick, point)


def tap_candidate(qtbot: Any, keyboard: PinyinKeyboard, word: str) -> None:
    # the candidate row slides its words in; a finger taps once they have arrived
    qtbot.wait(300)
    point = keyboard.candidate_point(word)
    assert point is not None, f"{word!r} is not offered: {keyboard.candidates()}"
    assert isinstance(keyboard.quick, QWidget)
    tap(qtbot, keyboard.quick, point)


def type_pinyin(qtbot: Any, keyboard: PinyinKeyboard, letters: str) -> None:
    for letter in letters:
        tap_key(qtbot, keyboard, letter)


def test_tapping_nihao_and_choosing_the_word_types_chinese_into_our_field(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    keyboard = screen.keyboard
    assert keyboard.keyboard_locale() == "zh_CN"
    tap(qtbot, screen.text)
    assert screen.text.hasFocus()
    assert keyboard.preedit() == ""  # the tap on the field typed nothing
    type_pinyin(qtbot, keyboard, "nihao")
    assert keyboard.preedit().replace(" ", "") == "nihao"
    assert keyboard.candidates()[0] == "你好"
    assert screen.text.toPlainText() == ""  # pinyin is only a pre-edit until a word is chosen
    tap_candidate(qtbot, keyboard, "你好")
    assert screen.text.toPlainText() == "你好"
    assert keyboard.preedit() == ""
    # the focus stayed in our field: typing goes on
    type_pinyin(qtbot, keyboard, "shijie")
    tap_candidate(qtbot, keyboard, "世界")
    assert screen.text.toPlainText() == "你好世界"
    # and the count follows
    assert screen.text_block.aside.text().startswith("4 /")


def test_the_panel_fits_its_place_with_keys_a_finger_can_hit(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    keyboard = screen.keyboard
    quick = keyboard.quick
    assert isinstance(quick, QWidget)
    assert quick.height() <= keyboard.height()
    root = quick.rootObject()  # type: ignore[attr-defined]
    assert float(root.property("panelHeight")) <= quick.height() + 1
    top, bottom = keyboard.key_point("q"), keyboard.key_point("a")
    assert top is not None and bottom is not None
    assert bottom.y() - top.y() >= 72  # one key row ≥ the 15 mm target at the test DPI


def test_wipe_clears_the_pending_pinyin_and_the_user_dictionary(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    keyboard = screen.keyboard
    folder = user_dictionary_dir()
    assert str(folder).startswith(os.environ["XDG_CONFIG_HOME"])  # where the plugin writes it here
    tap(qtbot, screen.text)
    type_pinyin(qtbot, keyboard, "zhong")
    assert keyboard.preedit()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "usr_dict.dat").write_bytes(b"what a visitor typed")
    wipe_user_dictionary()
    qtbot.wait(20)
    assert keyboard.preedit() == ""
    assert keyboard.candidates() == [] or keyboard.candidates()[0] != "中"
    assert not any(folder.iterdir())
    # the keyboard still works afterwards
    type_pinyin(qtbot, keyboard, "nihao")
    tap_candidate(qtbot, keyboard, "你好")
    assert screen.text.toPlainText() == "你好"


def test_visitor_fields_never_teach_the_pinyin_dictionary(qtbot: Any, kiosk: KioskApp) -> None:
    screen = open_form(qtbot, kiosk)
    keyboard = screen.keyboard
    wipe_user_dictionary()
    tap(qtbot, screen.text)
    for _ in range(3):
        type_pinyin(qtbot, keyboard, "nihao")
        tap_candidate(qtbot, keyboard, "你好")
    assert screen.text.toPlainText() == "你好你好你好"
    folder = user_dictionary_dir()
    learned = [p for p in folder.iterdir() if p.stat().st_size > 64] if folder.is_dir() else []
    assert learned == []  # ImhSensitiveData: the plugin keeps its user dictionary closed
