"""The office's satisfaction report and ratings export against a hand-computed data set, on both backends.

The data set (27 ratings, week of Monday 2026-11-02 to Sunday 2026-11-08, content: tests/fixtures/mini.yaml):
departments SP (行政审批处, post SP-W1 = 3号窗口 环评审批窗口) and XF (环境信访处, post XF-W1 = 6号窗口
信访接待窗口). Every figure below was counted by hand from the table in ``RATINGS``; none is computed by the
code under test.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from kiosk.data.content_format import load_content
from kiosk.data.records import content_records
from sync.content import content_session, import_records
from sync.db import office_engine
from sync.feedback_admin import answer_rating
from sync.office_cli import main as office_main
from sync.office_models import Rating
from sync.report import build_report
from sync.report_xlsx import SUMMARY_HEADER_ROW
from tests.conftest import MINI

START, END = "2026-11-02", "2026-11-08"
A, B = "000117001000", "000117002000"  # items of SP-W1 and XF-W1

# uuid, kiosk time (+08:00), level, department, post, item, case_no, repeated flag, reasons, text
RATINGS: list[tuple[Any, ...]] = [
    ("r01", "2026-11-02T09:15:00", 1, "SP", "SP-W1", A, "C-1001", False, None, None),
    ("r02", "2026-11-02T09:40:00", 2, "SP", "SP-W1", None, None, False, None, None),
    ("r03", "2026-11-02T10:05:00", 1, "SP", "SP-W1", None, None, False, None, None),
    ("r04", "2026-11-02T10:05:03", 1, "SP", "SP-W1", None, None, True, None, None),  # repeated press
    ("r05", "2026-11-03T14:20:00", 3, "SP", "SP-W1", A, None, False, None, None),
    ("r06", "2026-11-03T14:50:00", 4, "SP", "SP-W1", A, None, False, ["效率低", "材料反复提交"], "等了很久"),
    ("r07", "2026-11-04T09:10:00", 5, "SP", "SP-W1", None, None, False, ["态度不好"], None),
    ("r08", "2026-11-04T09:30:00", 2, "SP", "SP-W1", None, "C-1001", False, None, None),  # case rated (r01)
    ("r09", "2026-11-05T16:45:00", 1, "SP", "SP-W1", None, None, False, None, None),
    ("r10", "2026-11-06T11:00:00", 2, "SP", "SP-W1", None, None, False, None, None),
    ("r11", "2026-11-06T11:30:00", 1, "SP", None, None, None, False, None, None),
    ("r12", "2026-11-02T15:00:00", 1, "XF", "XF-W1", B, None, False, None, None),
    ("r13", "2026-11-03T09:05:00", 2, "XF", "XF-W1", None, None, False, None, None),
    ("r14", "2026-11-03T09:05:02", 2, "XF", "XF-W1", None, None, True, None, None),  # repeated press
    ("r15", "2026-11-03T09:05:04", 2, "XF", "XF-W1", None, None, True, None, None),  # repeated press
    ("r16", "2026-11-05T10:20:00", 4, "XF", "XF-W1", B, None, False, ["推诿扯皮"], None),
    ("r17", "2026-11-07T10:40:00", 3, "XF", "XF-W1", None, None, False, None, None),
    ("r18", "2026-11-08T23:59:59", 5, "XF", "XF-W1", None, None, False, ["其他"], "没人<在>&"),  # last second
    ("r19", "2026-11-04T13:00:00", 2, "XF", "XF-W1", None, "C-9", False, None, None),  # case rated (r23)
    ("r20", "2026-11-05T10:00:00", 3, None, None, None, None, False, None, None),
    ("r21", "2026-11-02T00:00:00", 1, "XF", "XF-W1", None, None, False, None, None),  # first second
    ("r22", "2026-11-06T11:30:00", 4, "SP", None, None, None, True, ["其他"], None),  # repeated press
    ("r23", "2026-10-30T10:00:00", 1, "XF", "XF-W1", None, "C-9", False, None, None),  # before the period
    ("r24", "2026-11-09T00:00:00", 5, "SP", "SP-W1", None, None, False, None, None),  # after the period
    ("r25", "2026-11-01T23:59:59", 5, "SP", "SP-W1", None, None, False, None, None),  # before the period
    ("r26", "2026-11-07T10:40:00", 2, "XF", "XF-W1", None, "C-2001", False, None, None),
    ("r27", "2026-11-07T10:45:00", 5, "XF", "XF-W1", None, "C-2001", False, ["态度不好"], None),  # case again
]
ANSWERED = ("r06", "r16", "r24")  # followed up by the office (r24 is outside the period)

# Hand-computed (counted ratings only; per level 1..5, total, 满意率, 差评, 已回访, 重复另计)
BY_DEPARTMENT = {
    "SP": ("行政审批处", [4, 2, 1, 1, 1], 9, "77.78%", 2, 1, 3),
    "XF": ("环境信访处", [2, 2, 1, 1, 1], 7, "71.43%", 2, 1, 4),
    "": ("（未指明）", [0, 0, 1, 0, 0], 1, "100.00%", 0, 0, 0),
}
BY_POST = {
    "SP-W1": ("3号窗口 环评审批窗口", [3, 2, 1, 1, 1], 8, "75.00%", 2, 1, 2),
    "XF-W1": ("6号窗口 信访接待窗口", [2, 2, 1, 1, 1], 7, "71.43%", 2, 1, 4),
    "": ("（未指明）", [1, 0, 1, 0, 0], 2, "100.00%", 0, 0, 1),
}
OVERALL = ("合计", [6, 4, 3, 2, 2], 17, "76.47%", 4, 2, 7)
SATISFACTION = {"77.78%": 7 / 9, "71.43%": 5 / 7, "100.00%": 1.0, "75.00%": 6 / 8, "76.47%": 13 / 17}
# weekday (0 = Monday) → {hour: counted ratings}
HEAT = {0: {0: 1, 9: 2, 10: 1, 15: 1}, 1: {9: 1, 14: 2}, 2: {9: 1}, 3: {10: 2, 16: 1}, 4: {11: 2}, 5: {10: 2},
        6: {23: 1}}
BAD_LIST = ["r06", "r07", "r16", "r18"]
REPEATS = {"r04": "重复按键", "r08": "同一办件再次评价", "r14": "重复按键", "r15": "重复按键",
           "r19": "同一办件再次评价", "r22": "重复按键", "r27": "同一办件再次评价"}
IN_PERIOD = 24  # r01–r22, r26, r27


def _row(values: tuple[Any, ...]) -> dict[str, Any]:
    uuid, at, level, department, post, item, case_no, repeated, reasons, text = values
    return {"uuid": uuid, "kiosk_id": "k1" if uuid < "r15" else "k2", "kiosk_time": f"{at}.000+08:00",
            "level": level, "department_code": department, "post_code": post, "item_code": item, "case_no": case_no,
            "repeated": repeated, "reasons": json.dumps(reasons, ensure_ascii=False) if reasons else None,
            "text": text, "phone": "13812341234" if uuid == "r07" else None, "channel": "政务大厅自助终端",
            "region_code": "230100", "staff": "张丽" if post == "SP-W1" else None}


@pytest.fixture
def rated_office(office_url: str) -> Iterator[Engine]:
    engine = office_engine(office_url)
    try:
        with content_session(engine) as session, session.begin():
            import_records(session, content_records(load_content(MINI)), actor="t", source="mini")
        with engine.begin() as connection:
            connection.execute(insert(Rating), [_row(values) for values in RATINGS])
        for uuid in ANSWERED:
            answer_rating(engine, uuid, "已电话回访，说明了办理时限", actor="李科长")
        yield engine
    finally:
        engine.dispose()


def _office(engine: Engine, *args: str) -> int:
    return office_main(["--db", engine.url.render_as_string(hide_password=False), *args])


def _summary_rows(path: Path) -> dict[str, list[Any]]:
    sheet = load_workbook(path)["汇总"]
    rows: dict[str, list[Any]] = {}
    for row in sheet.iter_rows(min_row=SUMMARY_HEADER_ROW + 1, values_only=True):
        if row[1] is None:
            break
        rows["合计" if row[1] == "合计" else (row[0] or "")] = list(row)
    return rows


@pytest.mark.parametrize(("by", "expected"), [("department", BY_DEPARTMENT), ("post", BY_POST)])
def test_xlsx_figures_are_the_hand_computed_ones(rated_office: Engine, tmp_path: Path, by: str,
                                                 expected: dict[str, tuple[Any, ...]]) -> None:
    out = tmp_path / f"report-{by}.xlsx"
    assert _office(rated_office, "report", "--from", START, "--to", END, "--by", by, "--out", str(out)) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "差评", "热力图", "重复按键"]
    header = [cell.value for cell in book["汇总"][SUMMARY_HEADER_ROW]]
    assert header == ["代码", {"department": "部门", "post": "窗口"}[by], "非常满意", "满意", "基本满意", "不满意",
                      "非常不满意", "评价数", "满意率", "差评", "差评已回访", "重复(另计)"]
    rows = _summary_rows(out)
    assert set(rows) == {*expected, "合计"}
    for code, (name, levels, total, rate, bad, answered, repeated) in {**expected, "合计": OVERALL}.items():
        row = rows[code]
        assert row[1] == name
        assert row[2:7] == levels and row[7] == total
        assert row[8] == pytest.approx(SATISFACTION[rate])
        assert row[9:12] == [bad, answered, repeated]

    bad = list(book["差评"].iter_rows(min_row=2, values_only=True))
    assert [row[16] for row in bad] == BAD_LIST
    r06 = bad[0]
    assert r06[2:4] == (4, "不满意") and r06[9] == "效率低、材料反复提交" and r06[10] == "等了很久"
    assert r06[12] == "已回访" and r06[14] == "李科长" and r06[15] == "已电话回访，说明了办理时限"
    assert r06[4:7] == ("行政审批处", "3号窗口 环评审批窗口", "建设项目环境影响报告书审批")
    assert bad[1][11] == "138****1234" and bad[1][12] == "未回访"

    heat = list(book["热力图"].iter_rows(min_row=3, max_row=9, values_only=True))
    assert [row[0] for row in heat] == ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    for day, row in enumerate(heat):
        assert list(row[1:25]) == [HEAT[day].get(hour, 0) for hour in range(24)]
        assert row[25] == sum(HEAT[day].values())
    assert book["热力图"].cell(row=10, column=26).value == 17  # 合计 of 合计

    repeats = list(book["重复按键"].iter_rows(min_row=2, values_only=True))
    assert {row[7]: row[6] for row in repeats} == REPEATS


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _numbers_after(text: str, label: str) -> list[str]:
    """The figures on the table line that starts with ``label`` (pdftotext -layout keeps a row on a line)."""
    for line in text.splitlines():
        if line.strip().startswith(label):
            return re.findall(r"\d+(?:\.\d+)?%?", line[line.index(label) + len(label):])
    raise AssertionError(f"no line starting with {label!r} in:\n{text}")


def test_pdf_figures_are_the_hand_computed_ones(rated_office: Engine, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert _office(rated_office, "report", "--from", START, "--to", END, "--by", "department", "--out",
                   str(out)) == 0
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYi" in fonts and "STSong" not in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:]), fonts  # every font embedded
    text = _pdf_text(out)
    assert "满意度评价报表" in text and "2026-11-02 至 2026-11-08" in text
    for code, (name, levels, total, rate, bad, answered, repeated) in {**BY_DEPARTMENT, "合计": OVERALL}.items():
        assert _numbers_after(text, name) == [*map(str, levels), str(total), rate, str(bad), str(answered),
                                              str(repeated)], code
    assert "共 4 条差评，已回访 2 条，未回访 2 条。" in text
    assert "重复按键 4；同一办件再次评价 3" in text
    assert "效率低、材料反复提交" in text and "没人<在>&" in text
    assert "周日" in text and "23时" in text


def test_the_pdf_lists_at_most_its_limit_of_bad_ratings_and_says_so(rated_office: Engine, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sync.report_pdf

    monkeypatch.setattr(sync.report_pdf, "PDF_LIST_LIMIT", 3)
    out = tmp_path / "short.pdf"
    assert _office(rated_office, "report", "--from", START, "--to", END, "--by", "item", "--out", str(out)) == 0
    text = _pdf_text(out)
    assert "共 4 条差评" in text and "本表按评价时间列出前 3 条" in text
    assert "没人" not in text  # r18, the fourth, is not listed
    assert _numbers_after(text, "建设项目环境影响报告书审批") == ["1", "0", "1", "1", "0", "3", "66.67%", "1", "1",
                                                              "0"]  # r01, r05, r06
    assert _numbers_after(text, "环境信访事项受理") == ["1", "0", "0", "1", "0", "2", "50.00%", "1", "1", "0"]


def test_a_period_without_ratings_gives_an_empty_report(rated_office: Engine, tmp_path: Path) -> None:
    report = build_report(rated_office, date(2025, 1, 1), date(2025, 1, 31), "post")
    assert report.groups == [] and report.overall.total == 0 and report.overall.satisfaction is None
    out = tmp_path / "empty.pdf"
    assert _office(rated_office, "report", "--from", "2025-01-01", "--to", "2025-01-31", "--out", str(out)) == 0
    assert "本期没有差评" in _pdf_text(out)


def test_report_arguments_are_checked(rated_office: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _office(rated_office, "report", "--from", END, "--to", START, "--out", str(tmp_path / "x.pdf")) == 1
    assert "--from 2026-11-08 is after --to 2026-11-02" in capsys.readouterr().err
    assert _office(rated_office, "report", "--from", START, "--to", END, "--out", str(tmp_path / "x.docx")) == 1
    assert "must end in .xlsx or .pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _office(rated_office, "report", "--from", "2026-13-01", "--to", END, "--out", str(tmp_path / "x.pdf"))
    assert "not a date (YYYY-MM-DD): '2026-13-01'" in capsys.readouterr().err


def test_ratings_export_csv(rated_office: Engine, tmp_path: Path) -> None:
    out = tmp_path / "ratings.csv"
    assert _office(rated_office, "ratings", "export", "--from", START, "--to", END, "--out", str(out)) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == IN_PERIOD
    assert "phone" not in rows[0]
    assert [row["uuid"] for row in rows][:3] == ["r21", "r01", "r02"]  # kiosk-time order
    assert sum(row["counted"] == "1" for row in rows) == OVERALL[2]
    assert {row["uuid"] for row in rows if row["counted"] == "0"} == set(REPEATS)
    r06 = next(row for row in rows if row["uuid"] == "r06")
    assert r06 == {**r06, "case_no": "", "channel": "政务大厅自助终端", "region_code": "230100", "kiosk_id": "k1",
                   "kiosk_time": "2026-11-03T14:50:00.000+08:00", "level": "4", "level_name": "不满意",
                   "reasons": "效率低;材料反复提交", "text": "等了很久", "department_code": "SP",
                   "post_code": "SP-W1", "item_code": A, "staff": "张丽", "repeated": "0", "counted": "1",
                   "answered_by": "李科长", "answer": "已电话回访，说明了办理时限"}
    assert r06["answered_at"] and r06["received_at"]
    assert next(row for row in rows if row["uuid"] == "r04")["repeated"] == "1"

    with_phone = tmp_path / "with-phone.csv"
    assert _office(rated_office, "ratings", "export", "--from", START, "--to", END, "--out", str(with_phone),
                   "--with-phone") == 0
    rows = list(csv.DictReader(with_phone.read_text(encoding="utf-8-sig").splitlines()))
    assert next(row for row in rows if row["uuid"] == "r07")["phone"] == "13812341234"


def test_build_report_matches_by_item_too(rated_office: Engine) -> None:
    report = build_report(rated_office, date(2026, 11, 2), date(2026, 11, 8), "item")
    by_code = {group.code: group for group in report.groups}
    assert by_code[A].name == "建设项目环境影响报告书审批" and by_code[A].per_level == [1, 0, 1, 1, 0]  # r01 r05 r06
    assert by_code[B].per_level == [1, 0, 0, 1, 0]  # r12, r16
    assert by_code[""].total == 17 - 5 and report.overall.total == 17
    assert report.repeats_by_why == {"重复按键": 4, "同一办件再次评价": 3}
