"""The importer of the departments' 附件3 窗口岗位设置情况表 (sync/attachment3.py).

Spreadsheets are built here with openpyxl the way the seed's blank form looks (title, the
"处（室）、单位：" line, the header, 类型 merged over three numbered rows per type, 填写说明 under
the table) and the way departments really fill it in. tests/fixtures/attachment3/ keeps three such
files, written by make_fixtures.py from the forms below.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook  # type: ignore[import-untyped]

from kiosk.data.content_format import POST_TYPES, ContentError, ContentProblem
from sync.attachment3 import Attachment3, read_attachment3

FIXTURES = Path(__file__).parent / "fixtures" / "attachment3"

Rows = list[list[object]]
Form = tuple[Rows, list[str]]

# -- the builder ------------------------------------------------------------------------------------

SEED_HEADER: list[object] = ["类型", "序号", "名    称", "工作事项", "窗口联系人及联系方式", "地址（网址）"]
SEED_META = "处（室）、单位：                负责人签字：                   填报时间："
SEED_NOTES = [
    "填写说明：",
    "1.服务大厅为实体审批指导和管理服务的场所；网络平台为网上审批指导和管理服务的平台；"
    "窗口岗位为直接面向社会具有管理、审批、服务职能的岗位；",
    "2.务于5月28日下班前，将表纸质版和电子版一并报送至人事处，人事处统一报省作风办，并在东北网公布。",
]


def build(path: Path, rows: Sequence[Sequence[object]], merges: Sequence[str] = ()) -> Path:
    """Write *rows* (row 1 first, None = empty cell) to an .xlsx at *path*, then merge *merges*."""
    wb = Workbook()
    ws = wb.active
    ws.title = "附件3"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for cells in merges:
        ws.merge_cells(cells)  # like Excel: only the top-left cell keeps its value
    wb.save(path)
    return path


def seed_form(filled: Mapping[tuple[str, int], Sequence[object]] | None = None, meta: str = SEED_META,
              header: Sequence[object] = SEED_HEADER, types: Sequence[str] = POST_TYPES) -> Form:
    """The seed's blank form: 类型 merged over rows 1-3 of its group; *filled* = {(type, 序号): the
    four cells 名称, 工作事项, 窗口联系人及联系方式, 地址（网址）}."""
    filled = filled or {}
    rows: Rows = [["附件3"], ["窗口岗位设置情况表"], [meta], list(header)]
    merges = ["A2:F2", "A3:F3"]
    for kind in types:
        top = len(rows) + 1
        for seq in (1, 2, 3):
            rows.append([kind if seq == 1 else None, seq, *filled.get((kind, seq), ())])
        merges.append(f"A{top}:A{top + 2}")
    rows.append([])
    for note in SEED_NOTES:
        rows.append([note])
        merges.append(f"A{len(rows)}:F{len(rows)}")
    return rows, merges


def post(code: str, type_: str, seq: int, name: str, **fields: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "code": code, "department": code.split("-")[0], "type": type_, "seq": seq, "name": name,
        "work_items": "", "contact": "", "phone": "", "address": "", "url": "", "window": "", "floor": "",
        "hours": "", "staff": [],
    }
    assert set(fields) <= set(record), fields
    record.update(fields)
    return record


def problems_of(path: Path, department_code: str | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_attachment3(path, department_code)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


# -- the forms (also written to tests/fixtures/attachment3 by make_fixtures.py) ---------------------

def approval_office_form() -> Form:
    """The seed's form as 行政审批处 filled it in: five of the nine numbered rows."""
    return seed_form({
        ("服务大厅", 1): ["省生态环境厅便民服务厅", "环评、排污许可等行政许可事项的咨询、受理和结果送达",
                       "刘丹 0451-87113068转8001", "哈尔滨市南岗区红军街100号 厅机关一楼便民服务厅"],
        ("网络平台", 1): ["黑龙江政务服务网（省生态环境厅事项）", "行政许可事项网上申报、进度查询和结果查询",
                       "孙博，0451-87113068-8008", "https://zwfw.hlj.gov.cn"],
        ("网络平台", 2): ["省生态环境厅门户网站", "公开服务事项的办事指南、申请材料和服务承诺",
                       "孙博", "sthj.hlj.gov.cn"],
        ("窗口岗位", 1): ["环评审批窗口", "建设项目环境影响报告书（表）审批的咨询、受理和结果送达",
                       "王晓东（13812345678）", "厅机关一楼便民服务厅1号窗口"],
        ("窗口岗位", 2): ["排污许可窗口", "排污许可证核发、变更和延续的咨询、受理和结果送达",
                       "0451-87113068转8002 李静", "厅机关一楼便民服务厅2号窗口"],
    }, meta="处（室）、单位：行政审批处                负责人签字：赵建国                   填报时间：2018年5月25日")


