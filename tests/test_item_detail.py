"""The item detail screen (办事指南): every field of the content file is shown, nothing is cut off,
extreme content does not crash it, and opening it stays cheap."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk.app import KioskApp
from kiosk.screens.item_detail import GuideText, ItemDetailScreen
from tests.conftest import DEMO, MINI, find_button, load_yaml, tap

ContentWriter = Callable[..., Path]


# -- helpers --------------------------------------------------------------------------------------------
def squash(text: str) -> str:
    """Compare texts without caring about line breaks and spaces (wrapping, HTML, indentation)."""
    return "".join(text.replace("\u2028", " ").replace("\u2029", " ").split())


def label_text(label: QLabel) -> str:
    text = label.text()
    if isinstance(label, GuideText) or "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def visible_text(root: QWidget) -> str:
    """All text a visitor can read on the screen (scrolling included): its visible labels."""
    return "\n".join(label_text(label) for label in root.findChildren(QLabel) if label.isVisible())


def open_item(kiosk: KioskApp, qtbot: Any, code: str) -> ItemDetailScreen:
    kiosk.navigator.go("item", code)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, ItemDetailScreen)
    qtbot.waitUntil(lambda: screen.complete, timeout=2000)
    QApplication.processEvents()
    return screen


def limit(value: int, unit: str) -> str:
    return f"{value}个{unit}"


def expected_texts(document: dict[str, Any], item: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(field, text) pairs that the item's guide must show, from the content file itself."""
    def text(field: str, value: Any) -> Iterator[tuple[str, str]]:
        if value is not None and str(value).strip():
            yield field, str(value)

    for key in ("name", "code", "impl_code", "type", "summary", "handling_org", "joint_departments", "level",
                "conditions", "quantity_limit", "intermediary", "special_procedures", "location", "hours",
                "consult_phone", "complaint_phone", "rights", "case_type"):
        yield from text(key, item.get(key))
    for key in ("name", "credit_code", "nature"):
        yield from text(f"body.{key}", (item.get("body") or {}).get(key))
    for value in item.get("service_objects") or ():
        yield from text("service_objects", value)
    for value in item.get("channels") or ():
        yield from text("channels", value)
    topics = {t["code"]: t["name"] for t in document["topics"]}
    for code in item.get("topics") or ():
        yield from text("topics", topics[code])
    departments = {d["code"]: d["name"] for d in document["departments"]}
    yield "department", departments[item["department"]]
    posts = {p["code"]: p for p in document["posts"]}
    if item.get("post"):
        post = posts[item["post"]]
        yield "post.name", post["name"]
        if post.get("window"):
            yield "post.window", f"{post['window']}号窗口"
    for index, basis in enumerate(item["basis"]):
        for key in ("law", "articles", "text"):
            yield from text(f"basis[{index}].{key}", basis.get(key))
    for index, material in enumerate(item["materials"]):
        where = f"materials[{index}]"
        for key in ("name", "source", "medium", "notes"):
            yield from text(f"{where}.{key}", material.get(key))
        required = material.get("required", True)
        if isinstance(required, str):
            yield f"{where}.required", f"满足条件时提交：{required}"
        elif required:
            yield f"{where}.required", "必需"
        if material.get("originals"):
            yield f"{where}.originals", f"原件{material['originals']}份"
        if material.get("copies"):
            yield f"{where}.copies", f"复印件{material['copies']}份"
        if material.get("blank_form"):
            yield f"{where}.blank_form", "空白表格"
        if material.get("sample"):
            yield f"{where}.sample", "示范文本"
    if not item["materials"]:
        yield "materials", "无需提交材料"
    for kind, label in (("statutory", "法定办结时限"), ("promised", "承诺办结时限")):
        value = item["limits"][kind]
        yield f"limits.{kind}", label + limit(value["value"], value["unit"])
        yield from text(f"limits.{kind}.note", value.get("note"))
    fee = item.get("fee") or {}
    if fee.get("charged"):
        yield from text("fee.standard", fee.get("standard"))
    else:
        yield "fee", "不收费"
    yield from text("fee.basis", fee.get("basis"))
    for key in ("name", "sample", "delivery"):
        yield from text(f"result.{key}", (item.get("result") or {}).get(key))
    online = item.get("online") or {}
    yield from text("online.url", online.get("url"))
    if online.get("available"):
        yield "online.available", "网上可办"
    if item.get("visits") is not None:
        visits = str(item["visits"])
        yield "visits", f"到现场次数{visits}次" if visits.isdigit() else f"到现场次数{visits}"
    for index, faq in enumerate(item.get("faq") or ()):
        yield from text(f"faq[{index}].q", faq.get("q"))
        yield from text(f"faq[{index}].a", faq.get("a"))
    for index, step in enumerate(item.get("flow") or ()):  # the summary on the guide names every step
        yield from text(f"flow[{index}].step", step.get("step"))


