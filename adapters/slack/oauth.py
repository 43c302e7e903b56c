"""Multi-workspace installs: slack_sdk's SQLAlchemy stores on the project's database, plus the home bot token."""

from __future__ import annotations

from typing import Any

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize, AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.slack.settings import SlackSettings, secret

# Bot scopes requested on install; keep in step with manifest.yaml.
SCOPES = ["app_mentions:read", "channels:history", "groups:history", "im:history", "im:write", "chat:write",
          "commands", "users:read"]
STATE_SECONDS = 600


def installation_store(settings: SlackSettings, engine: AsyncEngine) -> AsyncSQLAlchemyInstallationStore:
    """The store on the tables migration 0003 created (the core's one async engine: aiosqlite or asyncpg)."""
    return AsyncSQLAlchemyInstallationStore(client_id=settings.slack_client_id or "", engine=engine)


def oauth_settings(settings: SlackSettings, engine: AsyncEngine, *, public_url: str | None) -> AsyncOAuthSettings:
    """/slack/install and /slack/oauth_redirect on the bot's server; installs saved in the database."""
    redirect = f"{public_url.rstrip('/')}/slack/oauth_redirect" if public_url else None
    return AsyncOAuthSettings(client_id=settings.slack_client_id, client_secret=secret(settings.slack_client_secret),
                              scopes=SCOPES,
                              redirect_uri=redirect, installation_store=installation_store(settings, engine),
                              state_store=AsyncSQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS,
                                                                         engine=engine))


class HomeOrInstalled(AsyncAuthorize):
    """Workspaces installed through OAuth use their stored token; the bot token's own workspace keeps working."""

    def __init__(self, installed: AsyncInstallationStoreAuthorize, home_token: str | None) -> None:
        super().__init__()
        self.installed = installed
        self.home_token = home_token
        self.home: AuthorizeResult | None = None

    async def __call__(self, *, context: Any, enterprise_id: str | None, team_id: str | None,
                       user_id: str | None, **actor: Any) -> AuthorizeResult | None:
        result = await self.installed(context=context, enterprise_id=enterprise_id, team_id=team_id,
                                      user_id=user_id, **actor)
        if result is not None or not self.home_token:
            return result
        if self.home is None:
            response = await context.client.auth_test(token=self.home_token)
            self.home = AuthorizeResult.from_auth_test_response(bot_token=self.home_token, auth_test_response=response)
        return self.home if self.home.team_id == team_id else None


def home_or_installed(settings: SlackSettings, store: Any, client: Any, logger: Any) -> HomeOrInstalled:
    installed = AsyncInstallationStoreAuthorize(logger=logger, installation_store=store, bot_only=True,
                                                client_id=settings.slack_client_id,
                                                client_secret=secret(settings.slack_client_secret), client=client)
    return HomeOrInstalled(installed, secret(settings.slack_bot_token))


class InstalledTokens:
    """team id -> bot token of that workspace's installation, for the notifier (which runs outside Bolt);
    it reads the installation store through the core's engine, never a second one."""

    def __init__(self, settings: SlackSettings, engine: AsyncEngine) -> None:
        self.store = installation_store(settings, engine)

    async def __call__(self, team_id: str) -> str | None:
        bot = await self.store.async_find_bot(enterprise_id=None, team_id=team_id)
        return bot.bot_token if bot is not None else None
