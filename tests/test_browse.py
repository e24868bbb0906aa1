"""Browsing by taps: topics and departments to item lists, window posts, a post's page, the commitments."""

from __future__ import annotations

import copy
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from kiosk.app import KioskApp
from kiosk.screens.base import Screen
from tests.conftest import DEMO, MINI, find_button, load_yaml, tap

TYPE_ORDER = ("服务大厅", "网络平台", "窗口岗位")


def touch(qtbot: Any, widget: QWidget) -> None:
    """:func:`tap` as a visitor does it on a scrolling page: scroll the widget into view, then tap.

    On a finger-scrolled page QScroller holds a press back and re-sends it to
    ``QApplication.widgetAt(global position)``. The offscreen platform's screen is only 800×800,
    so for a widget further right or down that lookup finds nothing and the tap is lost (on the
    real screen the window covers the whole screen). So the window is shifted for the tap until
    the widget's centre lies on the offscreen screen, then put back.
    """
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        settle()
        parent.ensureWidgetVisible(widget, 0, 0)
        settle()
    window = widget.window()
    centre = widget.rect().center()
    screen = QApplication.primaryScreen().geometry()
    spot = widget.mapToGlobal(centre)
    if screen.contains(spot):
        tap(qtbot, widget)
        return
    old = window.pos()
    window.move(old + (screen.center() - spot))
    settle()
    try:
        found = QApplication.widgetAt(widget.mapToGlobal(centre))
        assert found is not None and (found is widget or widget.isAncestorOf(found)), f"{found!r} covers {widget!r}"
        tap(qtbot, widget)
    finally:
        window.move(old)
        settle()


def now(kiosk: KioskApp) -> tuple[str, Any]:
    """The screen showing and its key."""
    return kiosk.navigator.current


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def go_home(qtbot: Any, kiosk: KioskApp) -> Screen:
    """Start as a visitor does: tap the attract screen."""
    attract = kiosk.navigator.screen("attract")
    tap(qtbot, attract)
    assert now(kiosk)[0] == "home"
    return current(kiosk)


def current(kiosk: KioskApp) -> Screen:
    settle()
    screen = kiosk.navigator.current_screen()
    assert screen is not None
    return screen


def visible_texts(root: QWidget) -> list[str]:
    return [label.text() for label in root.findChildren(QLabel) if label.isVisible() and label.text()]


def shown_item_names(screen: Screen) -> list[str]:
    rows = getattr(screen, "rows", None) or getattr(screen, "items", None)
    rows = rows.rows  # type: ignore[union-attr]
    return [row.text() for row in rows if row.isVisible()]


@pytest.fixture
def demo() -> dict[str, Any]:
    return load_yaml(DEMO)


# -- the three taps from home -------------------------------------------------------------------------------
def test_a_topic_tile_opens_the_list_of_its_items(qtbot: Any, kiosk: KioskApp, demo: dict[str, Any]) -> None:
    home = go_home(qtbot, kiosk)
    topic = demo["topics"][0]
    touch(qtbot, find_button(home, topic["name"]))
    screen = current(kiosk)
    assert now(kiosk) == ("items", ("topic", topic["code"]))
    expected = [i["name"] for i in demo["items"] if topic["code"] in i.get("topics", [])]
    others = [i["name"] for i in demo["items"] if topic["code"] not in i.get("topics", [])]
    assert expected, "the demo topic has items"
    assert shown_item_names(screen) == expected
    assert not set(others) & set(shown_item_names(screen))
    texts = visible_texts(screen)
    assert topic["name"] in texts
    assert any(f"共 {len(expected)} 个事项" in t for t in texts)


