"""Raw rating records as CSV for other systems (the provincial 好差评 platform, spreadsheets).

One row per rating of the period (kiosk-local dates, both included), in kiosk-time order, with the
fields of GB/T 39046's rating record plus where it was given and the office's follow-up. UTF-8 with a
byte-order mark so that Excel opens it as UTF-8. ``counted`` says whether the report counts the rating
(0: a repeated press or a case rated before, counted apart). The visitor's phone number is left out
unless asked for (``with_phone``): it serves the office's call-back, not other systems.
"""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import DateTime, Engine, text

from kiosk.data.visitor_rules import LEVEL_NAMES
from sync.feedback_admin import OfficeError, day_after, reasons_of
from sync.office_models import CASE_REPEATS_SQL

COLUMNS: Final[tuple[str, ...]] = (
    "uuid", "case_no", "channel", "region_code", "kiosk_id", "kiosk_time", "received_at", "level", "level_name",
    "reasons", "text", "department_code", "post_code", "item_code", "staff", "repeated", "counted",
    "answered_at", "answered_by", "answer",
)


def export_ratings(engine: Engine, start: date, end: date, out: Path, *, with_phone: bool = False) -> int:
    """Write the ratings of ``start``..``end`` to ``out``; returns the number of rows."""
    if start > end:
        raise OfficeError(f"--from {start} is after --to {end}")
    if out.suffix.lower() != ".csv":
        raise OfficeError(f"--out must end in .csv, not {out.name!r}")
    columns = (*COLUMNS[:11], "phone", *COLUMNS[11:]) if with_phone else COLUMNS
    query = text(
        f"WITH dup AS ({CASE_REPEATS_SQL}) "
        "SELECT rating.*, CASE WHEN rating.repeated OR dup.uuid IS NOT NULL THEN 0 ELSE 1 END AS counted "
        "FROM rating LEFT JOIN dup ON dup.uuid = rating.uuid "
        "WHERE rating.kiosk_time >= :start AND rating.kiosk_time < :after ORDER BY rating.kiosk_time, rating.uuid"
    ).columns(received_at=DateTime(timezone=True), answered_at=DateTime(timezone=True))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    rows = 0
    with engine.connect() as connection, partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        result = connection.execution_options(yield_per=2000).execute(
            query, {"start": start.isoformat(), "after": day_after(end)})
        for record in result.mappings():
            values = {
                **{name: record.get(name) for name in columns},
                "level_name": LEVEL_NAMES.get(int(record["level"]), ""),
                "reasons": ";".join(reasons_of(record["reasons"])),
                "repeated": 1 if record["repeated"] else 0,
                "counted": int(record["counted"]),
                "received_at": _iso(record["received_at"]),
                "answered_at": _iso(record["answered_at"]),
            }
            writer.writerow(["" if values[name] is None else values[name] for name in columns])
            rows += 1
    partial.replace(out)
    return rows


def _iso(value: object) -> str:
    """An office timestamp in ISO 8601 (naive values are UTC)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value
        return aware.isoformat(timespec="seconds")
    return str(value)
