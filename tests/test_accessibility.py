"""Every screen, in every visitor mode and both orientations: targets, contrast, clipping, language.

One kiosk is built per mode × orientation and switched into its mode as a visitor would
(``store.mode``), then every screen of ``kiosk screenshots`` (:func:`kiosk.screenshots._plan`) is opened
with its key and these are checked on every visible widget:

* touch targets — every button (QAbstractButton: tiles, rows, keys…) and every widget with a click
  handler of its own (a Python ``mousePressEvent``/``mouseReleaseEvent``) is ≥ 15 mm in both
  dimensions at the configured DPI, and in 长辈模式 also ≥ 60 dp (MIIT).
* contrast — computed from what is really painted, not from the stylesheet's text: the window (or, for
  widgets inside a scrolling page, the whole page) is rendered to an image and, inside the rectangle
  where the widget draws its text (a label's contents rect; a button's contents rect without border and
  padding), the most frequent colour is the background and the colour with the highest contrast to it
  among those covering enough pixels is the text (glyph cores are solid pixels of the text colour;
  anti-aliased edges lie between the two and so have less contrast). This reflects stylesheet
  pseudo-states (``:checked``, ``[chosen="true"]``), gradients and parents' backgrounds, which a
  widget's palette does not. Rich text (the guide's sections) is checked per text fragment: each
  fragment's own colour (or the label's) against its own background (or the painted one). The
  ratio is WCAG's; ≥ 4.5:1, ≥ 7:1 in high contrast.
* clipping — a wrapped label's height for its width fits its height; an unwrapped label's text fits its
  contents width (unless cut short with "…" on purpose: property ``elided``); a button's text fits its
  contents rect; no label or button sticks out of its parent (outside scrolling pages, whose body is meant
  to be taller than the view); and a page that scrolls only up and down is no wider than its view.
* language — in English no visible text holds a Chinese character or Chinese punctuation, unless the
  widget (or an ancestor) has the property ``content`` (office content without English).

The widgets under an overlay (the idle countdown, the print panel) are covered: only the overlay is checked.
The Pinyin keyboard's keys are QML items, not widgets: they are not seen here.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from kiosk import ui
from kiosk.app import KioskApp
from kiosk.screenshots import _plan, apply_mode
from kiosk.visitor_mode import VisitorMode
from tests.conftest import find_button, tap

MODES = {
    "normal": VisitorMode(),
    "elderly": VisitorMode(elderly=True),
    "contrast": VisitorMode(contrast=True),
    "english": VisitorMode(language="en"),
    "elderly-english": VisitorMode(elderly=True, language="en"),
}

#: Han characters, CJK punctuation (。、「」…), fullwidth forms (，：（）…)
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


# -- colours --------------------------------------------------------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


ROW_STEP = 3


def painted_colours(image: QImage, rect: QRect) -> tuple[QColor, QColor] | None:
    """(background, text) painted inside ``rect`` of ``image``; None when nothing but one colour is there."""
    rect = rect.intersected(image.rect())
    if rect.width() < 2 or rect.height() < 2:
        return None
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    data, line, width = bytes(part.constBits()), part.bytesPerLine(), part.width() * 4
    # every third row: a glyph's vertical strokes cross every row, so its core colour is still counted
    pixels = array("I", b"".join(data[y * line: y * line + width] for y in range(0, part.height(), ROW_STEP)))
    counts = Counter(pixels)  # (RGB32: the alpha byte is always 0xFF)
    background_rgb, _ = counts.most_common(1)[0]
    background = QColor(background_rgb)
    enough = max(4, len(pixels) // 500)
    candidates = [QColor(rgb) for rgb, count in counts.items() if count >= enough and rgb != background_rgb]
    if not candidates:
        return None
    return background, max(candidates, key=lambda colour: contrast(colour, background))


# -- widgets ----------------------------------------------------------------------------------------------
def has_click_handler(widget: QWidget) -> bool:
    """A widget of ours that handles taps itself (buttons aside)."""
    for cls in type(widget).__mro__:
        if cls.__module__.startswith("PySide6"):
            return False
        if "mousePressEvent" in cls.__dict__ or "mouseReleaseEvent" in cls.__dict__:
            return True
    return False


def paints_itself(widget: QWidget) -> bool:
    """A widget of ours with its own paintEvent: where it puts its text is its own business."""
    return any("paintEvent" in cls.__dict__ for cls in type(widget).__mro__
               if not cls.__module__.startswith("PySide6"))


def button_text(button: QAbstractButton) -> str:
    return QAbstractButton.text(button)  # the face's own text (Tile.text() returns its title label's)


def is_content(widget: QWidget) -> bool:
    node: QWidget | None = widget
    while node is not None:
        if node.property("content"):
            return True
        node = node.parentWidget()
    return False


def scroll_body(widget: QWidget) -> QWidget | None:
    """The page of the (innermost) scroll area the widget is on, if any."""
    node: QWidget | None = widget
    while node is not None:
        if in_scroll_viewport(node):
            return node
        node = node.parentWidget()
    return None


def in_scroll_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QScrollArea) and grand.widget() is widget


def text_rect(widget: QWidget) -> QRect:
    """Where the widget draws its text, in its own coordinates."""
    if isinstance(widget, QPushButton):
        option = QStyleOptionButton()
        widget.initStyleOption(option)
        return widget.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, widget)
    return widget.contentsRect()


def rich_document(label: QLabel) -> QTextDocument | None:
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(label.text())):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setHtml(label.text())
        return document
    return None


def fragments(document: QTextDocument) -> Iterator[tuple[str, QColor | None, QColor | None]]:
    """(text, its colour if set, its background if set) of every run of a rich text."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.text().strip():
                char = fragment.charFormat()
                colour = char.foreground().color() if char.foreground().style() != Qt.BrushStyle.NoBrush else None
                back = char.background().color() if char.background().style() != Qt.BrushStyle.NoBrush else None
                yield fragment.text(), colour, back
            iterator += 1
        block = block.next()


