"""A Telegram Bot API server for tests, on 127.0.0.1: the wire format python-telegram-bot speaks (form or JSON
parameters in, {"ok": true, "result": ...} or Telegram's error shapes out), checks Telegram's rules on HTML
and lengths, serves queued updates to getUpdates (long polling), and records every call.

Usage (in the test's event loop):
    server = BotApiServer()
    await server.start()                      # server.api_url -> http://127.0.0.1:PORT/bot
    server.push(server.text_update("hello"))  # a private message from a user
    await server.wait_for("sendMessage")      # what the bot sent
    await server.stop()
Failures: server.fail("sendMessage", TOO_MANY(1)) for the next call (after=N: for the call after the next N);
server.blocked / server.missing chat ids.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

TOKEN = "123:ABC"
BOT_USER = {"id": 123, "is_bot": True, "first_name": "A6IP bot", "username": "a6ip_test_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}
JSON_FIELDS = {"reply_markup", "entities", "allowed_updates", "commands", "link_preview_options",
               "reply_parameters", "scope", "caption_entities"}
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
                "tg-spoiler", "span", "tg-emoji"}
NAMED_ENTITIES = {"lt", "gt", "amp", "quot"}
BARE_AMPERSAND = re.compile(r"&(?!(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);)")


def error(code: int, description: str, **parameters: Any) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return code, body


def TOO_MANY(retry_after: int = 1) -> tuple[int, dict[str, Any]]:  # noqa: N802 - reads like a constant
    return error(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


BLOCKED = error(403, "Forbidden: bot was blocked by the user")
CHAT_NOT_FOUND = error(400, "Bad Request: chat not found")
SERVER_ERROR = error(500, "Internal Server Error")


class EntityParseError(ValueError):
    pass


class TelegramHTML(HTMLParser):
    """Telegram's HTML subset: known tags only, balanced, named entities &lt; &gt; &amp; &quot; only."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            raise EntityParseError(f'Unsupported start tag "{tag}"')
        if tag == "a" and not dict(attrs).get("href"):
            raise EntityParseError("Can't find end of the entity: a tag without href")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise EntityParseError(f'Unmatched end tag "{tag}"')
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or "&" in data:
            raise EntityParseError("Unescaped '<' or '&' in text")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED_ENTITIES:
            raise EntityParseError(f'Unsupported HTML entity "&{name};"')
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text.append(html.unescape(f"&#{name};"))


def parse_html(text: str) -> str:
    """The text a user sees, or EntityParseError where Telegram answers "can't parse entities"."""
    if BARE_AMPERSAND.search(text):
        raise EntityParseError("Unescaped '&' in text")
    parser = TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1]}"')
    return "".join(parser.text)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int = 200
    result: Any = None
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> str:
        return str(self.params.get("chat_id", ""))

    @property
    def text(self) -> str:
        """The message as the user sees it (tags removed, entities decoded) when it was HTML."""
        raw = str(self.params.get("text", ""))
        if self.params.get("parse_mode") == "HTML":
            try:
                return parse_html(raw)
            except EntityParseError:
                return raw
        return raw

    @property
    def result_id(self) -> int:
        return int(self.result.get("message_id", 0)) if isinstance(self.result, dict) else 0

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]

    def button(self, label_part: str) -> dict[str, Any]:
        return next(b for b in self.buttons if label_part in b["text"])


