"""The English UI: the committed kiosk_en.ts is complete and up to date, and the kiosk comes up in English.

Chinese is the source language of every UI string; assets/i18n/kiosk_en.ts is extracted from kiosk/
with pyside6-lupdate (`make translations`) and translated by hand; the .qm is compiled from it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from kiosk import i18n
from kiosk.app import KioskApp
from kiosk.data import tracking
from kiosk.data.content_format import CASE_TYPES, ITEM_TYPES, LIMIT_UNITS, MEDIA, POST_TYPES
from kiosk.data.views import promised_label, window_label
from kiosk.data.visitor_rules import FEEDBACK_KINDS, LEVELS, REASONS, STATUSES, case_no_problem
from kiosk.screens.item_detail import ItemDetailScreen
from kiosk.screenshots import longest_item
from kiosk.shell import MainWindow
from kiosk.texts import Text

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "i18n" / "kiosk_en.ts"
CJK = re.compile(r"[\u3400-\u9fff]")
#: Han characters, CJK punctuation (。、「」…) and fullwidth forms (，：（）…)
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: %1 … %9, %n and Python's {name} placeholders
PLACEHOLDER = re.compile(r"%[1-9n]|\{\w*\}")

Message = tuple[str, str, str]  # context, source, comment


def messages(path: Path) -> dict[Message, ET.Element]:
    root = ET.parse(path).getroot()
    found: dict[Message, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def test_every_message_is_translated_with_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 400
    problems = []
    for (context, source, _), message in found.items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.findall("numerusform")]
            if len(forms) != 2:  # English: singular and plural
                problems.append(f"{context}: {source!r} has {len(forms)} plural forms")
        else:
            forms = [translation.text or ""]
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            if not form.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{context}: {source!r} → {form!r}: placeholders {wanted} not kept")
            elif CHINESE.search(form):
                problems.append(f"{context}: {source!r} → {form!r} is not English")
    assert not problems, "\n".join(problems)


def test_the_ts_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """Fails when a tr() string is added, changed or removed in kiosk/ without `make translations`."""
    fresh = tmp_path / "kiosk_en.ts"
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-source-language", "zh_CN", "-target-language", "en",
                    "-locations", "none", "-no-obsolete", "-silent", "-ts", str(fresh)],
                   check=True, timeout=300, capture_output=True)
    extracted, committed = set(messages(fresh)), set(messages(TS))
    new = sorted(extracted - committed)
    gone = sorted(committed - extracted)
    assert not new and not gone, (
        "assets/i18n/kiosk_en.ts is out of date: run `make translations` and translate the new messages\n"
        f"not in the .ts: {new}\nno longer in the sources: {gone}")
    numerus = {k for k, m in messages(fresh).items() if m.get("numerus") == "yes"}
    assert numerus == {k for k, m in messages(TS).items() if m.get("numerus") == "yes"}


@pytest.fixture
def chinese_after() -> Iterator[None]:
    yield
    i18n.set_language("zh")


def test_set_language_switches_widgets_built_afterwards(qtbot: Any, english_qm: Path, chinese_after: None) -> None:
    assert i18n.set_language("en")
    assert i18n.current_language() == "en"
    english = MainWindow()
    qtbot.addWidget(english)
    assert english.footer.home_button.text() == "⌂ Home"
    assert english.footer.back_button.text() == "‹ Back"

    assert i18n.set_language("zh")
    assert i18n.current_language() == "zh"
    chinese = MainWindow()
    qtbot.addWidget(chinese)
    assert chinese.footer.home_button.text() == "⌂ 首页"


def test_a_kiosk_configured_for_english_starts_in_english(make_kiosk: Callable[..., KioskApp], english_qm: Path,
                                                         chinese_after: None) -> None:
    english = make_kiosk(language="en")
    assert i18n.current_language() == "en"
    assert english.window.footer.home_button.text() == "⌂ Home"
    assert english.navigator.screen("attract").hint.text() == "Touch the screen to start"

    chinese = make_kiosk()  # the default language: Chinese
    assert i18n.current_language() == "zh"
    assert chinese.window.footer.home_button.text() == "⌂ 首页"
    assert chinese.navigator.screen("attract").hint.text() == "轻触屏幕开始"


def test_a_missing_translation_leaves_the_ui_chinese(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path, chinese_after: None) -> None:
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)  # no .qm there
    assert not i18n.set_language("en")
    assert i18n.current_language() == "zh"
    assert not i18n.set_language("fr")
    assert i18n.visitor_text("非常满意") == "非常满意"


def test_data_layer_words_and_messages_are_shown_in_english(english: None) -> None:
    """Rating levels, reasons, feedback kinds, statuses, the content format's vocabularies and the
    messages of the data layer are stored in Chinese and shown in English."""
    words = [w for _, w in LEVELS] + [*REASONS, *FEEDBACK_KINDS, *STATUSES, *POST_TYPES, *ITEM_TYPES,
                                      *LIMIT_UNITS, *MEDIA, *CASE_TYPES]
    untranslated = [w for w in words if CJK.search(i18n.visitor_text(w))]
    assert not untranslated
    assert i18n.visitor_text("非常满意") == "Very satisfied"

    wrong_length = tracking.check("AB3D")
    assert wrong_length == "查询编号是8位，您输入了4位，请核对"  # stored and compared in Chinese
    assert i18n.visitor_text(wrong_length) == "The tracking code has 8 characters; you entered 4. Please check it."
    assert i18n.visitor_text(case_no_problem("") or "") == "Please enter the case number from your receipt"

    assert i18n.visitor_text(promised_label(1, "工作日")) == "1 working day"
    assert i18n.visitor_text(promised_label(15, "工作日")) == "15 working days"
    assert i18n.visitor_text(window_label("3")) == "Window 3"
    assert i18n.visitor_text(Text("%1号窗口 %2", "6", "信访接待窗口")) == "Window 6 信访接待窗口"  # content stays
    assert i18n.visitor_text("建设项目环境影响报告书审批") == "建设项目环境影响报告书审批"
    assert i18n.date_text(date(2026, 3, 5)) == "5 March 2026"


def test_dates_and_words_stay_chinese_in_chinese(qapp: QApplication) -> None:
    i18n.set_language("zh")
    assert i18n.date_text(date(2026, 3, 5)) == "2026年3月5日"
    assert i18n.visitor_text(promised_label(15, "工作日")) == "15个工作日"
    assert i18n.visitor_text(window_label("3")) == "3号窗口"


def _chinese_ui_texts(root: QWidget) -> list[str]:
    """Texts with Chinese characters in visible widgets that are not marked as office content."""

    def content(widget: QWidget | None) -> bool:
        while widget is not None and widget is not root:
            if widget.property("content"):
                return True
            widget = widget.parentWidget()
        return False

    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or content(widget):
            continue
        texts: list[str] = []
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(re.sub(r"<[^>]+>", "", widget.text()))
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        found += [f"{type(widget).__name__} {widget.objectName()}: {t!r}" for t in texts if CHINESE.search(t)]
    return found


# every screen is walked in English by tests/test_accessibility.py; here the two a visitor meets first
@pytest.mark.parametrize(("screen", "key"), [("home", None), ("item", "longest")])
def test_screens_in_english_show_no_chinese_ui_strings(make_kiosk: Callable[..., KioskApp], english_qm: Path,
                                                       chinese_after: None, screen: str, key: object) -> None:
    """Only office content (marked ``content``) may stay Chinese on an English screen."""
    kiosk = make_kiosk(language="en")
    if key == "longest":  # the demo item with the most to show
        assert kiosk.store.catalog is not None
        key = longest_item(kiosk.store.catalog)
    kiosk.navigator.go(screen, key)
    QApplication.processEvents()
    current = kiosk.navigator.current_screen()
    assert current is not None and current.name == screen
    if isinstance(current, ItemDetailScreen):
        current.reveal()
        assert current.guide is not None and current.content.isVisible()
    assert not _chinese_ui_texts(kiosk.window)
