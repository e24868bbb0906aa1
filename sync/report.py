"""The satisfaction report (满意度评价报表) of a period, by department, window post or item: the figures
the year-end evaluation rests on, computed in the office database (GROUP BY) from the raw ratings.

What is counted (the same rules as the kiosks' results screen, through the ``rating_summary`` view):

- a rating is in the period when its kiosk's local date (the date in ``kiosk_time``) is within
  ``start``..``end``, both included;
- repeated presses are counted apart and left out of every other figure: a press its kiosk flagged
  (``rating.repeated``), or a later rating of a case number already rated (earlier by kiosk time, also
  before the period; ties by uuid);
- 满意率 = (非常满意 + 满意 + 基本满意) / counted ratings; 差评 = 不满意 + 非常不满意, and of those how
  many the office has followed up (``answered_at`` set);
- the heat map counts the counted ratings by the kiosk's local weekday and hour.

Names of departments, posts and items come from the office's current content; a code no longer there
is shown as the code. :func:`write_report` writes XLSX (``sync.report_xlsx``) or PDF (``sync.report_pdf``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import DateTime, Engine, select, text
from sqlalchemy.orm import Session

from kiosk.data.visitor_rules import LEVEL_NAMES, LEVELS
from sync.feedback_admin import OfficeError, local_time, reasons_of
from sync.office_models import CASE_REPEATS_SQL, ContentRecord

#: --by → (rating column, label)
GROUPINGS: Final[dict[str, tuple[str, str]]] = {
    "department": ("department_code", "部门"),
    "post": ("post_code", "窗口"),
    "item": ("item_code", "事项"),
}
WEEKDAYS: Final = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
UNNAMED: Final = "（未指明）"
#: why a press is counted apart
PRESS, CASE_AGAIN = 1, 2
WHY: Final = {PRESS: "重复按键", CASE_AGAIN: "同一办件再次评价"}
RULES: Final = (
    "统计口径：以评价终端当地日期为准，起止日期均含；满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数；"
    "差评 = 不满意 + 非常不满意。重复按键（终端标记的短时间内重复评价）和同一办件的再次评价另计，"
    "不计入评价数、满意率、差评和热力图。"
)


@dataclass
class GroupFigures:
    code: str
    name: str
    per_level: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])
    bad_answered: int = 0
    repeated: int = 0  # presses counted apart

    @property
    def total(self) -> int:
        return sum(self.per_level)

    @property
    def satisfied(self) -> int:
        return sum(self.per_level[:3])

    @property
    def bad(self) -> int:
        return self.per_level[3] + self.per_level[4]

    @property
    def satisfaction(self) -> float | None:
        return self.satisfied / self.total if self.total else None

    def add(self, other: GroupFigures) -> None:
        self.per_level = [a + b for a, b in zip(self.per_level, other.per_level, strict=True)]
        self.bad_answered += other.bad_answered
        self.repeated += other.repeated


@dataclass(frozen=True)
class BadRating:
    uuid: str
    kiosk_time: str
    kiosk_id: str
    level: int
    department: str
    post: str
    item: str
    case_no: str
    staff: str
    reasons: list[str]
    text: str
    phone: str
    answer: str
    answered_at: datetime | None
    answered_by: str

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, str(self.level))

    @property
    def follow_up(self) -> str:
        if self.answered_at is None:
            return "未回访"
        return f"已回访 {local_time(self.answered_at)[:10]} {self.answered_by}".strip()


@dataclass(frozen=True)
class RepeatedPress:
    uuid: str
    kiosk_time: str
    kiosk_id: str
    level: int
    group: str
    case_no: str
    why: str


@dataclass
class Report:
    start: date
    end: date
    by: str
    generated_at: str
    overall: GroupFigures
    groups: list[GroupFigures]
    bad: list[BadRating]
    bad_total: int
    repeats: list[RepeatedPress]
    repeats_total: int
    repeats_by_why: dict[str, int]
    heat: list[list[int]]  # [weekday Monday..Sunday][hour 0..23]

    @property
    def by_label(self) -> str:
        return GROUPINGS[self.by][1]

    @property
    def period(self) -> str:
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def content_names(session: Session) -> dict[tuple[str, str], str]:
    """(kind, code) → display name of the office's current departments, posts ("3号窗口 名称") and items."""
    names: dict[tuple[str, str], str] = {}
    rows = session.execute(select(ContentRecord.kind, ContentRecord.key, ContentRecord.body).where(
        ContentRecord.kind.in_(("department", "post", "item")), ContentRecord.deleted.is_(False)))
    for kind, key, body in rows:
        try:
            record: Any = json.loads(body)
        except ValueError:
            continue
        if not isinstance(record, dict) or not record.get("name"):
            continue
        name = str(record["name"])
        if kind == "post" and record.get("window"):
            name = f"{record['window']}号窗口 {name}"
        names[(kind, key)] = name
    return names


def _base(column: str) -> str:
    """The ratings of the period with ``why`` (0 counted, 1 repeated press, 2 case rated before) and
    ``g`` (the grouping code, '' when not given). The period is matched on the date part of kiosk_time
    (a scan of the table: for a year of ratings faster than walking the kiosk_time index)."""
    return (
        f"WITH dup AS ({CASE_REPEATS_SQL}), "
        "r AS (SELECT rating.*, COALESCE(rating." + column + ", '') AS g, "
        f"CASE WHEN rating.repeated THEN {PRESS} WHEN dup.uuid IS NOT NULL THEN {CASE_AGAIN} ELSE 0 END AS why "
        "FROM rating LEFT JOIN dup ON dup.uuid = rating.uuid "
        "WHERE substr(rating.kiosk_time, 1, 10) BETWEEN :start AND :end) "
    )


