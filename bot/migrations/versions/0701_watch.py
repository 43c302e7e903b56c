"""source watch: watched pages and feeds, and the changes waiting for review

Revision ID: 0701
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0701"
down_revision = "0001"
branch_labels = ("watch",)
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("seen", sa.JSON(), nullable=False),
        sa.Column("checked_at", TS, nullable=True),
        sa.Column("status", sa.String(length=300), nullable=False),
        sa.Column("added_by", sa.String(length=320), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("url"),
    )
    op.create_index("ix_watch_sources_checked_at", "watch_sources", ["checked_at"])
    op.create_table(
        "watch_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("found_at", TS, nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.Column("base_text", sa.Text(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=320), nullable=True),
        sa.Column("decided_at", TS, nullable=True),
        sa.Column("result", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["watch_sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_watch_changes_source_id", "watch_changes", ["source_id"])
    op.create_index("ix_watch_changes_found_at", "watch_changes", ["found_at"])
    op.create_index("ix_watch_changes_status", "watch_changes", ["status"])


def downgrade() -> None:
    op.drop_table("watch_changes")
    op.drop_index("ix_watch_sources_checked_at", table_name="watch_sources")
    op.drop_table("watch_sources")
