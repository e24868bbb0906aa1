"""Chinese text renders with a real CJK font: distinct glyphs, not the same empty box each time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.app import KioskApp


def render(text: str, font: Any) -> QImage:
    image = QImage(80, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def ink(image: QImage) -> int:
    width, height = image.width(), image.height()
    return sum(1 for y in range(height) for x in range(width) if image.pixelColor(x, y).value() < 128)


def test_header_font_draws_distinct_cjk_glyphs(kiosk: KioskApp) -> None:
    kiosk.navigator.go("home")
    title = kiosk.window.header.title
    assert "生态环境厅" in title.text()
    font = title.font()
    box = render("\ue000", font)  # a private-use character: whatever the font draws for "no glyph"
    glyphs = [render(ch, font) for ch in "环境保护厅"]
    assert all(ink(g) > 20 for g in glyphs), "a glyph rendered as nothing"
    assert all(g != box for g in glyphs), "a Chinese character rendered as the missing-glyph box"
    assert len({bytes(g.constBits()) for g in glyphs}) == len(glyphs), "different characters look the same"


def test_screenshot_of_the_header_has_text_not_boxes(kiosk: KioskApp) -> None:
    kiosk.navigator.go("home")
    QApplication.processEvents()  # the header was hidden on the attract screen: laid out as it shows
    shot = kiosk.window.header.title.grab().toImage()
    twin = render(kiosk.window.header.title.text()[:2], kiosk.window.header.title.font())
    assert ink(twin) > 40
    assert shot.width() > 200
