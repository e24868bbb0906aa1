"""Reading a department's 附件3 窗口岗位设置情况表 (an ``.xlsx`` spreadsheet) into post records.

The form is the one at the end of the 2018 plan: a title, the line
``处（室）、单位：  负责人签字：  填报时间：``, the header ``类型 / 序号 / 名称 / 工作事项 /
窗口联系人及联系方式 / 地址（网址）``, three numbered rows for each of 服务大厅, 网络平台 and 窗口岗位,
and the 填写说明 notes under the table. Departments fill it in by hand, so the reader accepts what
they really send: the 类型 cell merged over its rows or left blank under the first row of a group,
empty numbered rows, blank rows, notes under the table, full-width digits, phones typed as numbers
or written as ``0451-87113068转8001`` next to the name.

:func:`read_attachment3` is pure (no database): it returns the posts in the shape of the content
file's ``posts`` (see ``assets/content/FORMAT.md``) or raises :class:`ContentError` listing every
problem with the file, the spreadsheet row and the column.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]

from kiosk.data.content_format import POST_TYPES, ContentError, ContentProblem

__all__ = ["COLUMNS", "HEADER_SCAN_ROWS", "Attachment3", "ContentError", "read_attachment3"]

HEADER_SCAN_ROWS = 15
"""The header row is looked for in this many rows at the top of each sheet."""

COLUMNS = ("类型", "序号", "名称", "工作事项", "窗口联系人及联系方式", "地址（网址）")
"""The columns of the form, as the seed spells them (and as problems name them)."""

_TYPE_LETTERS = dict(zip(POST_TYPES, ("H", "N", "W"), strict=True))
_TYPE_ALIASES = {**{t: t for t in POST_TYPES}, "网络服务平台": "网络平台"}
_ALLOWED_TYPES = f"{', '.join(POST_TYPES[:-1])} or {POST_TYPES[-1]}"

# Header spellings after _key() (NFKC, no blanks) → the column they stand for.
_HEADER_ALIASES = {
    "类型": "类型", "类别": "类型",
    "序号": "序号", "编号": "序号",
    "名称": "名称", "窗口名称": "名称", "岗位名称": "名称",
    "工作事项": "工作事项", "服务事项": "工作事项",
    "窗口联系人及联系方式": "窗口联系人及联系方式", "联系人及联系方式": "窗口联系人及联系方式",
    "窗口联系人及电话": "窗口联系人及联系方式", "联系人及电话": "窗口联系人及联系方式",
    "地址(网址)": "地址（网址）", "地址(网站)": "地址（网址）", "地址/网址": "地址（网址）",
    "地址、网址": "地址（网址）", "地址或网址": "地址（网址）", "地址": "地址（网址）",
}
_FILLED_COLUMNS = ("名称", "工作事项", "窗口联系人及联系方式", "地址（网址）")
# What people write into a cell to say "nothing here"; compared after _key() and lower().
_PLACEHOLDERS = frozenset({"/", "\\", "-", "--", "—", "——", "无", "暂无", "空", "n/a", "na"})
_BLANK_RUN_LIMIT = 1000  # this many unfilled rows in a row end the table (sheets formatted to row 1048576)
_ROW_LIMIT = 20000

_XML_ESCAPE_RE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_NOTES_RE = re.compile(r"^(?:填写说明|填表说明|(?:说明|备注|注)(?:[:.、,;(\d]|$))")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# One-to-one character maps (so that positions stay the same in the original text).
_DASHES = "－‐‑‒–—―−"
_PHONE_TRANS = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, **dict.fromkeys(_DASHES, "-"),
     "（": "(", "）": ")", "＋": "+", "＃": "#", "\u3000": " "}
)
_ASCII_TRANS = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, **dict.fromkeys(_DASHES, "-"), "\u3000": " "}
)

_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?"
    r"(?:1[3-9][0-9](?:[- ]?[0-9]{4}){2}"  # mobile, 138 1234 5678
    r"|(?:\(0[0-9]{2,3}\) ?|0[0-9]{2,3}[- ]?)?[1-9][0-9]{4,7})"  # fixed line with area code, or a hotline
    r"(?: ?(?:转|分机|ext\.?|x|-|#) ?[0-9]{1,6})?"  # extension
    r"(?![0-9])",
    re.IGNORECASE,
)
_CONTACT_LABEL_RE = re.compile(
    r"(?:窗口)?(?:联系人|联系电话|联系方式|办公电话|咨询电话|电话|手机|座机|固话|tel|phone|mobile)\s*[:：]?",
    re.IGNORECASE,
)
_SEPARATORS_RE = re.compile(r"[\s,，、;；/／|｜:：()（）\[\]【】<>《》\"“”'‘’]+")

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+=%]"
_URL_RE = re.compile(
    rf"(?:https?://|www\.){_URL_CHARS}+"
    r"|(?<![A-Za-z0-9.@\-/])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?\.)+"
    r"(?:cn|com|net|org|gov|edu|info|io|top)(?![A-Za-z0-9-])(?::[0-9]{1,5})?"
    rf"(?:/{_URL_CHARS}*)?",
    re.IGNORECASE,
)
_ADDRESS_LABEL_RE = re.compile(r"(?:网址|网站|地址|链接)\s*[:：]")
_EMPTY_PARENS_RE = re.compile(r"[(（]\s*[)）]")
_WINDOW_RE = re.compile(r"([0-9]+(?:\s*[-~、,至]\s*[0-9]+)*)号?(?:服务|受理|办事)?窗口")
_WINDOW_CN_RE = re.compile(r"([一二三四五六七八九十]{1,3})号(?:服务|受理|办事)?窗口")
_WINDOW_AFTER_RE = re.compile(r"窗口\s*([0-9]+)(?!\s*[0-9楼层])")
_FLOOR_RE = re.compile(r"(?<![0-9号])(地下\s*)?([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*([楼层])")

_META_LABELS = (
    ("department_name", re.compile(r"处\s*[(（]\s*室\s*[)）]\s*[、，,/]?\s*单\s*位\s*[:：]?|单\s*位\s*[:：]")),
    ("signed_by", re.compile(r"负\s*责\s*人\s*签\s*[字名]\s*[:：]?")),
    ("filled_on", re.compile(r"填\s*[报表]\s*(?:时\s*间|日\s*期)\s*[:：]?")),
)


@dataclass(frozen=True)
class Attachment3:
    """What one 附件3 spreadsheet says."""

    source: Path
    sheet: str
    department_name: str  # from "处（室）、单位：", may be empty
    signed_by: str  # from "负责人签字：", may be empty
    filled_on: str  # from "填报时间：" as written (a date cell becomes YYYY-MM-DD), may be empty
    posts: list[dict[str, Any]] = field(default_factory=list)


def read_attachment3(path: Path, department_code: str | None = None) -> Attachment3:
    """Read a department's 附件3 spreadsheet; raise :class:`ContentError` listing every problem.

    Posts get ``department`` = *department_code* (``DEPT`` if none is given) and the code
    ``{department}-{H|N|W}{序号}`` (H 服务大厅, N 网络平台, W 窗口岗位). Reading the same file twice
    gives the same result.
    """
    file = path.name
    workbook = _open(path, file)
    found = _find_header(workbook)
    if found is None:
        raise ContentError([ContentProblem(
            file, 0, "header",
            f"no header row with the columns {' / '.join(COLUMNS)} in the first {HEADER_SCAN_ROWS} rows",
        )])
    sheet, header_row, columns, above = found
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise ContentError([ContentProblem(file, header_row, f"column {c}", "missing from the header row")
                            for c in missing])
    meta = _metadata(above)
    posts, problems = _read_table(file, sheet, header_row, columns, department_code or "DEPT")
    if problems:
        raise ContentError(problems)
    return Attachment3(source=path, sheet=str(sheet.title), department_name=meta["department_name"],
                       signed_by=meta["signed_by"], filled_on=meta["filled_on"], posts=posts)


# -- opening ----------------------------------------------------------------------------------------

def _open(path: Path, file: str) -> Any:
    def fail(message: str) -> ContentError:
        return ContentError([ContentProblem(file, 0, "file", message)])

    save_as = "save the table as .xlsx (Excel 工作簿) and import it again"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from exc
    if not data:
        raise fail(f"the file is empty; {save_as}")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise fail("an old-format Office file (.xls, .et or .doc) or a password-protected workbook, "
                   f"not an .xlsx workbook; remove any password and {save_as}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise fail(f"not an Excel .xlsx workbook; {save_as}") from exc
    if "word/document.xml" in names:
        raise fail("a Word document, not an Excel workbook; copy the table into Excel or WPS 表格 and "
                   "save it as .xlsx")
    if "content.xml" in names and "mimetype" in names:
        raise fail(f"an OpenDocument spreadsheet (.ods), not an .xlsx workbook; {save_as}")
    if not any(n.startswith("xl/") for n in names):
        raise fail(f"not an Excel .xlsx workbook; {save_as}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            return load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged packages
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise fail(f"a damaged .xlsx workbook ({reason}); open it in Excel or WPS and {save_as}") from exc


# -- cells ------------------------------------------------------------------------------------------

def _cell_text(value: object) -> str:
    """A cell's value as the text the clerk sees: numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if math.isfinite(value) and value.is_integer() else str(value)
    elif isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, dt.time):
        text = value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    else:
        # Excel stores characters XML cannot hold as _xHHHH_ (a pasted CR/LF is "_x000D_\n");
        # openpyxl hands them over as they are.
        text = _XML_ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), str(value))
    return _clean(text)