APPROVAL_OFFICE_POSTS = [
    post("SP-H1", "服务大厅", 1, "省生态环境厅便民服务厅",
         work_items="环评、排污许可等行政许可事项的咨询、受理和结果送达",
         contact="刘丹", phone="0451-87113068转8001",
         address="哈尔滨市南岗区红军街100号 厅机关一楼便民服务厅", floor="一楼"),
    post("SP-N1", "网络平台", 1, "黑龙江政务服务网（省生态环境厅事项）",
         work_items="行政许可事项网上申报、进度查询和结果查询",
         contact="孙博", phone="0451-87113068-8008", url="https://zwfw.hlj.gov.cn"),
    post("SP-N2", "网络平台", 2, "省生态环境厅门户网站", work_items="公开服务事项的办事指南、申请材料和服务承诺",
         contact="孙博", url="sthj.hlj.gov.cn"),
    post("SP-W1", "窗口岗位", 1, "环评审批窗口", work_items="建设项目环境影响报告书（表）审批的咨询、受理和结果送达",
         contact="王晓东", phone="13812345678", address="厅机关一楼便民服务厅1号窗口", window="1", floor="一楼"),
    post("SP-W2", "窗口岗位", 2, "排污许可窗口", work_items="排污许可证核发、变更和延续的咨询、受理和结果送达",
         contact="李静", phone="0451-87113068转8002", address="厅机关一楼便民服务厅2号窗口", window="2", floor="一楼"),
]


def messy_form() -> Form:
    """As departments really send it: the signature line in separate cells with a date cell, the
    header on row 3 with odd blanks and a wrapped cell, 类型 written once and left blank below (not
    merged), full-width digits, phones typed as numbers or with 转, blank rows, "/" in unused rows,
    a stray CR/LF from Excel (_x000D_) and invisible characters, and 注 notes with junk after them."""
    rows: Rows = [
        ["附件3", None, "窗口岗位设置情况表"],
        ["处（室）、单位：", "综合处", "负责人签字：钱进", None, "填报时间：", dt.datetime(2018, 5, 26)],
        ["类 型", "序　号", "名\u3000\u3000称", "工作\n事项", "窗口联系人\n及联系方式", "地址(网址)"],
        ["服 务 大 厅", "１", "信访接待室", "来访群众接待、信访事项受理和转办",
         "０４５１－８７１１３０６８转８００３ 陈志刚", "厅机关一楼东侧 信访接待室"],
        [None, "2.", "/", "/", "/", "/"],
        [],
        ["网络服务平台", 1.0, "网上信访\u200b和环保举报", "网上信访事项和环境违法行为举报\n办理进度查询",
         87113068, "网址：https://sthj.hlj.gov.cn/xf"],
        [None, "（２）", None, None, None, None],
        [None, None, None, None, None, None],
        ["窗口岗位", "①", "综合\n受理窗口", "各类事项的_x000D_\n咨询和受理",
         "张丽 0451-87113068转8001\n李强 13900001111", "二楼便民服务厅３号窗口"],
        [None, 2, "\ufeff证照发放窗口", "证照和批文的发放", "李强", "二楼 窗口4"],
        [],
        ["注：1.服务大厅为实体审批指导和管理服务的场所。"],
        ["2.窗口岗位为直接面向社会具有管理、审批、服务职能的岗位。"],
        ["窗口岗位", 9, "写在说明下面的不算", "", "", ""],
    ]
    return rows, ["A13:F13", "A14:F14"]


