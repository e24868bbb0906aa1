"""The admin's touch test: five cross-hair targets (the four corners and the centre) over the whole page.

A finger tap near a target (within :data:`CATCH_MM`) hits it: the target turns green and shows how far
from its centre the finger landed, in millimetres — a touch layer that is offset or badly calibrated
shows up as large offsets, one that misses the corners as targets that never turn green. A tap far
from every target leaves a small mark where it landed. 重新测试 starts again, 完成 closes the test
(``finished`` is emitted; :meth:`summary` says how it went).

The widget lies over its parent (the admin screen, which covers the window: no header or footer), so
its corners are the screen's corners.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kiosk.ui import PALETTE, TEXT, metrics

#: a target's centre from the screen's edges, in millimetres
INSET_MM = 18.0
#: a tap within this distance of a target's centre counts for it
CATCH_MM = 15.0
#: the drawn target: rings of this radius
RING_MM = 8.0


@dataclass
class Target:
    """One cross hair: its name, whether it was hit, and the last hit's offset in mm (dx, dy)."""

    name: str
    hit: bool = False
    offset_mm: tuple[float, float] = (0.0, 0.0)

    @property
    def distance_mm(self) -> float:
        return math.hypot(*self.offset_mm)


class TouchTest(QWidget):
    """Five targets; ``finished`` when the admin taps 完成."""

    finished = Signal()
    #: a target was hit (its index); for the tests and the admin screen's status line
    target_hit = Signal(int)

    NAMES = ("top-left", "top-right", "centre", "bottom-left", "bottom-right")

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("TouchTest")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.targets = [Target(name) for name in self.NAMES]
        #: taps that hit no target, in widget pixels (the last few)
        self.misses: list[QPoint] = []
        self.again_button = QPushButton(self.tr("重新测试"), self)
        self.again_button.setObjectName("TouchTestAgain")
        self.again_button.clicked.connect(self.restart)
        self.done_button = QPushButton(self.tr("完成"), self)
        self.done_button.setObjectName("TouchTestDone")
        self.done_button.setProperty("primary", True)
        self.done_button.clicked.connect(self.finish)
        self._buttons = QWidget(self)
        row = QHBoxLayout(self._buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics().mm(8))
        for button in (self.again_button, self.done_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(metrics().mm(55))
            row.addWidget(button)
        parent.installEventFilter(self)
        self.hide()

    # -- geometry ------------------------------------------------------------------------------------------
    def centres(self) -> list[QPoint]:
        """The targets' centres in this widget's pixels, in the order of :attr:`NAMES`."""
        inset = metrics().mm(INSET_MM)
        w, h = self.width(), self.height()
        return [QPoint(inset, inset), QPoint(w - 1 - inset, inset), QPoint(w // 2, h // 2),
                QPoint(inset, h - 1 - inset), QPoint(w - 1 - inset, h - 1 - inset)]

    @staticmethod
    def _px_to_mm(pixels: float) -> float:
        return pixels * 25.4 / metrics().dpi

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def all_hit(self) -> bool:
        return all(target.hit for target in self.targets)

    @property
    def hits(self) -> int:
        return sum(target.hit for target in self.targets)

    def summary(self) -> str:
        """For the admin action log (plain ASCII): e.g. "5/5 hit, largest offset 1.8 mm, 0 misses"."""
        worst = max((t.distance_mm for t in self.targets if t.hit), default=0.0)
        return f"{self.hits}/{len(self.targets)} hit, largest offset {worst:.1f} mm, {len(self.misses)} misses"

    def start(self) -> None:
        """Over the whole parent, every target waiting."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.restart()
        self.raise_()
        self.show()

    def restart(self) -> None:
        self.targets = [Target(name) for name in self.NAMES]
        self.misses.clear()
        self.update()

    def finish(self) -> None:
        self.hide()
        self.finished.emit()

    # -- events --------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        spot = event.position()
        catch = metrics().mm(CATCH_MM)
        best, best_distance = -1, float("inf")
        for index, centre in enumerate(self.centres()):
            distance = math.hypot(spot.x() - centre.x(), spot.y() - centre.y())
            if distance <= catch and distance < best_distance:
                best, best_distance = index, distance
        if best < 0:
            self.misses = [*self.misses[-9:], spot.toPoint()]
        else:
            centre = self.centres()[best]
            target = self.targets[best]
            target.hit = True
            target.offset_mm = (self._px_to_mm(spot.x() - centre.x()), self._px_to_mm(spot.y() - centre.y()))
            self.target_hit.emit(best)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._buttons.adjustSize()
        size = self._buttons.sizeHint()
        below_centre = self.height() // 2 + metrics().mm(CATCH_MM) + TEXT["small"] * 2 + 16
        self._buttons.setGeometry(QRect(QPoint((self.width() - size.width()) // 2, below_centre), size))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible() and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PALETTE["surface"]))
        self._paint_text(painter)
        ring = metrics().mm(RING_MM)
        for target, centre in zip(self.targets, self.centres(), strict=True):
            self._paint_target(painter, target, QPointF(centre), ring)
        painter.setPen(QPen(QColor(PALETTE["accent"]), 4))
        for spot in self.misses:
            painter.drawLine(spot + QPoint(-10, -10), spot + QPoint(10, 10))
            painter.drawLine(spot + QPoint(-10, 10), spot + QPoint(10, -10))
        painter.end()

    def _text_block(self) -> QRect:
        """Where the title, the instructions and the count go: above the centre target's catch circle."""
        band = min(self.width() - 2 * metrics().mm(INSET_MM + 25), metrics().mm(260))
        height = TEXT["heading"] * 2 + TEXT["body"] * 5 + TEXT["large"] * 2
        bottom = self.height() // 2 - metrics().mm(CATCH_MM) - 16
        return QRect((self.width() - band) // 2, bottom - height, band, height)

    def _paint_text(self, painter: QPainter) -> None:
        block = self._text_block()
        left, top, band = block.left(), block.top(), block.width()
        title = QFont(self.font())
        title.setPixelSize(TEXT["heading"])
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor(PALETTE["ink"]))
        painter.drawText(QRect(left, top, band, TEXT["heading"] * 2), Qt.AlignmentFlag.AlignCenter,
                         self.tr("触摸测试"))
        body = QFont(self.font())
        body.setPixelSize(TEXT["body"])
        painter.setFont(body)
        painter.setPen(QColor(PALETTE["muted"]))
        text = self.tr("请用手指依次点击五个十字的中心。点中的目标变成绿色，并显示手指落点离中心的距离。"
                       "偏差超过 5 毫米说明触摸屏需要校准。")
        top += TEXT["heading"] * 2
        painter.drawText(QRect(left, top, band, TEXT["body"] * 5),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)
        status = QFont(self.font())
        status.setPixelSize(TEXT["large"])
        status.setBold(True)
        painter.setFont(status)
        painter.setPen(QColor(PALETTE["ok"] if self.all_hit else PALETTE["blue"]))
        line = (self.tr("五个目标全部点中") if self.all_hit
                else self.tr("已点中 %1 / 5").replace("%1", str(self.hits)))
        painter.drawText(QRect(left, top + TEXT["body"] * 5, band, TEXT["large"] * 2), Qt.AlignmentFlag.AlignCenter,
                         line)

    def _paint_target(self, painter: QPainter, target: Target, centre: QPointF, ring: int) -> None:
        colour = QColor(PALETTE["ok"] if target.hit else PALETTE["blue"])
        if target.hit:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE["ok"]).lighter(190))
            painter.drawEllipse(centre, ring * 1.6, ring * 1.6)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 4))
        painter.drawEllipse(centre, ring, ring)
        painter.setPen(QPen(colour, 2))
        painter.drawEllipse(centre, ring / 2, ring / 2)
        arm = ring * 1.6
        painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
        painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm))
        if target.hit:  # where the finger landed
            dot = QPointF(centre.x() + target.offset_mm[0] * metrics().dpi / 25.4,
                          centre.y() + target.offset_mm[1] * metrics().dpi / 25.4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE["accent"]))
            painter.drawEllipse(dot, 6, 6)
        # the label: beside a corner target towards the middle, below the centre one
        font = QFont(self.font())
        font.setPixelSize(TEXT["small"])
        font.setBold(target.hit)
        painter.setFont(font)
        painter.setPen(QColor(PALETTE["ok"] if target.hit else PALETTE["muted"]))
        text = (self.tr("偏差 %1 毫米").replace("%1", f"{target.distance_mm:.1f}") if target.hit
                else self.tr("点这里"))
        box_w, box_h = QFontMetrics(font).horizontalAdvance(text) + 8, TEXT["small"] * 2
        x, y = centre.x(), centre.y()
        if target.name == "centre":
            rect = QRectF(x - box_w / 2, y + arm + 4, box_w, box_h)
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        else:
            right = target.name.endswith("right")
            bottom = target.name.startswith("bottom")
            rect = QRectF(x - arm - 8 - box_w if right else x + arm + 8, y - box_h if bottom else y, box_w, box_h)
            align = (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | (
                Qt.AlignmentFlag.AlignBottom if bottom else Qt.AlignmentFlag.AlignTop)
        painter.drawText(rect, align, text)
