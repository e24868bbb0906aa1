"""Bars of the five rating levels, painted large enough to read from two metres.

* :class:`StackedLevelBar`: one bar split into the five levels' shares, left (非常满意) to right
  (非常不满意), each share printed in its segment when there is room for it.
* :class:`LevelColumns`: five columns side by side (a grouped bar chart), each with its share and
  count above and its face and word below.
* :class:`LevelLegend`: the five faces with their words, the key to the stacked bars.

Colour never carries the meaning alone: segments keep a fixed order and the legend repeats it with
faces and words; the two 差评 levels are also hatched, so they stay apart in greyscale. The charts
take no taps: a drag on them scrolls the page they are on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.i18n import visitor_text
from kiosk.ui import PALETTE, TEXT
from kiosk.widgets.faces import LEVEL_COLOURS, paint_face

#: the level words in order (the screens pass visitor_rules.LEVELS; this is only the fallback)
DEFAULT_WORDS = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")
#: levels drawn hatched (差评)
HATCHED = (4, 5)


def shares(counts: Sequence[int]) -> list[float]:
    """Each level's share of the total (0.0 when there are none)."""
    total = sum(counts)
    return [c / total if total else 0.0 for c in counts]


def percent(share: float) -> str:
    """A share as the screens print it: whole percent, one decimal under 10 % (but not 0.0 %)."""
    value = share * 100
    if 0 < value < 9.95:
        return f"{value:.1f}%"
    return f"{value:.0f}%"


def _fill(painter: QPainter, rect: QRectF, level: int, radius: float = 0.0) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(LEVEL_COLOURS[level]))
    if radius:
        painter.drawRoundedRect(rect, radius, radius)
    else:
        painter.drawRect(rect)
    if level in HATCHED:
        hatch = QBrush(QColor(255, 255, 255, 90),
                       Qt.BrushStyle.BDiagPattern if level == 4 else Qt.BrushStyle.DiagCrossPattern)
        painter.setBrush(hatch)
        if radius:
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.drawRect(rect)


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: tuple[int, ...] = (0, 0, 0, 0, 0)
        self.words: tuple[str, ...] = tuple(visitor_text(w) for w in DEFAULT_WORDS)
        self.empty_text = self.tr("暂无评价")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_counts(self, counts: Sequence[int], words: Sequence[str] | None = None) -> None:
        self.counts = tuple(int(c) for c in counts)
        if words is not None:  # the stored (Chinese) level words, shown in the UI language
            self.words = tuple(visitor_text(w) for w in words)
        self.update()

    def shares(self) -> list[float]:
        return shares(self.counts)

    def _font(self, size: int, bold: bool = True) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(size)
        font.setBold(bold)
        return font


class StackedLevelBar(_Chart):
    """One bar of the five levels' shares; the share is printed inside a segment that is wide enough."""

    HEIGHT = 60

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StackedLevelBar")
        self.setMinimumHeight(self.HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(600, self.HEIGHT)

    def segments(self) -> list[tuple[int, QRectF]]:
        """(level, rectangle) of each non-empty segment at the current size."""
        result: list[tuple[int, QRectF]] = []
        x = 0.0
        width = float(self.width())
        for level, share in enumerate(self.shares(), start=1):
            if share <= 0:
                continue
            w = share * width
            result.append((level, QRectF(x, 0, w, self.height())))
            x += w
        return result

    def labels(self) -> list[tuple[int, str]]:
        """The shares printed in the bar (level, text): the ones that fit."""
        metrics = QFontMetrics(self._font(TEXT["body"]))
        return [(level, percent(self.shares()[level - 1])) for level, rect in self.segments()
                if metrics.horizontalAdvance(percent(self.shares()[level - 1])) + 12 <= rect.width()]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        whole = QRectF(self.rect())
        if not sum(self.counts):
            painter.setPen(QPen(QColor(PALETTE["line"]), 2))
            painter.setBrush(QColor(PALETTE["ground"]))
            painter.drawRoundedRect(whole.adjusted(1, 1, -1, -1), 12, 12)
            painter.setFont(self._font(TEXT["body"], bold=False))
            painter.setPen(QColor(PALETTE["muted"]))
            painter.drawText(whole, int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
            painter.end()
            return
        # clip to a rounded bar, then fill the segments side by side with a thin white gap between
        clip = QRectF(whole)
        path_radius = 12.0
        painter.save()
        outline = QPainterPath()
        outline.addRoundedRect(clip, path_radius, path_radius)
        painter.setClipPath(outline)
        fitting = dict(self.labels())
        painter.setFont(self._font(TEXT["body"]))
        for level, rect in self.segments():
            _fill(painter, rect, level)
            painter.setPen(QPen(QColor("white"), 3))
            painter.drawLine(rect.topRight(), rect.bottomRight())
            if level in fitting:
                painter.setPen(QColor("white"))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), fitting[level])
        painter.restore()
        painter.end()


