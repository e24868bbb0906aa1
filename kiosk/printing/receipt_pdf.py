"""The receipt (回执) of a piece of feedback: the tracking code large, its QR code, the promised reply
date and how to look the reply up. A4, printed on the top half so it can be folded or torn off."""

from __future__ import annotations

import io
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.data.views import HallView
from kiosk.printing.fonts import register_cjk
from kiosk.printing.pdf_parts import BLUE, INK, LINE, MUTED, break_lines, draw_qr
from kiosk.printing.qr import qr_matrix

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def render_receipt(code: str, due_date: date, submitted_at: datetime, hall: HallView,
                   query_url: str = "") -> bytes:
    """The receipt as PDF bytes. ``query_url`` may hold ``{code}``: a second QR code for a phone."""
    font = register_cjk()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, initialFontName=font, pageCompression=1)
    canvas.setTitle(f"意见建议回执 {code}")
    canvas.setAuthor(hall.department)
    canvas.setCreator("lobby-kiosk")
    top = PAGE_H - MARGIN
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 10)
    canvas.drawString(MARGIN, top, f"{hall.department}　{hall.name}".strip())
    canvas.setFillColor(INK)
    canvas.setFont(font, 20)
    canvas.drawString(MARGIN, top - 12 * mm, "意见建议回执")
    canvas.setFont(font, 10)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, top - 22 * mm, "查询码（请妥善保管，凭码查询办理情况和答复）")
    canvas.setFillColor(BLUE)
    canvas.setFont(font, 34)
    canvas.drawString(MARGIN, top - 37 * mm, code)
    qr_size = 38 * mm
    draw_qr(canvas, qr_matrix(code, border=4), PAGE_W - MARGIN - qr_size, top - 44 * mm, qr_size)
    canvas.setFont(font, 8)
    canvas.setFillColor(MUTED)
    canvas.drawCentredString(PAGE_W - MARGIN - qr_size / 2, top - 48 * mm, "查询码")

    lines: list[tuple[str, str]] = [
        ("提交时间", submitted_at.strftime("%Y-%m-%d %H:%M")),
        ("答复日期", f"{_day(due_date)}前答复"),
        ("查询方式", "在本机首页“意见箱”中选择“查询办理情况”，输入查询码；"
                    + (f"或拨打咨询电话 {hall.consult_phone}。" if hall.consult_phone else "或到服务台查询。")),
    ]
    if hall.complaint_phone:
        lines.append(("监督电话", f"{hall.complaint_phone}（逾期未答复或对答复不满意的，可以反映）"))
    y = top - 60 * mm
    text_width = PAGE_W - 2 * MARGIN - 25 * mm - (qr_size + 6 * mm if query_url else 0)
    for label, text in lines:
        canvas.setFont(font, 10)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, y, label)
        canvas.setFillColor(INK)
        canvas.setFont(font, 11 if label == "答复日期" else 10)
        for line in break_lines(text, font, 10, text_width):
            canvas.drawString(MARGIN + 25 * mm, y, line)
            y -= 6 * mm
        y -= 1.5 * mm
    if query_url:
        url = query_url.replace("{code}", code)
        small = 30 * mm
        draw_qr(canvas, qr_matrix(url, border=4), PAGE_W - MARGIN - small, top - 92 * mm, small)
        canvas.setFont(font, 8)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(PAGE_W - MARGIN - small / 2, top - 96 * mm, "手机扫码查询")
    canvas.setFont(font, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, PAGE_H / 2 + 6 * mm,
                      "查询码只用于查询，不含您的姓名和电话；工作人员按查询码答复，不会向您索要查询码以外的信息。")
    canvas.setStrokeColor(LINE)
    canvas.setDash(3, 3)
    canvas.line(MARGIN / 2, PAGE_H / 2, PAGE_W - MARGIN / 2, PAGE_H / 2)
    canvas.setFillColor(colors.HexColor("#999999"))
    canvas.drawRightString(PAGE_W - MARGIN, PAGE_H / 2 - 4 * mm, "沿虚线折叠或撕下")
    canvas.showPage()
    canvas.save()
    return out.getvalue()
