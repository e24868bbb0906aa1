"""Pull: content changes since the kiosk's checkpoint, applied in one local transaction with it.

The office assigns revisions under a row lock, so they commit in order: whoever has seen revision
N has seen every revision below it, and ``revision > checkpoint`` never skips a late commit.
A cache built from another office, or from a content file, is replaced by a full pull; the new
cache is built beside the old one and renamed into place, so a crash leaves the old one intact.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from kiosk.data.cache import (
    add_rated_cases,
    apply_pull,
    cache_meta,
    open_engine,
    rated_cases_checkpoint,
    replace_cache,
    replace_feedback_status,
    replace_rating_summary,
)
from kiosk.data.records import Change
from sync.office_models import (
    ContentHead,
    ContentRecord,
    feedback_status_view,
    rated_case_view,
    rating_summary_view,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PullReport:
    changes: int
    kinds: frozenset[str]
    revision: int
    full: bool

    def line(self) -> str:
        if not self.changes:
            return f"pull: up to date at revision {self.revision}"
        what = "full pull" if self.full else "pull"
        return f"{what}: {self.changes} change(s) ({', '.join(sorted(self.kinds))}) up to revision {self.revision}"


def office_identity(office: Engine) -> str:
    """Which office a cache came from (the URL without password)."""
    return make_url(str(office.url)).render_as_string(hide_password=True)


def pull(office: Engine, cache: Path) -> PullReport:
    identity = office_identity(office)
    checkpoint = _checkpoint(cache, identity)
    with office.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        head = connection.scalar(select(ContentHead.revision).where(ContentHead.id == 1)) or 0
        rows = connection.execute(
            select(ContentRecord.kind, ContentRecord.key, ContentRecord.revision, ContentRecord.deleted,
                   ContentRecord.body)
            .where(ContentRecord.revision > (checkpoint or 0)).order_by(ContentRecord.revision)
        ).all()
    if not rows:
        return PullReport(0, frozenset(), max(checkpoint or 0, 0), False)
    revision = max(int(head), max(int(r.revision) for r in rows))
    meta = {"checkpoint": str(revision), "revision": str(revision), "office": identity, "fingerprint": ""}
    if checkpoint is None:
        changes = [Change(r.kind, r.key, json.loads(r.body)) for r in rows if not r.deleted]
        replace_cache(cache, changes, meta)
        return PullReport(len(changes), frozenset(c.kind for c in changes), revision, True)
    changes = [Change(r.kind, r.key, None if r.deleted else json.loads(r.body)) for r in rows]
    engine = open_engine(cache)
    try:
        kinds = apply_pull(engine, cache, changes, meta)
    finally:
        engine.dispose()
    return PullReport(len(changes), frozenset(kinds), revision, False)


def _checkpoint(cache: Path, identity: str) -> int | None:
    """The cache's checkpoint, or None when it must be rebuilt from scratch (missing, foreign, corrupt)."""
    meta = cache_meta(cache)
    if meta is None or meta.get("office") != identity or not meta.get("checkpoint"):
        return None
    return int(meta["checkpoint"])


def pull_feedback_status(office: Engine, cache: Path) -> int:
    """Status, replies and promised dates of feedback, by tracking code only (the office's
    feedback_status view)."""
    if cache_meta(cache) is None:
        return 0  # no content yet: nothing to attach the statuses to
    with office.connect() as connection:
        rows = connection.execute(select(feedback_status_view)).all()
    engine = open_engine(cache)
    try:
        replace_feedback_status(engine, [
            {"code": r.code, "status": r.status, "reply": r.reply or "", "received_at": _stamp(r.received_at),
             "replied_at": _stamp(r.replied_at), "closed_at": _stamp(r.closed_at), "due_date": r.due_date or ""}
            for r in rows
        ])
    finally:
        engine.dispose()
    return len(rows)


def pull_rating_summary(office: Engine, cache: Path) -> int:
    """The counts of all kiosks' ratings (the office's rating_summary view: by month, department, post,
    level and repeated), for the public results screen; replaces what the cache had."""
    if cache_meta(cache) is None:
        return 0
    with office.connect() as connection:
        rows = connection.execute(select(rating_summary_view)).all()
    engine = open_engine(cache)
    try:
        replace_rating_summary(engine, [
            {"month": r.month, "department_code": r.department_code or "", "post_code": r.post_code or "",
             "level": int(r.level), "repeated": bool(r.repeated), "n": int(r.n), "answered": int(r.answered)}
            for r in rows
        ])
    finally:
        engine.dispose()
    return len(rows)


#: received_at is the office transaction's start time: a rating committed after a later-started one
#: carries an older stamp, so each pull looks this far back before the newest stamp it has seen.
RATED_CASES_OVERLAP = timedelta(minutes=10)


def pull_rated_cases(office: Engine, cache: Path) -> int:
    """Case numbers rated at any kiosk since the cache's checkpoint (minus :data:`RATED_CASES_OVERLAP`),
    from the office's rated_case view; a case seen again is harmless. Returns the rows read."""
    if cache_meta(cache) is None:
        return 0
    engine = open_engine(cache)
    try:
        checkpoint = rated_cases_checkpoint(engine)
        query = select(rated_case_view.c.case_no, rated_case_view.c.received_at)
        if checkpoint:
            since = datetime.fromisoformat(checkpoint) - RATED_CASES_OVERLAP
            if office.dialect.name == "sqlite":  # stored as naive UTC text there
                since = since.astimezone(UTC).replace(tzinfo=None)
            query = query.where(rated_case_view.c.received_at >= since)
        with office.connect() as connection:
            rows = connection.execute(query).all()
        add_rated_cases(engine, [(r.case_no, _utc_stamp(r.received_at)) for r in rows])
    finally:
        engine.dispose()
    return len(rows)


def _utc_stamp(value: datetime) -> str:
    """An office timestamp as ISO 8601 in UTC (SQLite gives naive UTC values), comparable as text."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.isoformat(timespec="seconds")


def _stamp(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value)
