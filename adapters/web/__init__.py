"""Web chat adapter: exports PLATFORM, its one line in the composition root's list (bot.cli.platforms)."""

from adapters.web.platform import PLATFORM

__all__ = ["PLATFORM"]
