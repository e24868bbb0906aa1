"""The forms screen: the demo forms listed by item, a page previewed with QtPdf, printed or taken away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor

from kiosk.app import KioskApp
from kiosk.screens.forms import FormsScreen
from kiosk.screens.item_detail import ItemDetailScreen
from kiosk.widgets.print_button import PrintPanel
from tests.conftest import find_button, tap
from tests.conftest_cups import CupsQueue

# until kiosk/app.py registers the screen (SCREENS["forms"]); harmless afterwards
PORTAL = "https://zwfw.example.gov.cn/item/{code}"


def open_forms(kiosk: KioskApp, key: object = None) -> FormsScreen:
    kiosk.navigator.go("forms", key)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FormsScreen)
    return screen


def ink(screen: FormsScreen) -> int:
    """Pixels of the rendered page that are not white (a blank page has none)."""
    image = screen.page_view.image
    assert not image.isNull()
    step = max(1, image.width() // 200)
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if QColor(image.pixel(x, y)).lightness() < 200)


def test_the_demo_forms_are_listed_and_one_is_previewed(kiosk: KioskApp, qtbot: Any) -> None:
    screen = open_forms(kiosk)
    assert len(screen.forms) >= 3
    assert {f.kind for f in screen.forms} <= {"表格", "示范文本"}
    rows = list(screen.rows.values())
    assert all(row.isVisible() for row in rows[:3])
    assert screen.current == screen.forms[0] and ink(screen) > 50
    second = screen.forms[1]
    tap(qtbot, rows[1])
    assert screen.current == second
    assert screen.form_title.text() == second.name
    assert ink(screen) > 50
    assert screen.page_label.text().startswith("第 1 页")


def test_an_items_forms_open_from_its_page(make_kiosk: Callable[..., KioskApp], qtbot: Any) -> None:
    kiosk = make_kiosk(portal_item_url=PORTAL)
    assert kiosk.store.catalog is not None
    form = kiosk.store.catalog.forms()[0]
    kiosk.navigator.go("item", form.item_code)
    item = kiosk.navigator.current_screen()
    assert isinstance(item, ItemDetailScreen)
    tap(qtbot, item.forms_button)
    screen = kiosk.navigator.current_screen()
    assert isinstance(screen, FormsScreen)
    assert screen.forms and {f.item_code for f in screen.forms} == {form.item_code}
    tap(qtbot, find_button(screen, "扫码带走"))
    panel = screen.window().findChild(PrintPanel)
    assert panel is not None and panel.qr_shown


def test_a_form_is_printed(make_kiosk: Callable[..., KioskApp], cups_queue: CupsQueue, qtbot: Any) -> None:
    kiosk = make_kiosk(printer=cups_queue.name)
    screen = open_forms(kiosk)
    tap(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.print_button.job is not None and screen.print_button.job.done, timeout=90_000)
    assert screen.print_button.state == "done"
    assert len(cups_queue.pdfs()) == 1
