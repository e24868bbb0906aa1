"""Buttons in as many columns as fit, in rows: a strip that wraps where a row would cut its texts
(portrait, 长辈模式's large text, longer English words)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget


def columns_that_fit(widgets: Sequence[QWidget], room: int, spacing: int, *, even: bool = False) -> int:
    """The most columns whose widest widgets, side by side, fit in ``room`` pixels (at least one); with
    ``even``, only a number of columns that fills every row (4 → 4, 2 or 1)."""
    shown = [w for w in widgets if not w.isHidden()]
    widths = [max(w.sizeHint().width(), w.minimumSizeHint().width()) for w in shown]
    for columns in range(len(shown), 1, -1):
        if even and len(shown) % columns:
            continue
        column_widths = [max(widths[i::columns]) for i in range(columns)]
        if sum(column_widths) + spacing * (columns - 1) <= room:
            return columns
    return 1


def arrange(grid: QGridLayout, widgets: Sequence[QWidget], columns: int, *, first_column: int = 0) -> None:
    """Put ``widgets`` into ``grid`` row by row, ``columns`` to a row from ``first_column``: the shown ones
    first, without gaps; the hidden ones after them (in the layout, should they be shown later)."""
    columns = max(columns, 1)
    for widget in widgets:
        grid.removeWidget(widget)
    ordered = [w for w in widgets if not w.isHidden()] + [w for w in widgets if w.isHidden()]
    for index, widget in enumerate(ordered):
        grid.addWidget(widget, index // columns, first_column + index % columns)