def missing_fields(screen: QWidget, document: dict[str, Any], item: dict[str, Any]) -> list[str]:
    shown = squash(visible_text(screen))
    return [f"{field}: {value[:40]!r}" for field, value in expected_texts(document, item)
            if squash(value) not in shown]


def extreme_document() -> dict[str, Any]:
    """mini.yaml with a 20,000-character legal basis and 300 materials on its first item."""
    document = copy.deepcopy(load_yaml(MINI))
    item = document["items"][0]
    clauses = []
    n = 1
    while sum(map(len, clauses)) < 20_000:
        clauses.append(f"第{n}款：建设单位应当依照本条例第{n}项的规定报批环境影响评价文件并接受监督检查。")
        n += 1
    item["basis"] = [{"law": "《极长条例》", "articles": "第一条至第九百条", "text": "".join(clauses)[:20_000]}]
    item["materials"] = [
        {"name": f"第{i}份证明材料（编号M{i:03d}）", "source": f"第{i}出具机构", "copies": 1,
         "required": f"涉及第{i}类情形的" if i % 3 == 0 else True, "notes": f"第{i}份材料的填报须知"}
        for i in range(1, 301)
    ]
    return document


# -- every field of every demo item ----------------------------------------------------------------------
@pytest.mark.skipif(not DEMO.exists(), reason="the demo content is not there yet")
def test_every_demo_item_shows_every_field_it_has(kiosk: KioskApp, qtbot: Any) -> None:
    document = load_yaml(DEMO)
    assert len(document["items"]) >= 10
    problems: dict[str, list[str]] = {}
    for item in document["items"]:
        screen = open_item(kiosk, qtbot, str(item["code"]))
        missing = missing_fields(screen, document, item)
        if missing:
            problems[item["name"]] = missing
    assert not problems, problems


