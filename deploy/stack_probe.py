"""What deploy/stack-test.sh does over HTTP, as a user would, with the Python standard library only:
sign in to the staff console and ask in its web chat, upload a document, post a Telegram update to the
webhook. Prints one JSON object; exits 1 with the reason on stderr when the step cannot be done.

    stack_probe.py ask URL EMAIL PASSWORD QUESTION
    stack_probe.py wait-answer URL EMAIL PASSWORD QUESTION EXPECTED SINCE LIMIT   (ask until the answer
        contains EXPECTED; prints the seconds since the Unix time SINCE, or fails after LIMIT seconds)
    stack_probe.py upload URL EMAIL PASSWORD FILE
    stack_probe.py telegram WEBHOOK_URL SECRET CHAT_ID TEXT
"""

from __future__ import annotations

import html
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
TAGS = re.compile(r"<[^>]+>")


class Console:
    """One signed-in console session (its own cookie jar) on one base URL."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/") + "/console"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, path: str, data: bytes | None = None, content_type: str | None = None) -> str:
        request = urllib.request.Request(self.base + path, data=data)
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.read().decode()
        except urllib.error.HTTPError as error:
            body = TAGS.sub(" ", error.read().decode(errors="replace"))
            raise SystemExit(f"{path}: HTTP {error.code}: {' '.join(body.split())[:300]}") from None
        except urllib.error.URLError as error:
            raise SystemExit(f"{self.base}{path}: {error.reason}") from None

    def csrf(self, path: str) -> str:
        found = CSRF.search(self.open(path))
        if not found:
            raise SystemExit(f"{path}: no CSRF token in the page")
        return html.unescape(found.group(1))

    def post(self, path: str, fields: dict[str, str]) -> str:
        """Post a form with the CSRF token of the page at the same path."""
        fields = {"csrf": self.csrf(path), **fields}
        return self.open(path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    @staticmethod
    def signed_in(page: str, path: str) -> str:
        if 'name="password"' in page:
            raise SystemExit(f"{path}: sent to the sign-in page: the worker that took the request did not "
                             "recognise the session")
        return page

    def sign_in(self, email: str, password: str) -> None:
        page = self.post("/login", {"email": email, "password": password, "next": ""})
        if 'name="password"' in page:
            raise SystemExit("sign-in failed: the login page came back")

    def ask(self, question: str) -> dict[str, object]:
        page = self.signed_in(self.post("/chat", {"question": question}), "/chat")
        article = re.search(r'<article class="answer (\w+)" id="answer">(.*?)</article>', page, re.S)
        if not article:
            raise SystemExit("the web chat page has no answer")
        text = " ".join(html.unescape(TAGS.sub(" ", article.group(2))).split())
        return {"answered": article.group(1) == "answered", "text": text}

    def upload(self, path: Path) -> str:
        boundary = uuid.uuid4().hex
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{self.csrf("/kb")}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
                f"Content-Type: text/markdown\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        page = self.signed_in(self.open("/kb/upload", body, f"multipart/form-data; boundary={boundary}"), "/kb/upload")
        flashes = re.findall(r'<p class="flash (\w+)" role="status">(.*?)</p>', page, re.S)
        if not flashes or flashes[0][0] == "error":
            raise SystemExit(f"upload refused: {flashes}")
        return html.unescape(flashes[0][1])


def telegram(webhook: str, secret: str, chat_id: str, text: str) -> dict[str, object]:
    chat = {"id": int(chat_id), "type": "private", "first_name": "Ana"}
    update = {"update_id": int(time.time() * 1000) % 2**31,
              "message": {"message_id": 1, "date": int(time.time()), "chat": chat, "text": text,
                          "from": {"id": int(chat_id), "is_bot": False, "first_name": "Ana", "language_code": "en"}}}
    request = urllib.request.Request(webhook, json.dumps(update).encode(), method="POST", headers={
        "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return {"status": response.status}
    except urllib.error.HTTPError as error:
        return {"status": error.code}


def main(args: list[str]) -> None:
    match args:
        case ["ask", base, email, password, question]:
            console = Console(base)
            console.sign_in(email, password)
            result = console.ask(question)
        case ["wait-answer", base, email, password, question, expected, since, limit]:
            console = Console(base)
            console.sign_in(email, password)
            while expected not in str(answer := console.ask(question)["text"]):
                if time.time() - float(since) > float(limit):
                    raise SystemExit(f"still not in the answer after {limit} s: {answer[:200]}")
                time.sleep(0.5)
            result = {"seconds": round(time.time() - float(since), 1)}
        case ["upload", base, email, password, file]:
            console = Console(base)
            console.sign_in(email, password)
            result = {"message": console.upload(Path(file))}
        case ["telegram", webhook, secret, chat_id, text]:
            result = telegram(webhook, secret, chat_id, text)
        case _:
            raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
