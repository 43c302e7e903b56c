"""A small web site on a loopback address for the fetch and source watch tests: pages a test can change,
ETag / Last-Modified with 304 answers, redirects, a slow page and an endless one; every request is recorded."""

from __future__ import annotations

import hashlib
import ssl
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    def __init__(self, host: str = "127.0.0.1", *, tls: ssl.SSLContext | None = None, name: str | None = None) -> None:
        """`tls`: serve https with this context; `name`: the host name URLs use instead of the address."""
        self.pages: dict[str, tuple[str, bytes, str]] = {}     # path -> (content type, body, Last-Modified)
        self.redirects: dict[str, str] = {}                    # path -> Location
        self.requests: list[tuple[str, dict[str, str]]] = []   # (path, headers) as received
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                if self.path in site.redirects:
                    self.send_response(302)
                    self.send_header("Location", site.redirects[self.path])
                    self.end_headers()
                elif self.path == "/slow":
                    time.sleep(3)
                    self._send("text/plain", b"late")
                elif self.path == "/endless":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    try:
                        while True:
                            self.wfile.write(b"x" * 65536)
                    except OSError:
                        pass
                elif self.path in site.pages:
                    kind, body, modified = site.pages[self.path]
                    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                        return
                    self._send(kind, body, ETag=etag, **{"Last-Modified": modified})
                else:
                    self.send_error(404)

            def _send(self, kind: str, body: bytes, **headers: str) -> None:
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.base = f"{'https' if tls else 'http'}://{name or host}:{self.server.server_address[1]}"
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._version = 0

    def put(self, path: str, body: str | bytes, kind: str = "text/html; charset=utf-8") -> str:
        """Publish (or change) a page; each version gets its own ETag and Last-Modified. Returns its URL."""
        self._version += 1
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = (kind, data, formatdate(1_700_000_000 + self._version * 60, usegmt=True))
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