def _clean(text: str) -> str:
    """Strip control and invisible characters (keeping line breaks) and surrounding blanks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = ("".join(ch for ch in line if unicodedata.category(ch)[0] != "C").strip()
             for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _key(text: str) -> str:
    """Text for comparisons: NFKC, every blank (also full-width and inside words) removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def _value(text: str) -> str:
    """The cell's text, or "" when it only says "nothing here" ("/", "无", "—")."""
    return "" if _key(text).lower() in _PLACEHOLDERS else text


def _one_line(text: str) -> str:
    """Join the lines of a wrapped cell: directly between Chinese characters, else with a space."""
    out = ""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if out and line and not (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += " "
        out += line
    return out


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" or (
        "\u3000" <= ch <= "\u303f")


class _Sheet:
    """Cell values of one worksheet with merged ranges resolved.

    A merged range's value (openpyxl keeps it in the top-left cell only) stands for every row of
    the range in its first column: 类型 merged over three rows is 服务大厅 in each of them, while a
    cell merged across columns still belongs to its first column.
    """

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.title = str(ws.title)
        self.last_row = min(int(ws.max_row or 0), _ROW_LIMIT)
        self.merged: dict[tuple[int, int], object] = {}
        self.merged_top: dict[tuple[int, int], int] = {}
        for rng in ws.merged_cells.ranges:
            top, left, bottom = int(rng.min_row), int(rng.min_col), int(rng.max_row)
            value = ws.cell(row=top, column=left).value
            for row in range(top + 1, min(bottom, self.last_row) + 1):
                self.merged[(row, left)] = value
                self.merged_top[(row, left)] = top

    def origin(self, row: int, col: int) -> int:
        """The row where the value seen at (row, col) is written: the top of its merged range."""
        return self.merged_top.get((row, col), row)

    def rows(self, first: int, last: int, width: int) -> Iterator[tuple[int, list[str]]]:
        last = min(last, self.last_row)
        if last < first or width < 1:
            return
        for row, values in enumerate(self.ws.iter_rows(min_row=first, max_row=last, max_col=width,
                                                       values_only=True), start=first):
            cells = list(values) + [None] * (width - len(values))
            for col in range(1, width + 1):
                if (row, col) in self.merged:
                    cells[col - 1] = self.merged[(row, col)]
            yield row, [_cell_text(v) for v in cells]