def visible_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        document = rich_document(widget)
        return document.toPlainText() if document is not None else widget.text()
    if isinstance(widget, QAbstractButton):
        return button_text(widget)
    if isinstance(widget, QLineEdit):
        return widget.placeholderText() if not widget.text() else ""
    return ""


# -- the check of one screen ---------------------------------------------------------------------------
@dataclass
class Check:
    kiosk: KioskApp
    mode: VisitorMode
    orientation: str

    def __post_init__(self) -> None:
        metrics = ui.metrics()
        self.min_target = metrics.mm(15)
        if self.mode.elderly:
            self.min_target = max(self.min_target, metrics.px_for_dp(60))
        self.min_contrast = 7.0 if self.mode.contrast else 4.5
        self.problems: list[str] = []

    def screen(self, name: str) -> None:
        window = self.kiosk.window
        for _ in range(3):  # (as kiosk screenshots: what a screen lays out after its first paint, too)
            QApplication.processEvents()
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # (nested layouts settle)
        window_image = window.grab().toImage()
        pages: dict[int, QImage] = {}  # scrolling page (by its C++ address) → the whole page rendered

        def image_for(widget: QWidget) -> tuple[QImage, QPoint]:
            body = scroll_body(widget)
            if body is None:
                return window_image, widget.mapTo(window, QPoint(0, 0))
            address = shiboken6.getCppPointer(body)[0]
            if address not in pages:
                pages[address] = body.grab().toImage()
            return pages[address], widget.mapTo(body, QPoint(0, 0))

        for widget in self.widgets():
            where = f"{name}: {type(widget).__name__} {widget.objectName() or ''} {visible_text(widget)[:40]!r}"
            self.target(widget, where)
            self.clipping(widget, where)
            self.language(widget, where)
            self.colours(widget, where, image_for)

    def widgets(self) -> list[QWidget]:
        window = self.kiosk.window
        roots: list[QWidget] = [window]
        overlays = [child for child in window.findChildren(QWidget)
                    if child.objectName().endswith("Overlay") and child.isVisible()]
        if overlays:
            roots = overlays  # what is under an overlay is covered: only the overlay is seen
        found: list[QWidget] = []
        for root in roots:
            found.extend(w for w in root.findChildren(QWidget) if w.isVisible() and w.width() > 0)
        return found

    def target(self, widget: QWidget, where: str) -> None:
        if not (isinstance(widget, QAbstractButton) or has_click_handler(widget)):
            return
        if widget.width() < self.min_target or widget.height() < self.min_target:
            self.problems.append(f"{where}: target {widget.width()}×{widget.height()} px < {self.min_target} px")

    def clipping(self, widget: QWidget, where: str) -> None:
        if isinstance(widget, QScrollArea) and widget.widget() is not None and (
                widget.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
            page, view = widget.widget(), widget.viewport()
            if page.width() > view.width():  # a page that only scrolls up and down, cut at the side
                self.problems.append(f"{where}: page {page.width()} px wide in a view of {view.width()} px")
        parent = widget.parentWidget()
        if (isinstance(widget, QLabel | QAbstractButton) and parent is not None
                and not in_scroll_viewport(widget) and not parent.rect().contains(widget.geometry())):
            self.problems.append(f"{where}: {widget.geometry().getRect()} sticks out of its parent "
                                 f"{type(parent).__name__} {parent.objectName()} {parent.rect().getRect()}")
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                # a line box is taller than its glyphs: a few pixels less cut no text, a missing line does
                needed = widget.heightForWidth(widget.width()) - widget.font().pixelSize() // 5
                if needed > widget.height():
                    self.problems.append(f"{where}: wrapped text needs {needed} px, has {widget.height()}")
            elif rich_document(widget) is None and not widget.property("elided"):
                rect = widget.contentsRect()
                metrics = widget.fontMetrics()
                width = max(metrics.horizontalAdvance(line) for line in widget.text().split("\n"))
                if width > rect.width() or metrics.height() > rect.height():
                    self.problems.append(f"{where}: text {width}×{metrics.height()} px in {rect.width()}×"
                                         f"{rect.height()}")
        if isinstance(widget, QPushButton) and button_text(widget):
            rect = text_rect(widget)
            metrics = widget.fontMetrics()
            width = max(metrics.horizontalAdvance(line) for line in button_text(widget).split("\n"))
            if width > rect.width() + 1:
                self.problems.append(f"{where}: button text {width} px in {rect.width()} px")

    def language(self, widget: QWidget, where: str) -> None:
        if self.mode.language != "en" or is_content(widget):
            return
        text = visible_text(widget)
        if CHINESE.search(text):
            self.problems.append(f"{where}: Chinese in English mode")

    def colours(self, widget: QWidget, where: str,
                image_for: Callable[[QWidget], tuple[QImage, QPoint]]) -> None:
        if isinstance(widget, QLabel):
            if not widget.text().strip() or not widget.pixmap().isNull():
                return
        elif isinstance(widget, QPushButton):
            if not button_text(widget).strip():
                return
        else:
            return
        image, origin = image_for(widget)
        rect = text_rect(widget)
        if not ((isinstance(widget, QLabel) and rich_document(widget) is not None) or paints_itself(widget)):
            # only where the text is
            text = widget.text() if isinstance(widget, QLabel) else button_text(widget)
            alignment = widget.alignment() if isinstance(widget, QLabel) else Qt.AlignmentFlag.AlignCenter
            flags = int(alignment) | (int(Qt.TextFlag.TextWordWrap) if isinstance(widget, QLabel)
                                      and widget.wordWrap() else 0)
            rect = widget.fontMetrics().boundingRect(rect, flags, text).adjusted(-2, -2, 2, 2).intersected(rect)
        rect = rect.translated(origin)
        painted = painted_colours(image, rect)
        if painted is None:
            self.problems.append(f"{where}: no text painted in {rect.getRect()}")
            return
        background, text = painted
        document = rich_document(widget) if isinstance(widget, QLabel) else None
        if document is None:
            ratio = contrast(text, background)
            if ratio < self.min_contrast:
                self.problems.append(f"{where}: contrast {ratio:.2f} ({text.name()} on {background.name()})")
            return
        default = widget.palette().color(widget.foregroundRole())
        for run, colour, back in fragments(document):
            ratio = contrast(colour or default, back or background)
            if ratio < self.min_contrast:
                self.problems.append(f"{where}: {run[:20]!r} contrast {ratio:.2f} "
                                     f"({(colour or default).name()} on {(back or background).name()})")


# -- the tests ------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _default_mode_after() -> Iterator[None]:
    """The mode is global (stylesheet, translator, ui tables): later tests get the default one back."""
    yield
    from kiosk import i18n

    ui.set_mode(VisitorMode())
    i18n.set_language("zh")
    qapp = QApplication.instance()
    if isinstance(qapp, QApplication):
        qapp.setStyleSheet(ui.stylesheet(ui.metrics(), VisitorMode()))


CASES: list[Any] = [(mode, orientation) for mode in MODES if mode != "elderly-english"
                    for orientation in ("landscape", "portrait")]
# the longest words in the largest text on the narrowest screen: not all screens are ready for it yet
CASES.append(pytest.param("elderly-english", "portrait", marks=pytest.mark.xfail(reason=(
    "长辈模式 in English, portrait: headers with buttons beside them (item list, rating, feedback), the finder's "
    "step labels and the feedback form's target button do not yet wrap or stack"))))


@pytest.mark.parametrize(("mode_name", "orientation"), CASES)
def test_every_screen(make_kiosk: Callable[..., KioskApp], mode_name: str, orientation: str) -> None:
    kiosk = make_kiosk(orientation=orientation)
    mode = MODES[mode_name]
    apply_mode(kiosk, mode)
    assert kiosk.store.mode.mode == mode
    check = Check(kiosk, mode, orientation)
    for filename, screen, key, action in _plan(kiosk):
        kiosk.window.idle_overlay.hide()
        kiosk.navigator.go(screen, key)
        if action is not None:
            action()
        assert kiosk.navigator.current[0] == screen, f"{filename} did not open"
        check.screen(filename)
    assert not check.problems, f"{len(check.problems)} problems:\n" + "\n".join(check.problems)


def test_elderly_mode_from_the_home_screen(qtbot: Any, kiosk: KioskApp) -> None:
    """A tap on 长辈模式 makes the text 1.5× and the idle time twice as long, at once, on the same screen;
    the idle reset brings the next visitor the normal mode."""
    tap(qtbot, kiosk.navigator.screen("attract"))
    home = kiosk.navigator.current_screen()
    assert home is not None and kiosk.navigator.current[0] == "home"
    title = next(label for label in home.findChildren(QLabel) if label.objectName() == "ScreenTitle")
    normal_size = title.font().pixelSize()
    normal_idle = kiosk.idle.idle_ms

    tap(qtbot, find_button(home, "长辈模式"))
    qtbot.waitUntil(lambda: kiosk.navigator.current_screen() is not home)
    new_home = kiosk.navigator.current_screen()
    assert new_home is not None and kiosk.navigator.current[0] == "home"
    title = next(label for label in new_home.findChildren(QLabel) if label.objectName() == "ScreenTitle")
    assert title.font().pixelSize() == round(normal_size * 1.5)
    assert kiosk.idle.idle_ms == 2 * normal_idle
    switch = find_button(new_home, "长辈模式")
    assert switch.isChecked() and switch.text().startswith("✓")  # said in words, not by colour alone
    # MIIT floors at this screen's DPI: headings ≥ 30 pt, body ≥ 18 pt
    metrics = ui.metrics()
    assert metrics.pt(title.font().pixelSize()) >= 30
    assert metrics.pt(ui.TEXT["small"]) >= 18
    assert kiosk.mode_switch_ms < 1000, f"switching took {kiosk.mode_switch_ms:.0f} ms"

    kiosk.idle.set_timing(50, 20)  # the visitor walks away
    kiosk.idle.poke()
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "attract", timeout=5000)
    assert kiosk.store.mode.mode == VisitorMode()
    assert kiosk.idle.idle_ms == kiosk.config.idle_seconds * 1000
    assert ui.TEXT["heading"] == ui.BASE_TEXT["heading"]


