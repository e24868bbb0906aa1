"""A wrapped plain-text label with a wider line pitch (长辈模式: line spacing ≥ 1.3).

Qt stylesheets have no ``line-height`` and a QLabel lays wrapped plain text out at the font's own
line spacing (1.17 font sizes for WenQuanYi Zen Hei). This label lays its text out with a
QTextLayout and places the lines ``pitch`` pixels apart (``spacing`` × the font's pixel size, half
of the extra space above and half below each line), and answers Qt's size questions the way a
QLabel does (same golden-width size hint, same height-for-width), only with the wider pitch.

``text()`` is the plain text, as for a QLabel. Rich text, unwrapped labels, and a spacing at or
below the font's own fall back to QLabel's painting.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QWidget

_VERTICAL = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignVCenter


class SpacedLabel(QLabel):
    def __init__(self, text: str = "", spacing: float = 1.35, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.spacing = spacing
        self._heights: dict[tuple[int, tuple[int, int]], int] = {}
        self._hint: tuple[tuple[int, int, int], QSize] | None = None

    # -- what is different from a QLabel --------------------------------------------------------------
    def _active(self) -> bool:
        return (self.wordWrap() and self.textFormat() != Qt.TextFormat.RichText
                and self.pitch() > QFontMetricsF(self.font()).lineSpacing())

    def pitch(self) -> float:
        """Distance between two baselines, in pixels."""
        size = self.font().pixelSize()
        if size <= 0:
            size = QFontInfo(self.font()).pixelSize()
        return self.spacing * size

    def _layout(self, width: float) -> tuple[QTextLayout, int]:
        """The text laid out in lines of ``width``; and the number of lines."""
        layout = QTextLayout(self.text(), self.font())
        option = QTextOption(self.alignment() & ~_VERTICAL)
        # a word longer than the line (a long English word in large text) breaks rather than being cut
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        pitch = self.pitch()
        layout.beginLayout()
        count = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            line.setPosition(QPointF(0, count * pitch))
            count += 1
        layout.endLayout()
        return layout, count

    def _height(self, layout: QTextLayout, count: int) -> float:
        """The pitch between lines; the last line as tall as the font makes it."""
        return (count - 1) * self.pitch() + layout.lineAt(count - 1).height() if count else 0.0

    def _text_size(self, width: float) -> QSize:
        layout, count = self._layout(width)
        widest = max((layout.lineAt(i).naturalTextWidth() for i in range(count)), default=0.0)
        return QSize(math.ceil(widest), math.ceil(self._height(layout, count)))

    def _indent(self) -> int:
        """QLabel's indent: as set, or half an "x" inside a frame (a stylesheet border or padding)."""
        if self.indent() >= 0:
            return self.indent()
        if self.frameWidth():
            return self.fontMetrics().horizontalAdvance("x") // 2 - self.margin()
        return 0

    def _extra(self) -> tuple[int, int]:
        margins = self.contentsMargins()
        indent = max(self._indent(), 0)
        align = self.alignment()
        horizontal = indent if align & (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight) else 0
        vertical = indent if align & (Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom) else 0
        return (margins.left() + margins.right() + 2 * self.margin() + horizontal,
                margins.top() + margins.bottom() + 2 * self.margin() + vertical)

    def _text_rect(self) -> QRect:
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        indent = self._indent()
        if indent > 0:
            align = self.alignment()
            if align & Qt.AlignmentFlag.AlignLeft:
                rect.setLeft(rect.left() + indent)
            if align & Qt.AlignmentFlag.AlignRight:
                rect.setRight(rect.right() - indent)
            if align & Qt.AlignmentFlag.AlignTop:
                rect.setTop(rect.top() + indent)
            if align & Qt.AlignmentFlag.AlignBottom:
                rect.setBottom(rect.bottom() - indent)
        return rect

    def setText(self, text: str) -> None:
        self._forget()
        super().setText(text)

    def _forget(self) -> None:
        self._heights.clear()
        self._hint = None

    def heightForWidth(self, width: int) -> int:
        if not self._active():
            return super().heightForWidth(width)
        extra_w, extra_h = extra = self._extra()  # (stylesheet padding may arrive after the text)
        height = self._heights.get((width, extra))
        if height is None:
            height = (self._text_size(max(width - extra_w, 1)).height() if self.text() else 0) + extra_h
            self._heights[(width, extra)] = height
        return height

    def sizeHint(self) -> QSize:
        if not self._active():
            return super().sizeHint()
        key = (*self._extra(), self.maximumWidth())
        if self._hint is None or self._hint[0] != key:
            self._hint = (key, self._size_hint())
        return QSize(self._hint[1])

    def _size_hint(self) -> QSize:
        # QLabel's guess: 80 average characters, or half or a quarter of that for short texts
        metrics = QFontMetricsF(self.font())
        extra_w, extra_h = self._extra()
        width = min(metrics.averageCharWidth() * 80, self.maximumWidth()) - extra_w
        lines = self._layout(width)[1]
        size = self._text_size(width)
        if lines < 4 and size.width() > width / 2:
            lines = self._layout(width / 2)[1]
            size = self._text_size(width / 2)
            if lines < 2 and size.width() > width / 4:
                size = self._text_size(width / 4)
        return QSize(size.width() + extra_w, size.height() + extra_h)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self._active():
            return hint
        extra_w, extra_h = self._extra()
        one_line = QFontMetricsF(self.font()).height()
        # a word longer than the room breaks (see _layout): a few characters are the least it needs, not
        # its longest word (a long English word in large text would widen the page beyond the screen)
        least = min(hint.width(), 4 * self.font().pixelSize() + extra_w)
        return QSize(least, min(self.sizeHint().height(), math.ceil(one_line) + extra_h))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._active():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self._text_rect()
        layout, count = self._layout(rect.width())
        height = self._height(layout, count)
        top = float(rect.top())
        vertical = self.alignment() & _VERTICAL
        if vertical & Qt.AlignmentFlag.AlignBottom:
            top = rect.bottom() + 1 - height
        elif not vertical & Qt.AlignmentFlag.AlignTop:  # centred (QLabel's default)
            top = rect.top() + (rect.height() - height) / 2
        painter.setPen(self.palette().color(self.foregroundRole()))
        layout.draw(painter, QPointF(rect.left(), top))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        super().changeEvent(event)


def space_lines(document: QTextDocument, spacing: float, font_px: int) -> None:
    """Give every block of a rich text that sets no line height of its own a line pitch of at least
    ``spacing`` × ``font_px`` (taller lines, e.g. a big figure, keep theirs)."""
    if spacing <= 0:
        return
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        if block.blockFormat().lineHeightType() == QTextBlockFormat.LineHeightTypes.SingleHeight.value:
            cursor.setPosition(block.position())
            spaced = QTextBlockFormat()
            spaced.setLineHeight(spacing * font_px, QTextBlockFormat.LineHeightTypes.MinimumHeight.value)
            cursor.mergeBlockFormat(spaced)
        block = block.next()
