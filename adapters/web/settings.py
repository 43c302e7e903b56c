"""The public web chat's settings (A6BOT_WEB_*): on or off, who may embed it, per-client limits."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import NoDecode

from bot.config import Section


class WebSettings(Section):
    """The public page at / is on unless A6BOT_WEB_ENABLED=false (the staff console stays at /console)."""

    web_enabled: bool = True
    web_embed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["https:"],
        description="sites allowed to frame /embed (CSP frame-ancestors), e.g. https://www.example.org")
    web_ask_limit: str = Field(default="10/minute;300/day", description="questions per client address")
    web_staff_limit: str = Field(default="5/hour;20/day", description="'ask A6IP staff' requests per client address")
    web_support_limit: str = Field(default="30/minute;200/day",
                                   description="answers and buttons of the support-package flow per client address")
    web_answer_seconds: float = Field(default=30.0, gt=0, description="past this a question gets 503 + Retry-After")

    @field_validator("web_embed_origins", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        """Comma- or space-separated, as people type them: https://a.org, https://b.org."""
        if isinstance(value, str):
            return [item for item in value.replace(",", " ").split() if item]
        return value

    @field_validator("web_embed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        """Only what CSP's frame-ancestors takes (a scheme, an origin, *): nothing that could end the header."""
        for item in value:
            if any(c in item for c in ";,'\"\n\r") or " " in item:
                raise ValueError(f"{item!r} is not an origin such as https://www.example.org")
        return value
