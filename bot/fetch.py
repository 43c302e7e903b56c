"""The one way the bot fetches a URL someone typed (knowledge-base URL import, event feeds, the source watch):
http(s) only, every address the host resolves to checked before connecting, the connection pinned to the
address checked (no DNS rebinding), redirects followed by hand and re-checked, size and time capped while
reading. Refusals and connection failures read the same for every private address, so the fetcher cannot be
used to map the internal network."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_REDIRECTS = 5
CONNECT_SECONDS = 10  # per address: a host with an unreachable address still gets its next one tried
USER_AGENT = "a6bot (Article 6 Implementation Partnership chat bot)"
# Not global, yet not every Python version flags them as such: shared address space (carrier-grade NAT) and
# the IPv6 prefixes that carry an IPv4 address (NAT64, 6to4, Teredo), which could wrap a private one.
NOT_GLOBAL = tuple(ipaddress.ip_network(n) for n in ("100.64.0.0/10", "64:ff9b::/96", "64:ff9b:1::/48",
                                                     "2002::/16", "2001::/32"))


class FetchError(ValueError):
    """A URL that could not be fetched; the message is short and safe to show (it holds no fetched text)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"could not fetch URL: {reason}")
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A response: `not_modified` when a conditional request found the copy we hold still current."""

    url: str                      # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def address_allowed(address: IPAddress, allow: Sequence[IPNetwork] = ()) -> bool:
    """Global unicast addresses only, unless an administrator allowed the network explicitly."""
    if _within(address, allow):
        return True
    if isinstance(address, ipaddress.IPv6Address) and (address.ipv4_mapped or address.sixtofour
                                                       or address.teredo):
        return False
    special = (address.is_multicast or address.is_private or address.is_loopback or address.is_link_local
               or address.is_reserved or address.is_unspecified)
    return address.is_global and not special and not _within(address, NOT_GLOBAL)


def _within(address: IPAddress, networks: Sequence[IPNetwork]) -> bool:
    return any(address.version == net.version and address in net for net in networks)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the host resolves to, parsed the way the connection would parse it: the system resolver
    also reads 2130706433, 0x7f000001 and 0177.0.0.1 as 127.0.0.1."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("host not found") from error
    addresses: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError("host not found")
    return addresses


async def checked_addresses(url: httpx.URL, allow: Sequence[IPNetwork]) -> list[IPAddress]:
    """The addresses to connect to, in the resolver's order; refused (before any connection) when any address
    of the host is not allowed."""
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError("only http:// and https:// addresses can be fetched")
    addresses = await resolve(url.raw_host.decode("ascii"), url.port or (443 if url.scheme == "https" else 80))
    if not all(address_allowed(address, allow) for address in addresses):
        raise FetchError("address not allowed")
    return addresses


@cache
def tls_context() -> ssl.SSLContext:
    """Certificate checks as httpx does them, built once: loading the CA bundle takes a tenth of a second."""
    return httpx.create_ssl_context()


async def fetch(url: str, *, limit: int, timeout: float = 30, allow: Sequence[IPNetwork] = (),
                etag: str | None = None, last_modified: str | None = None) -> Fetched:
    """GET a URL under the rules above; at most `limit` bytes (decoded) and `timeout` seconds in all."""
    try:
        current = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError) as error:
        raise FetchError("not a valid web address") from error
    conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
    # Redirects by hand (each target checked); proxy variables ignored (the connection goes where we checked).
    client = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_SECONDS)),
                               follow_redirects=False, trust_env=False, verify=tls_context(),
                               headers={"User-Agent": USER_AGENT})
    try:
        async with asyncio.timeout(timeout), client:
            for _ in range(MAX_REDIRECTS + 1):
                response = await _get(client, current, allow, conditional, limit)
                if isinstance(response, httpx.URL):
                    current = response
                    continue
                return response
            raise FetchError(f"more than {MAX_REDIRECTS} redirects")
    except TimeoutError as error:
        raise FetchError("timed out") from error
    except httpx.TimeoutException as error:
        raise FetchError("timed out") from error
    except httpx.HTTPError as error:
        raise FetchError("connection failed") from error


async def _get(client: httpx.AsyncClient, url: httpx.URL, allow: Sequence[IPNetwork],
               conditional: dict[str, str], limit: int) -> Fetched | httpx.URL:
    """One hop, connected to a checked address (the next one if it refuses) with the real host name in Host
    and in TLS SNI and the certificate check; the next URL for a redirect, else the response read up to the
    limit."""
    addresses = await checked_addresses(url, allow)
    headers = {"Host": url.netloc.decode("ascii"), **conditional}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    for number, address in enumerate(addresses, start=1):
        request = client.build_request("GET", url.copy_with(host=str(address)), headers=headers,
                                       extensions=extensions)
        try:
            response = await client.send(request, stream=True)
            break
        except httpx.ConnectError:
            if number == len(addresses):
                raise
    try:
        if response.has_redirect_location:
            return url.join(response.headers["location"])
        if response.status_code == 304 and conditional:
            return _fetched(url, response, b"")
        if not 200 <= response.status_code < 300:
            raise FetchError(f"the server answered {response.status_code}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large(limit))
        body = bytearray()
        async for piece in response.aiter_bytes():
            body += piece
            if len(body) > limit:
                raise FetchError(too_large(limit))
        return _fetched(url, response, bytes(body))
    finally:
        await response.aclose()


def _fetched(url: httpx.URL, response: httpx.Response, content: bytes) -> Fetched:
    return Fetched(url=str(url), status=response.status_code, content=content,
                   content_type=response.headers.get("content-type", ""), etag=response.headers.get("etag"),
                   last_modified=response.headers.get("last-modified"))


def too_large(limit: int) -> str:
    return f"larger than {limit / (1024 * 1024):g} MB"