class LevelColumns(_Chart):
    """Five columns, one per level: share and count above, face and word below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LevelColumns")
        self.setMinimumHeight(360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(800, 380)

    def column_rects(self) -> list[QRectF]:
        """The bar of each level (full height = the largest share)."""
        top_text = TEXT["large"] + TEXT["small"] + 16
        face = self._face_size()
        bottom_text = TEXT["body"] + 12
        floor = self.height() - face - bottom_text - 12
        span = max(floor - top_text, 10)
        slot = self.width() / 5
        bar_w = min(slot * 0.62, 150)
        biggest = max(self.shares() or [0.0]) or 1.0
        rects = []
        for index, share in enumerate(self.shares()):
            h = span * share / biggest
            x = slot * index + (slot - bar_w) / 2
            rects.append(QRectF(x, floor - h, bar_w, h))
        return rects

    def _face_size(self) -> int:
        return int(min(56, self.width() / 5 * 0.4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        slot = self.width() / 5
        face = self._face_size()
        floor = self.height() - face - TEXT["body"] - 24
        painter.setPen(QPen(QColor(PALETTE["line"]), 3))
        painter.drawLine(0, int(floor) + 1, self.width(), int(floor) + 1)
        share_font = self._font(TEXT["large"])
        count_font = self._font(TEXT["small"], bold=False)
        word_font = self._font(TEXT["body"] if slot >= 170 else TEXT["small"])
        total = sum(self.counts)
        for index, rect in enumerate(self.column_rects()):
            level = index + 1
            if rect.height() > 0:
                _fill(painter, rect, level, radius=6)
            share_rect = QRectF(slot * index, rect.top() - TEXT["large"] - TEXT["small"] - 14, slot,
                                TEXT["large"] + 6)
            painter.setFont(share_font)
            painter.setPen(QColor(PALETTE["ink"]))
            painter.drawText(share_rect, int(Qt.AlignmentFlag.AlignCenter),
                             percent(self.shares()[index]) if total else "—")
            painter.setFont(count_font)
            painter.setPen(QColor(PALETTE["muted"]))
            painter.drawText(QRectF(slot * index, share_rect.bottom(), slot, TEXT["small"] + 8),
                             int(Qt.AlignmentFlag.AlignCenter), self.tr("%n 次", "", self.counts[index]))
            face_rect = QRectF(slot * index + (slot - face) / 2, floor + 10, face, face)
            paint_face(painter, face_rect, level)
            painter.setFont(word_font)
            painter.setPen(QColor(PALETTE["ink"]))
            painter.drawText(QRectF(slot * index, face_rect.bottom() + 4, slot, TEXT["body"] + 10),
                             int(Qt.AlignmentFlag.AlignCenter), self.words[index] if index < len(self.words) else "")
        painter.end()


class LevelLegend(_Chart):
    """The key to the stacked bars: a swatch with the face, and the word, for each level."""

    ITEM_H = 56

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LevelLegend")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _item_width(self) -> int:
        metrics = QFontMetrics(self._font(TEXT["body"]))
        return max(metrics.horizontalAdvance(w) for w in self.words) + self.ITEM_H + 40

    def _per_row(self, width: int) -> int:
        return max(1, min(5, width // max(self._item_width(), 1)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = -(-5 // self._per_row(width))
        return rows * (self.ITEM_H + 8)

    def sizeHint(self) -> QSize:
        return QSize(self._item_width() * 5, self.ITEM_H + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._item_width(), self.ITEM_H + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        per_row = self._per_row(self.width())
        item_w = self.width() / per_row
        painter.setFont(self._font(TEXT["body"]))
        for index, word in enumerate(self.words[:5]):
            level = index + 1
            x = (index % per_row) * item_w + 4
            y = (index // per_row) * (self.ITEM_H + 8)
            swatch = QRectF(x, y + 4, self.ITEM_H - 8, self.ITEM_H - 8)
            _fill(painter, swatch.adjusted(-4, -4, 4, 4), level, radius=8)
            paint_face(painter, swatch.adjusted(4, 4, -4, -4), level)
            painter.setPen(QColor(PALETTE["ink"]))
            painter.drawText(QRectF(x + self.ITEM_H + 6, y, item_w - self.ITEM_H - 6, self.ITEM_H),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), word)
        painter.end()
