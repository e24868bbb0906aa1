"""The office schema: content head/records/audit, rating, feedback, heartbeat, the feedback_status view.

Revision ID: 0001
Revises:
Create Date: 2024-11-27

Self-contained on purpose (no import of sync.office_models, which will change with later revisions);
creates the tables exactly as the models of this revision declare them, with the same constraint names.
Note for later revisions on SQLite: a batch (copy-and-rename) operation on ``feedback`` must drop the
``feedback_status`` view first and create it again afterwards (SQLite refuses to rename a table under a
view that refers to a missing table).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FEEDBACK_STATUS_VIEW = (
    "CREATE VIEW feedback_status AS "
    "SELECT code, status, reply, received_at, replied_at, closed_at FROM feedback"
)


def _timestamp(name: str) -> sa.Column[datetime]:
    """An office-clock timestamp column: NOT NULL, defaults to the time of the insert."""
    return sa.Column(name, sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False)


def upgrade() -> None:
    content_head = op.create_table(
        "content_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_content_head_single")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_head")),
    )
    op.create_table(
        "content_record",
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        _timestamp("changed_at"),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_content_record")),
    )
    op.create_index(op.f("ix_content_record_revision"), "content_record", ["revision"], unique=False)
    op.create_table(
        "content_audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        _timestamp("at"),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_audit")),
    )
    op.create_table(
        "rating",
        sa.Column("uuid", sa.Text(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("kiosk_time", sa.Text(), nullable=False),
        _timestamp("received_at"),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("post_code", sa.Text(), nullable=True),
        sa.Column("department_code", sa.Text(), nullable=True),
        sa.Column("item_code", sa.Text(), nullable=True),
        sa.Column("case_no", sa.Text(), nullable=True),
        sa.Column("staff", sa.Text(), nullable=True),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("repeated", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("level BETWEEN 1 AND 5", name=op.f("ck_rating_level")),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_rating")),
    )
    op.create_table(
        "feedback",
        sa.Column("uuid", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("kiosk_time", sa.Text(), nullable=False),
        _timestamp("received_at"),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), server_default="已受理", nullable=False),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_date", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_feedback")),
        sa.UniqueConstraint("code", name=op.f("uq_feedback_code")),
    )
    op.create_table(
        "heartbeat",
        sa.Column("uuid", sa.Text(), nullable=False),
        sa.Column("kiosk_id", sa.Text(), nullable=False),
        sa.Column("kiosk_time", sa.Text(), nullable=False),
        _timestamp("received_at"),
        sa.Column("version", sa.Text(), nullable=True),
        sa.Column("content_revision", sa.BigInteger(), nullable=True),
        sa.Column("queue_depth", sa.Integer(), nullable=True),
        sa.Column("printer_state", sa.Text(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_heartbeat")),
    )
    op.execute(FEEDBACK_STATUS_VIEW)
    op.bulk_insert(content_head, [{"id": 1, "revision": 0}])


def downgrade() -> None:
    op.execute("DROP VIEW feedback_status")
    for table in ("heartbeat", "feedback", "rating", "content_audit"):
        op.drop_table(table)
    op.drop_index(op.f("ix_content_record_revision"), table_name="content_record")
    op.drop_table("content_record")
    op.drop_table("content_head")
