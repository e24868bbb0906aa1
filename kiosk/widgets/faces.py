"""The five rating faces (好差评 levels 1–5), painted, each with its word under it.

Each level has its own face, not only its own colour: 非常满意 laughs with closed eyes and an open
mouth, 满意 smiles, 基本满意 has a straight mouth, 不满意 frowns, 非常不满意 frowns deeply under
slanted brows. The word is always printed below the face, so neither colour nor shape alone carries
the meaning. :func:`paint_face` draws a face anywhere (the results screen's legend uses it).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.i18n import visitor_text
from kiosk.ui import PALETTE, TEXT

#: the fill of each level's face; the features are white (contrast ≥ 3:1 on every fill)
LEVEL_COLOURS: dict[int, str] = {
    1: "#1E7B34",
    2: "#4C8A2A",
    3: "#9A7400",
    4: "#C4550E",
    5: "#B3261E",
}
#: the lighter tint behind a chosen face and in the bar chart's legend
LEVEL_TINTS: dict[int, str] = {
    1: "#E2F1E5",
    2: "#E9F2E2",
    3: "#F6EED8",
    4: "#FBE6D8",
    5: "#F8E0DE",
}


def paint_face(painter: QPainter, rect: QRectF, level: int) -> None:
    """Paint the face for ``level`` (1–5) into the largest circle that fits ``rect``."""
    size = min(rect.width(), rect.height())
    if size <= 4:
        return
    centre = rect.center()
    r = size / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LEVEL_COLOURS.get(level, PALETTE["muted"])))
    painter.drawEllipse(centre, r, r)

    white = QColor("white")
    stroke = max(2.0, size * 0.07)
    pen = QPen(white, stroke)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    cx, cy = centre.x(), centre.y()
    eye_dx, eye_y = r * 0.36, cy - r * 0.22
    eye_r = r * 0.11

    # eyes: closed, laughing arcs for level 1; dots for the others
    if level == 1:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for side in (-1, 1):
            path = QPainterPath()
            x = cx + side * eye_dx
            path.moveTo(x - eye_r * 1.5, eye_y + eye_r * 0.6)
            path.quadTo(x, eye_y - eye_r * 1.8, x + eye_r * 1.5, eye_y + eye_r * 0.6)
            painter.drawPath(path)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(white)
        for side in (-1, 1):
            painter.drawEllipse(QPointF(cx + side * eye_dx, eye_y), eye_r, eye_r)

    # brows for the deepest frown: inner ends raised (sad) so the face reads as unhappy, not angry
    if level == 5:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for side in (-1, 1):
            inner = QPointF(cx + side * eye_dx * 0.45, eye_y - r * 0.33)
            outer = QPointF(cx + side * eye_dx * 1.45, eye_y - r * 0.18)
            painter.drawLine(inner, outer)

    # mouth
    mouth_w = r * 0.95
    left, right = cx - mouth_w / 2, cx + mouth_w / 2
    mouth_y = cy + r * 0.32
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    if level == 1:  # open laugh: a filled half-moon
        top = cy + r * 0.14
        path.moveTo(left - r * 0.08, top)
        path.lineTo(right + r * 0.08, top)
        path.cubicTo(right, top + r * 0.62, left, top + r * 0.62, left - r * 0.08, top)
        path.closeSubpath()
        painter.setBrush(white)
    elif level == 2:  # smile
        path.moveTo(left, mouth_y - r * 0.10)
        path.quadTo(cx, mouth_y + r * 0.42, right, mouth_y - r * 0.10)
    elif level == 3:  # straight, a hint of a smile at the ends
        path.moveTo(left + r * 0.08, mouth_y + r * 0.04)
        path.lineTo(right - r * 0.08, mouth_y + r * 0.04)
    elif level == 4:  # frown
        path.moveTo(left, mouth_y + r * 0.22)
        path.quadTo(cx, mouth_y - r * 0.22, right, mouth_y + r * 0.22)
    else:  # deep frown
        path.moveTo(left - r * 0.04, mouth_y + r * 0.34)
        path.quadTo(cx, mouth_y - r * 0.40, right + r * 0.04, mouth_y + r * 0.34)
    painter.drawPath(path)
    painter.restore()


class FaceButton(QPushButton):
    """One level as a large button: the face and the word under it (``text()`` is the word)."""

    def __init__(self, level: int, word: str, parent: QWidget | None = None) -> None:
        super().__init__(word, parent)
        self.setObjectName("FaceButton")
        self.level = level
        self.word = word
        self.setAccessibleName(word)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(150, 220)

    def sizeHint(self) -> QSize:
        return QSize(300, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(150, 220)

    def wide(self) -> bool:
        """A wide button (the portrait layout's rows) puts the face left and the word beside it."""
        return self.width() >= 1.8 * self.height()

    def face_rect(self) -> QRectF:
        """Where the face is drawn (above the word, or left of it on a wide button)."""
        pad = max(12.0, min(self.width(), self.height()) * 0.08)
        if self.wide():
            size = max(0.0, min(self.height() - 2 * pad, 260.0))
            return QRectF(pad * 2, (self.height() - size) / 2, size, size)
        word_h = self._word_height()
        space = QRectF(pad, pad, self.width() - 2 * pad, self.height() - 2 * pad - word_h - 8)
        size = max(0.0, min(space.width(), space.height(), 260.0))
        return QRectF(space.center().x() - size / 2, space.center().y() - size / 2, size, size)

    def word_rect(self) -> QRectF:
        if self.wide():
            face = self.face_rect()
            left = face.right() + 40
            return QRectF(left, 0, self.width() - left - 16, self.height())
        word_h = self._word_height()
        return QRectF(8, self.height() - word_h - max(12.0, self.width() * 0.06), self.width() - 16, word_h)

    def _word_font(self) -> QFont:
        font = QFont(self.font())
        if self.width() >= 1.8 * self.height():
            font.setPixelSize(TEXT["title"])
        else:
            font.setPixelSize(TEXT["heading"] if self.width() >= 230 else TEXT["large"])
        font.setBold(True)
        return font

    def _word_height(self) -> int:
        """One line, or as many as the word needs at this width (English words may wrap)."""
        font = self._word_font()
        wrapped = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, self.width() - 16), 10_000),
                                                  int(Qt.TextFlag.TextWordWrap), self.word).height()
        return max(int(font.pixelSize() * 1.5), wrapped) + 8

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        down = self.isDown() or self.isChecked()
        card = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        painter.setPen(QPen(QColor(PALETTE["accent"] if down else PALETTE["line"]), 4 if down else 3))
        painter.setBrush(QColor(LEVEL_TINTS[self.level] if down else PALETTE["surface"]))
        painter.drawRoundedRect(card, 24, 24)
        paint_face(painter, self.face_rect(), self.level)
        painter.setFont(self._word_font())
        painter.setPen(QColor(PALETTE["ink"]))
        align = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) if self.wide() \
            else Qt.AlignmentFlag.AlignCenter
        painter.drawText(self.word_rect(), int(align | Qt.TextFlag.TextWordWrap), self.word)
        painter.end()


class FaceRow(QWidget):
    """The five faces side by side; ``chosen(level)`` on a tap."""

    chosen = Signal(int)

    def __init__(self, levels: tuple[tuple[int, str], ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FaceRow")
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(20)
        self.row = row
        self.buttons: dict[int, FaceButton] = {}
        for level, word in levels:
            button = FaceButton(level, visitor_text(word))  # the stored word, in the UI language
            button.clicked.connect(lambda _=False, lv=level: self.chosen.emit(lv))
            row.addWidget(button, 1)
            self.buttons[level] = button

    def set_vertical(self, vertical: bool) -> None:
        """Faces side by side (landscape) or one under the other as wide rows (portrait)."""
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight)