def build_report(engine: Engine, start: date, end: date, by: str, *, bad_limit: int | None = None,
                 repeat_limit: int | None = None) -> Report:
    """The figures of ``start``..``end`` (inclusive) grouped ``by`` department|post|item. ``bad_limit`` /
    ``repeat_limit``: list at most this many 差评 / repeated presses (the totals are always exact)."""
    if by not in GROUPINGS:
        raise OfficeError(f"--by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    if start > end:
        raise OfficeError(f"--from {start} is after --to {end}")
    column = GROUPINGS[by][0]
    base = _base(column)
    params = {"start": start.isoformat(), "end": end.isoformat()}
    kind = by
    with Session(engine) as session:
        names = content_names(session)

        def name_of(kind_: str, code: str) -> str:
            return names.get((kind_, code), code) if code else UNNAMED

        groups: dict[str, GroupFigures] = {}
        repeats_by_why = {label: 0 for label in WHY.values()}
        rows = session.execute(text(
            base + "SELECT g, level, why, count(*) AS n, count(answered_at) AS answered FROM r GROUP BY g, level, why"
        ), params)
        for code, level, why, n, answered in rows:
            figures = groups.setdefault(code, GroupFigures(code, name_of(kind, code)))
            if why:
                figures.repeated += int(n)
                repeats_by_why[WHY[int(why)]] += int(n)
            elif 1 <= int(level) <= 5:
                figures.per_level[int(level) - 1] += int(n)
                if int(level) >= 4:
                    figures.bad_answered += int(answered)

        heat = [[0] * 24 for _ in range(7)]
        for hour_stamp, n in session.execute(text(
            base + "SELECT substr(kiosk_time, 1, 13) AS dh, count(*) FROM r WHERE why = 0 GROUP BY 1"), params):
            try:  # "2026-11-27T10": the kiosk's local date and hour
                day, hour = date.fromisoformat(hour_stamp[:10]), int(hour_stamp[11:13])
            except ValueError:
                continue
            if 0 <= hour < 24:
                heat[day.weekday()][hour] += int(n)

        limit = "" if bad_limit is None else f" LIMIT {int(bad_limit)}"
        bad_query = text(
            base + "SELECT uuid, kiosk_time, kiosk_id, level, department_code, post_code, item_code, case_no, "
                   "staff, reasons, text, phone, answer, answered_at, answered_by FROM r "
                   "WHERE why = 0 AND level IN (4, 5) ORDER BY kiosk_time, uuid" + limit
        ).columns(answered_at=DateTime(timezone=True))
        bad = [BadRating(r.uuid, r.kiosk_time, r.kiosk_id, int(r.level), name_of("department", r.department_code),
                         name_of("post", r.post_code), name_of("item", r.item_code), r.case_no or "", r.staff or "",
                         reasons_of(r.reasons), r.text or "", r.phone or "", r.answer or "", r.answered_at,
                         r.answered_by or "")
               for r in session.execute(bad_query, params)]

        repeats: list[RepeatedPress] = []
        if repeat_limit != 0:
            limit = "" if repeat_limit is None else f" LIMIT {int(repeat_limit)}"
            rows = session.execute(text(
                base + "SELECT uuid, kiosk_time, kiosk_id, level, g, case_no, why FROM r WHERE why <> 0 "
                       "ORDER BY kiosk_time, uuid" + limit), params)
            repeats = [RepeatedPress(r.uuid, r.kiosk_time, r.kiosk_id, int(r.level), name_of(kind, r.g),
                                     r.case_no or "", WHY[int(r.why)]) for r in rows]

    ordered = sorted(groups.values(), key=lambda g: (g.code == "", g.code))
    overall = GroupFigures("", "合计")
    for figures in ordered:
        overall.add(figures)
    return Report(start, end, by, datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"), overall, ordered, bad,
                  overall.bad, repeats, overall.repeated, repeats_by_why, heat)


def level_headers() -> list[str]:
    return [name for _, name in LEVELS]


def group_cells(figures: GroupFigures) -> list[object]:
    """The figures of a row as in the tables: levels 1–5, 评价数, 满意率, 差评, 已回访, 重复(另计)."""
    return [*figures.per_level, figures.total, figures.satisfaction, figures.bad, figures.bad_answered,
            figures.repeated]


GROUP_HEADERS: Final[Sequence[str]] = (*[name for _, name in LEVELS], "评价数", "满意率", "差评", "差评已回访",
                                       "重复(另计)")


def write_report(engine: Engine, start: date, end: date, by: str, out: Path) -> Report:
    """Build the report and write it to ``out`` (.xlsx or .pdf, by its suffix)."""
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise OfficeError(f"--out must end in .xlsx or .pdf, not {out.name!r}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        from sync.report_xlsx import write_xlsx

        report = build_report(engine, start, end, by)
        write_xlsx(report, out)
    else:
        from sync.report_pdf import PDF_LIST_LIMIT, write_pdf

        report = build_report(engine, start, end, by, bad_limit=PDF_LIST_LIMIT, repeat_limit=0)
        write_pdf(report, out)
    return report
