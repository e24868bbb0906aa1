"""Heartbeats say the kiosk's mode (normal, maintenance, quiet) and the admin actions taken at it since the
last heartbeat (a JSON list of {at, action, detail}).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

The kiosk role's grant on heartbeat covers every column (``GRANT INSERT ON heartbeat``): nothing to grant.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("heartbeat") as batch:
        batch.add_column(sa.Column("mode", sa.Text(), nullable=True))
        batch.add_column(sa.Column("admin_actions", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("heartbeat", recreate="never") as batch:
        batch.drop_column("admin_actions")
        batch.drop_column("mode")
