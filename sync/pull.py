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
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url

from kiosk.data.cache import apply_pull, cache_meta, open_engine, replace_cache, replace_feedback_status
from kiosk.data.records import Change
from sync.office_models import ContentHead, ContentRecord

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
    """Status and replies of feedback, by tracking code only (the office's feedback_status view)."""
    if cache_meta(cache) is None:
        return 0  # no content yet: nothing to attach the statuses to
    with office.connect() as connection:
        rows = connection.execute(text(
            "SELECT code, status, reply, received_at, replied_at, closed_at FROM feedback_status")).all()
    engine = open_engine(cache)
    try:
        replace_feedback_status(engine, [
            {"code": r.code, "status": r.status, "reply": r.reply or "", "received_at": _stamp(r.received_at),
             "replied_at": _stamp(r.replied_at), "closed_at": _stamp(r.closed_at)} for r in rows
        ])
    finally:
        engine.dispose()
    return len(rows)


def _stamp(value: object) -> str:
    if value is None:
        return ""
    return value.isoformat(timespec="seconds") if hasattr(value, "isoformat") else str(value)
