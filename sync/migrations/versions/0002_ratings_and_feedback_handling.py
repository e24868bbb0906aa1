"""Ratings to GB/T 39046 and the office's handling: rating channel/region and follow-up, feedback_action,
feedback_status with the promised date, the rating_summary and rated_case views.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Self-contained on purpose (no import of sync.office_models). Columns are added in batch mode (on SQLite
an ALTER TABLE … ADD COLUMN, on PostgreSQL plain ALTERs). Views are dropped before and created after the
table changes. On PostgreSQL a recreated view loses its grants: ``kiosk-office init`` runs
``create_kiosk_role`` after the upgrade, which grants them again.

A rating counts apart (``repeated`` in rating_summary) when its kiosk flagged it as a repeated press or
when it is a later rating of a case number already rated (by the kiosks' clocks, ties by uuid), among
the ratings not flagged: a case is counted once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FEEDBACK_STATUS_VIEW_0001 = (
    "CREATE VIEW feedback_status AS "
    "SELECT code, status, reply, received_at, replied_at, closed_at FROM feedback"
)
FEEDBACK_STATUS_VIEW = (
    "CREATE VIEW feedback_status AS "
    "SELECT code, status, reply, received_at, replied_at, closed_at, due_date FROM feedback"
)
_CASE_REPEATS = (
    "SELECT uuid FROM (SELECT uuid, row_number() OVER (PARTITION BY case_no ORDER BY kiosk_time, uuid) AS k "
    "FROM rating WHERE case_no <> '' AND NOT repeated) AS ranked WHERE k > 1"
)
RATING_SUMMARY_VIEW = (
    "CREATE VIEW rating_summary AS "
    "SELECT substr(r.kiosk_time, 1, 7) AS month, r.department_code, r.post_code, r.level, "
    "(r.repeated OR d.uuid IS NOT NULL) AS repeated, count(*) AS n, count(r.answered_at) AS answered "
    f"FROM rating AS r LEFT JOIN ({_CASE_REPEATS}) AS d ON d.uuid = r.uuid "
    "GROUP BY 1, 2, 3, 4, 5"
)
RATED_CASE_VIEW = (
    "CREATE VIEW rated_case AS "
    "SELECT case_no, received_at FROM rating WHERE case_no <> ''"
)
_RATING_COLUMNS = ("channel", "region_code", "answer", "answered_at", "answered_by")


def upgrade() -> None:
    op.execute("DROP VIEW feedback_status")
    with op.batch_alter_table("rating") as batch:
        batch.add_column(sa.Column("channel", sa.Text(), nullable=True))
        batch.add_column(sa.Column("region_code", sa.Text(), nullable=True))
        batch.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("answered_by", sa.Text(), nullable=True))
        batch.create_index(batch.f("ix_rating_kiosk_time"), ["kiosk_time"], unique=False)
        batch.create_index(batch.f("ix_rating_case_no"), ["case_no"], unique=False)
    op.create_table(
        "feedback_action",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint("action IN ('start', 'reply', 'close', 'note')", name=op.f("ck_feedback_action_action")),
        sa.ForeignKeyConstraint(["code"], ["feedback.code"], name=op.f("fk_feedback_action_code_feedback")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_action")),
    )
    op.create_index(op.f("ix_feedback_action_code"), "feedback_action", ["code"], unique=False)
    op.execute(FEEDBACK_STATUS_VIEW)
    op.execute(RATING_SUMMARY_VIEW)
    op.execute(RATED_CASE_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW rated_case")
    op.execute("DROP VIEW rating_summary")
    op.execute("DROP VIEW feedback_status")
    op.drop_index(op.f("ix_feedback_action_code"), table_name="feedback_action")
    op.drop_table("feedback_action")
    # SQLite ≥ 3.35 drops columns in place: no copy of the table (which would lose its CHECK constraint)
    with op.batch_alter_table("rating", recreate="never") as batch:
        batch.drop_index(batch.f("ix_rating_case_no"))
        batch.drop_index(batch.f("ix_rating_kiosk_time"))
        for column in reversed(_RATING_COLUMNS):
            batch.drop_column(column)
    op.execute(FEEDBACK_STATUS_VIEW_0001)
