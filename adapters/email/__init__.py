"""Email adapter: exports PLATFORM, its one line in the composition root's list (bot.cli.platforms)."""

from adapters.email.platform import PLATFORM

__all__ = ["PLATFORM"]
