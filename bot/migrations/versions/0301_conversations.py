"""answers: conversation contexts shared by every worker; curated translations of FAQ answers

Revision ID: 0301
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0301"
down_revision = "0001"
branch_labels = ("answers",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("faq_id", sa.String(length=200), nullable=True),
        sa.Column("topics", sa.JSON(), nullable=False),
        sa.Column("more", sa.Text(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])
    with op.batch_alter_table("chunks") as batch_op:
        batch_op.add_column(sa.Column("translations", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("chunks") as batch_op:
        batch_op.drop_column("translations")
    op.drop_index("ix_conversations_updated_at", table_name="conversations")
    op.drop_table("conversations")
