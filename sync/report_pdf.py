"""The satisfaction report as a PDF (reportlab): the figures, a bar chart of the level shares, the
weekday × hour heat map and the 差评 list (at most :data:`PDF_LIST_LIMIT` entries; the PDF says so, the
XLSX lists them all). The CJK font (WenQuanYi Zen Hei) is embedded, so the file reads the same anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kiosk.data.visitor_rules import LEVELS
from sync.feedback_admin import OfficeError
from sync.report import GROUP_HEADERS, RULES, WEEKDAYS, GroupFigures, Report, percent

#: at most this many 差评 are listed in the PDF (all of them are in the XLSX)
PDF_LIST_LIMIT: Final = 200
FONT_FILE: Final = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT: Final = "WenQuanYiZenHei"
#: level 1 … 5, green to red
LEVEL_COLOURS: Final = ("#2e7d32", "#7cb342", "#c0ca33", "#fb8c00", "#d32f2f")
HEADER_BG: Final = colors.HexColor("#dde6f0")
HEAT_HIGH: Final = colors.HexColor("#2f6db5")


def _font() -> str:
    """Register the embedded CJK font once (a TrueType subset goes into the file; never a non-embedded
    CID font such as STSong-Light, which readers without it show as boxes)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        if not FONT_FILE.exists():
            raise OfficeError(f"the CJK font {FONT_FILE} is missing: install the Debian package fonts-wqy-zenhei")
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
    return FONT


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4,
                             textColor=colors.HexColor("#1f3b5c")),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
    }


def _table_style(font: str, rows: int, *, total_row: bool = False) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa7b4")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
    ]
    if total_row and rows > 1:
        commands.append(("BACKGROUND", (0, rows - 1), (-1, rows - 1), colors.HexColor("#f1f4f7")))
    return TableStyle(commands)


def _figure_row(figures: GroupFigures, styles: dict[str, ParagraphStyle]) -> list[object]:
    shown = [*figures.per_level, figures.total, percent(figures.satisfaction), figures.bad, figures.bad_answered,
             figures.repeated]
    return [Paragraph(escape(figures.name), styles["cell"]), *(str(value) for value in shown)]


def _groups_table(report: Report, styles: dict[str, ParagraphStyle], font: str) -> Table:
    rows: list[list[object]] = [[report.by_label, *GROUP_HEADERS]]
    rows += [_figure_row(figures, styles) for figures in report.groups]
    rows.append(_figure_row(report.overall, styles))
    widths = [70 * mm, *[17 * mm] * 5, 17 * mm, 19 * mm, 15 * mm, 20 * mm, 19 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(font, len(rows), total_row=True))
    return table


