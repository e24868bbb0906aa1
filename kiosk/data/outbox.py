"""What visitors leave at the kiosk (ratings, feedback) and heartbeats, kept until the office has them.

The file is precious, unlike the content cache: its own SQLite file, ``synchronous=FULL`` so a commit
survives a power cut, never deleted or rebuilt. A record and its outbox entry are written in one
transaction; the entry leaves only after the office has committed the record; a record the office
rejects as invalid is set aside with the reason and does not block the ones behind it.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, ForeignKey, Integer, String, Text, create_engine, delete, event, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

OUTBOX_NAME = "outbox.sqlite"
KINDS = ("rating", "feedback", "heartbeat")


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
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)  # pending | rejected
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")


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
            cursor.close()

        @event.listens_for(self.engine, "begin")
        def _begin(connection: Any) -> None:
            # take the write lock at once: the UI thread (ratings) and the sync thread (heartbeats)
            # both add, and each must see the other's last send number
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        OutboxBase.metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def add(self, kind: str, payload: dict[str, Any], *, record_uuid: str | None = None) -> str:
        """Durably store a record and queue it for the office; returns its UUID (made here, on the kiosk)."""
        if kind not in KINDS:
            raise ValueError(f"unknown record kind {kind!r}")
        identity = record_uuid or str(uuid_module.uuid4())
        stamp = now_iso()
        body = {**payload, "kiosk_time": payload.get("kiosk_time") or stamp}
        with Session(self.engine) as session, session.begin():
            seq = (session.scalar(select(func.max(OutboxEntry.seq))) or 0) + 1
            session.add(LocalRecord(uuid=identity, kind=kind, created_at=stamp,
                                    payload=json.dumps(body, ensure_ascii=False)))
            session.flush()
            session.add(OutboxEntry(uuid=identity, seq=seq))
        return identity

    def pending(self, limit: int = 500) -> list[Pending]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(LocalRecord.uuid, LocalRecord.kind, LocalRecord.payload)
                .join(OutboxEntry, OutboxEntry.uuid == LocalRecord.uuid)
                .where(OutboxEntry.state == "pending").order_by(OutboxEntry.seq).limit(limit)
            ).all()
        return [Pending(u, k, json.loads(p)) for u, k, p in rows]

    def confirm(self, uuids: list[str]) -> None:
        """The office has committed these: they leave the queue."""
        if not uuids:
            return
        stamp = now_iso()
        with Session(self.engine) as session, session.begin():
            for start in range(0, len(uuids), 500):
                chunk = uuids[start:start + 500]
                session.execute(delete(OutboxEntry).where(OutboxEntry.uuid.in_(chunk)))
                session.execute(update(LocalRecord).where(LocalRecord.uuid.in_(chunk)).values(confirmed_at=stamp))

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
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(OutboxEntry)
                                      .where(OutboxEntry.state == "pending")) or 0)

    def rejected(self) -> list[tuple[str, str, str]]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(LocalRecord.uuid, LocalRecord.kind, OutboxEntry.last_error)
                .join(OutboxEntry, OutboxEntry.uuid == LocalRecord.uuid).where(OutboxEntry.state == "rejected")
            ).all()
        return [(u, k, e) for u, k, e in rows]