class BotApiServer:
    """In-process Bot API: start(), push updates, inspect `calls`, script failures."""

    def __init__(self, token: str = TOKEN, *, bot_user: dict[str, Any] | None = None,
                 flood_control: bool = False) -> None:
        self.token = token
        self.flood_control = flood_control  # answer 429 like Telegram when sendMessage exceeds its limits
        self.sent_at: dict[str, deque[float]] = defaultdict(deque)  # chat id -> times of accepted sends
        self.all_sent_at: deque[float] = deque()
        self.bot_user = bot_user or dict(BOT_USER)
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.failures: dict[str, deque[tuple[int, dict[str, Any]] | None]] = defaultdict(deque)  # None: answer normally
        self.blocked: set[str] = set()
        self.missing: set[str] = set()
        self.admins: dict[str, set[str]] = defaultdict(set)  # chat id -> user ids with admin rights
        self.chats: dict[str, dict[str, Any]] = {}  # chat id -> chat object, learnt from pushed updates
        self.commands: list[dict[str, Any]] = []
        self.menus: dict[str, list[dict[str, str]]] = {}  # language_code ('' = default) -> command menu
        self.webhook: dict[str, Any] = {}
        self.messages: dict[tuple[str, int], dict[str, Any]] = {}
        self._ids = itertools.count(1)
        self._update_ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------------
    async def start(self, port: int = 0, host: str = "127.0.0.1") -> str:
        app = web.Application(client_max_size=10 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self.handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.api_url

    async def stop(self) -> None:
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # -- scripting ---------------------------------------------------------------------------------
    def fail(self, method: str, *responses: tuple[int, dict[str, Any]], after: int = 0) -> None:
        """The next calls of `method` get these error responses, in order (once `after` calls went through)."""
        self.failures[method].extend([None] * after + list(responses))

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an update_id is assigned when missing)."""
        update.setdefault("update_id", next(self._update_ids))
        for key in ("message", "edited_message"):
            chat = (update.get(key) or {}).get("chat") if isinstance(update.get(key), dict) else None
            if isinstance(chat, dict) and "id" in chat:
                self.chats[str(chat["id"])] = chat
        self.updates.append(update)
        asyncio.get_running_loop().create_task(self._notify())
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    def user(self, user_id: int = 1001, first_name: str = "Ana", username: str | None = "ana",
             language_code: str = "en") -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name,
                                "language_code": language_code}
        if username:
            user["username"] = username
        return user

    @staticmethod
    def chat(chat_id: int = 1001, kind: str = "private", title: str = "Article 6 focal points") -> dict[str, Any]:
        return {"id": chat_id, "type": kind, **({"title": title} if kind != "private" else {"first_name": "Ana"})}

    def message(self, text: str | None = None, *, chat: dict[str, Any] | None = None,
                user: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        """A message dict as Telegram sends it; commands and @mentions get their entities."""
        message: dict[str, Any] = {"message_id": next(self._ids), "date": int(time.time()),
                                   "chat": chat or self.chat(), "from": user or self.user(), **extra}
        if text is not None:
            message["text"] = text
            entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(text.split()[0])}] \
                if text.startswith("/") else []
            for word_start, word in word_positions(text):
                if word.startswith("@") and len(word) > 1:
                    entities.append({"type": "mention", "offset": word_start, "length": utf16_len(word)})
            if entities:
                message["entities"] = entities
        return message

    def text_update(self, text: str, **kwargs: Any) -> dict[str, Any]:
        return {"message": self.message(text, **kwargs)}

    def press(self, call: Call, label_part: str, *, user: dict[str, Any] | None = None,
              data: str | None = None) -> dict[str, Any]:
        """A callback_query update: the user taps a button of a message the bot sent."""
        sent = self.messages.get((call.chat_id, call.result_id)) or {}
        button = call.button(label_part) if data is None else {"callback_data": data}
        return {"callback_query": {"id": str(next(self._ids)), "from": user or self.user(),
                                   "chat_instance": "ci-1", "data": button["callback_data"], "message": sent}}

    # -- inspection --------------------------------------------------------------------------------
    def sent(self, method: str = "sendMessage", chat_id: str | int | None = None, *, ok: bool = True) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == str(chat_id))
                and (not ok or c.status == 200)]

    async def wait_for(self, method: str = "sendMessage", count: int = 1, *, chat_id: str | int | None = None,
                       timeout: float = 20.0, ok: bool = True) -> list[Call]:
        """Wait until at least `count` calls of `method` (successful ones unless ok=False) were made."""
        deadline = time.monotonic() + timeout
        while len(found := self.sent(method, chat_id, ok=ok)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method} calls, got {len(found)}: "
                                     f"{[(c.method, c.params) for c in self.calls][-10:]}")
            await asyncio.sleep(0.02)
        return found

    async def settle(self, quiet: float = 0.4, timeout: float = 20.0) -> None:
        """Wait until no call has been made for `quiet` seconds (the bot is done reacting)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.calls[-1].at if self.calls else 0.0
            if time.monotonic() - last >= quiet and not self.updates:
                return
            await asyncio.sleep(0.05)

    # -- the wire ----------------------------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        params = await read_params(request)
        call = Call(method, params)
        if method != "getUpdates":
            self.calls.append(call)
        scripted = self.failures[method].popleft() if self.failures[method] else None
        if scripted is not None:
            status, body = scripted
        else:
            status, body = await self.dispatch(method, params)
        call.status = status
        if method == "getUpdates" and (status != 200 or body.get("result")):
            self.calls.append(call)
        if status == 200:
            call.result = body.get("result")
        return web.json_response(body, status=status)

    async def dispatch(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return error(404, "Not Found: method not found")
        if "chat_id" in params:
            chat_id = str(params["chat_id"])
            if chat_id in self.blocked:
                return BLOCKED
            if chat_id in self.missing:
                return CHAT_NOT_FOUND
        if self.flood_control and method == "sendMessage" and (refusal := self.flooded(str(params.get("chat_id")))):
            return refusal
        try:
            return 200, {"ok": True, "result": await handler(params)}
        except EntityParseError as problem:
            return error(400, f"Bad Request: can't parse entities: {problem}")
        except BadRequest as problem:
            return error(400, f"Bad Request: {problem}")

    async def api_getMe(self, params: dict[str, Any]) -> Any:  # noqa: N802 - Bot API method names
        return self.bot_user

    async def api_getUpdates(self, params: dict[str, Any]) -> Any:  # noqa: N802
        offset, limit = int(params.get("offset") or 0), int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        if self.webhook.get("url"):
            raise BadRequest("Conflict: can't use getUpdates method while webhook is active")
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates and timeout:
            async with self._changed:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(self.updates)), timeout)
                except TimeoutError:
                    pass
        return self.updates[:limit]

    async def api_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        chat_id = str(params["chat_id"])
        shown = self.check_text(params)
        self.check_markup(params)
        message = {"message_id": next(self._ids), "date": int(time.time()), "from": self.bot_user,
                   "chat": self.chats.get(chat_id) or self.chat(int(chat_id), "private" if int(chat_id) > 0 else "group"),
                   "text": shown}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    async def api_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        message = self.find(params)
        shown = self.check_text(params)
        self.check_markup(params)
        if shown == message.get("text") and params.get("reply_markup") == message.get("reply_markup"):
            raise BadRequest("message is not modified: specified new message content and reply markup are "
                             "exactly the same as a current content and reply markup of the message")
        message["text"] = shown
        message["reply_markup"] = params.get("reply_markup")
        return message

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:  # noqa: N802
        message = self.find(params)
        self.check_markup(params)
        message["reply_markup"] = params.get("reply_markup")
        return message

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        if len(str(params.get("text", ""))) > 200:
            raise BadRequest("MESSAGE_TOO_LONG")
        return True

    async def api_setMyCommands(self, params: dict[str, Any]) -> Any:  # noqa: N802
        language = str(params.get("language_code") or "")
        self.menus[language] = params.get("commands") or []
        if not language:
            self.commands = self.menus[language]
        return True

    async def api_getMyCommands(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return self.commands

    async def api_setWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = params
        return True

    async def api_deleteWebhook(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = {}
        return True

    async def api_sendChatAction(self, params: dict[str, Any]) -> Any:  # noqa: N802
        return True

    async def api_getChatMember(self, params: dict[str, Any]) -> Any:  # noqa: N802
        user_id = str(params["user_id"])
        status = "administrator" if user_id in self.admins[str(params["chat_id"])] else "member"
        member: dict[str, Any] = {"status": status, "user": self.user(int(user_id))}
        if status == "administrator":
            member.update({k: True for k in ("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                                             "can_manage_video_chats", "can_restrict_members", "can_promote_members",
                                             "can_change_info", "can_invite_users", "can_post_stories",
                                             "can_edit_stories", "can_delete_stories")})
            member["can_be_edited"] = member["is_anonymous"] = False
        return member

    # -- Telegram's rules --------------------------------------------------------------------------
    def flooded(self, chat_id: str) -> tuple[int, dict[str, Any]] | None:
        """Telegram's published limits, with a little slack for timing jitter: about 1 message/s per chat,
        20/min per group, 30/s overall. Returns the 429 to answer, or None (and records the send)."""
        now, chat = time.monotonic(), self.sent_at[chat_id]
        while chat and now - chat[0] > 60:
            chat.popleft()
        while self.all_sent_at and now - self.all_sent_at[0] > 1:
            self.all_sent_at.popleft()
        if chat and now - chat[-1] < 0.9:
            return TOO_MANY(1)
        if chat_id.startswith("-") and len(chat) >= 20:
            return TOO_MANY(int(61 - (now - chat[0])))
        if len(self.all_sent_at) >= 32:
            return TOO_MANY(1)
        chat.append(now)
        self.all_sent_at.append(now)
        return None

    def find(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (str(params.get("chat_id")), int(params.get("message_id") or 0))
        if key not in self.messages:
            raise BadRequest("message to edit not found")
        return self.messages[key]

    @staticmethod
    def check_text(params: dict[str, Any]) -> str:
        text = str(params.get("text", ""))
        shown = parse_html(text) if params.get("parse_mode") == "HTML" else text
        if not shown.strip():
            raise BadRequest("message text is empty")
        if utf16_len(shown) > 4096:
            raise BadRequest("message is too long")
        return shown

    @staticmethod
    def check_markup(params: dict[str, Any]) -> None:
        for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise BadRequest("BUTTON_DATA_INVALID")


class BadRequest(Exception):
    pass


def word_positions(text: str) -> list[tuple[int, str]]:
    """(UTF-16 offset, word) for each whitespace-separated word, as Telegram counts offsets."""
    out, position = [], 0
    for word in text.split():
        index = text.index(word, position)
        out.append((utf16_len(text[:index]), word.rstrip(",.:;!?")))
        position = index + len(word)
    return out


async def read_params(request: web.Request) -> dict[str, Any]:
    """Parameters from the query, a form (what PTB sends: JSON-encoded values) or a JSON body."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        params.update(body if isinstance(body, dict) else {})
        return params
    if request.can_read_body:
        form = await request.post()
        params.update({k: v for k, v in form.items() if isinstance(v, str)})
    for key in JSON_FIELDS & set(params):
        if isinstance(params[key], str):
            params[key] = json.loads(params[key])
    return params

