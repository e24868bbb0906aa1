"""Pieces shared by the printed documents: paragraph styles, a vector QR code, a tick box and a
canvas that writes "第 X 页 / 共 Y 页" once the number of pages is known."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.printing.qr import qr_matrix

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
BLUE = colors.HexColor("#1f4e8c")
BLUE_SOFT = colors.HexColor("#e6eef8")
LINE = colors.HexColor("#8a8a8a")
ACCENT = colors.HexColor("#a34a00")


def esc(text: str) -> str:
    """Text for a Paragraph: markup escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def make_styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=14, textColor=INK, wordWrap="CJK")
    return {
        "base": base,
        "doc": ParagraphStyle("doc", parent=base, fontSize=11, leading=15, textColor=BLUE),
        "title": ParagraphStyle("title", parent=base, fontSize=19, leading=25, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9, leading=13, textColor=MUTED),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceBefore=9, spaceAfter=4,
                             textColor=BLUE, keepWithNext=1),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "cellhead": ParagraphStyle("cellhead", parent=base, fontSize=8.5, leading=11, textColor=colors.white,
                                   alignment=1),
        "label": ParagraphStyle("label", parent=base, fontSize=9, leading=13, textColor=MUTED),
        "qr": ParagraphStyle("qr", parent=base, fontSize=7.5, leading=9.5, alignment=1),
        "band": ParagraphStyle("band", parent=base, fontSize=9.5, leading=14, textColor=BLUE),
    }


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares (sharp on any printer), ``size`` points wide with its quiet zone."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.matrix = qr_matrix(text, border=4)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, 0, 0, self.size)


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw ``matrix`` with its lower left corner at (x, y); dark runs of a row are one rectangle."""
    n = len(matrix)
    module = size / n
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (r + 1) * module
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                # a hair wider than the module: no white seams between touching squares
                path.rect(x + start * module, top - 0.05, (c - start) * module + 0.05, module + 0.1)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square for the visitor's tick."""

    def __init__(self, side: float = 9) -> None:
        super().__init__()
        self.side = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        self.canv.setLineWidth(0.8)
        self.canv.setStrokeColor(INK)
        self.canv.rect(0, 0, self.side, self.side, stroke=1, fill=0)


Decorate = Callable[[Canvas, int, int], None]


def numbered_canvas(decorate: Decorate) -> type[Canvas]:
    """A canvas class for ``doc.build(canvasmaker=...)`` that holds every page back until the end, then
    calls ``decorate(canvas, page, pages)`` on each (headers and footers that know the page count)."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


@dataclass(frozen=True)
class Run:
    """A piece of text that starts on a new line, in one size and colour."""

    text: str
    size: float = 9.5
    color: colors.Color = INK
    leading: float = 0.0  # 0: 1.45 × size


_TOKEN = re.compile(r"[A-Za-z0-9@#%&+\-_.,:;/?=~'\"()\[\]]+|\s|.", re.DOTALL)
#: never at the start of a line (they stay on the line before, slightly past the edge)
_NO_START = set("，。、；：？！）》」』”’,.;:?!)]%…")


class TextBlock(Flowable):  # type: ignore[misc]
    """Plain text in the CJK font, wrapped by character widths: a fast stand-in for a Paragraph.

    Platypus paragraphs split CJK text into one fragment per character and wrap every table cell twice;
    a guide has hundreds of them (thousands for a big item), so this block wraps once per width, keeps
    Latin words and addresses whole, keeps closing punctuation off a line's start, and splits between
    lines at a page end.
    """

    def __init__(self, runs: Sequence[Run], font: str, indent: float = 0.0, space_before: float = 0.0) -> None:
        super().__init__()
        self.runs = list(runs)
        self.font = font
        self.indent = indent
        self.spaceBefore = space_before
        self._width = -1.0
        self._lines: list[tuple[str, Run]] = []
        self._from_split: list[tuple[str, Run]] | None = None

    def _leading(self, run: Run) -> float:
        return run.leading or run.size * 1.45

    def _layout(self, width: float) -> None:
        if self._from_split is not None:
            self._lines = self._from_split
            return
        if width == self._width:
            return
        self._width = width
        self._lines = []
        for run in self.runs:
            for paragraph in run.text.split("\n"):
                self._lines += [(line, run) for line in break_lines(paragraph, self.font, run.size,
                                                                    width - self.indent)]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._layout(avail_width)
        self.width = avail_width
        self.height = sum(self._leading(run) for _, run in self._lines)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._layout(avail_width)
        used, cut = 0.0, 0
        for _, run in self._lines:
            if used + self._leading(run) > avail_height:
                break
            used += self._leading(run)
            cut += 1
        if cut == 0 or cut == len(self._lines):
            return []
        first = TextBlock(self.runs, self.font, self.indent, self.spaceBefore)
        first._from_split = self._lines[:cut]
        rest = TextBlock(self.runs, self.font, self.indent)
        rest._from_split = self._lines[cut:]
        return [first, rest]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for text, run in self._lines:
            leading = self._leading(run)
            y -= leading
            canvas.setFont(self.font, run.size)
            canvas.setFillColor(run.color)
            # the baseline sits a fifth of the line gap above the line's bottom (like Paragraph)
            canvas.drawString(self.indent, y + (leading - run.size) / 2 + run.size * 0.12, text)


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking: CJK characters anywhere, Latin words and numbers kept whole when they fit."""
    if not text.strip():
        return [""] if text == "" else []
    measure = _widths(font)
    scale = size / 1000.0
    lines: list[str] = []
    line, line_w = "", 0.0
    for token in _TOKEN.findall(text):
        token_w = sum(measure(ch) for ch in token) * scale
        if line_w + token_w <= width or not line or (token[0] in _NO_START and len(token) == 1):
            line += token
            line_w += token_w
            continue
        if token.isspace():
            lines.append(line.rstrip())
            line, line_w = "", 0.0
            continue
        if token_w > width:  # a URL longer than the line: break it by characters
            for ch in token:
                ch_w = measure(ch) * scale
                if line_w + ch_w > width and line:
                    lines.append(line.rstrip())
                    line, line_w = "", 0.0
                line += ch
                line_w += ch_w
            continue
        lines.append(line.rstrip())
        line, line_w = token, token_w
    if line.strip():
        lines.append(line.rstrip())
    return lines


_WIDTH_CACHE: dict[str, Callable[[str], float]] = {}


def _widths(font: str) -> Callable[[str], float]:
    """Character widths (in 1/1000 em) of a registered TrueType font, looked up once per character."""
    measure = _WIDTH_CACHE.get(font)
    if measure is None:
        face = pdfmetrics.getFont(font).face
        table: dict[int, float] = dict(face.charWidths)
        default = float(face.defaultWidth)

        def measure(ch: str) -> float:
            return table.get(ord(ch), default)

        _WIDTH_CACHE[font] = measure
    return measure
