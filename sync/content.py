"""Content in the office database: import (diff → versioned records + audit), export, audit listing.

Every import is one transaction: it takes the next revision under the ``content_head`` row lock
(so revisions commit in order), writes only the records that really changed, tombstones the ones
that disappeared, and records who changed what. Importing the same file twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from kiosk.data.records import Key, record_text
from sync.office_models import ContentAudit, ContentHead, ContentRecord

Scope = Callable[[Key, dict[str, Any]], bool]


@dataclass
class ImportReport:
    inserted: list[Key] = field(default_factory=list)
    updated: list[tuple[Key, list[str]]] = field(default_factory=list)
    deleted: list[Key] = field(default_factory=list)
    revision: int | None = None  # None: nothing changed

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    def lines(self) -> list[str]:
        out = [f"+ {kind} {key}" for kind, key in self.inserted]
        out += [f"~ {kind} {key}: {', '.join(fields)}" for (kind, key), fields in self.updated]
        out += [f"- {kind} {key}" for kind, key in self.deleted]
        return out


def everything(key: Key, body: dict[str, Any]) -> bool:
    """The scope of a whole content file: it owns every record except shared files."""
    return key[0] != "file"


def content_session(engine: Engine) -> Session:
    """A session for writing content: on SQLite it takes the write lock at BEGIN (IMMEDIATE), so a
    writer never finds its read snapshot outdated when it comes to write."""
    return Session(engine.execution_options(sqlite_begin="IMMEDIATE"))


def import_records(session: Session, records: dict[Key, dict[str, Any]], *, actor: str, source: str,
                   scope: Scope = everything, dry_run: bool = False) -> ImportReport:
    """Make the office content equal ``records`` within ``scope``; the caller commits (or not).

    The revision row is locked before the current content is read, so two imports at once are
    diffed one after the other and neither overwrites what the other wrote.
    """
    if not dry_run:
        session.execute(select(ContentHead.revision).where(ContentHead.id == 1).with_for_update())
    current: dict[Key, tuple[str, dict[str, Any]]] = {}
    for row in session.scalars(select(ContentRecord).where(ContentRecord.deleted.is_(False))):
        body = json.loads(row.body)
        current[(row.kind, row.key)] = (row.body, body)
    report = ImportReport()
    new_texts: dict[Key, str] = {}
    for key, body in records.items():
        text = record_text(body)
        if key not in current:
            report.inserted.append(key)
            new_texts[key] = text
        elif current[key][0] != text:
            old = current[key][1]
            changed = sorted(k for k in set(old) | set(body) if old.get(k) != body.get(k))
            report.updated.append((key, changed))
            new_texts[key] = text
    for key, (_, body) in current.items():
        if key not in records and scope(key, body):
            report.deleted.append(key)
    if dry_run or not report.changed:
        return report

    revision = next_revision(session)
    now = datetime.now(UTC)
    for key, text in new_texts.items():
        session.merge(ContentRecord(kind=key[0], key=key[1], revision=revision, deleted=False, body=text,
                                    changed_at=now))
    for key in report.deleted:
        session.merge(ContentRecord(kind=key[0], key=key[1], revision=revision, deleted=True, body="",
                                    changed_at=now))
    updated_fields = dict(report.updated)
    for action, keys in (("insert", report.inserted), ("update", list(updated_fields)), ("delete", report.deleted)):
        for record in keys:
            if record[0] == "file":
                continue  # a file's arrival is recorded with the record that uses it
            session.add(ContentAudit(at=now, actor=actor, action=action, kind=record[0], key=record[1],
                                     revision=revision, source=source,
                                     fields=json.dumps(updated_fields.get(record, []), ensure_ascii=False)))
    report.revision = revision
    return report


def next_revision(session: Session) -> int:
    """Take the next content revision; the row lock is held until commit, so revisions commit in order."""
    session.execute(update(ContentHead).where(ContentHead.id == 1).values(revision=ContentHead.revision + 1))
    revision = session.scalar(select(ContentHead.revision).where(ContentHead.id == 1))
    if revision is None:
        raise RuntimeError("the office database has no content_head row: run 'kiosk-office init'")
    return int(revision)


def current_records(session: Session) -> dict[Key, dict[str, Any]]:
    return {
        (row.kind, row.key): json.loads(row.body)
        for row in session.scalars(select(ContentRecord).where(ContentRecord.deleted.is_(False)))
    }


def audit_lines(session: Session, limit: int = 50) -> list[str]:
    rows = session.scalars(select(ContentAudit).order_by(ContentAudit.id.desc()).limit(limit)).all()
    out = []
    for row in rows:
        fields = json.loads(row.fields or "[]")
        detail = f" ({', '.join(fields)})" if fields else ""
        stamp = row.at.strftime("%Y-%m-%d %H:%M:%S") if row.at else ""
        out.append(f"{stamp}  r{row.revision}  {row.actor}  {row.action} {row.kind} {row.key}{detail}  ← {row.source}")
    return out
