"""The public results screen against a hand-computed data set of the office's rating counts.

The counts are written into the kiosk's real cache the way a sync writes them
(``kiosk.data.cache.replace_rating_summary``); the test reads the figures a visitor sees on the
screen: number of ratings, 满意率, 差评 answered, repeated presses apart — per department and per
window post, for this month and this year.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kiosk.app import KioskApp
from kiosk.data.cache import open_engine, replace_rating_summary
from tests.test_browse import current, go_home, now, touch

TODAY = date.today()
MONTH = f"{TODAY.year:04d}-{TODAY.month:02d}"
OTHER_MONTH = f"{TODAY.year:04d}-{(2 if TODAY.month == 1 else 1):02d}"  # same year, another month
LAST_YEAR = f"{TODAY.year - 1:04d}-{TODAY.month:02d}"


def row(month: str, department: str, post: str, level: int, n: int, answered: int = 0,
        repeated: bool = False) -> dict[str, Any]:
    return {"month": month, "department_code": department, "post_code": post, "level": level, "repeated": repeated,
            "n": n, "answered": answered}


# SP-W1 (1号窗口) and SP-W2 (2号窗口) belong to 行政审批处 (SP); GF-W1 (3号窗口) to 固体废物与化学品处 (GF).
DATA = [
    row(MONTH, "SP", "SP-W1", 1, 6), row(MONTH, "SP", "SP-W1", 2, 3), row(MONTH, "SP", "SP-W1", 3, 1),
    row(MONTH, "SP", "SP-W1", 4, 2, answered=1), row(MONTH, "SP", "SP-W1", 1, 4, repeated=True),
    row(MONTH, "SP", "SP-W2", 1, 5), row(MONTH, "SP", "SP-W2", 5, 5, answered=5),
    row(MONTH, "GF", "GF-W1", 2, 3), row(OTHER_MONTH, "GF", "GF-W1", 4, 1),
    row(MONTH, "GF", "", 1, 2),  # rated for the department, no window known
    row(LAST_YEAR, "SP", "SP-W1", 5, 100, answered=3),  # another year: never shown
]

# what the screen must say (worked out by hand from DATA)
MONTH_FIGURES = {
    "overall": ("共 27 次评价", "74.1%", "差评 7 次，已回复 6 次（86%）", "另有重复点按 4 次，未计入"),
    ("department", "SP"): ("评价 22 次", "68.2%", "差评 7 次，已回复 6 次（86%）", "另有重复点按 4 次，未计入"),
    ("department", "GF"): ("评价 5 次", "100%", "无差评", ""),
    ("post", "SP-W1"): ("评价 12 次", "83.3%", "差评 2 次，已回复 1 次（50%）", "另有重复点按 4 次，未计入"),
    ("post", "SP-W2"): ("评价 10 次", "50%", "差评 5 次，已回复 5 次（100%）", ""),
    ("post", "GF-W1"): ("评价 3 次", "100%", "无差评", ""),
}
YEAR_FIGURES = {
    "overall": ("共 28 次评价", "71.4%", "差评 8 次，已回复 6 次（75%）", "另有重复点按 4 次，未计入"),
    ("department", "SP"): ("评价 22 次", "68.2%", "差评 7 次，已回复 6 次（86%）", "另有重复点按 4 次，未计入"),
    ("department", "GF"): ("评价 6 次", "83.3%", "差评 1 次，已回复 0 次（0%）", ""),
    ("post", "SP-W1"): ("评价 12 次", "83.3%", "差评 2 次，已回复 1 次（50%）", "另有重复点按 4 次，未计入"),
    ("post", "SP-W2"): ("评价 10 次", "50%", "差评 5 次，已回复 5 次（100%）", ""),
    ("post", "GF-W1"): ("评价 4 次", "75%", "差评 1 次，已回复 0 次（0%）", ""),
}


@pytest.fixture
def results_kiosk(kiosk: KioskApp) -> KioskApp:
    assert kiosk.store.runner is not None
    engine = open_engine(kiosk.store.runner.cache)
    try:
        replace_rating_summary(engine, DATA)
    finally:
        engine.dispose()
    return kiosk


def shown(screen: Any, figures: dict[Any, tuple[str, str, str, str]]) -> dict[Any, tuple[str, str, str, str]]:
    result = {}
    for key in figures:
        if key == "overall":
            card = screen.overall
        else:
            card = (screen.department_cards if key[0] == "department" else screen.post_cards)[key[1]]
        texts = screen.shown_texts(card)
        result[key] = (texts["count"], texts["satisfaction"], texts["answered"], texts["repeated"])
    return result


def test_this_months_figures_per_department_and_window(qtbot: Any, results_kiosk: KioskApp) -> None:
    kiosk = results_kiosk
    home = go_home(qtbot, kiosk)
    touch(qtbot, next(b for b in home.findChildren(type(home.search_button)) if "评价结果" in b.text()))
    screen = current(kiosk)
    assert now(kiosk)[0] == "results"
    assert shown(screen, MONTH_FIGURES) == MONTH_FIGURES
    # only what was rated is listed; a window's card carries its number and name
    assert set(screen.post_cards) == {"SP-W1", "SP-W2", "GF-W1"}  # type: ignore[attr-defined]
    assert set(screen.department_cards) == {"SP", "GF"}  # type: ignore[attr-defined]
    assert screen.post_cards["GF-W1"].name_label.text().startswith("3号窗口")  # type: ignore[attr-defined]
    assert screen.department_cards["SP"].name_label.text() == "行政审批处"  # type: ignore[attr-defined]
    # the level shares are the bar's segments, in order
    bar = screen.post_cards["SP-W1"].bar  # type: ignore[attr-defined]
    assert bar.counts == (6, 3, 1, 2, 0)
    assert [level for level, _ in bar.segments()] == [1, 2, 3, 4]
    period = screen.period_label.text()  # type: ignore[attr-defined]
    assert f"{TODAY.year}年{TODAY.month}月" in period
    assert f"数据更新于 {TODAY.isoformat()}" in period


def test_the_year_toggle_shows_the_years_figures(qtbot: Any, results_kiosk: KioskApp) -> None:
    kiosk = results_kiosk
    kiosk.navigator.go("results", None)
    screen = current(kiosk)
    touch(qtbot, screen.period_buttons["year"])  # type: ignore[attr-defined]
    assert screen.period == "year"  # type: ignore[attr-defined]
    assert shown(screen, YEAR_FIGURES) == YEAR_FIGURES
    assert f"{TODAY.year}年" in screen.period_label.text()  # type: ignore[attr-defined]
    touch(qtbot, screen.period_buttons["month"])  # type: ignore[attr-defined]
    assert shown(screen, MONTH_FIGURES) == MONTH_FIGURES


def test_without_figures_the_screen_says_so(qtbot: Any, kiosk: KioskApp) -> None:
    kiosk.navigator.go("results", None)
    screen = current(kiosk)
    assert screen.empty.isVisible()  # type: ignore[attr-defined]
    assert "还没有评价" in screen.empty.text()  # type: ignore[attr-defined]
    assert "数据更新于" in screen.period_label.text()  # type: ignore[attr-defined]  # the office had none
    assert not screen.post_cards  # type: ignore[attr-defined]
