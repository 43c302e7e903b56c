"""Storage: SQLAlchemy models and the database handle (SQLite by default, PostgreSQL by URL)."""

from bot.storage.db import Database
from bot.storage.models import Base, ChunkRow, Conversation, Document, QuestionLog

__all__ = ["Base", "ChunkRow", "Conversation", "Database", "Document", "QuestionLog"]
