"""security: server-side console sessions and sign-in attempts counted before the password check

Revision ID: 0101
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0101"
down_revision = "0004"
branch_labels = ("security",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("seen_at", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff_accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_staff_sessions_staff_id", "staff_sessions", ["staff_id"])
    op.create_index("ix_staff_sessions_seen_at", "staff_sessions", ["seen_at"])
    op.create_table(
        "sign_in_attempts",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("wait", sa.Float(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("email", "address"),
    )
    op.create_index("ix_sign_in_attempts_next_at", "sign_in_attempts", ["next_at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_attempts_next_at", table_name="sign_in_attempts")
    op.drop_table("sign_in_attempts")
    op.drop_index("ix_staff_sessions_seen_at", table_name="staff_sessions")
    op.drop_index("ix_staff_sessions_staff_id", table_name="staff_sessions")
    op.drop_table("staff_sessions")
