"""Storage: SQLAlchemy models and the database handle (SQLite by default, PostgreSQL by URL)."""

from bot.storage.db import Database
from bot.storage.models import (Base, ChunkRow, ChunkVector, Conversation, Document, InstallSecret, KbRevision,
                                QuestionLog)

__all__ = ["Base", "ChunkRow", "ChunkVector", "Conversation", "Database", "Document", "InstallSecret", "KbRevision",
           "QuestionLog"]
