"""Push: the outbox to the office, at least once, idempotently.

Each record carries the UUID the kiosk gave it; the office inserts with ``ON CONFLICT (uuid) DO
NOTHING``, so a resend after a crash between the office's commit and ours is a no-op. A batch goes
in one office transaction; only after it committed do the entries leave the outbox. When the office
refuses a batch as invalid, its records are tried one by one and the invalid ones are set aside.
Network and server errors propagate: the caller retries later with backoff.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, IntegrityError

from kiosk.data.outbox import Outbox, Pending
from sync.office_models import KIOSK_FEEDBACK_COLUMNS, KIOSK_RATING_COLUMNS, Feedback, Heartbeat, Rating

log = logging.getLogger(__name__)

TABLES: dict[str, Table] = {
    "rating": Rating.__table__,  # type: ignore[dict-item]
    "feedback": Feedback.__table__,  # type: ignore[dict-item]
    "heartbeat": Heartbeat.__table__,  # type: ignore[dict-item]
}
#: the columns a kiosk may write (the kiosk role's INSERT grant): a record with others is invalid, not retried
WRITABLE: dict[str, frozenset[str]] = {
    "rating": frozenset(KIOSK_RATING_COLUMNS),
    "feedback": frozenset(KIOSK_FEEDBACK_COLUMNS),
    "heartbeat": frozenset(Heartbeat.__table__.columns.keys()),
}
#: refused by the office for the record itself, not for the connection: do not resend
INVALID = (IntegrityError, DataError)


@dataclass(frozen=True)
class PushReport:
    sent: int
    rejected: int
    remaining: int

    def line(self) -> str:
        return f"push: {self.sent} sent, {self.rejected} set aside, {self.remaining} waiting"


def push(outbox: Outbox, office: Engine, kiosk_id: str, *, batch: int = 1000) -> PushReport:
    sent = rejected = 0
    while True:
        pending = outbox.pending(batch)
        if not pending:
            break
        try:
            with office.begin() as connection:
                _insert(connection, pending, kiosk_id)
        except INVALID as exc:
            log.warning("office refused a batch (%s); sending one by one", type(exc).__name__)
            good, bad = _one_by_one(outbox, office, pending, kiosk_id)
            outbox.confirm(good)
            sent += len(good)
            rejected += bad
            continue
        outbox.confirm([p.uuid for p in pending])
        sent += len(pending)
    return PushReport(sent, rejected, outbox.depth())


def _one_by_one(outbox: Outbox, office: Engine, pending: list[Pending], kiosk_id: str) -> tuple[list[str], int]:
    good: list[str] = []
    bad = 0
    for record in pending:
        try:
            with office.begin() as connection:
                _insert(connection, [record], kiosk_id)
        except INVALID as exc:
            reason = str(exc.orig) if exc.orig is not None else str(exc)
            outbox.reject(record.uuid, reason.splitlines()[0] if reason else type(exc).__name__)
            bad += 1
            continue
        good.append(record.uuid)
    return good, bad


def _insert(connection: Connection, records: list[Pending], kiosk_id: str) -> None:
    # rows of one statement must have the same columns (a missing one keeps the office's default)
    groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for record in records:
        table = TABLES.get(record.kind)
        if table is None:
            raise IntegrityError(f"unknown record kind {record.kind}", None, ValueError(record.kind))
        unknown = set(record.payload) - WRITABLE[record.kind]
        if unknown:
            raise IntegrityError(f"unknown fields {sorted(unknown)}", None, ValueError(", ".join(sorted(unknown))))
        row = {**record.payload, "uuid": record.uuid, "kiosk_id": kiosk_id}
        groups.setdefault((record.kind, tuple(sorted(row))), []).append(row)
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    for (kind, _), rows in groups.items():
        statement = dialect.insert(TABLES[kind]).on_conflict_do_nothing(index_elements=["uuid"])
        connection.execute(statement, rows)