def test_switches_on_the_attract_screen_start_the_visit(qtbot: Any, kiosk: KioskApp) -> None:
    attract = kiosk.navigator.screen("attract")
    tap(qtbot, find_button(attract, "高对比"))
    assert kiosk.navigator.current[0] == "home"  # (where the idle countdown runs: the mode ends with the visit)
    qtbot.waitUntil(lambda: kiosk.store.mode.mode == VisitorMode(contrast=True))
    home = kiosk.navigator.current_screen()
    assert home is not None
    assert find_button(home, "高对比").isChecked()
    assert ui.PALETTE["ink"] == ui.CONTRAST_PALETTE["ink"]
    tap(qtbot, find_button(home, "高对比"))
    qtbot.waitUntil(lambda: kiosk.store.mode.mode == VisitorMode())


def test_language_switch_keeps_the_screen_and_the_way_back(qtbot: Any, kiosk: KioskApp) -> None:
    tap(qtbot, kiosk.navigator.screen("attract"))
    catalog = kiosk.store.catalog
    assert catalog is not None
    kiosk.navigator.go("departments")
    kiosk.navigator.go("items", ("department", catalog.departments()[0].code))
    depth = kiosk.navigator.depth
    kiosk.navigator.home()
    home = kiosk.navigator.current_screen()
    assert home is not None
    tap(qtbot, find_button(home, "English"))
    qtbot.waitUntil(lambda: kiosk.store.mode.mode.language == "en")
    assert kiosk.navigator.current[0] == "home"
    new_home = kiosk.navigator.current_screen()
    assert new_home is not None and new_home is not home
    assert find_button(new_home, "中文")  # the way back, named in its own language
    kiosk.navigator.go("departments")
    kiosk.navigator.go("items", ("department", catalog.departments()[0].code))
    kiosk.store.mode.set_elderly(True)  # a rebuild in the middle of a visit keeps the key and the history
    assert kiosk.navigator.current == ("items", ("department", catalog.departments()[0].code))
    assert kiosk.navigator.depth == depth
    kiosk.navigator.back()
    assert kiosk.navigator.current[0] == "departments"