def _level_chart(report: Report, font: str) -> Drawing:
    total = report.overall.total
    shares = [100.0 * n / total if total else 0.0 for n in report.overall.per_level]
    drawing = Drawing(150 * mm, 62 * mm, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 10 * mm
    chart.width, chart.height = 130 * mm, 46 * mm
    chart.data = [shares]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [name for _, name in LEVELS]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.barLabelFormat = "%.1f%%"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.bars.strokeColor = None
    for index, colour in enumerate(LEVEL_COLOURS):
        chart.bars[(0, index)].fillColor = colors.HexColor(colour)
    drawing.add(chart)
    drawing.add(String(14 * mm, 58 * mm, f"各等级占比（评价数 {total}）", fontName=font, fontSize=9))
    return drawing


def _heat_map(report: Report, font: str) -> Drawing:
    cell_w, cell_h = 9.6 * mm, 7 * mm
    left, top_pad, bottom_pad = 12 * mm, 6 * mm, 2 * mm
    drawing = Drawing(left + 24 * cell_w + 2 * mm, top_pad + 7 * cell_h + 6 * mm + bottom_pad, initialFontName=font)
    highest = max((max(row) for row in report.heat), default=0)
    base_y = bottom_pad
    for day, counts in enumerate(report.heat):
        y = base_y + (6 - day) * cell_h
        drawing.add(String(left - 2 * mm, y + cell_h / 2 - 3, WEEKDAYS[day], fontName=font, fontSize=8,
                           textAnchor="end"))
        for hour, count in enumerate(counts):
            share = count / highest if highest else 0.0
            fill = colors.linearlyInterpolatedColor(colors.white, HEAT_HIGH, 0, 1, share)
            x = left + hour * cell_w
            drawing.add(Rect(x, y, cell_w, cell_h, fillColor=fill, strokeColor=colors.HexColor("#c8d0d8"),
                             strokeWidth=0.3))
            if count:
                drawing.add(String(x + cell_w / 2, y + cell_h / 2 - 2.5, str(count), fontName=font, fontSize=6.5,
                                   textAnchor="middle", fillColor=colors.white if share > 0.55 else colors.black))
    label_y = base_y + 7 * cell_h + 2 * mm
    for hour in range(24):
        drawing.add(String(left + hour * cell_w + cell_w / 2, label_y, f"{hour}时", fontName=font, fontSize=7,
                           textAnchor="middle"))
    return drawing


def _bad_table(report: Report, styles: dict[str, ParagraphStyle], font: str) -> Table:
    cell = styles["cell"]
    rows: list[list[object]] = [["评价时间", "等级", "窗口 / 部门", "事项", "原因", "文字评价", "回访"]]
    for entry in report.bad:
        where = entry.post if entry.post != "（未指明）" else entry.department
        rows.append([
            entry.kiosk_time[:16].replace("T", " "), entry.level_name, Paragraph(escape(where), cell),
            Paragraph(escape(entry.item), cell), Paragraph(escape("、".join(entry.reasons)), cell),
            Paragraph(escape(entry.text), cell), Paragraph(escape(entry.follow_up), cell),
        ])
    widths = [28 * mm, 18 * mm, 40 * mm, 45 * mm, 38 * mm, 65 * mm, 30 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = _table_style(font, len(rows))
    style.add("ALIGN", (0, 1), (-1, -1), "LEFT")
    style.add("VALIGN", (0, 0), (-1, -1), "TOP")
    table.setStyle(style)
    return table


def write_pdf(report: Report, out: Path) -> None:
    font = _font()
    styles = _styles(font)
    title = f"满意度评价报表（按{report.by_label}） {report.period}"

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawString(15 * mm, 8 * mm, title)
        canvas.drawRightString(landscape(A4)[0] - 15 * mm, 8 * mm, f"第 {document.page} 页")
        canvas.restoreState()

    document = SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                                 topMargin=12 * mm, bottomMargin=15 * mm, title=title, author="kiosk-office",
                                 subject="满意度评价报表", initialFontName=font, initialFontSize=9)
    overall = report.overall
    story: list[Any] = [
        Paragraph("满意度评价报表", styles["title"]),
        Paragraph(escape(f"统计期间：{report.period}　分组：按{report.by_label}　生成时间：{report.generated_at}"),
                  styles["body"]),
        Spacer(1, 2 * mm),
        Paragraph(escape(RULES), styles["small"]),
        Paragraph("总体情况", styles["h2"]),
    ]
    summary_rows: list[list[object]] = [
        ["评价数", "满意率", "差评", "差评已回访", "重复(另计)"],
        [str(overall.total), percent(overall.satisfaction), str(overall.bad), str(overall.bad_answered),
         str(overall.repeated)],
    ]
    summary = Table(summary_rows, colWidths=[22 * mm] * 5)
    summary_style = _table_style(font, 2)
    summary_style.add("ALIGN", (0, 0), (-1, -1), "CENTER")
    summary.setStyle(summary_style)
    repeats = "；".join(f"{why} {count}" for why, count in report.repeats_by_why.items())
    story += [
        Table([[summary, _level_chart(report, font)]], colWidths=[115 * mm, 152 * mm], hAlign="LEFT",
              style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), font)]),
        Paragraph(escape(f"另计的重复评价：{repeats}。"), styles["small"]),
        Paragraph(escape(f"按{report.by_label}"), styles["h2"]),
        _groups_table(report, styles, font),
        KeepTogether([Paragraph("评价时间分布（星期 × 小时，终端当地时间；不含另计的重复评价）", styles["h2"]),
                      _heat_map(report, font)]),
        Paragraph("差评清单", styles["h2"]),
    ]
    if not report.bad_total:
        story.append(Paragraph("本期没有差评。", styles["body"]))
    else:
        answered = report.overall.bad_answered
        note = f"共 {report.bad_total} 条差评，已回访 {answered} 条，未回访 {report.bad_total - answered} 条。"
        if report.bad_total > len(report.bad):
            note += (f"本表按评价时间列出前 {len(report.bad)} 条；完整清单见同期 XLSX 报表的“差评”表"
                     "或 kiosk-office ratings list --bad。")
        story += [Paragraph(escape(note), styles["body"]), Spacer(1, 2 * mm), _bad_table(report, styles, font)]
    document.build(story, onFirstPage=footer, onLaterPages=footer)