MESSY_POSTS = [
    post("ZH-H1", "服务大厅", 1, "信访接待室", work_items="来访群众接待、信访事项受理和转办",
         contact="陈志刚", phone="0451-87113068转8003", address="厅机关一楼东侧 信访接待室", floor="一楼"),
    post("ZH-N1", "网络平台", 1, "网上信访和环保举报", work_items="网上信访事项和环境违法行为举报\n办理进度查询",
         phone="87113068", url="https://sthj.hlj.gov.cn/xf"),
    post("ZH-W1", "窗口岗位", 1, "综合受理窗口", work_items="各类事项的\n咨询和受理",
         contact="张丽、李强", phone="0451-87113068转8001、13900001111",
         address="二楼便民服务厅３号窗口", window="3", floor="二楼"),
    post("ZH-W2", "窗口岗位", 2, "证照发放窗口", work_items="证照和批文的发放", contact="李强",
         address="二楼 窗口4", window="4", floor="二楼"),
]


# -- (a) the seed's form filled in, (b) left blank --------------------------------------------------

def test_seed_form_filled_in_gives_its_posts(tmp_path: Path) -> None:
    path = build(tmp_path / "审批处.xlsx", *approval_office_form())
    result = read_attachment3(path, "SP")
    assert result == Attachment3(source=path, sheet="附件3", department_name="行政审批处", signed_by="赵建国",
                                 filled_on="2018年5月25日", posts=APPROVAL_OFFICE_POSTS)
    assert read_attachment3(path, "SP") == result  # the same file twice: the same posts


def test_department_code_defaults_to_dept(tmp_path: Path) -> None:
    posts = read_attachment3(build(tmp_path / "a.xlsx", *approval_office_form())).posts
    assert [p["code"] for p in posts] == ["DEPT-H1", "DEPT-N1", "DEPT-N2", "DEPT-W1", "DEPT-W2"]
    assert {p["department"] for p in posts} == {"DEPT"}


def test_blank_seed_form_gives_no_posts_and_no_error(tmp_path: Path) -> None:
    result = read_attachment3(build(tmp_path / "blank.xlsx", *seed_form()), "SP")
    assert (result.posts, result.department_name, result.signed_by, result.filled_on) == ([], "", "", "")


# -- (c) missing column, (d) unknown type, (e) duplicate 序号 ---------------------------------------

def test_missing_column_is_named(tmp_path: Path) -> None:
    header = [h for h in SEED_HEADER if h != "工作事项"]
    path = build(tmp_path / "form.xlsx", *seed_form(header=header))
    assert problems_of(path) == ["form.xlsx:4: column 工作事项: missing from the header row"]


def test_every_missing_column_is_named(tmp_path: Path) -> None:
    path = build(tmp_path / "form.xlsx", *seed_form(header=["类型", "序号", "名称", "工作事项"]))
    assert problems_of(path) == [
        "form.xlsx:4: column 窗口联系人及联系方式: missing from the header row",
        "form.xlsx:4: column 地址（网址）: missing from the header row",
    ]


def test_no_header_at_all(tmp_path: Path) -> None:
    path = build(tmp_path / "form.xlsx", [["附件3"], ["窗口岗位设置情况表"], ["服务大厅", 1, "便民服务厅"]])
    assert problems_of(path) == [
        "form.xlsx:0: header: no header row with the columns 类型 / 序号 / 名称 / 工作事项 / "
        "窗口联系人及联系方式 / 地址（网址） in the first 15 rows"
    ]


def test_unknown_type_names_row_and_value(tmp_path: Path) -> None:
    path = build(tmp_path / "form.xlsx", *seed_form(
        {("办事窗口", 2): ["环评审批窗口", "", "王晓东", "1号窗口"],
         ("办事窗口", 3): ["排污许可窗口", "", "李静", "2号窗口"]},
        types=("服务大厅", "网络平台", "办事窗口")))
    # Rows 12 and 13 take the type of the cell merged over rows 11-13: one problem, at row 11.
    assert problems_of(path) == [
        'form.xlsx:11: column 类型: unknown type "办事窗口" in row 11; expected 服务大厅, 网络平台 or 窗口岗位'
    ]


