"""The source watch: pages and feeds staff follow (UNFCCC pages, A6IP news), checked on a schedule through
bot.fetch; what is new or changed waits in a review queue until a curator approves (imported and indexed
through the knowledge base's own path) or dismisses it."""

from bot.watch.check import CheckResult, check_all, check_source
from bot.watch.review import changes, decide, documents, get_change, pending_change
from bot.watch.sources import WatchError, add_source, get_source, list_sources, remove_source

__all__ = ["CheckResult", "WatchError", "add_source", "changes", "check_all", "check_source", "decide",
           "documents", "get_change", "get_source", "list_sources", "pending_change", "remove_source"]
