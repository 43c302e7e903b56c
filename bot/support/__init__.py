"""Support-package requests: the guided expression of interest every channel offers (`services.support`),
and the staff pipeline that takes a request through the A6IP offer process (bot.support.pipeline)."""

from bot.support.flow import Button, Reply
from bot.support.notices import Messenger, messengers_of
from bot.support.service import Support, Where

__all__ = ["Button", "Messenger", "Reply", "Support", "Where", "messengers_of"]