def test_departments_lead_to_the_items_of_one_department(qtbot: Any, kiosk: KioskApp,
                                                          demo: dict[str, Any]) -> None:
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "按部门查找"))
    departments = current(kiosk)
    assert now(kiosk)[0] == "departments"
    names = [d["name"] for d in demo["departments"]]
    cards = departments.cards  # type: ignore[attr-defined]
    assert [c.text() for c in cards if c.isVisible()] == names
    department = next(d for d in demo["departments"] if d["code"] == "SP")
    card = find_button(departments, department["name"])
    items_here = [i["name"] for i in demo["items"] if i["department"] == "SP"]
    posts_here = [p for p in demo["posts"] if p["department"] == "SP"]
    card_texts = visible_texts(card)
    assert f"{len(items_here)} 个事项 · {len(posts_here)} 个窗口岗位" in card_texts
    assert any(department["phone"] in t for t in card_texts)
    touch(qtbot, card)
    screen = current(kiosk)
    assert now(kiosk) == ("items", ("department", "SP"))
    assert shown_item_names(screen) == items_here
    assert department["name"] in visible_texts(screen)


def test_an_item_row_opens_the_item(qtbot: Any, kiosk: KioskApp, demo: dict[str, Any]) -> None:
    go_home(qtbot, kiosk)
    kiosk.navigator.go("items", ("department", "XF"))
    screen = current(kiosk)
    first = next(i for i in demo["items"] if i["department"] == "XF")
    row = screen.rows.rows[0]  # type: ignore[attr-defined]
    assert row.text() == first["name"]
    touch(qtbot, row)
    assert now(kiosk) == ("item", first["code"])


def test_window_posts_lead_to_a_post_with_its_staff(qtbot: Any, kiosk: KioskApp, demo: dict[str, Any]) -> None:
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "窗口岗位"))
    posts = current(kiosk)
    assert now(kiosk)[0] == "posts"
    post = next(p for p in demo["posts"] if p["code"] == "SP-W1")
    touch(qtbot, find_button(posts, post["name"]))
    screen = current(kiosk)
    assert now(kiosk) == ("post", "SP-W1")
    assert screen.window_box.number.text() == post["window"]  # type: ignore[attr-defined]
    assert screen.window_box.number.isVisible()  # type: ignore[attr-defined]
    texts = visible_texts(screen)
    assert post["name"] in texts
    assert post["work_items"] in texts  # in full on the post's page
    for person in post["staff"]:
        assert person["name"] in texts
        assert f"工号：{person['number']}" in texts
    handled = [i["name"] for i in demo["items"] if i.get("post") == "SP-W1"]
    assert shown_item_names(screen) == handled


def test_back_returns_to_the_previous_screen(qtbot: Any, kiosk: KioskApp) -> None:
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "按部门查找"))
    departments = current(kiosk)
    touch(qtbot, find_button(departments, "行政审批处"))
    assert now(kiosk) == ("items", ("department", "SP"))
    back = kiosk.window.footer.back_button
    touch(qtbot, back)
    assert now(kiosk)[0] == "departments"
    assert current(kiosk) is departments
    touch(qtbot, back)
    assert now(kiosk)[0] == "home"

    touch(qtbot, find_button(home, "窗口岗位"))
    touch(qtbot, find_button(current(kiosk), "排污许可窗口"))
    assert now(kiosk) == ("post", "SP-W2")
    touch(qtbot, back)
    assert now(kiosk)[0] == "posts"


# -- the posts table ------------------------------------------------------------------------------------------
def test_posts_screen_shows_every_post_grouped_by_department_then_type(qtbot: Any, kiosk: KioskApp,
                                                                       demo: dict[str, Any]) -> None:
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "窗口岗位"))
    screen = current(kiosk)
    expected = []
    for department in demo["departments"]:
        mine = [p for p in demo["posts"] if p["department"] == department["code"]]
        if not mine:
            continue
        groups = []
        for post_type in TYPE_ORDER:
            names = [p["name"] for p in sorted(mine, key=lambda p: p["seq"]) if p["type"] == post_type]
            if names:
                groups.append((post_type, names))
        expected.append((department["name"], groups))
    shown = [
        (name, [(g.post_type, [c.text() for c in g.cards]) for g in groups])
        for name, groups in screen.groups  # type: ignore[attr-defined]
    ]
    assert shown == expected
    assert sorted(c.code for c in screen.cards) == sorted(p["code"] for p in demo["posts"])  # type: ignore[attr-defined]
    # the headings a visitor reads: every department, and the three types
    labels = [label for label in screen.findChildren(QLabel) if label.isVisible()]
    headings = [label.text() for label in labels if label.objectName() == "PostsDept"]
    assert headings == [name for name, _ in expected]
    types = {label.text() for label in labels if label.objectName() == "PostsType"}
    assert types == set(TYPE_ORDER)
    # a window post shows its number large, its contact and phone
    card = find_button(screen, "环评审批窗口")
    card_texts = visible_texts(card)
    assert "1" in card_texts and "号窗口" in card_texts
    assert any("王晓东" in t and "0451-87119100转8001" in t for t in card_texts)
    # an online platform shows its address on the web
    assert any("https://zwfw.hlj.gov.cn" in t for t in visible_texts(find_button(screen, "黑龙江政务服务网")))


