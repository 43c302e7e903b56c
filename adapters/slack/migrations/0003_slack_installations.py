"""slack: OAuth installation and state stores, answered threads, handled event ids

Revision ID: 0003
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision = "0003"
down_revision = "0001"
branch_labels = ("slack",)
depends_on = None

TS = sa.DateTime(timezone=True)


def store_metadata() -> sa.MetaData:
    """slack_sdk's own table definitions, so its stores read and write exactly the schema they expect."""
    metadata = sa.MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")
    return metadata


def upgrade() -> None:
    store_metadata().create_all(op.get_bind())
    op.create_table(
        "slack_threads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=32), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("thread_ts", sa.String(length=32), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "channel", "thread_ts", name="uq_slack_thread"),
    )
    op.create_table(
        "slack_seen_events",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("seen_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_index("ix_slack_seen_events_seen_at", "slack_seen_events", ["seen_at"])


def downgrade() -> None:
    op.drop_index("ix_slack_seen_events_seen_at", table_name="slack_seen_events")
    op.drop_table("slack_seen_events")
    op.drop_table("slack_threads")
    store_metadata().drop_all(op.get_bind())