def test_idle_warning_gives_more_time_with_one_tap(qtbot: Any, kiosk: KioskApp) -> None:
    tap(qtbot, kiosk.navigator.screen("attract"))
    kiosk.idle.set_timing(50, 1000)
    kiosk.idle.poke()
    overlay = kiosk.window.idle_overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    button = overlay.continue_button
    assert "延长" in button.text()  # it says "more time"
    tap(qtbot, button)
    assert not overlay.isVisible() and not kiosk.idle.counting
    assert kiosk.navigator.current[0] == "home"


def test_line_spacing_in_elderly_mode_measured(qtbot: Any, kiosk: KioskApp) -> None:
    """Wrapped text in 长辈模式 has baselines ≥ 1.3 font sizes apart, measured on the painted pixels."""
    from kiosk.widgets.common import text_label

    def pitch() -> tuple[float, int]:
        label = text_label("长辈模式下文字放大，行距不小于一点三倍，这样看起来更清楚。" * 3, "ScreenSubtitle")
        qtbot.addWidget(label)
        label.ensurePolished()  # (the stylesheet's font size)
        label.setFixedWidth(700)
        label.setFixedHeight(label.heightForWidth(700))
        label.show()
        image = label.grab().toImage()
        starts, inked = [], False
        ink = label.palette().color(label.foregroundRole())
        for y in range(image.height()):
            row = any(contrast(QColor(image.pixel(x, y)), ink) < 1.5 for x in range(0, image.width(), 2))
            if row and not inked:
                starts.append(y)
            inked = row
        assert len(starts) >= 3
        gaps = [b - a for a, b in pairwise(starts)]
        return sum(gaps) / len(gaps), label.font().pixelSize()

    normal, size = pitch()
    assert normal / size < 1.3  # the font's own spacing (this is why the elderly mode sets its own)
    kiosk.store.mode.set_elderly(True)
    spaced, size = pitch()
    assert spaced / size >= 1.3


def test_configured_language_is_each_visitors_start(qtbot: Any, make_kiosk: Callable[..., KioskApp]) -> None:
    """A kiosk configured for English starts in English, and a visitor's switch to Chinese ends at idle."""
    kiosk = make_kiosk(language="en")
    assert kiosk.store.mode.mode == VisitorMode(language="en")
    tap(qtbot, kiosk.navigator.screen("attract"))
    home = kiosk.navigator.current_screen()
    assert home is not None
    assert kiosk.window.footer.home_button.text() != "⌂ 首页"  # (translated)
    tap(qtbot, find_button(home, "中文"))
    qtbot.waitUntil(lambda: kiosk.store.mode.mode.language == "zh")
    qtbot.waitUntil(lambda: kiosk.window.footer.home_button.text() == "⌂ 首页")
    kiosk.idle.set_timing(50, 20)
    kiosk.idle.poke()
    qtbot.waitUntil(lambda: kiosk.navigator.current[0] == "attract", timeout=5000)
    assert kiosk.store.mode.mode == VisitorMode(language="en")
    assert kiosk.window.footer.home_button.text() != "⌂ 首页"