def test_duplicate_sequence_names_both_rows(tmp_path: Path) -> None:
    rows, merges = seed_form({("服务大厅", 1): ["便民服务厅", "", "", ""], ("服务大厅", 2): ["信访接待室", "", "", ""]})
    rows[5][1] = "１"  # 序号 of row 6 written as 1 again (full-width)
    path = build(tmp_path / "form.xlsx", rows, merges)
    assert problems_of(path) == ["form.xlsx:6: column 序号: 序号 1 is used twice for 服务大厅: rows 5 and 6"]


def test_same_sequence_in_other_types_is_fine(tmp_path: Path) -> None:
    path = build(tmp_path / "form.xlsx", *seed_form({(t, 1): [f"{t}一"] for t in POST_TYPES}))
    assert [(p["type"], p["seq"]) for p in read_attachment3(path).posts] == [(t, 1) for t in POST_TYPES]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    rows: Rows = [
        SEED_HEADER,
        [None, 1, "没有类型的行", "", "", ""],
        ["服务大厅", None, "没有序号", "", "", ""],
        [None, "第一", "序号不是数字", "", "", ""],
        [None, 0, "序号为零", "", "", ""],
        [None, 3, None, "有工作事项却没有名称", "", ""],
        ["网络大厅", 1, "类型写错", "", "", ""],
        [None, 2, "类型写错的组里的第二行", "", "", ""],
        ["窗口岗位", 1, "正常的窗口", "", "", ""],
        [None, "1.0", "重复的窗口", "", "", ""],
    ]
    assert problems_of(build(tmp_path / "bad.xlsx", rows)) == [
        "bad.xlsx:2: column 类型: missing, and there is no type above it",
        "bad.xlsx:3: column 序号: missing",
        'bad.xlsx:4: column 序号: not a whole number: "第一"',
        "bad.xlsx:5: column 序号: must be 1 or more, found 0",
        "bad.xlsx:6: column 名称: missing, although the row is filled in",
        'bad.xlsx:7: column 类型: unknown type "网络大厅" in row 7; expected 服务大厅, 网络平台 or 窗口岗位',
        "bad.xlsx:10: column 序号: 序号 1 is used twice for 窗口岗位: rows 9 and 10",
    ]


# -- (f) how departments really fill it in ----------------------------------------------------------

def test_messy_real_world_form(tmp_path: Path) -> None:
    path = build(tmp_path / "综合处.xlsx", *messy_form())
    result = read_attachment3(path, "ZH")
    assert (result.department_name, result.signed_by, result.filled_on) == ("综合处", "钱进", "2018-05-26")
    assert result.posts == MESSY_POSTS


@pytest.mark.parametrize(("cell", "contact", "phone"), [
    ("张丽 0451-87113068转8001", "张丽", "0451-87113068转8001"),
    ("张丽，0451-87113068-8001", "张丽", "0451-87113068-8001"),
    ("张丽（13812345678）", "张丽", "13812345678"),
    ("0451-87113068转8001 张丽", "张丽", "0451-87113068转8001"),
    ("联系人：刘丹 电话：0451—87119100", "刘丹", "0451-87119100"),
    ("(0451)87113068 张丽", "张丽", "(0451)87113068"),
    ("张丽 138-1234-5678", "张丽", "138-1234-5678"),
    ("张丽 8001", "张丽", "8001"),
    ("１２３６９", "", "12369"),
    (87113068, "", "87113068"),
    (13812345678.0, "", "13812345678"),
    ("张丽", "张丽", ""),
    ("/", "", ""),
])
def test_contact_cell_splits_into_name_and_phone(tmp_path: Path, cell: object, contact: str, phone: str) -> None:
    path = build(tmp_path / "c.xlsx", [SEED_HEADER, ["窗口岗位", 1, "窗口", "", cell, ""]])
    [only] = read_attachment3(path).posts
    assert (only["contact"], only["phone"]) == (contact, phone)


