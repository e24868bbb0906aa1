"""Rating at the kiosk by taps: post → face → thanks, the reasons for a bad one, case numbers, repeats.

Every test drives the real screens with taps and reads what was stored back from the kiosk's real
outbox file (``kiosk.store.runner.outbox``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.app import KioskApp
from kiosk.data.outbox import LocalRecord, OutboxEntry
from kiosk.screens.base import Screen
from tests.conftest import find_button
from tests.test_browse import current, go_home, now, touch

PHONE_NOTE = "仅用于工作人员回访，不会公开"


def ratings(kiosk: KioskApp) -> list[tuple[dict[str, Any], str | None]]:
    """Every rating in the outbox file, oldest first: (payload, outbox state — None once confirmed)."""
    assert kiosk.store.runner is not None
    with Session(kiosk.store.runner.outbox.engine) as session:
        rows = session.execute(
            select(LocalRecord.payload, OutboxEntry.state)
            .outerjoin(OutboxEntry, OutboxEntry.uuid == LocalRecord.uuid)
            .where(LocalRecord.kind == "rating").order_by(LocalRecord.created_at)
        ).all()
    return [(json.loads(payload), state) for payload, state in rows]


def staffed_post(kiosk: KioskApp) -> Any:
    catalog = kiosk.store.catalog
    assert catalog is not None
    return next(p for p in catalog.posts() if p.window and p.staff)


def post_button(screen: Screen, code: str) -> Any:
    buttons = [b for b in screen.buttons if b.code == code]  # type: ignore[attr-defined]
    assert len(buttons) == 1
    return buttons[0]


def visible_labels(screen: Screen) -> list[str]:
    return [label.text() for label in screen.findChildren(QLabel) if label.isVisible() and label.text()]


def type_on_keypad(qtbot: Any, keypad: Any, text: str) -> None:
    for char in text:
        touch(qtbot, keypad.keys[char])


def face(screen: Screen, word: str) -> Any:
    """The face button with exactly this word (满意 is also part of 非常满意)."""
    [button] = [b for b in screen.faces.buttons.values() if b.text() == word]  # type: ignore[attr-defined]
    return button


def rate_post(qtbot: Any, kiosk: KioskApp, post_code: str, level_word: str) -> None:
    kiosk.navigator.go("rate", None)
    touch(qtbot, post_button(current(kiosk), post_code))
    assert now(kiosk)[0] == "rate_level"
    touch(qtbot, face(current(kiosk), level_word))


# -- a good rating ---------------------------------------------------------------------------------------
def test_a_good_rating_takes_three_taps_from_home(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    home = go_home(qtbot, kiosk)
    touch(qtbot, find_button(home, "评价服务"))                         # 1
    screen = current(kiosk)
    assert now(kiosk)[0] == "rate"
    button = post_button(screen, post.code)
    assert post.window in button.window_box.number.text()
    touch(qtbot, button)                                                # 2
    level_screen = current(kiosk)
    assert now(kiosk)[0] == "rate_level"
    assert any(post.name in text for text in visible_labels(level_screen))
    words = [b.text() for b in level_screen.faces.buttons.values()]  # type: ignore[attr-defined]
    assert words == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    touch(qtbot, face(level_screen, "非常满意"))                  # 3
    thanks = current(kiosk)
    assert now(kiosk)[0] == "rate_thanks"
    assert "谢谢您的评价" in visible_labels(thanks)

    [(payload, state)] = ratings(kiosk)
    assert payload["level"] == 1
    assert payload["post_code"] == post.code
    assert payload["department_code"] == post.department_code
    assert payload["staff"] and all(person.name in payload["staff"] for person in post.staff)
    assert payload["repeated"] is False
    assert payload["channel"]
    assert state == "pending"  # released: the sync sends it next


def test_the_rating_screen_shows_every_window_post_with_number_and_staff(qtbot: Any, kiosk: KioskApp) -> None:
    catalog = kiosk.store.catalog
    assert catalog is not None
    kiosk.navigator.go("rate", None)
    screen = current(kiosk)
    assert {b.code for b in screen.buttons} == {p.code for p in catalog.posts()}  # type: ignore[attr-defined]
    windows = [b.post.window for b in screen.buttons if b.post.window]  # type: ignore[attr-defined]
    assert windows == sorted(windows, key=int)
    post = staffed_post(kiosk)
    texts = [label.text() for label in post_button(screen, post.code).findChildren(QLabel)]
    assert post.name in texts and post.staff[0].name in texts
    for button in screen.buttons:  # type: ignore[attr-defined]
        assert button.height() >= 72


def test_from_an_item_page_its_window_comes_first_and_the_item_is_kept(qtbot: Any, kiosk: KioskApp) -> None:
    catalog = kiosk.store.catalog
    assert catalog is not None
    windows = sorted((p for p in catalog.posts() if p.window), key=lambda p: int(p.window))
    last = windows[-1]
    item = next(i for i in catalog.items_by_post(last.code))
    kiosk.navigator.go("rate", {"item_code": item.code})
    screen = current(kiosk)
    first = screen.buttons[0]  # type: ignore[attr-defined]
    assert first.code == last.code
    assert any(item.name in text for text in visible_labels(screen))
    touch(qtbot, first)
    touch(qtbot, face(current(kiosk), "基本满意"))
    assert now(kiosk)[0] == "rate_thanks"
    [(payload, _)] = ratings(kiosk)
    assert (payload["level"], payload["post_code"], payload["item_code"]) == (3, last.code, item.code)


# -- a bad rating ----------------------------------------------------------------------------------------
def test_a_bad_rating_takes_reasons_and_a_phone_for_a_call_back(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    rate_post(qtbot, kiosk, post.code, "非常不满意")
    details = current(kiosk)
    assert now(kiosk)[0] == "rate_details"
    # already stored (durable), but held back: details may follow; no thanks yet
    [(payload, state)] = ratings(kiosk)
    assert payload["level"] == 5 and state == "held"
    assert PHONE_NOTE in visible_labels(details)

    touch(qtbot, find_button(details, "态度不好"))
    touch(qtbot, find_button(details, "一次性告知不到位"))
    touch(qtbot, find_button(details, "效率低"))
    touch(qtbot, find_button(details, "效率低"))  # changed their mind
    keypad = details.keypad  # type: ignore[attr-defined]
    type_on_keypad(qtbot, keypad, "1381234")
    touch(qtbot, details.submit_button)  # type: ignore[attr-defined]  # (材料反复提交 has 提交 too)
    # a wrong number: told why, nothing finished, still here
    assert now(kiosk)[0] == "rate_details"
    assert any("电话号码格式不对" in text for text in visible_labels(details))
    assert ratings(kiosk)[0][1] == "held"

    type_on_keypad(qtbot, keypad, "5678")
    assert details.phone_field.text() == "13812345678"  # type: ignore[attr-defined]
    assert not any("电话号码格式不对" in text for text in visible_labels(details))
    touch(qtbot, details.submit_button)  # type: ignore[attr-defined]  # (材料反复提交 has 提交 too)
    assert now(kiosk)[0] == "rate_thanks"
    [(payload, state)] = ratings(kiosk)
    assert json.loads(payload["reasons"]) == ["态度不好", "一次性告知不到位"]
    assert payload["phone"] == "13812345678"
    assert payload["post_code"] == post.code
    assert state == "pending"
    # the page forgot what was typed
    assert details.phone_field.text() == ""  # type: ignore[attr-defined]
    assert not details.reasons()  # type: ignore[attr-defined]


def test_a_bad_rating_can_be_skipped(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    rate_post(qtbot, kiosk, post.code, "不满意")
    details = current(kiosk)
    touch(qtbot, find_button(details, "收费问题"))
    touch(qtbot, find_button(details, "跳过"))
    assert now(kiosk)[0] == "rate_thanks"
    [(payload, state)] = ratings(kiosk)
    assert payload["level"] == 4 and state == "pending"
    assert "reasons" not in payload and "phone" not in payload


def test_idle_in_the_middle_of_the_reasons_still_sends_the_rating(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    rate_post(qtbot, kiosk, post.code, "非常不满意")
    details = current(kiosk)
    touch(qtbot, find_button(details, "推诿扯皮"))
    type_on_keypad(qtbot, details.keypad, "139")  # type: ignore[attr-defined]
    kiosk.navigator.reset()  # what the idle watcher does when the countdown ends
    assert now(kiosk)[0] == "attract"
    [(payload, state)] = ratings(kiosk)
    assert payload["level"] == 5 and state == "pending"
    assert "phone" not in payload and "reasons" not in payload
    assert details.phone_field.text() == "" and not details.reasons()  # type: ignore[attr-defined]


def test_going_back_from_the_reasons_keeps_the_rating(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    rate_post(qtbot, kiosk, post.code, "不满意")
    assert now(kiosk)[0] == "rate_details"
    touch(qtbot, kiosk.window.footer.back_button)
    assert now(kiosk)[0] == "rate_level"
    [(payload, state)] = ratings(kiosk)
    assert payload["level"] == 4 and state == "pending"


# -- case numbers ----------------------------------------------------------------------------------------
def enter_case(qtbot: Any, kiosk: KioskApp, case_no: str) -> Screen:
    kiosk.navigator.go("rate", None)
    screen = current(kiosk)
    touch(qtbot, find_button(screen, "输入办件编号"))
    type_on_keypad(qtbot, screen.keypad, case_no)  # type: ignore[attr-defined]
    touch(qtbot, find_button(screen, "下一步"))
    return screen


def test_a_case_number_is_rated_once_and_a_second_time_told_kindly(qtbot: Any, kiosk: KioskApp) -> None:
    enter_case(qtbot, kiosk, "2026110500123")
    assert now(kiosk) == ("rate_level", {"post_code": None, "case_no": "2026110500123", "item_code": None})
    assert any("2026110500123" in text for text in visible_labels(current(kiosk)))
    touch(qtbot, face(current(kiosk), "满意"))
    assert now(kiosk)[0] == "rate_thanks"

    screen = enter_case(qtbot, kiosk, "2026110500123")
    assert now(kiosk)[0] == "rate"
    assert "该办件已评价过，感谢您的参与" in visible_labels(screen)
    stored = [p for p, _ in ratings(kiosk)]
    assert [(p["case_no"], p["level"]) for p in stored] == [("2026110500123", 2)]


def test_a_malformed_case_number_gets_the_rules_message(qtbot: Any, kiosk: KioskApp) -> None:
    from kiosk.data.visitor_rules import case_no_problem

    screen = enter_case(qtbot, kiosk, "12")
    assert now(kiosk)[0] == "rate"
    message = case_no_problem("12")
    assert message and message in visible_labels(screen)
    touch(qtbot, screen.keypad.keys["3"])  # type: ignore[attr-defined]  # typing again clears the message
    assert message not in visible_labels(screen)
    assert ratings(kiosk) == []


# -- repeats and the end ---------------------------------------------------------------------------------
def test_repeated_presses_are_all_kept_and_the_second_flagged(qtbot: Any, kiosk: KioskApp) -> None:
    post = staffed_post(kiosk)
    rate_post(qtbot, kiosk, post.code, "非常满意")
    assert now(kiosk)[0] == "rate_thanks"
    thanks_texts = visible_labels(current(kiosk))
    rate_post(qtbot, kiosk, post.code, "非常满意")  # again within rating_repeat_seconds (5 s)
    assert now(kiosk)[0] == "rate_thanks"
    assert visible_labels(current(kiosk))[:2] == thanks_texts[:2]  # thanked the same way, never told off
    stored = [p for p, _ in ratings(kiosk)]
    assert [(p["post_code"], p["repeated"]) for p in stored] == [(post.code, False), (post.code, True)]


def test_the_thanks_screen_returns_home_by_itself(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    kiosk = make_kiosk(thanks_seconds=1)
    go_home(qtbot, kiosk)
    rate_post(qtbot, kiosk, staffed_post(kiosk).code, "满意")
    assert now(kiosk)[0] == "rate_thanks"
    assert any("1 秒后自动返回首页" in text for text in visible_labels(current(kiosk)))
    qtbot.waitUntil(lambda: now(kiosk)[0] == "home", timeout=5000)


def test_the_thanks_screen_has_a_button_home(qtbot: Any, kiosk: KioskApp) -> None:
    go_home(qtbot, kiosk)
    rate_post(qtbot, kiosk, staffed_post(kiosk).code, "满意")
    touch(qtbot, find_button(current(kiosk), "返回首页"))
    assert now(kiosk)[0] == "home"
