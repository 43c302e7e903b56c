"""answers: the rest of each logged answer, so a "More" button on any answer can show it later

Revision ID: 0302
Revises: 0301
"""

import sqlalchemy as sa
from alembic import op

revision = "0302"
down_revision = "0301"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question_log") as batch_op:
        batch_op.add_column(sa.Column("more", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("question_log") as batch_op:
        batch_op.drop_column("more")
