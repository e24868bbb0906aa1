"""A service flow drawn as a picture: numbered step boxes joined by arrows, in a snake of rows.

Row 1 runs left to right, the arrow at its end turns down, row 2 runs right to left, and so on, so a
visitor can follow the path with a finger. Each box shows the step in bold, the responsible post
and the time. The widget has a height for every width (``heightForWidth``), so inside a
:class:`~kiosk.widgets.common.ScrollPage` a flow of 40 steps simply grows taller and scrolls.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import PALETTE, TEXT


@dataclass(frozen=True)
class ChartStep:
    """One box of the chart: what happens, who does it, how long it takes."""

    title: str
    post: str = ""
    time: str = ""


@dataclass(frozen=True)
class _Box:
    rect: QRect
    title: QRect
    post: QRect
    time: QRect


@dataclass(frozen=True)
class _Layout:
    width: int
    height: int
    columns: int
    boxes: tuple[_Box, ...]


class FlowChart(QWidget):
    """Paints the steps; set them with :meth:`set_steps`."""

    #: space around the chart and between boxes (the gaps hold the arrows)
    MARGIN = 6
    H_GAP = 64
    V_GAP = 64
    PAD = 20
    CIRCLE = 52

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FlowChart")
        self._steps: tuple[ChartStep, ...] = ()
        self._layout: _Layout | None = None
        self._post_prefix = self.tr("岗位：")
        self._time_prefix = self.tr("时限：")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # a drag on the chart scrolls the page it sits in; the chart itself takes no taps
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    # -- content ------------------------------------------------------------------------------------
    def set_steps(self, steps: Sequence[ChartStep]) -> None:
        self._steps = tuple(steps)
        self._layout = None
        self.updateGeometry()
        self.update()

    def steps(self) -> tuple[ChartStep, ...]:
        return self._steps

    def box_rects(self) -> list[QRect]:
        """Where each step's box is drawn at the current width (for tests and accessibility)."""
        return [QRect(b.rect) for b in self._layout_for(self.width()).boxes]

    def columns(self) -> int:
        return self._layout_for(self.width()).columns

    # -- fonts ----------------------------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(TEXT["large"] - 4)
        font.setBold(True)
        return font

    def _detail_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(TEXT["small"])
        font.setBold(False)
        return font

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(TEXT["small"] + 2)
        font.setBold(True)
        return font

    def changeEvent(self, event: object) -> None:  # font changes from the stylesheet
        self._layout = None
        super().changeEvent(event)  # type: ignore[arg-type]

    # -- geometry -------------------------------------------------------------------------------------
    @staticmethod
    def columns_for(width: int) -> int:
        """4 boxes a row on a landscape screen, 3 in portrait, fewer on narrow widgets."""
        if width >= 1400:
            return 4
        if width >= 800:
            return 3
        if width >= 500:
            return 2
        return 1

    def _layout_for(self, width: int) -> _Layout:
        width = max(width, 200)
        if self._layout is not None and self._layout.width == width:
            return self._layout
        columns = min(self.columns_for(width), max(len(self._steps), 1))
        columns_space = self.columns_for(width)
        box_width = (width - 2 * self.MARGIN - (columns_space - 1) * self.H_GAP) // columns_space
        text_width = box_width - 2 * self.PAD
        head_width = text_width - self.CIRCLE - 14
        title_metrics = QFontMetrics(self._title_font())
        detail_metrics = QFontMetrics(self._detail_font())
        flags = int(Qt.TextFlag.TextWordWrap)

        def measure(metrics: QFontMetrics, text: str, w: int) -> int:
            if not text:
                return 0
            return metrics.boundingRect(QRect(0, 0, max(w, 40), 100000), flags, text).height()

        measured: list[tuple[int, int, int]] = []
        for step in self._steps:
            title_h = max(measure(title_metrics, step.title, head_width), self.CIRCLE)
            post_h = measure(detail_metrics, self._post_prefix + step.post, text_width) if step.post else 0
            time_h = measure(detail_metrics, self._time_prefix + step.time, text_width) if step.time else 0
            measured.append((title_h, post_h, time_h))

        used = columns * box_width + (columns - 1) * self.H_GAP
        offset = self.MARGIN + max(0, (width - 2 * self.MARGIN - used) // 2)
        boxes: list[_Box] = []
        y = self.MARGIN
        for row_start in range(0, len(self._steps), columns):
            row = measured[row_start:row_start + columns]
            heights = [t + (10 + p if p else 0) + (6 + s if s else 0) for t, p, s in row]
            box_height = max(heights) + 2 * self.PAD
            row_index = row_start // columns
            for k, (title_h, post_h, time_h) in enumerate(row):
                column = k if row_index % 2 == 0 else columns - 1 - k
                x = offset + column * (box_width + self.H_GAP)
                rect = QRect(x, y, box_width, box_height)
                top = y + self.PAD
                left = x + self.PAD
                title = QRect(left + self.CIRCLE + 14, top, head_width, title_h)
                cursor = top + title_h
                post = QRect(left, cursor + 10, text_width, post_h) if post_h else QRect()
                if post_h:
                    cursor += 10 + post_h
                time = QRect(left, cursor + 6, text_width, time_h) if time_h else QRect()
                boxes.append(_Box(rect, title, post, time))
            y += box_height + self.V_GAP
        height = (y - self.V_GAP + self.MARGIN) if boxes else 0
        self._layout = _Layout(width, height, columns, tuple(boxes))
        return self._layout

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout_for(width).height

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 200 else 1200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # the height comes from heightForWidth; a minimum computed for some other width would
        # leave a gap under the chart (or, narrow, a very tall one)
        return QSize(200, 0)

    def resizeEvent(self, event: object) -> None:
        self._layout = None
        super().resizeEvent(event)  # type: ignore[arg-type]

    # -- painting -------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self._layout_for(self.width())
        if not layout.boxes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        clip = event.rect()
        blue = QColor(PALETTE["blue"])
        blue_dark = QColor(PALETTE["blue_dark"])
        ink = QColor(PALETTE["ink"])
        surface = QColor(PALETTE["surface"])
        soft = QColor(PALETTE["blue_soft"])

        # arrows first, so the boxes sit on top of their ends
        arrow_pen = QPen(blue_dark, 4)
        arrow_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        boxes = layout.boxes
        for current, following in pairwise(boxes):
            a, b = current.rect, following.rect
            if a.top() == b.top():  # same row: across
                y = a.center().y()
                if b.left() > a.right():
                    start, end = QPointF(a.right() + 6, y), QPointF(b.left() - 6, y)
                else:
                    start, end = QPointF(a.left() - 6, y), QPointF(b.right() + 6, y)
            else:  # end of a row: down into the next row
                x = a.center().x()
                start, end = QPointF(x, a.bottom() + 6), QPointF(x, b.top() - 6)
            if not clip.intersects(QRectF(start, end).normalized().adjusted(-20, -20, 20, 20).toAlignedRect()):
                continue
            self._arrow(painter, start, end, arrow_pen)

        title_font, detail_font, number_font = self._title_font(), self._detail_font(), self._number_font()
        last = len(boxes) - 1
        for index, box in enumerate(boxes):
            if not clip.intersects(box.rect):
                continue
            step = self._steps[index]
            rect = QRectF(box.rect).adjusted(1.5, 1.5, -1.5, -1.5)
            edge = index in (0, last)
            painter.setPen(QPen(blue, 3))
            painter.setBrush(soft if edge else surface)
            painter.drawRoundedRect(rect, 16, 16)
            # the number in a filled circle
            circle = QRectF(box.rect.left() + self.PAD, box.rect.top() + self.PAD, self.CIRCLE, self.CIRCLE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blue)
            painter.drawEllipse(circle)
            painter.setPen(QColor("white"))
            painter.setFont(number_font)
            painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, str(index + 1))
            # the texts
            painter.setPen(ink)
            painter.setFont(title_font)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(box.title, int(align), step.title)
            painter.setFont(detail_font)
            top_wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
            if step.post:
                painter.setPen(ink)
                painter.drawText(box.post, top_wrap, self._post_prefix + step.post)
            if step.time:
                painter.setPen(blue_dark)
                painter.drawText(box.time, top_wrap, self._time_prefix + step.time)
        painter.end()

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF, pen: QPen) -> None:
        direction = end - start
        length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5
        if length < 1:
            return
        ux, uy = direction.x() / length, direction.y() / length
        head = min(22.0, length * 0.6)
        base = QPointF(end.x() - ux * head, end.y() - uy * head)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(start)
        path.lineTo(base)
        painter.drawPath(path)
        half = head * 0.6
        left = QPointF(base.x() - uy * half, base.y() + ux * half)
        right = QPointF(base.x() + uy * half, base.y() - ux * half)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        painter.drawPolygon(QPolygonF([end, left, right]))
