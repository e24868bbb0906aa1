"""The flow chart (办理流程图): reached from the guide in one tap, drawn as boxes and arrows in a snake
of rows, every step with its post and time, a 40-step flow scrolls, an item without flow says so."""

from __future__ import annotations

import copy
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp
from kiosk.screens.flow import FlowScreen
from kiosk.screens.item_detail import ItemDetailScreen
from kiosk.ui import PALETTE
from kiosk.widgets.flow_chart import ChartStep, FlowChart
from tests.conftest import DEMO, MINI, find_button, load_yaml, tap

ContentWriter = Callable[..., Path]


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return "".join(document.toPlainText().split())


def open_flow(kiosk: KioskApp, code: str) -> FlowScreen:
    kiosk.navigator.go("flow", code)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FlowScreen)
    QApplication.processEvents()
    return screen


def forty_steps(write_content: ContentWriter) -> Path:
    document = copy.deepcopy(load_yaml(MINI))
    document["items"][0]["flow"] = [
        {"step": f"第{i}步审查", "post": "SP-W1" if i % 2 else f"第{i}岗位", "time": f"{i}个工作日",
         "description": f"第{i}步要做的事情。"}
        for i in range(1, 41)
    ]
    return write_content(document)


def close(color: QColor, name: str, tolerance: int = 40) -> bool:
    wanted = QColor(PALETTE[name])
    return all(abs(a - b) <= tolerance for a, b in ((color.red(), wanted.red()), (color.green(), wanted.green()),
                                                     (color.blue(), wanted.blue())))