def test_the_mini_items_show_every_field(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(MINI)
    document = load_yaml(MINI)
    for item in document["items"]:
        screen = open_item(kiosk, qtbot, str(item["code"]))
        assert missing_fields(screen, document, item) == []


def test_the_check_notices_a_field_that_is_not_shown(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    """The comparison above can fail: a value the screen does not show is reported."""
    kiosk = make_kiosk(MINI)
    document = load_yaml(MINI)
    item = copy.deepcopy(document["items"][0])
    item["materials"][0]["notes"] = "一段屏幕上没有的须知"
    screen = open_item(kiosk, qtbot, str(item["code"]))
    assert missing_fields(screen, document, item) == ["materials[0].notes: '一段屏幕上没有的须知'"]


# -- what the visitor sees first ----------------------------------------------------------------------------
def test_title_badges_and_where_to_go(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(MINI)
    screen = open_item(kiosk, qtbot, "000117001000")
    assert screen.title.text() == "建设项目环境影响报告书审批"
    badges = [b.text() for b in screen.badges if b.isVisible()]
    assert badges == ["行政许可", "最多跑一次", "不收费"]
    assert screen.window_label.isVisible() and screen.window_label.text() == "3号窗口"
    where = squash(label_text(screen.where_text))
    for part in ("环评审批窗口", "一楼便民服务厅", "行政审批处", "周一至周五8:30-17:00", "0451-87113068转8001"):
        assert part in where
    limit_card = squash(label_text(screen.limit_big) + label_text(screen.limit_text))
    assert "承诺15个工作日" in limit_card and "法定时限60个自然日" in limit_card


def test_charged_fee_online_and_many_visits(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                            write_content: ContentWriter) -> None:
    document = copy.deepcopy(load_yaml(MINI))
    item = document["items"][0]
    item["fee"] = {"charged": True, "standard": "每件200元", "basis": "《某收费标准》第三条"}
    item["online"] = {"available": True, "url": "https://zwfw.example.cn/hp"}
    item["visits"] = "多次"
    item["case_type"] = "即办件"
    item["limits"]["promised"] = {"value": 0, "unit": "工作日"}
    kiosk = make_kiosk(write_content(document))
    screen = open_item(kiosk, qtbot, "000117001000")
    badges = [b.text() for b in screen.badges if b.isVisible()]
    assert badges == ["行政许可", "即办件", "需多次到现场", "网上可办", "收费"]
    fee = squash(label_text(screen.sections["fee"].body))
    assert "每件200元" in fee and "《某收费标准》第三条" in fee and "不收费" not in fee
    assert "当场办结" in label_text(screen.limit_big)
    assert "https://zwfw.example.cn/hp" in label_text(screen.sections["channels"].body)


def test_content_text_is_escaped_not_interpreted(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                                 write_content: ContentWriter) -> None:
    document = copy.deepcopy(load_yaml(MINI))
    document["items"][0]["conditions"] = "面积<5000平方米 & 排放量>10吨的<b>项目</b>"
    kiosk = make_kiosk(write_content(document))
    screen = open_item(kiosk, qtbot, "000117001000")
    assert "面积<5000平方米 & 排放量>10吨的<b>项目</b>" in label_text(screen.sections["conditions"].body)


# -- malformed and extreme content ----------------------------------------------------------------------------
def test_empty_material_list_says_nothing_is_needed(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(MINI)
    screen = open_item(kiosk, qtbot, "000117002000")
    materials = screen.sections["materials"]
    assert materials.body.isVisible()
    assert "无需提交材料" in label_text(materials.body)


def test_300_materials_and_a_20000_character_basis(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                                   write_content: ContentWriter) -> None:
    document = extreme_document()
    kiosk = make_kiosk(write_content(document))
    started = time.perf_counter()
    screen = open_item(kiosk, qtbot, "000117001000")
    elapsed = time.perf_counter() - started
    materials = squash(label_text(screen.sections["materials"].body))
    assert "共300项材料" in materials
    assert "300.第300份证明材料（编号M300）" in materials
    assert "满足条件时提交：涉及第300类情形的" in materials
    assert "第300份材料的填报须知" in materials
    basis_text = document["items"][0]["basis"][0]["text"]
    assert len(basis_text) == 20_000
    assert squash(basis_text) in squash(label_text(screen.sections["basis"].body))
    # nothing cut off: each long label is as tall as its text and lies inside the scrolled page
    body = screen.page.body
    for key in ("basis", "materials"):
        label = screen.sections[key].body
        assert label.height() >= label.heightForWidth(label.width()) > 5_000
        assert label.mapTo(body, QPoint(0, label.height())).y() <= body.height()
    bar = screen.page.verticalScrollBar()
    assert bar.maximum() > 20_000
    assert elapsed < 3.0, f"opening took {elapsed:.2f} s"
    # and the visitor can still jump to the section after the long list
    tap(qtbot, screen.jump_buttons["limits"])
    title = screen.sections["limits"].title
    assert abs(title.mapTo(screen.page.viewport(), QPoint(0, 0)).y()) < 40


def test_a_deleted_item_shows_a_gentle_note(kiosk: KioskApp, qtbot: Any) -> None:
    kiosk.navigator.go("item", "no-such-item")
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, ItemDetailScreen)
    assert screen.missing.isVisible()
    assert "该事项已更新或下线，请返回重新选择" in screen.missing.text()
    assert not screen.content.isVisible()
    assert not screen.flow_button.isEnabled()


# -- touch: jumps and the flow button --------------------------------------------------------------------------
def test_jump_strip_scrolls_to_the_section(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(MINI)
    screen = open_item(kiosk, qtbot, "000117001000")
    viewport = screen.page.viewport()
    bar = screen.page.verticalScrollBar()
    assert bar.value() == 0
    tap(qtbot, find_button(screen, "材料"))
    materials_title = screen.sections["materials"].title
    assert bar.value() > 0
    assert abs(materials_title.mapTo(viewport, QPoint(0, 0)).y()) < 40
    tap(qtbot, find_button(screen, "地点"))
    assert screen.where_card.mapTo(viewport, QPoint(0, 0)).y() >= 0
    assert screen.where_card.mapTo(viewport, QPoint(0, 0)).y() < 300


def test_jump_buttons_are_finger_sized_and_hide_for_missing_sections(
        make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    from kiosk.ui import metrics

    kiosk = make_kiosk(MINI)
    screen = open_item(kiosk, qtbot, "000117002000")  # this item has no 受理条件
    assert not screen.jump_buttons["conditions"].isVisible()
    assert screen.jump_buttons["materials"].isVisible()
    for button in [*screen.jump_buttons.values(), screen.flow_button]:
        if button.isVisible():
            assert button.height() >= metrics().target


def test_reopening_reuses_the_widgets_and_lays_text_out_once(kiosk: KioskApp, qtbot: Any) -> None:
    screen = open_item(kiosk, qtbot, "000117001001" if DEMO.exists() else "000117001000")
    widgets = len(screen.findChildren(QWidget))
    labels = [label for label in screen.findChildren(GuideText)]
    for label in labels:
        label.layouts = 0
    second = "000117003000" if DEMO.exists() else "000117002000"
    open_item(kiosk, qtbot, second)
    assert len(screen.findChildren(QWidget)) == widgets
    layouts = sum(label.layouts for label in labels)
    shown = sum(1 for label in labels if label.isVisible() and label.text())
    assert shown >= 10
    assert layouts <= shown + 4, f"{layouts} text layouts for {shown} labels"


def test_portrait_stacks_the_cards(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(MINI, orientation="portrait")
    kiosk.window.header.title.setText("测试")  # the header's long title is not this screen's business
    kiosk.window.resize(1080, 1920)
    screen = open_item(kiosk, qtbot, "000117001000")
    qtbot.waitUntil(lambda: screen.width() <= 1080)
    assert screen.limit_card.y() > screen.where_card.y() + screen.where_card.height() - 1
    assert screen.flow_button.y() < find_button(screen, "材料").y()
