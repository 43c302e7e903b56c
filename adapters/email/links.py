"""The signed links in emails: confirm a subscription (expires, and only for the latest request) and
unsubscribe (never expires: an old message's link must still work)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from itsdangerous import BadSignature, URLSafeSerializer, URLSafeTimedSerializer

from adapters.email.store import Address

SUBSCRIBE_PATH, CONFIRM_PATH, UNSUBSCRIBE_PATH = "/email/subscribe", "/email/confirm", "/email/unsubscribe"


@dataclass(frozen=True)
class Links:
    confirm_key: bytes
    unsubscribe_key: bytes
    base_url: str
    confirm_days: int

    def confirm_url(self, address: Address) -> str:
        token = URLSafeTimedSerializer(self.confirm_key, salt="email-confirm").dumps([address.chat_id, address.nonce])
        return self.url(CONFIRM_PATH, token)

    def confirmation(self, token: str) -> tuple[str, str] | None:
        """(chat_id, nonce) of a confirmation link still in time; None when forged or expired."""
        try:
            value = URLSafeTimedSerializer(self.confirm_key, salt="email-confirm").loads(
                token, max_age=self.confirm_days * 86400)
        except BadSignature:
            return None
        ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
        return (value[0], value[1]) if ok else None

    def unsubscribe_url(self, chat_id: str) -> str:
        return self.url(UNSUBSCRIBE_PATH, URLSafeSerializer(self.unsubscribe_key, salt="email-unsubscribe").dumps(chat_id))

    def unsubscriber(self, token: str) -> str | None:
        """The subscription an unsubscribe link stands for; None when forged."""
        try:
            value = URLSafeSerializer(self.unsubscribe_key, salt="email-unsubscribe").loads(token)
        except BadSignature:
            return None
        return value if isinstance(value, str) else None

    def url(self, path: str, token: str) -> str:
        return f"{self.base_url.rstrip('/')}{path}?{urlencode({'t': token})}"
