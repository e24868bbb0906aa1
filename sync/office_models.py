"""The office database's tables: SQLAlchemy 2 typed ORM, portable between PostgreSQL and SQLite.

The schema itself is created by the Alembic migrations in ``sync/migrations`` (``sync.db.upgrade``),
which create these tables exactly as declared here (a test compares the two); the view
``feedback_status`` exists only in the migrations, :data:`feedback_status_view` describes it for queries.

Constraint and index names come from :data:`NAMING_CONVENTION`, so that later migrations can refer to
them by name on both backends (SQLite's batch mode needs named constraints).

Timestamps are ``TIMESTAMP WITH TIME ZONE`` on PostgreSQL; SQLite stores them as text without an offset
and ``CURRENT_TIMESTAMP`` is UTC there, so write UTC and read naive values as UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Integer,
    MetaData,
    Table,
    Text,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION: Final[dict[str, str]] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: The kinds of ``content_record`` rows (the key is given after the colon).
CONTENT_KINDS: Final[tuple[str, ...]] = ("hall", "commitments", "department", "topic", "post", "item", "file")
#: ``content_audit.action`` values.
AUDIT_ACTIONS: Final[tuple[str, ...]] = ("insert", "update", "delete")
#: The status of feedback that has just arrived.
FEEDBACK_RECEIVED: Final = "已受理"

#: An integer primary key that autoincrements on both backends (BIGSERIAL; SQLite's INTEGER rowid).
_AUTO_ID = BigInteger().with_variant(Integer(), "sqlite")


class OfficeBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ContentHead(OfficeBase):
    """The single row (id 1) holding the newest content revision.

    Every content-writing transaction first runs ``UPDATE content_head SET revision = revision + 1
    WHERE id = 1`` and reads the new value: the row lock serialises writers, so revision order is
    commit order.
    """

    __tablename__ = "content_head"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    revision: Mapped[int] = mapped_column(BigInteger)


class ContentRecord(OfficeBase):
    """One content record (or its tombstone) as of the revision that last changed it.

    kind/key: hall/"hall", commitments/"all", department|topic|post|item/code, file/sha256 hex
    (body ``{"name": original file name, "data": base64}``). body: JSON of the normalised record,
    ``""`` for a tombstone.
    """

    __tablename__ = "content_record"
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    body: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ContentAudit(OfficeBase):
    """Who changed which content record when (office time); ``fields``: JSON list of changed field names."""

    __tablename__ = "content_audit"
    id: Mapped[int] = mapped_column(_AUTO_ID, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)  # insert | update | delete
    kind: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(BigInteger)
    fields: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)


class Rating(OfficeBase):
    """A visitor's rating, sent by a kiosk (``uuid`` made on the kiosk: a re-send is a no-op)."""

    __tablename__ = "rating"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level"),)
    uuid: Mapped[str] = mapped_column(Text, primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(Text)
    kiosk_time: Mapped[str] = mapped_column(Text)  # ISO 8601 with offset, the kiosk's clock
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    level: Mapped[int] = mapped_column(Integer)
    post_code: Mapped[str | None] = mapped_column(Text)
    department_code: Mapped[str | None] = mapped_column(Text)
    item_code: Mapped[str | None] = mapped_column(Text)
    case_no: Mapped[str | None] = mapped_column(Text)
    staff: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[str | None] = mapped_column(Text)  # JSON list
    text: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    repeated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Feedback(OfficeBase):
    """A visitor's feedback (complaint, suggestion, …), sent by a kiosk; kiosks read it back only through
    the ``feedback_status`` view (by tracking code), never the text, name or phone."""

    __tablename__ = "feedback"
    uuid: Mapped[str] = mapped_column(Text, primary_key=True)
    code: Mapped[str] = mapped_column(Text, unique=True)  # tracking code
    kiosk_id: Mapped[str] = mapped_column(Text)
    kiosk_time: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    kind: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, default=FEEDBACK_RECEIVED, server_default=FEEDBACK_RECEIVED)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    due_date: Mapped[str | None] = mapped_column(Text)


class Heartbeat(OfficeBase):
    """A kiosk's periodic sign of life."""

    __tablename__ = "heartbeat"
    uuid: Mapped[str] = mapped_column(Text, primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(Text)
    kiosk_time: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    version: Mapped[str | None] = mapped_column(Text)
    content_revision: Mapped[int | None] = mapped_column(BigInteger)
    queue_depth: Mapped[int | None] = mapped_column(Integer)
    printer_state: Mapped[str | None] = mapped_column(Text)
    last_error: Mapped[str | None] = mapped_column(Text)


#: The view ``feedback_status`` (created by the migrations; what a kiosk may read of feedback), for
#: ``select(feedback_status_view)``. On its own MetaData: never created from here.
feedback_status_view = Table(
    "feedback_status",
    MetaData(),
    Column("code", Text, primary_key=True),
    Column("status", Text, nullable=False),
    Column("reply", Text),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("replied_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
)
