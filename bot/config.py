"""Settings from A6BOT_* environment variables and an optional .env file, built once and passed down."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import Field, PrivateAttr, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_STAFF_EMAIL = "A6_partnership@iges.or.jp"
S = TypeVar("S", bound="Section")


class Section(BaseSettings):
    """A group of A6BOT_* settings read from the environment and .env; each platform declares its own
    (adapters/telegram/settings.py...), so adding a channel never edits this file."""

    model_config = SettingsConfigDict(env_prefix="A6BOT_", env_file=".env", extra="ignore")

    def masked(self) -> dict[str, Any]:
        """The values for `a6bot config`, secrets hidden."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = "********" if value.get_secret_value() else ""
            elif isinstance(value, Path):
                value = str(value)
            out[name] = value
        return out


class Settings(Section):
    """Everything the core can be told; secrets are SecretStr so they never print by accident.

    Values for a platform's section may be passed here too (`Settings(telegram_token=...)`): `section()`
    hands them to that section, so one Settings object configures the whole process."""

    _given: dict[str, Any] = PrivateAttr(default_factory=dict)
    _sections: dict[type[Section], Section] = PrivateAttr(default_factory=dict)
    _secrets: dict[str, str] = PrivateAttr(default_factory=dict)  # per-install, from the database

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

    fetch_allow_networks: str = Field(default="", description="private networks URL imports and the watch may fetch")
    watch_interval: int = Field(default=21600, ge=0, description="seconds between source watch checks; 0: off")
    staff_email: str = Field(default=DEFAULT_STAFF_EMAIL, description="where people can write to A6IP staff")
    events_dir: Path | None = Field(default=None, description="events loaded on every start; default: the bundled ones")
    admins: Annotated[list[str], NoDecode] = Field(default_factory=list, description="platform:user ids allowed staff commands")
    question_concurrency: int = Field(default=8, ge=1, description="questions one worker answers at once")
    question_queue: int = Field(default=32, ge=0, description="questions waiting beyond those; more get 'busy'")
    question_wait: float = Field(default=10.0, gt=0, description="seconds a question may wait for its turn")
    prebuilt_vectors: Path | None = Field(default=None, description="vectors from `a6bot kb prebuild`; default: "
                                          "prebuilt-vectors.npz in the knowledge base folder")
    index_lock_timeout: float = Field(default=60.0, gt=0, description="seconds a knowledge base change waits for the index")
    index_poll_seconds: float = Field(default=2.0, gt=0, description="how often a worker checks for other workers' changes")
    trusted_proxies: str = Field(default="", description="comma-separated proxy addresses or networks whose "
                                 "X-Forwarded-For is believed; none by default")
    log_level: str = "INFO"
    tools_check_hours: float = Field(default=168, ge=0, description="hours between tools link checks in `a6bot run`; 0: off")

    def __init__(self, **values: Any) -> None:
        super().__init__(**values)
        self._given = {k: v for k, v in values.items() if k not in type(self).model_fields}

    def section(self, model: type[S]) -> S:
        """A platform's settings, from the same environment and .env file, plus what was passed here."""
        if model not in self._sections:
            given = {k: v for k, v in self._given.items() if k in model.model_fields or k == "_env_file"}
            self._sections[model] = model(**given)
        return self._sections[model]  # type: ignore[return-value]

    def use_secrets(self, values: dict[str, str]) -> None:
        """The per-install secrets shared by every worker (bot.shared_secrets loads them at start)."""
        self._secrets = dict(values)

    def shared_secret(self, name: str) -> str | None:
        return self._secrets.get(name)

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: Any) -> Any:
        """Accept the comma-separated form people type in a shell: telegram:1,slack:U0123."""
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("fetch_allow_networks")
    @classmethod
    def _check_networks(cls, value: str) -> str:
        """A mistyped network stops the start instead of silently allowing nothing."""
        try:
            return ",".join(str(ipaddress.ip_network(item.strip())) for item in value.split(",") if item.strip())
        except ValueError as error:
            raise ValueError(f"not a network: {error}") from error

    @property
    def fetch_allow(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        """The networks an administrator allowed fetching from although they are not public."""
        return [ipaddress.ip_network(item) for item in self.fetch_allow_networks.split(",") if item]

    @property
    def effective_database_url(self) -> str:
        """The URL used, with the default SQLite file under data_dir when none is configured."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'a6bot.sqlite3').resolve()}"

    @property
    def db_pool_size(self) -> int:
        """Connections per worker: one per question answered at once, plus the console, outreach, the
        index and health checks; waiting questions hold none."""
        return self.question_concurrency + 6

    @property
    def index_dir(self) -> Path:
        """Where the search index lives."""
        return self.data_dir / "index"

    def masked(self) -> dict[str, Any]:
        """Effective core settings for `a6bot config`, secrets and database passwords hidden."""
        return {**super().masked(), "database_url": mask_url_password(self.effective_database_url)}


SECRET_QUERY_KEYS = ("password", "passwd", "pwd", "sslpassword", "secret", "token")


def mask_url_password(url: str) -> str:
    """A database URL fit to print: the password hidden whether given as user:pass@ or as ?password=...
    (the one function every place that shows a URL uses: `a6bot config`, logs, error messages)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # unparsable: hide anything between "user:" and "@", and any secret query value
        hidden = re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", url)
        return re.sub(rf"(?i)\b({'|'.join(SECRET_QUERY_KEYS)})=[^&]*", r"\1=***", hidden)
    query = {key: "***" if key.lower() in SECRET_QUERY_KEYS else value for key, value in parsed.query.items()}
    return parsed.set(query=query).render_as_string(hide_password=True).replace("%2A%2A%2A", "***")
