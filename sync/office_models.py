"""The office database's tables: SQLAlchemy 2 typed ORM, portable between PostgreSQL and SQLite.

The schema itself is created by the Alembic migrations in ``sync/migrations`` (``sync.db.upgrade``),
which create these tables exactly as declared here (a test compares the two); the views
``feedback_status``, ``rating_summary`` and ``rated_case`` (what a kiosk may read) exist only in the
migrations, :data:`feedback_status_view`, :data:`rating_summary_view` and :data:`rated_case_view`
describe them for queries.

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
    ForeignKey,
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
#: ``feedback_action.action`` values: the office's steps on a piece of feedback.
FEEDBACK_ACTIONS: Final[tuple[str, ...]] = ("start", "reply", "close", "note")
#: The columns a kiosk may fill when it sends a rating or feedback (the kiosk role's INSERT grant);
#: the rest (status, reply, the follow-up of a bad rating) is the office's.
KIOSK_RATING_COLUMNS: Final[tuple[str, ...]] = (
    "uuid", "kiosk_id", "kiosk_time", "level", "post_code", "department_code", "item_code", "case_no", "staff",
    "reasons", "text", "phone", "repeated", "channel", "region_code",
)
KIOSK_FEEDBACK_COLUMNS: Final[tuple[str, ...]] = (
    "uuid", "code", "kiosk_id", "kiosk_time", "kind", "target", "text", "name", "phone", "due_date",
)

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
    """A visitor's rating, sent by a kiosk (``uuid`` made on the kiosk: a re-send is a no-op); the record
    of GB/T 39046 (case number, channel, time, level, reasons, text, region) plus where it was given.

    ``repeated``: the kiosk flagged the press as a repeat (same post within seconds, or a burst); kept, but
    counted apart. ``answer``/``answered_at``/``answered_by``: the office's follow-up (回访) of a bad rating.
    """

    __tablename__ = "rating"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level"),)
    uuid: Mapped[str] = mapped_column(Text, primary_key=True)
    kiosk_id: Mapped[str] = mapped_column(Text)
    kiosk_time: Mapped[str] = mapped_column(Text, index=True)  # ISO 8601 with offset, the kiosk's clock
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    level: Mapped[int] = mapped_column(Integer)
    post_code: Mapped[str | None] = mapped_column(Text)
    department_code: Mapped[str | None] = mapped_column(Text)
    item_code: Mapped[str | None] = mapped_column(Text)
    case_no: Mapped[str | None] = mapped_column(Text, index=True)
    staff: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[str | None] = mapped_column(Text)  # JSON list
    text: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    repeated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    channel: Mapped[str | None] = mapped_column(Text)  # 评价渠道, e.g. 政务大厅自助终端
    region_code: Mapped[str | None] = mapped_column(Text)  # 行政区划
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_by: Mapped[str | None] = mapped_column(Text)


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
    # no Python-side default: a kiosk may not insert the status column (the server default applies)
    status: Mapped[str] = mapped_column(Text, server_default=FEEDBACK_RECEIVED)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    due_date: Mapped[str | None] = mapped_column(Text)


class FeedbackAction(OfficeBase):
    """One step of the office on a piece of feedback (start, reply, close, note): who, when, what; the
    trail reviewed in 检查和复核. ``note``: the reply text of a reply, the note of a note."""

    __tablename__ = "feedback_action"
    __table_args__ = (CheckConstraint("action IN ('start', 'reply', 'close', 'note')", name="action"),)
    id: Mapped[int] = mapped_column(_AUTO_ID, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(ForeignKey("feedback.code"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


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
    #: normal, maintenance (the admin paused the service) or quiet (quiet hours)
    mode: Mapped[str | None] = mapped_column(Text)
    #: JSON list of the admin actions ({at, action, detail}) taken at the kiosk since its last heartbeat
    admin_actions: Mapped[str | None] = mapped_column(Text)


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
    Column("due_date", Text),
)

#: The view ``rating_summary``: counts of ratings by the rating kiosk's month (``YYYY-MM`` of
#: kiosk_time), department, post, level and ``repeated`` (the kiosk's flag, or a later rating of a case
#: number rated before: counted apart); ``answered``: of these, followed up by the office.
rating_summary_view = Table(
    "rating_summary",
    MetaData(),
    Column("month", Text, nullable=False),
    Column("department_code", Text),
    Column("post_code", Text),
    Column("level", Integer, nullable=False),
    Column("repeated", Boolean, nullable=False),
    Column("n", BigInteger, nullable=False),
    Column("answered", BigInteger, nullable=False),
)

#: The view ``rated_case``: case numbers rated anywhere, with when the office received the rating.
rated_case_view = Table(
    "rated_case",
    MetaData(),
    Column("case_no", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

#: Ratings that are later ratings of a case number already rated (by the kiosks' clocks; ties broken by
#: uuid), among the ratings not flagged as repeated by their kiosk. SQL shared by the views (a copy is
#: in the migration) and the report: a case is counted once.
CASE_REPEATS_SQL: Final = (
    "SELECT uuid FROM (SELECT uuid, row_number() OVER (PARTITION BY case_no ORDER BY kiosk_time, uuid) AS k "
    "FROM rating WHERE case_no <> '' AND NOT repeated) AS ranked WHERE k > 1"
)
