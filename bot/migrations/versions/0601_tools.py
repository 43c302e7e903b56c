"""capacity-building tools: the catalogue the bot recommends from

Revision ID: 0601
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0601"
down_revision = "0001"
branch_labels = ("tools",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "tool_resources",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("publisher", sa.String(length=500), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("audience", sa.String(length=500), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("checked", sa.String(length=10), nullable=False),
        sa.Column("verified_from", sa.String(length=1000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_fr", sa.Text(), nullable=False),
        sa.Column("description_es", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("shipped_hash", sa.String(length=64), nullable=True),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("retired_at", TS, nullable=True),
        sa.Column("retired_by", sa.String(length=320), nullable=True),
        sa.Column("link_status", sa.String(length=10), nullable=True),
        sa.Column("link_detail", sa.String(length=1000), nullable=True),
        sa.Column("link_checked_at", TS, nullable=True),
        sa.Column("announced_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("modified_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )


def downgrade() -> None:
    op.drop_table("tool_resources")