@pytest.mark.parametrize(("cell", "address", "url", "window", "floor"), [
    ("https://zwfw.hlj.gov.cn", "", "https://zwfw.hlj.gov.cn", "", ""),
    ("www.hlj.gov.cn", "", "www.hlj.gov.cn", "", ""),
    ("sthj.hlj.gov.cn", "", "sthj.hlj.gov.cn", "", ""),
    ("厅机关一楼便民服务厅3号窗口", "厅机关一楼便民服务厅3号窗口", "", "3", "一楼"),
    ("红军街100号 1楼 １－８号窗口", "红军街100号 1楼 １－８号窗口", "", "1-8", "1楼"),
    ("3号楼二层 三号窗口", "3号楼二层 三号窗口", "", "3", "二层"),
    ("综合楼（网址：http://a.hlj.gov.cn/b）", "综合楼", "http://a.hlj.gov.cn/b", "", ""),
    ("邮箱 hjts@hlj.gov.cn", "邮箱 hjts@hlj.gov.cn", "", "", ""),
])
def test_address_cell_gives_address_url_window_floor(tmp_path: Path, cell: str, address: str, url: str,
                                                      window: str, floor: str) -> None:
    path = build(tmp_path / "a.xlsx", [SEED_HEADER, ["窗口岗位", 1, "窗口", "", "", cell]])
    [only] = read_attachment3(path).posts
    assert (only["address"], only["url"], only["window"], only["floor"]) == (address, url, window, floor)


@pytest.mark.parametrize(("cell", "seq"), [(1, 1), (2.0, 2), ("3", 3), ("４", 4), ("5.", 5), ("6、", 6),
                                          ("(7)", 7), ("８．", 8), ("九", 9), ("十二", 12), (" 13 ", 13)])
def test_sequence_spellings(tmp_path: Path, cell: object, seq: int) -> None:
    path = build(tmp_path / "s.xlsx", [SEED_HEADER, ["网络平台", cell, "平台", "", "", ""]])
    assert [p["seq"] for p in read_attachment3(path).posts] == [seq]


def test_notes_end_the_table(tmp_path: Path) -> None:
    for note in ("填写说明：", "注：", "注1.", "说明", "备注：见下"):
        path = build(tmp_path / "n.xlsx", [SEED_HEADER, ["服务大厅", 1, "大厅", "", "", ""], [note],
                                           ["乱写的类型", "x", "不读", "", "", ""]])
        assert [p["name"] for p in read_attachment3(path).posts] == ["大厅"], note
    # ... but a name that merely starts with 注 is not a note
    path = build(tmp_path / "n.xlsx", [SEED_HEADER, ["服务大厅", 1, "大厅", "", "", ""],
                                       [None, 2, "注册登记窗口", "", "", ""]])
    assert [p["name"] for p in read_attachment3(path).posts] == ["大厅", "注册登记窗口"]


def test_header_repeated_on_a_second_page_is_skipped(tmp_path: Path) -> None:
    path = build(tmp_path / "h.xlsx", [SEED_HEADER, ["服务大厅", 1, "大厅", "", "", ""], SEED_HEADER,
                                       [None, 2, "第二个大厅", "", "", ""]])
    assert [p["code"] for p in read_attachment3(path, "X").posts] == ["X-H1", "X-H2"]


def test_header_found_on_a_later_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active["A1"] = "说明：本表由人事处汇总"
    ws = wb.create_sheet("附件3")
    for row in (SEED_HEADER, ["窗口岗位", 1, "环评审批窗口", "", "", ""]):
        ws.append(row)
    wb.save(tmp_path / "two.xlsx")
    result = read_attachment3(tmp_path / "two.xlsx")
    assert (result.sheet, [p["name"] for p in result.posts]) == ("附件3", ["环评审批窗口"])


# -- files that are not the form at all -------------------------------------------------------------

def _word_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return path


@pytest.mark.parametrize(("name", "make", "message"), [
    ("附件3.xlsx", lambda p: p.write_text("类型,序号,名称\n服务大厅,1,大厅\n", encoding="utf-8"),
     "附件3.xlsx:0: file: not an Excel .xlsx workbook; save the table as .xlsx (Excel 工作簿) and import it again"),
    ("附件3.xlsx", lambda p: p.write_bytes(b""),
     "附件3.xlsx:0: file: the file is empty; save the table as .xlsx (Excel 工作簿) and import it again"),
    ("附件3.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
     "附件3.xls:0: file: an old-format Office file (.xls, .et or .doc) or a password-protected workbook, "
     "not an .xlsx workbook; remove any password and save the table as .xlsx (Excel 工作簿) and import it again"),
    ("附件3.docx", _word_document,
     "附件3.docx:0: file: a Word document, not an Excel workbook; copy the table into Excel or WPS 表格 and "
     "save it as .xlsx"),
])
def test_not_a_workbook_gives_a_clear_message(tmp_path: Path, name: str, make: Any, message: str) -> None:
    make(tmp_path / name)
    assert problems_of(tmp_path / name) == [message]