# -- header and the lines above it ------------------------------------------------------------------

def _header_columns(cells: Sequence[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, text in enumerate(cells):
        column = _HEADER_ALIASES.get(_key(text))
        if column and column not in columns:
            columns[column] = index
    return columns


def _find_header(workbook: Any) -> tuple[_Sheet, int, dict[str, int], list[list[str]]] | None:
    """The sheet and row whose cells name the most columns (at least two); the rows above it."""
    best: tuple[_Sheet, int, dict[str, int], list[list[str]]] | None = None
    for ws in workbook.worksheets:
        sheet = _Sheet(ws)
        width = min(int(ws.max_column or 0), 60)
        above: list[list[str]] = []
        for row, cells in sheet.rows(1, HEADER_SCAN_ROWS, width):
            columns = _header_columns(cells)
            if len(columns) >= 2 and (best is None or len(columns) > len(best[2])):
                best = (sheet, row, columns, list(above))
            above.append(cells)
    return best


def _metadata(rows: list[list[str]]) -> dict[str, str]:
    """处（室）、单位 / 负责人签字 / 填报时间 from the lines above the header, in one cell or several."""
    found = {"department_name": "", "signed_by": "", "filled_on": ""}
    for cells in rows:
        line = "  ".join(_one_line(c) for c in cells if c)
        marks = sorted((m.start(), m.end(), name) for name, regex in _META_LABELS for m in regex.finditer(line))
        # A label inside another one's span ("单位：" in "处（室）、单位：") is not a label of its own.
        kept: list[tuple[int, int, str]] = []
        for start, end, name in marks:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, name))
        for index, (_, end, name) in enumerate(kept):
            stop = kept[index + 1][0] if index + 1 < len(kept) else len(line)
            value = " ".join(line[end:stop].split()).strip("_＿ ")
            if value and not found[name]:
                found[name] = value
    return found


