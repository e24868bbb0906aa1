"""The satisfaction report as an Excel workbook: sheets 汇总, 差评 (every one), 热力图, 重复按键."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kiosk.data.visitor_rules import LEVEL_NAMES, mask_phone
from sync.feedback_admin import local_time
from sync.report import GROUP_HEADERS, RULES, WEEKDAYS, GroupFigures, Report, group_cells

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
#: the first row of the tables in 汇总 (title lines above it)
SUMMARY_HEADER_ROW = 5


def _header(sheet: Any, row: int, values: list[str]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _widths(sheet: Any, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary(book: Workbook, report: Report) -> None:
    sheet = book.active
    sheet.title = "汇总"
    sheet["A1"] = "满意度评价报表"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"统计期间：{report.period}    分组：按{report.by_label}    生成时间：{report.generated_at}"
    sheet["A3"] = RULES
    sheet["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=2 + len(GROUP_HEADERS))
    sheet.row_dimensions[3].height = 45
    _header(sheet, SUMMARY_HEADER_ROW, ["代码", report.by_label, *GROUP_HEADERS])

    def put(row: int, figures: GroupFigures, bold: bool = False) -> None:
        values = [figures.code, figures.name, *group_cells(figures)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if bold:
                cell.font = BOLD
        sheet.cell(row=row, column=9).number_format = "0.00%"  # 满意率

    row = SUMMARY_HEADER_ROW + 1
    for figures in report.groups:
        put(row, figures)
        row += 1
    put(row, report.overall, bold=True)
    row += 2
    sheet.cell(row=row, column=1, value="另计的重复评价").font = BOLD
    for why, count in report.repeats_by_why.items():
        row += 1
        sheet.cell(row=row, column=1, value=why)
        sheet.cell(row=row, column=3, value=count)
    sheet.freeze_panes = sheet.cell(row=SUMMARY_HEADER_ROW + 1, column=3)
    _widths(sheet, [16, 36, *[10] * len(GROUP_HEADERS)])


def _bad(book: Workbook, report: Report) -> None:
    sheet = book.create_sheet("差评")
    headers = ["评价时间", "终端", "等级", "等级名称", "部门", "窗口", "事项", "办件编号", "工作人员", "原因",
               "文字评价", "回访电话", "回访状态", "回访时间", "回访人", "回访答复", "uuid"]
    _header(sheet, 1, headers)
    for entry in report.bad:
        sheet.append([entry.kiosk_time, entry.kiosk_id, entry.level, entry.level_name, entry.department, entry.post,
                      entry.item, entry.case_no, entry.staff, "、".join(entry.reasons), entry.text,
                      mask_phone(entry.phone), "已回访" if entry.answered_at else "未回访",
                      local_time(entry.answered_at), entry.answered_by, entry.answer, entry.uuid])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(report.bad)) + 1}"
    _widths(sheet, [28, 12, 6, 10, 16, 22, 28, 18, 10, 24, 40, 14, 10, 16, 10, 40, 38])


def _heat(book: Workbook, report: Report) -> None:
    sheet = book.create_sheet("热力图")
    sheet["A1"] = "评价数（不含另计的重复评价），按终端当地时间的星期和小时"
    sheet["A1"].font = BOLD
    _header(sheet, 2, ["", *[f"{hour}时" for hour in range(24)], "合计"])
    for index, (day, counts) in enumerate(zip(WEEKDAYS, report.heat, strict=True)):
        sheet.append([day, *counts, sum(counts)])
        sheet.cell(row=3 + index, column=1).font = BOLD
    totals = [sum(report.heat[day][hour] for day in range(7)) for hour in range(24)]
    sheet.append(["合计", *totals, sum(totals)])
    for column in range(1, 27):
        sheet.cell(row=10, column=column).font = BOLD
    sheet.conditional_formatting.add(
        "B3:Y9", ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="2F6DB5"))
    _widths(sheet, [8, *[6] * 24, 8])


def _repeats(book: Workbook, report: Report) -> None:
    sheet = book.create_sheet("重复按键")
    _header(sheet, 1, ["评价时间", "终端", "等级", "等级名称", report.by_label, "办件编号", "另计原因", "uuid"])
    for entry in report.repeats:
        sheet.append([entry.kiosk_time, entry.kiosk_id, entry.level, LEVEL_NAMES.get(entry.level, ""), entry.group,
                      entry.case_no, entry.why, entry.uuid])
    sheet.freeze_panes = "A2"
    _widths(sheet, [28, 12, 6, 10, 30, 18, 16, 38])


def write_xlsx(report: Report, out: Path) -> None:
    book = Workbook()
    _summary(book, report)
    _bad(book, report)
    _heat(book, report)
    _repeats(book, report)
    book.save(out)
