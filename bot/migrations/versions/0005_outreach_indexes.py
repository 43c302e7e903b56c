"""outreach: index deliveries by (kind, due_at) so planning does not scan the delivery history

Revision ID: 0005
Revises: 0002
"""

from alembic import op

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plan_due looks up recent digests (kind = 'digest' AND due_at >= ...) on every tick; without this index
    # SQLite skip-scans every delivery due in the last week, which grows with each broadcast.
    op.create_index("ix_delivery_kind_due", "deliveries", ["kind", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_delivery_kind_due", table_name="deliveries")
