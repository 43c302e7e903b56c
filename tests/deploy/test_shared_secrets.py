"""Per-install secrets live in the database: two workers with their own data directories hash one person
the same way and register the same Telegram webhook secret; an
install that kept them as files keeps its values."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest

from bot.cli.platforms import open_database
from bot.shared_secrets import TELEGRAM_WEBHOOK, user_salt

from tests.deploy.conftest import make_settings


def user_hash(settings, user: str) -> str:  # type: ignore[no-untyped-def]
    return hmac.new(user_salt(settings), f"telegram:{user}".encode(), hashlib.sha256).hexdigest()


async def check_shared(tmp_path: Path, url: str) -> None:
    one, two = make_settings(tmp_path / "w1", url), make_settings(tmp_path / "w2", url)
    for settings in (one, two):
        await (await open_database(settings)).close()
    assert user_hash(one, "42") == user_hash(two, "42")
    assert one.shared_secret(TELEGRAM_WEBHOOK) == two.shared_secret(TELEGRAM_WEBHOOK) is not None
    assert not (tmp_path / "w2" / ".user-salt").exists()  # nothing per worker on disk


@pytest.mark.postgres
async def test_workers_share_the_install_secrets_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    await check_shared(tmp_path, pg_url)


async def test_workers_share_the_install_secrets_on_sqlite(tmp_path: Path) -> None:
    await check_shared(tmp_path, f"sqlite:///{tmp_path / 'shared.sqlite3'}")


async def test_an_install_with_secret_files_keeps_them(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / ".user-salt").write_bytes(b"\x01" * 32)
    settings = make_settings(data)
    await (await open_database(settings)).close()
    assert user_salt(settings) == b"\x01" * 32
