"""slack: signed requests already accepted, so a replayed signature is refused

Revision ID: 0006
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_seen_requests",
        sa.Column("request_ts", sa.String(length=20), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("request_ts", "signature"),
    )
    op.create_index("ix_slack_seen_requests_expires_at", "slack_seen_requests", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_slack_seen_requests_expires_at", table_name="slack_seen_requests")
    op.drop_table("slack_seen_requests")
