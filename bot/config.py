"""Settings from A6BOT_* environment variables and an optional .env file, built once and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Everything the bot can be told; secrets are SecretStr so they never print by accident."""

    model_config = SettingsConfigDict(env_prefix="A6BOT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="index files and the default SQLite database")
    database_url: str = Field(default="", description="SQLAlchemy URL; empty means SQLite under data_dir")
    embedding_model: str = Field(default=DEFAULT_MODEL, description="sentence-transformers name or local path")
    multilingual: bool = Field(default=True, description="route French/Spanish questions to a multilingual encoder")
    knowledge_dir: Path | None = Field(default=None, description="shipped knowledge base; default: the bundled one")
    confidence_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    max_answer_words: int = Field(default=350, ge=50)

    http_host: str = "127.0.0.1"
    http_port: int = 8080
    public_url: str | None = Field(default=None, description="base URL users reach the HTTP server at (calendar links)")

    telegram_token: SecretStr | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_staff_chat: str | None = None

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_staff_channel: str | None = None

    admins: Annotated[list[str], NoDecode] = Field(default_factory=list, description="platform:user ids allowed staff commands")
    session_secret: SecretStr | None = None
    log_level: str = "INFO"

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: Any) -> Any:
        """Accept the comma-separated form people type in a shell: telegram:1,slack:U0123."""
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("telegram_api_url")
    @classmethod
    def _bot_api_base(cls, value: str) -> str:
        """The Bot API puts the token after `/bot`; accept the server's bare address too."""
        value = value.strip().rstrip("/")
        return value if value.endswith("/bot") or "{token}" in value else value + "/bot"

    @field_validator("slack_api_url")
    @classmethod
    def _web_api_base(cls, value: str) -> str:
        """slack_sdk joins method names onto the base URL, which only works with a trailing slash."""
        return value.strip().rstrip("/") + "/"

    @property
    def effective_database_url(self) -> str:
        """The URL used, with the default SQLite file under data_dir when none is configured."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'a6bot.sqlite3').resolve()}"

    @property
    def index_dir(self) -> Path:
        """Where the search index lives."""
        return self.data_dir / "index"

    def masked(self) -> dict[str, Any]:
        """Effective settings for `a6bot config`, secrets and database passwords hidden."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = "********" if value.get_secret_value() else ""
            elif isinstance(value, Path):
                value = str(value)
            out[name] = value
        out["database_url"] = mask_url_password(self.effective_database_url)
        return out


def mask_url_password(url: str) -> str:
    """Hide the password part of a database URL."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as typed, it holds no recognisable password
        return url