def test_a_department_key_scrolls_the_posts_to_that_department(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.navigator.go("home")
    kiosk.navigator.go("items", ("department", "JC"))
    items = current(kiosk)
    touch(qtbot, items.posts_button)  # type: ignore[attr-defined]
    assert now(kiosk) == ("posts", "JC")
    screen = current(kiosk)
    page = screen.page  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0)
    heading = screen.department_labels["JC"]  # type: ignore[attr-defined]
    top = heading.y() - page.verticalScrollBar().value()  # where the heading is in the visible part
    assert 0 <= top < page.viewport().height() - heading.height()
    kiosk.navigator.go("posts", None)
    assert page.verticalScrollBar().value() == 0


# -- commitments ---------------------------------------------------------------------------------------------
def test_commitments_show_all_rules_and_the_complaint_channels(qtbot: Any, kiosk: KioskApp,
                                                               demo: dict[str, Any]) -> None:
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "服务承诺与制度"))
    screen = current(kiosk)
    assert now(kiosk)[0] == "commitments"
    text = "\n".join(visible_texts(screen))
    for name in ("四零", "六个规范", "首问负责制", "服务承诺制", "限时办结制", "一次性告知制", "岗位责任制"):
        assert name in text, name
    for group in demo["commitments"]:
        for entry in group["items"]:
            assert entry["title"] in text
    assert "12369" in text
    hall = demo["hall"]
    for value in (hall["complaint_phone"], hall["consult_phone"], hall["hours"], hall["address"]):
        assert value in text
    for channel in hall["complaint_channels"]:
        assert channel["contact"] in text
    touch(qtbot, screen.supervision_button)  # type: ignore[attr-defined]
    assert screen.page.verticalScrollBar().value() > 0  # type: ignore[attr-defined]


# -- photos --------------------------------------------------------------------------------------------------
def test_a_broken_or_missing_photo_shows_the_placeholder(qtbot: Any, make_kiosk: Callable[..., KioskApp],
                                                         write_content: Callable[..., Path],
                                                         tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    shutil.copy(DEMO.parent / "photos" / "hj0101.png", photos / "good.png")
    (photos / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n this is not an image")
    shutil.copy(DEMO.parent / "photos" / "hj0501.png", photos / "gone.png")
    doc = copy.deepcopy(load_yaml(MINI))
    doc["posts"][0]["staff"] = [
        {"name": "张丽", "number": "HJ-0301", "photo": "photos/good.png"},
        {"name": "王芳", "number": "HJ-0302", "photo": "photos/broken.png"},
        {"name": "李强", "number": "HJ-0303", "photo": "photos/gone.png"},
        {"name": "赵敏", "number": "HJ-0304"},
    ]
    kiosk = make_kiosk(write_content(doc))
    # the kiosk keeps its own copy of each photo; lose that copy after the content was loaded
    digest = hashlib.sha256((photos / "gone.png").read_bytes()).hexdigest()
    (Path(kiosk.config.data_path) / "files" / f"{digest}.png").unlink()
    go_home(qtbot, kiosk)
    kiosk.navigator.go("post", "SP-W1")
    screen = current(kiosk)
    cards = {card.person.name: card for card in screen.staff_cards}  # type: ignore[attr-defined]
    assert list(cards) == ["张丽", "王芳", "李强", "赵敏"]
    assert cards["张丽"].has_photo
    assert not cards["张丽"].photo.pixmap().isNull()
    for name in ("王芳", "李强", "赵敏"):
        assert not cards[name].has_photo
        assert cards[name].photo.text() == name[0]
        assert cards[name].photo.isVisible()
    assert "工号：HJ-0302" in visible_texts(screen)


# -- edge cases ----------------------------------------------------------------------------------------------
def test_an_empty_topic_says_so(qtbot: Any, make_kiosk: Callable[..., KioskApp],
                                write_content: Callable[..., Path]) -> None:
    doc = copy.deepcopy(load_yaml(MINI))
    doc["topics"].append({"code": "kong", "name": "空主题"})
    kiosk = make_kiosk(write_content(doc))
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "空主题"))
    screen = current(kiosk)
    assert shown_item_names(screen) == []
    assert screen.empty.isVisible()  # type: ignore[attr-defined]
    assert any("暂时没有可以办理的事项" in t for t in visible_texts(screen))
    assert find_button(screen, "我该去哪办").isVisible()