# -- the table --------------------------------------------------------------------------------------

def _read_table(file: str, sheet: _Sheet, header_row: int, columns: dict[str, int],
                department: str) -> tuple[list[dict[str, Any]], list[ContentProblem]]:
    problems: list[ContentProblem] = []
    posts: list[dict[str, Any]] = []
    width = max(int(sheet.ws.max_column or 0), max(columns.values()) + 1)
    width = min(width, max(columns.values()) + 20)
    type_text, type_row = "", 0  # the last 类型 written above (carried down over blank cells)
    reported_types: set[int] = set()
    first_row_of: dict[tuple[str, int], int] = {}
    blank_run = 0

    def problem(row: int, column: str, message: str) -> None:
        problems.append(ContentProblem(file, row, f"column {column}", message))

    for row, cells in sheet.rows(header_row + 1, sheet.last_row, width):
        first = next((c for c in cells if c), "")
        if _NOTES_RE.match(_key(first)):
            break  # 填写说明 / 注 / 说明: the notes under the table
        if len(_header_columns(cells)) >= 3:
            continue  # the header repeated (printed over several pages)
        get = {name: cells[index] for name, index in columns.items()}
        if get["类型"]:
            type_text, type_row = get["类型"], sheet.origin(row, columns["类型"] + 1)
        if not any(_value(get[c]) for c in _FILLED_COLUMNS):
            blank_run += 1
            if blank_run >= _BLANK_RUN_LIMIT:
                break
            continue  # a blank row, or a numbered row of the form nobody filled in
        blank_run = 0
        before = len(problems)

        post_type = _TYPE_ALIASES.get(_key(type_text), "")
        if not type_text:
            problem(row, "类型", "missing, and there is no type above it")
        elif not post_type and type_row not in reported_types:
            reported_types.add(type_row)
            problem(type_row, "类型", f'unknown type "{_one_line(type_text)}" in row {type_row}; '
                                    f"expected {_ALLOWED_TYPES}")

        seq = _sequence(_value(get["序号"]))
        if isinstance(seq, str):
            problem(row, "序号", seq)
        elif post_type:
            earlier = first_row_of.setdefault((post_type, seq), row)
            if earlier != row:
                problem(row, "序号", f"序号 {seq} is used twice for {post_type}: rows {earlier} and {row}")

        name = _one_line(_value(get["名称"]))
        if not name:
            problem(row, "名称", "missing, although the row is filled in")
        if len(problems) > before or not post_type or isinstance(seq, str):
            continue

        contact, phone = _split_contact(_value(get["窗口联系人及联系方式"]))
        address, url = _split_address(_value(get["地址（网址）"]))
        window = _window(address) or _window(name)
        posts.append({
            "code": f"{department}-{_TYPE_LETTERS[post_type]}{seq}",
            "department": department,
            "type": post_type,
            "seq": seq,
            "name": name,
            "work_items": _value(get["工作事项"]),
            "contact": contact,
            "phone": phone,
            "address": address,
            "url": url,
            "window": window,
            "floor": _floor(address),
            "hours": "",
            "staff": [],
        })
    return posts, problems


