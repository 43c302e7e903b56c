"""outreach: the send budget shared by every worker (per platform and per chat), and the platform's 429 hold

Revision ID: 0901
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0901"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "send_slots",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("next_free", sa.Float(), nullable=False),
        sa.Column("held_until", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("send_slots")