def test_stale_keys_show_a_gentle_note(qtbot: Any, kiosk: KioskApp) -> None:
    go_home(qtbot, kiosk)
    kiosk.navigator.go("items", ("topic", "no-such-topic"))
    screen = current(kiosk)
    assert any("已更新或下线" in t for t in visible_texts(screen))
    assert shown_item_names(screen) == []
    kiosk.navigator.go("post", "NO-SUCH-POST")
    screen = current(kiosk)
    assert any("已更新或撤销" in t for t in visible_texts(screen))
    touch(qtbot, find_button(screen, "查看全部窗口岗位"))
    assert now(kiosk)[0] == "posts"
    # a good key afterwards shows the post again
    kiosk.navigator.go("post", "SP-W1")
    assert "环评审批窗口" in visible_texts(current(kiosk))


def test_hundreds_of_items_open_a_page_at_a_time(qtbot: Any, make_kiosk: Callable[..., KioskApp],
                                                         write_content: Callable[..., Path]) -> None:
    doc = copy.deepcopy(load_yaml(MINI))
    base = doc["items"][0]
    for index in range(300):
        item = copy.deepcopy(base)
        item["code"] = f"9{index:011d}"
        item["name"] = f"测试事项{index:03d}"
        doc["items"].append(item)
    kiosk = make_kiosk(write_content(doc))
    go_home(qtbot, kiosk)
    key = ("topic", "hp")
    kiosk.navigator.go("items", key)
    screen = current(kiosk)
    # only the first page of rows is built (the opening time is measured by make bench, not here)
    first_page = shown_item_names(screen)
    assert first_page[0] == base["name"] and first_page[1] == "测试事项000"
    assert 10 <= len(first_page) < 301
    more = screen.rows.more_button  # type: ignore[attr-defined]
    assert more.isVisible() and f"还有 {301 - len(first_page)} 个" in more.text()
    touch(qtbot, more)
    assert len(shown_item_names(screen)) > len(first_page)
    while more.isVisible():
        touch(qtbot, more)
    assert shown_item_names(screen)[-1] == "测试事项299"
    assert len(shown_item_names(screen)) == 301


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_nothing_is_wider_than_the_screen(make_kiosk: Callable[..., KioskApp], orientation: str) -> None:
    kiosk = make_kiosk(orientation=orientation)
    kiosk.navigator.go("home")
    width = 1920 if orientation == "landscape" else 1080
    for name, key in (("items", ("topic", "huanping")), ("items", ("department", "SP")), ("departments", None),
                      ("posts", None), ("post", "SP-W1"), ("post", "BG-N1"), ("commitments", None)):
        kiosk.navigator.go(name, key)
        screen = current(kiosk)
        page = screen.page  # type: ignore[attr-defined]
        needed = page.body.minimumSizeHint().width()
        assert needed <= width - page.verticalScrollBar().sizeHint().width(), (name, key, needed)
        assert page.body.width() <= page.viewport().width() + 1, (name, key)
