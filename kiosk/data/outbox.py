"""What visitors leave at the kiosk (ratings, feedback) and heartbeats, kept until the office has them.

The file is precious, unlike the content cache: its own SQLite file, ``synchronous=FULL`` so a commit
survives a power cut, never deleted or rebuilt. A record and its outbox entry are written in one
transaction; the entry leaves only after the office has committed the record; a record the office
rejects as invalid is set aside with the reason and does not block the ones behind it.
"""

from __future__ import annotations

import json
import time
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    and_,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

OUTBOX_NAME = "outbox.sqlite"
KINDS = ("rating", "feedback", "heartbeat")
#: what a visitor typed about themselves: removed from the kiosk once the office has the record
PERSONAL_FIELDS = ("phone", "name", "text")


class AlreadyRated(Exception):
    """This case number has been rated at this kiosk before."""


class OutboxBase(DeclarativeBase):
    pass


class LocalRecord(OutboxBase):
    """The record as the visitor left it (issue 4 clears personal fields once the office confirmed it)."""

    __tablename__ = "local_record"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON: the office columns of the record
    created_at: Mapped[str] = mapped_column(Text)  # kiosk clock, ISO 8601 with offset
    confirmed_at: Mapped[str | None] = mapped_column(Text, default=None)


class OutboxEntry(OutboxBase):
    __tablename__ = "outbox"
    uuid: Mapped[str] = mapped_column(ForeignKey("local_record.uuid"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)  # sending order
    # pending | rejected | held (a rating whose details may still follow; sent once released or stale)
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    held_until: Mapped[float | None] = mapped_column(Float, default=None)  # epoch seconds
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


class RatedCaseLocal(OutboxBase):
    """Case numbers rated at this kiosk: a case is rated once (kept after the office confirmed it)."""

    __tablename__ = "rated_case"
    case_no: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_uuid: Mapped[str] = mapped_column(String(36))


@dataclass(frozen=True)
class LocalEntry:
    uuid: str
    created_at: str
    payload: dict[str, Any]
    confirmed: bool


@dataclass(frozen=True)
class Pending:
    uuid: str
    kind: str
    payload: dict[str, Any]


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


class Outbox:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.engine: Engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout=10000")  # first, so the WAL switch below waits too
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # every commit reaches the disk
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA secure_delete=ON")  # removed visitor data is overwritten, not left in free pages
            cursor.close()

        @event.listens_for(self.engine, "begin")
        def _begin(connection: Any) -> None:
            # take the write lock at once: the UI thread (ratings) and the sync thread (heartbeats)
            # both add, and each must see the other's last send number
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        OutboxBase.metadata.create_all(self.engine)
        with self.engine.connect() as connection:  # outboxes of issue 3 lack the hold column
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(outbox)")}
            if "held_until" not in columns:
                connection.exec_driver_sql("ALTER TABLE outbox ADD COLUMN held_until FLOAT")
                connection.commit()

    def close(self) -> None:
        self.engine.dispose()

    def add(self, kind: str, payload: dict[str, Any], *, record_uuid: str | None = None,
            hold_seconds: float | None = None, case_no: str | None = None) -> str:
        """Durably store a record and queue it for the office; returns its UUID (made here, on the kiosk).

        ``hold_seconds``: keep it back from sending until :meth:`release` (or until that time has passed,
        so that a crash between the two steps delays a record but never loses it). ``case_no``: claim the
        case number in the same transaction; raises :class:`AlreadyRated` if this kiosk rated it before.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown record kind {kind!r}")
        identity = record_uuid or str(uuid_module.uuid4())
        stamp = now_iso()
        body = {**payload, "kiosk_time": payload.get("kiosk_time") or stamp}
        with Session(self.engine) as session, session.begin():
            if case_no is not None:
                if session.get(RatedCaseLocal, case_no) is not None:
                    raise AlreadyRated(case_no)
                session.add(RatedCaseLocal(case_no=case_no, record_uuid=identity))
            seq = (session.scalar(select(func.max(OutboxEntry.seq))) or 0) + 1
            session.add(LocalRecord(uuid=identity, kind=kind, created_at=stamp,
                                    payload=json.dumps(body, ensure_ascii=False)))
            session.flush()
            if hold_seconds is None:
                session.add(OutboxEntry(uuid=identity, seq=seq))
            else:
                session.add(OutboxEntry(uuid=identity, seq=seq, state="held", held_until=time.time() + hold_seconds))
        return identity

    def release(self, record_uuid: str, extra: dict[str, Any] | None = None) -> None:
        """Add ``extra`` fields to a held record and let it be sent. Idempotent; a record that has already
        gone to the office (held too long) keeps what it had."""
        with Session(self.engine) as session, session.begin():
            entry = session.get(OutboxEntry, record_uuid)
            if entry is None:
                return
            if extra:
                record = session.get(LocalRecord, record_uuid)
                assert record is not None
                record.payload = json.dumps({**json.loads(record.payload), **extra}, ensure_ascii=False)
            if entry.state == "held":
                entry.state = "pending"
                entry.held_until = None

    def case_rated(self, case_no: str) -> bool:
        with Session(self.engine) as session:
            return session.get(RatedCaseLocal, case_no) is not None

    def recent(self, kind: str, limit: int) -> list[LocalEntry]:
        """The newest ``limit`` records of a kind, newest first."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(LocalRecord.uuid, LocalRecord.created_at, LocalRecord.payload, LocalRecord.confirmed_at)
                .where(LocalRecord.kind == kind).order_by(text("local_record.rowid DESC")).limit(limit)
            ).all()
        return [LocalEntry(u, c, json.loads(p), f is not None) for u, c, p, f in rows]

    def find_feedback(self, code: str) -> LocalEntry | None:
        """Feedback sent from this kiosk under a tracking code."""
        with Session(self.engine) as session:
            row = session.execute(
                select(LocalRecord.uuid, LocalRecord.created_at, LocalRecord.payload, LocalRecord.confirmed_at)
                .where(LocalRecord.kind == "feedback", func.json_extract(LocalRecord.payload, "$.code") == code)
            ).first()
        return None if row is None else LocalEntry(row[0], row[1], json.loads(row[2]), row[3] is not None)

    def pending(self, limit: int = 500) -> list[Pending]:
        due = or_(OutboxEntry.state == "pending",
                  and_(OutboxEntry.state == "held", OutboxEntry.held_until < time.time()))
        with Session(self.engine) as session:
            rows = session.execute(
                select(LocalRecord.uuid, LocalRecord.kind, LocalRecord.payload)
                .join(OutboxEntry, OutboxEntry.uuid == LocalRecord.uuid)
                .where(due).order_by(OutboxEntry.seq).limit(limit)
            ).all()
        return [Pending(u, k, json.loads(p)) for u, k, p in rows]

    def confirm(self, uuids: list[str]) -> None:
        """The office has committed these: they leave the queue, and what the visitor typed about
        themselves (phone, name, free text) leaves the kiosk: only the office keeps it."""
        if not uuids:
            return
        stamp = now_iso()
        stripped = False
        with Session(self.engine) as session, session.begin():
            for start in range(0, len(uuids), 500):
                chunk = uuids[start:start + 500]
                session.execute(delete(OutboxEntry).where(OutboxEntry.uuid.in_(chunk)))
                session.execute(update(LocalRecord).where(LocalRecord.uuid.in_(chunk)).values(confirmed_at=stamp))
                for record in session.scalars(select(LocalRecord).where(LocalRecord.uuid.in_(chunk),
                                                                         LocalRecord.kind != "heartbeat")):
                    payload = json.loads(record.payload)
                    if any(payload.get(name) for name in PERSONAL_FIELDS):
                        record.payload = json.dumps({k: v for k, v in payload.items() if k not in PERSONAL_FIELDS},
                                                    ensure_ascii=False)
                        stripped = True
        if stripped:  # the old page images in the write-ahead log still hold the text: fold and empty it
            raw = self.engine.raw_connection()  # outside a transaction (SQLAlchemy would open one)
            try:
                raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def reject(self, record_uuid: str, reason: str) -> None:
        """The office refused it as invalid: keep it aside with the reason; it no longer blocks the queue."""
        with Session(self.engine) as session, session.begin():
            session.execute(update(OutboxEntry).where(OutboxEntry.uuid == record_uuid)
                            .values(state="rejected", last_error=reason[:2000]))

    def note_failure(self, uuids: list[str], error: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(update(OutboxEntry).where(OutboxEntry.uuid.in_(uuids))
                            .values(attempts=OutboxEntry.attempts + 1, last_error=error[:2000]))

    def depth(self) -> int:
        """Records waiting to be sent (held ones included)."""
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(OutboxEntry)
                                      .where(OutboxEntry.state.in_(("pending", "held")))) or 0)

    def rejected(self) -> list[tuple[str, str, str]]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(LocalRecord.uuid, LocalRecord.kind, OutboxEntry.last_error)
                .join(OutboxEntry, OutboxEntry.uuid == LocalRecord.uuid).where(OutboxEntry.state == "rejected")
            ).all()
        return [(u, k, e) for u, k, e in rows]
