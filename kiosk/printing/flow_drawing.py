"""The service flow as a printed diagram: numbered boxes joined by arrows, in a snake of rows.

As on the screen (:mod:`kiosk.widgets.flow_chart`), row 1 runs left to right, the arrow at its end
turns down, row 2 runs right to left, and so on. Each row is its own drawing, so a long flow breaks
between rows at a page end instead of being shrunk or cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from kiosk.printing.pdf_parts import BLUE, BLUE_SOFT, INK, MUTED

COLUMNS = 4
H_GAP = 9 * mm
V_GAP = 8 * mm
BOX_H = 27 * mm
PAD = 2.2 * mm
TITLE_SIZE = 9.5
FACT_SIZE = 7.5


@dataclass(frozen=True)
class FlowBox:
    title: str
    post: str = ""
    time: str = ""


def wrap_text(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (CJK breaks anywhere); "…" ends a cut text."""
    lines: list[str] = []
    current = ""
    for ch in text.replace("\n", " "):
        if stringWidth(current + ch, font, size) > width and current:
            lines.append(current)
            current = ch.lstrip()
        else:
            current += ch
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return lines


def _arrow(drawing: Drawing, x1: float, y1: float, x2: float, y2: float) -> None:
    drawing.add(Line(x1, y1, x2, y2, strokeColor=BLUE, strokeWidth=1.4))
    head = 2.2 * mm
    if x1 == x2:  # downwards
        points = [x2, y2, x2 - head / 2, y2 + head, x2 + head / 2, y2 + head]
    elif x2 > x1:
        points = [x2, y2, x2 - head, y2 + head / 2, x2 - head, y2 - head / 2]
    else:
        points = [x2, y2, x2 + head, y2 + head / 2, x2 + head, y2 - head / 2]
    drawing.add(Polygon(points, fillColor=BLUE, strokeColor=BLUE, strokeWidth=0.5))


def flow_rows(steps: Sequence[FlowBox], width: float, font: str) -> list[Drawing]:
    """One drawing per row of boxes, ``width`` points wide."""
    columns = max(1, min(COLUMNS, len(steps)))
    box_w = (width - (COLUMNS - 1) * H_GAP) / COLUMNS
    inner = box_w - 2 * PAD
    rows = [steps[i:i + columns] for i in range(0, len(steps), columns)]
    drawings: list[Drawing] = []
    for r, row in enumerate(rows):
        last_row = r == len(rows) - 1
        height = BOX_H + (0 if last_row else V_GAP)
        drawing = Drawing(width, height, initialFontName=font, initialFontSize=FACT_SIZE)
        leftwards = r % 2 == 1
        for c, step in enumerate(row):
            number = r * columns + c + 1
            column = COLUMNS - 1 - c if leftwards and columns == COLUMNS else c
            x = column * (box_w + H_GAP)
            y = height - BOX_H
            drawing.add(Rect(x, y, box_w, BOX_H, rx=2 * mm, ry=2 * mm, fillColor=BLUE_SOFT, strokeColor=BLUE,
                             strokeWidth=1))
            # the step number in a circle, then the step's name
            cy = y + BOX_H - PAD - 3.2 * mm
            drawing.add(Circle(x + PAD + 3.2 * mm, cy, 3.2 * mm, fillColor=BLUE, strokeColor=BLUE))
            drawing.add(String(x + PAD + 3.2 * mm, cy - 3, str(number), fontName=font, fontSize=8.5,
                               fillColor=colors.white, textAnchor="middle"))
            title_x = x + PAD + 7.6 * mm
            title = wrap_text(step.title, font, TITLE_SIZE, box_w - PAD - 7.6 * mm - PAD, 2)
            ty = cy - 3.3
            for line in title:
                drawing.add(String(title_x, ty, line, fontName=font, fontSize=TITLE_SIZE, fillColor=INK))
                ty -= TITLE_SIZE + 2
            fy = min(ty, cy - 3.3 - TITLE_SIZE - 2) - 1.5
            facts: list[tuple[str, colors.Color]] = []
            if step.post:
                facts += [(line, MUTED) for line in wrap_text("岗位：" + step.post, font, FACT_SIZE, inner, 2)]
            if step.time:
                facts += [(line, BLUE) for line in wrap_text("时限：" + step.time, font, FACT_SIZE, inner, 2)]
            room = int((fy - y - PAD + FACT_SIZE) // (FACT_SIZE + 2))
            for line, colour in facts[:max(room, 0)]:
                drawing.add(String(x + PAD, fy, line, fontName=font, fontSize=FACT_SIZE, fillColor=colour))
                fy -= FACT_SIZE + 2
            # an arrow to the next box in this row
            if c < len(row) - 1:
                mid = y + BOX_H / 2
                if leftwards:
                    _arrow(drawing, x - 0.5, mid, x - H_GAP + 0.8, mid)
                else:
                    _arrow(drawing, x + box_w + 0.5, mid, x + box_w + H_GAP - 0.8, mid)
            elif not last_row:  # the row's end turns down to the next row
                centre = x + box_w / 2
                _arrow(drawing, centre, y - 0.5, centre, 0.8)
        drawings.append(drawing)
    return drawings