def _sequence(text: str) -> int | str:
    """序号 as a whole number, or the problem with it: 1, "1", "１", "1.", "(1)", "1.0", "①", "一"."""
    if not text:
        return "missing"
    key = _key(text).strip("()").rstrip(".、,")
    match = re.fullmatch(r"([0-9]{1,9})(?:\.0*)?", key)
    number = int(match.group(1)) if match else _chinese_number(key)
    if number is None:
        return f'not a whole number: "{_one_line(text)}"'
    if number < 1:
        return f"must be 1 or more, found {number}"
    return number


def _chinese_number(text: str) -> int | None:
    """一 … 九十九 (the small numbers people write as 序号 or window numbers)."""
    if len(text) == 1:
        return _CN_DIGITS.get(text, 10 if text == "十" else None)
    tens, sep, units = text.partition("十")
    if not sep or len(text) > 3 or "十" in units:
        return None
    ten = _CN_DIGITS.get(tens) if tens else 1
    unit = _CN_DIGITS.get(units) if units else 0
    return None if ten is None or unit is None else ten * 10 + unit


def _split_contact(text: str) -> tuple[str, str]:
    """窗口联系人及联系方式 → (names, phones), each joined with "、".

    "张丽 0451-87113068转8001", "张丽，0451-87113068-8001", "张丽（13812345678）",
    "0451-87113068转8001 张丽", one person a line. Phones keep their text as written, with
    full-width digits, hyphens and brackets made plain; a part with no letters is a phone too.
    """
    plain = text.translate(_PHONE_TRANS)
    phones: list[str] = []
    rest = list(text)
    for match in _PHONE_RE.finditer(plain):
        phones.append(match.group())
        rest[match.start():match.end()] = [" "] * (match.end() - match.start())
    names: list[str] = []
    for part in _SEPARATORS_RE.split(_CONTACT_LABEL_RE.sub(" ", "".join(rest))):
        if any(ch.isalpha() for ch in part):
            names.append(part)
        elif any(ch.isdigit() for ch in part):
            phones.append(part.translate(_PHONE_TRANS))
    return "、".join(dict.fromkeys(names)), "、".join(dict.fromkeys(" ".join(p.split()) for p in phones))


def _split_address(text: str) -> tuple[str, str]:
    """地址（网址） → (address, url): the first web address goes to url, the rest stays the address."""
    plain = text.translate(_ASCII_TRANS)
    match = _URL_RE.search(plain)
    if match is None:
        return _one_line(text), ""
    url = match.group().rstrip(".:")
    rest = text[:match.start()] + " " + text[match.end():]
    rest = _EMPTY_PARENS_RE.sub(" ", _ADDRESS_LABEL_RE.sub(" ", rest))
    address = _one_line(rest).strip(" ,，、;；:：|/")
    return address, url


def _window(text: str) -> str:
    """The window number in "3号窗口", "1-8号窗口", "三号窗口", "窗口3"."""
    plain = unicodedata.normalize("NFKC", text.translate(_ASCII_TRANS))
    match = _WINDOW_RE.search(plain)
    if match:
        return re.sub(r"\s+", "", match.group(1)).replace("~", "-").replace("至", "-").replace(",", "、")
    match = _WINDOW_CN_RE.search(plain)
    if match:
        number = _chinese_number(match.group(1))
        if number is not None:
            return str(number)
    match = _WINDOW_AFTER_RE.search(plain)
    return match.group(1) if match else ""


def _floor(text: str) -> str:
    """The floor in "一楼", "1楼", "二层", "地下一层" as written (digits made plain)."""
    match = _FLOOR_RE.search(unicodedata.normalize("NFKC", text))
    return re.sub(r"\s+", "", match.group()) if match else ""