def test_damaged_workbook(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bad.xlsx", "w") as package:
        package.writestr("xl/workbook.xml", "<workbook")
    [message] = problems_of(tmp_path / "bad.xlsx")
    assert message.startswith("bad.xlsx:0: file: a damaged .xlsx workbook (")
    assert message.endswith("); open it in Excel or WPS and save the table as .xlsx (Excel 工作簿) and import it again")


def test_missing_file(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nowhere.xlsx") == ["nowhere.xlsx:0: file: cannot read: No such file or directory"]


# -- the saved examples -----------------------------------------------------------------------------

def test_fixture_files_read_as_their_forms() -> None:
    approval = read_attachment3(FIXTURES / "approval_office.xlsx", "SP")
    assert (approval.department_name, approval.posts) == ("行政审批处", APPROVAL_OFFICE_POSTS)
    assert read_attachment3(FIXTURES / "blank_form.xlsx", "SP").posts == []
    assert read_attachment3(FIXTURES / "messy_department.xlsx", "ZH").posts == MESSY_POSTS


# -- (g) whatever is in the cells: posts or a ContentError, never a traceback -----------------------

# Any text openpyxl can write: it refuses the C0 controls except tab, line feed and carriage return.
_REFUSED = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
_TEXT = st.text(st.characters(codec="utf-8", exclude_characters=_REFUSED), max_size=30)
_CELL = st.one_of(
    st.none(),
    st.sampled_from(["服务大厅", "网络平台", "窗口岗位", "办事窗口", "服 务 大 厅", "１", "1.", "2.0", "一", "①",
                     "0", "注：", "填写说明", "说明", "/", "无", "类型", "序号", "名    称", "工作事项",
                     "窗口联系人及联系方式", "地址（网址）", "张丽 0451-87113068转8001", "０４５１－８７１１３０６８", "https://a.gov.cn",
                     "www.", "3号窗口 一楼", "窗口", "_x000D_", "_xD800_", "_x0007_", "处（室）、单位：甲", "9" * 30,
                     "(", "转"]),
    _TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 1, 1)),
)

# Rows shaped like the form's (so that some examples do give posts), with random cells in them.
_ROW = st.tuples(st.sampled_from([*POST_TYPES, None, None, "办事窗口"]),
                 st.one_of(st.integers(min_value=1, max_value=4), st.sampled_from(["１", "2.", "3.0", None])),
                 st.one_of(st.sampled_from(["环评审批窗口", "门户网站"]), _CELL), _CELL, _CELL, _CELL).map(list)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(header=st.one_of(st.just(SEED_HEADER),
                        st.lists(st.sampled_from([*SEED_HEADER, "地址(网址)", "名称", None]), max_size=7)),
       table=st.lists(st.one_of(st.lists(_CELL, max_size=7), _ROW), max_size=10),
       merge_type=st.booleans())
def test_any_cells_give_posts_or_content_error(tmp_path: Path, header: list[object], table: Rows,
                                               merge_type: bool) -> None:
    rows: Rows = [["附件3"], [SEED_META], header, *table]
    merges = [f"A4:A{3 + len(table)}"] if merge_type and len(table) > 1 else []
    path = build(tmp_path / "random.xlsx", rows, merges)
    try:
        result = read_attachment3(path, "R")
    except ContentError as exc:
        assert exc.problems and all(isinstance(p, ContentProblem) and p.message for p in exc.problems)
        return
    assert read_attachment3(path, "R") == result
    codes = [p["code"] for p in result.posts]
    assert len(codes) == len(set(codes))
    for p in result.posts:
        assert p["type"] in POST_TYPES and p["seq"] >= 1 and p["name"]
        assert all(isinstance(p[k], str) for k in p if k not in ("seq", "staff"))