# -- the tap path ---------------------------------------------------------------------------------------------
def test_home_topic_item_flow_and_back(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    """home → topic tile → item row → "办理流程图" → flow → back → the same guide."""
    kiosk = make_kiosk(MINI)
    kiosk.navigator.go("home")
    home = kiosk.navigator.current_screen()
    assert home is not None
    if importlib.util.find_spec("kiosk.screens.item_list") is not None:
        tap(qtbot, find_button(home, "环评审批"))
        items = kiosk.navigator.current_screen()
        assert items is not None and items.name == "items"
        QApplication.processEvents()
        tap(qtbot, find_button(items, "建设项目环境影响报告书审批"))
    else:  # the item list is another helper's screen; until it exists, open the item directly
        kiosk.navigator.go("item", "000117001000")
    guide = kiosk.navigator.current_screen()
    assert isinstance(guide, ItemDetailScreen)
    assert guide.title.text() == "建设项目环境影响报告书审批"

    tap(qtbot, guide.flow_button)
    flow = kiosk.navigator.current_screen()
    assert isinstance(flow, FlowScreen)
    assert flow.item_name.text() == "建设项目环境影响报告书审批"
    assert [s.title for s in flow.chart.steps()] == ["申请", "受理", "决定"]
    assert flow.chart.isVisible()

    tap(qtbot, kiosk.window.footer.back_button)
    assert kiosk.navigator.current_screen() is guide
    assert guide.title.text() == "建设项目环境影响报告书审批"

    # the button inside the 办理流程 section goes there too, and the flow screen's own button returns
    qtbot.waitUntil(lambda: guide.complete)
    guide.jump_to("flow")
    QApplication.processEvents()
    tap(qtbot, guide.flow_section_button)
    assert kiosk.navigator.current_screen() is flow
    tap(qtbot, flow.guide_button)
    assert kiosk.navigator.current_screen() is guide


# -- what the chart shows -------------------------------------------------------------------------------------
@pytest.mark.skipif(not DEMO.exists(), reason="the demo content is not there yet")
def test_every_demo_flow_step_is_shown_with_post_and_time(kiosk: KioskApp) -> None:
    document = load_yaml(DEMO)
    posts = {p["code"]: p for p in document["posts"]}
    checked = 0
    for item in document["items"]:
        screen = open_flow(kiosk, str(item["code"]))
        steps = screen.chart.steps()
        flow = item.get("flow") or []
        assert len(steps) == len(flow), item["name"]
        details = plain(screen.details.text())
        for shown, step in zip(steps, flow, strict=True):
            assert shown.title == step["step"]
            assert shown.time == step.get("time", "")
            post = step.get("post", "")
            if post in posts:  # a post code is shown as the post's name and window
                assert posts[post]["name"] in shown.post
                if posts[post].get("window"):
                    assert f"{posts[post]['window']}号窗口" in shown.post
            else:
                assert shown.post == post
            for text in (step["step"], shown.post, step.get("time", ""), step.get("description", "")):
                assert "".join(text.split()) in details
            checked += 1
    assert checked >= 40


def test_chart_is_a_snake_of_rows(make_kiosk: Callable[..., KioskApp], write_content: ContentWriter) -> None:
    kiosk = make_kiosk(forty_steps(write_content))
    screen = open_flow(kiosk, "000117001000")
    chart = screen.chart
    assert chart.columns() == 4
    boxes = chart.box_rects()
    assert len(boxes) == 40
    # row 1 runs left to right, row 2 right to left, the turn goes straight down
    assert boxes[0].x() < boxes[1].x() < boxes[2].x() < boxes[3].x()
    assert boxes[4].x() == boxes[3].x() and boxes[4].y() > boxes[3].bottom()
    assert boxes[4].x() > boxes[5].x() > boxes[6].x() > boxes[7].x()
    assert boxes[8].x() == boxes[7].x()
    rows = sorted({b.y() for b in boxes})
    assert len(rows) == 10


def test_forty_steps_grow_the_page_and_all_are_drawn(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                                     write_content: ContentWriter) -> None:
    kiosk = make_kiosk(forty_steps(write_content))
    screen = open_flow(kiosk, "000117001000")
    chart = screen.chart
    # the page gives the chart the height it asks for: nothing is cut off, the page scrolls
    assert chart.height() >= chart.heightForWidth(chart.width())
    last = chart.box_rects()[-1]
    assert last.bottom() < chart.height()
    bar = screen.page.verticalScrollBar()
    assert bar.maximum() > 2000
    # the 40th box is painted: its number circle is filled with the palette's blue, its body white
    image = chart.grab().toImage()
    circle = QPoint(last.left() + FlowChart.PAD + 6, last.top() + FlowChart.PAD + FlowChart.CIRCLE // 2)
    assert close(image.pixelColor(circle), "blue")
    inside = QPoint(last.center().x(), last.bottom() - 8)
    assert close(image.pixelColor(inside), "blue_soft", 10)  # the last box is tinted as the end
    gap = QPoint(last.right() + FlowChart.H_GAP // 2, last.top() + 4)
    if gap.x() < chart.width():
        assert not close(image.pixelColor(gap), "blue")
    # the explanation lists every step, the 40th included
    details = plain(screen.details.text())
    assert "40.第40步审查" in details and "第40步要做的事情。" in details and "40个工作日" in details
    # a step names its post by code: the visitor reads the post's name and window
    assert chart.steps()[0].post == "环评审批窗口（3号窗口）"
    assert chart.steps()[1].post == "第2岗位"
    # the visitor scrolls to the end (the page scrolls by finger; here by its scroll bar)
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    viewport = screen.page.viewport()
    bottom = screen.details_card.mapTo(viewport, QPoint(0, screen.details_card.height()))
    assert 0 < bottom.y() <= viewport.height()


def test_portrait_uses_three_boxes_a_row(make_kiosk: Callable[..., KioskApp], qtbot: Any,
                                         write_content: ContentWriter) -> None:
    kiosk = make_kiosk(forty_steps(write_content), orientation="portrait")
    kiosk.window.header.title.setText("测试")  # the header's long title is not this screen's business
    kiosk.window.resize(1080, 1920)
    screen = open_flow(kiosk, "000117001000")
    qtbot.waitUntil(lambda: screen.width() <= 1080)
    QApplication.processEvents()
    assert screen.chart.columns() == 3
    assert len({b.y() for b in screen.chart.box_rects()}) == 14
    assert screen.chart.height() >= screen.chart.heightForWidth(screen.chart.width())


def test_item_without_flow_shows_a_clear_note(make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(MINI)
    screen = open_flow(kiosk, "000117002000")
    assert not screen.chart.isVisible()
    assert screen.empty.isVisible()
    assert "该事项暂未公布办理流程图" in screen.empty.text()
    assert "6号窗口" in screen.empty.text()
    # and the guide says so too, without a button that leads nowhere new
    kiosk.navigator.go("item", "000117002000")
    guide = kiosk.navigator.current_screen()
    assert isinstance(guide, ItemDetailScreen)
    guide.reveal()
    assert "暂未公布办理流程" in plain(guide.sections["flow"].body.text())
    assert not guide.flow_section_button.isVisible()


def test_a_deleted_item_shows_a_gentle_note(make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(MINI)
    screen = open_flow(kiosk, "gone")
    assert screen.empty.isVisible()
    assert "该事项已更新或下线，请返回重新选择" in screen.empty.text()


def test_chart_height_follows_width_and_long_texts_wrap(qtbot: Any) -> None:
    chart = FlowChart()
    qtbot.addWidget(chart)
    long_post = "一个名字非常非常长的负责岗位，用来检查文字会换行而不会被截断" * 2
    chart.set_steps([ChartStep(f"步骤{i}", long_post, "3个工作日") for i in range(7)])
    wide, narrow = chart.heightForWidth(1800), chart.heightForWidth(900)
    assert narrow > wide > 0
    chart.resize(900, narrow)
    boxes = chart.box_rects()
    assert all(b.bottom() < narrow for b in boxes)
    assert boxes[0].height() > 150  # the long post wrapped onto several lines inside the box
    chart.set_steps([])
    assert chart.heightForWidth(900) == 0
