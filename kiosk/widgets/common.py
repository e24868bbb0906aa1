"""Building blocks for touch screens: labels that wrap, finger-scrolled areas, tiles and rows."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk import ui
from kiosk.widgets.spaced_label import SpacedLabel


def text_label(text: str = "", name: str = "", *, wrap: bool = True, selectable: bool = False,
               content: bool = False) -> QLabel:
    """A label that wraps and never lets a visitor select (and drag) its text.

    ``content``: the label shows office content (item names, legal texts, staff…), not a UI string; in
    English it may stay Chinese where the content gives no English (property "content", read by the
    accessibility check).
    """
    # 长辈模式: wrapped text gets a wider line pitch (kiosk/widgets/spaced_label.py)
    label = SpacedLabel(text, ui.line_spacing()) if wrap and ui.line_spacing() else QLabel(text)
    if name:
        label.setObjectName(name)
    if content:
        label.setProperty("content", True)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction if not selectable
                                  else Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    # layouts ask a wrapped text its height for the width it really gets (a longer English text or 长辈模式's
    # larger one takes more lines than the width Qt guesses for a size hint): no line is cut
    policy.setHeightForWidth(wrap)
    label.setSizePolicy(policy)
    return label


def make_kinetic(area: QAbstractScrollArea) -> None:
    """Finger (and mouse) drags scroll the area with momentum; nothing overshoots sideways."""
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootWhenScrollable)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.ScrollingCurve, QEasingCurve.Type.OutCubic)
    scroller.setScrollerProperties(props)


class ScrollPage(QScrollArea):
    """A vertically scrolling page with a column layout, scrolled by finger."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 16, margins: int = 32) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body.setObjectName("ScrollBody")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(margins, margins // 2, margins, margins)
        self.column.setSpacing(spacing)
        self.setWidget(self.body)
        make_kinetic(self)

    def clear(self) -> None:
        clear_layout(self.column)
        self.verticalScrollBar().setValue(0)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        if child is None:
            break
        widget = child.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        else:
            inner = child.layout()
            if inner is not None:
                clear_layout(inner)


class Tile(QPushButton):
    """A large button with a title and an optional line below; it looks tappable and is.

    ``content``: the title is office content (a topic's name…), see :func:`text_label`."""

    def __init__(self, title: str, subtitle: str = "", *, primary: bool = False, height: int = 0,
                 content: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Tile")
        self.setProperty("primary", primary)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 16)
        layout.setSpacing(6)
        self.title_label = text_label(title, "TileTitle", content=content)
        layout.addWidget(self.title_label)
        self.subtitle_label = text_label(subtitle, "TileSub")
        self.subtitle_label.setVisible(bool(subtitle))
        layout.addWidget(self.subtitle_label)
        layout.addStretch(1)
        if height:
            self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def text(self) -> str:  # so tests and screen readers find the tile by its title
        return self.title_label.text()

    # a wrapped title (a long English name, 长辈模式's large text) makes the tile taller: layouts and
    # scrolling pages ask the tile its height for its width
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = max(width - margins.left() - margins.right(), 1)
        height = margins.top() + margins.bottom() + self.title_label.heightForWidth(inner)
        if not self.subtitle_label.isHidden():
            height += layout.spacing() + self.subtitle_label.heightForWidth(inner)
        return max(height, self.minimumHeight())


class LayoutButton(QPushButton):
    """A button whose face is a layout of labels: it is as tall as its wrapped text needs."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        layout = self.layout()
        if layout is not None:
            hint.setHeight(max(hint.height(), layout.sizeHint().height()))
        return hint

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.heightForWidth(width) if layout is not None else super().heightForWidth(width)


class Row(LayoutButton):
    """A full-width list row: a title on the left, a line of detail under it, badges on the right.

    ``content``: the title and the detail show office content (an item's name and department…), see
    :func:`text_label`; badges are UI strings."""

    def __init__(self, title: str, detail: str = "", badges: tuple[str, ...] = (),
                 accent_badges: tuple[str, ...] = (), parent: QWidget | None = None, *, content: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("Row")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(16)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.title_label = text_label(title, "RowTitle", content=content)
        texts.addWidget(self.title_label)
        if detail:
            texts.addWidget(text_label(detail, "RowDetail", content=content))
        outer.addLayout(texts, 1)
        for text, name in [(b, "Badge") for b in badges] + [(b, "BadgeAccent") for b in accent_badges]:
            if text:
                outer.addWidget(text_label(text, name, wrap=False), 0, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def text(self) -> str:
        return self.title_label.text()


def add_section(column: QBoxLayout, title: str) -> QLabel:
    label = text_label(title, "SectionTitle")
    column.addWidget(label)
    return label


def scaled_photo(path: str, size: QSize) -> QPixmap | None:
    """A staff photo scaled to ``size``, or None when there is none or it cannot be read (a broken file
    never takes a page down)."""
    if not path:
        return None
    try:
        pixmap = QPixmap(path)
    except Exception:
        return None
    if pixmap.isNull():
        return None
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
