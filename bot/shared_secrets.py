"""Per-install secrets, generated once in the database and shared by every worker: the key of the user
hashes (one person is one hash whichever worker answers) and the Telegram webhook secret (whichever worker
registers the webhook last, every worker accepts Telegram's calls). Console sessions need no secret: they are
rows in the database (bot.console.sessions), valid on every worker.

An install that kept them as files under its data directory (before they moved here) has them copied in
on the first start, so hashes stay valid."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.config import Settings
from bot.storage import Database, InstallSecret

USER_SALT, TELEGRAM_WEBHOOK = "user-salt", "telegram-webhook"


def _from_file(path: Path, read: Callable[[Path], str]) -> Callable[[], str | None]:
    return lambda: read(path) if path.exists() else None


def _specs(data_dir: Path) -> dict[str, tuple[Callable[[], str | None], Callable[[], str]]]:
    """name -> (the value an older install kept in a file, or None; a new random value)."""
    return {
        USER_SALT: (_from_file(data_dir / ".user-salt", lambda p: p.read_bytes().hex()),
                    lambda: secrets.token_bytes(32).hex()),
        TELEGRAM_WEBHOOK: (lambda: None, lambda: secrets.token_urlsafe(32)),
    }


async def load_secrets(db: Database, settings: Settings) -> dict[str, str]:
    """Read the install's secrets, creating those missing (the first worker to commit wins), and hand them
    to `settings` so every part of this process uses the shared values."""
    values: dict[str, str] = {}
    for name, (legacy, fresh) in _specs(settings.data_dir).items():
        values[name] = await _get_or_create(db, name, legacy() or fresh())
    settings.use_secrets(values)
    return values


async def _get_or_create(db: Database, name: str, candidate: str) -> str:
    async with db.session() as session:
        value = await session.scalar(select(InstallSecret.value).where(InstallSecret.name == name))
    if value is not None:
        return value
    try:
        async with db.session() as session:
            session.add(InstallSecret(name=name, value=candidate))
        return candidate
    except IntegrityError:  # another worker created it a moment ago: use theirs
        async with db.session() as session:
            return str(await session.scalar(select(InstallSecret.value).where(InstallSecret.name == name)))


def user_salt(settings: Settings) -> bytes:
    """The key of the user hashes: the shared one once loaded, else (a process that never opened the
    database through the services) the legacy file under the data directory."""
    shared = settings.shared_secret(USER_SALT)
    if shared is not None:
        return bytes.fromhex(shared)
    path = settings.data_dir / ".user-salt"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(secrets.token_bytes(32))
    return path.read_bytes()
