"""The printer test page the admin prints from the kiosk: is the printer there, does Chinese come out,
is the QR code sharp, and is the page printed at its true size?

One A4 page: the title 打印测试页 (and "PRINT TEST PAGE": Ghostscript in the CUPS chain keeps ASCII
searchable), the kiosk's name, the time and the queue; a line of Chinese sample text in the embedded
font; a QR code; and a ruler with millimetre ticks over a grid of 10 mm squares, so a clerk with a
ruler sees at once whether the driver scales pages ("fit to page") — a printed guide's form boxes and
QR codes depend on it.
"""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.printing.fonts import register_cjk
from kiosk.printing.pdf_parts import BLUE, INK, LINE, MUTED, break_lines, draw_qr
from kiosk.printing.qr import qr_matrix

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
TITLE = "打印测试页"
SAMPLE = "中文样张：政务服务大厅自助终端，一次告知、一窗受理、限时办结。零一二三四五六七八九十，“引号”（括号）、顿号。"
#: the grid: columns × rows of 10 mm squares
GRID_COLUMNS, GRID_ROWS = 16, 10
QR_SIZE = 40 * mm


def qr_text(kiosk_id: str, printed_at: datetime) -> str:
    """What the test page's QR code holds (a phone that reads it shows which kiosk printed when)."""
    return f"lobby-kiosk test page {kiosk_id or '-'} {printed_at:%Y-%m-%d %H:%M:%S}"


def render_test_page(kiosk_id: str, printed_at: datetime, printer: str = "") -> bytes:
    """The test page as PDF bytes (called in the print worker thread)."""
    font = register_cjk()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=font, pageCompression=1)
    canvas.setTitle(f"{TITLE} {kiosk_id}".strip())
    canvas.setCreator("lobby-kiosk")
    top = PAGE_H - MARGIN

    canvas.setFillColor(INK)
    canvas.setFont(font, 24)
    canvas.drawString(MARGIN, top - 6 * mm, TITLE)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 11)
    canvas.drawString(MARGIN + 68 * mm, top - 6 * mm, "PRINT TEST PAGE")
    facts = [("终端", kiosk_id or "（未设置）"), ("打印时间", printed_at.strftime("%Y-%m-%d %H:%M:%S")),
             ("打印机", printer or "—")]
    y = top - 18 * mm
    for label, value in facts:
        canvas.setFont(font, 10)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, y, label)
        canvas.setFont(font, 12)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN + 22 * mm, y, value)
        y -= 7 * mm
    draw_qr(canvas, qr_matrix(qr_text(kiosk_id, printed_at), border=4), PAGE_W - MARGIN - QR_SIZE,
            top - QR_SIZE, QR_SIZE)
    canvas.setFont(font, 8)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(PAGE_W - MARGIN - QR_SIZE / 2, top - QR_SIZE - 4 * mm, "二维码应清晰可扫")

    y = top - 52 * mm
    canvas.setFillColor(BLUE)
    canvas.setFont(font, 12)
    canvas.drawString(MARGIN, y, "中文字样")
    y -= 8 * mm
    canvas.setFillColor(INK)
    for size in (14, 10):
        canvas.setFont(font, size)
        for line in break_lines(SAMPLE, font, size, PAGE_W - 2 * MARGIN):
            canvas.drawString(MARGIN, y, line)
            y -= size * 0.5 * mm
        y -= 3 * mm

    y -= 6 * mm
    canvas.setFillColor(BLUE)
    canvas.setFont(font, 12)
    canvas.drawString(MARGIN, y, "比例尺：每格 10 毫米")
    canvas.setFont(font, 9)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, y - 6 * mm,
                      "用直尺量一量：10 格应正好 100 毫米。若不符，打印被缩放了，请在打印机设置中关闭“适合页面”。")
    _ruler(canvas, font, MARGIN, y - 20 * mm, GRID_COLUMNS * 10)
    _grid(canvas, font, MARGIN, y - 24 * mm, GRID_COLUMNS, GRID_ROWS)

    canvas.setFont(font, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, MARGIN - 8 * mm, "lobby-kiosk · 本页由管理员在终端上打印，用于检查打印机")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _ruler(canvas: Canvas, font: str, x: float, y: float, length_mm: int) -> None:
    """A ruler along ``y`` with a tick every millimetre, longer every 5 and 10, numbered every 10."""
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.5)
    canvas.line(x, y, x + length_mm * mm, y)
    canvas.setFont(font, 7)
    canvas.setFillColor(INK)
    for tick in range(length_mm + 1):
        height = 4 * mm if tick % 10 == 0 else 2.5 * mm if tick % 5 == 0 else 1.5 * mm
        canvas.setLineWidth(0.5 if tick % 10 == 0 else 0.25)
        canvas.line(x + tick * mm, y, x + tick * mm, y + height)
        if tick % 10 == 0:
            canvas.drawCentredString(x + tick * mm, y + 5 * mm, str(tick))
    canvas.drawString(x + length_mm * mm + 5 * mm, y + 5 * mm, "mm")
    canvas.restoreState()


def _grid(canvas: Canvas, font: str, x: float, top: float, columns: int, rows: int) -> None:
    """``columns`` × ``rows`` squares of 10 mm below ``top``; every fifth line heavier."""
    canvas.saveState()
    bottom = top - rows * 10 * mm
    for column in range(columns + 1):
        heavy = column % 5 == 0
        canvas.setStrokeColor(INK if heavy else LINE)
        canvas.setLineWidth(0.6 if heavy else 0.3)
        canvas.line(x + column * 10 * mm, top, x + column * 10 * mm, bottom)
    for row in range(rows + 1):
        heavy = row % 5 == 0
        canvas.setStrokeColor(INK if heavy else LINE)
        canvas.setLineWidth(0.6 if heavy else 0.3)
        canvas.line(x, top - row * 10 * mm, x + columns * 10 * mm, top - row * 10 * mm)
    # a 100 mm span marked on the grid, the measure the caption asks for
    canvas.setStrokeColor(BLUE)
    canvas.setFillColor(BLUE)
    canvas.setLineWidth(1.2)
    mid = top - 5 * mm
    canvas.line(x, mid, x + 100 * mm, mid)
    for end in (x, x + 100 * mm):
        canvas.line(end, mid - 2 * mm, end, mid + 2 * mm)
    canvas.setFillColor(colors.white)
    canvas.rect(x + 42 * mm, mid - 2.2 * mm, 16 * mm, 4.4 * mm, stroke=0, fill=1)
    canvas.setFillColor(BLUE)
    canvas.setFont(font, 9)
    canvas.drawCentredString(x + 50 * mm, mid - 1.1 * mm, "100 mm")
    canvas.restoreState()
