"""The one check every link from a file or a form passes before it is stored or shown as a link.

Only http, https and mailto: a `javascript:` or `data:` URL in an uploaded file would otherwise run in the
browser of the staff member or visitor who clicks it (stored XSS). Used by the loaders (FAQ, Markdown, HTML),
the event importer, the console forms and the templates, so no path stores or renders another scheme."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")
MAX_LINK_CHARS = 2000
LINK_RULE = "a link must start with http://, https:// or mailto: (at most 2,000 characters, no spaces)"


def safe_link(url: object) -> str | None:
    """The link, trimmed, if it is an http(s) address with a host or a mailto: address; None for anything
    else (other schemes, relative or scheme-less links, control characters, spaces, over-long values)."""
    if not isinstance(url, str):
        return None
    link = url.strip()
    if not link or len(link) > MAX_LINK_CHARS or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in link):
        return None
    try:
        parts = urlsplit(link)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() == "mailto":
        return link if len(parts.path) > 1 and "@" in parts.path else None
    return link if parts.hostname else None


def check_link(url: str, field: str = "link") -> str:
    """The link if safe_link accepts it, else ValueError naming the field and the rule."""
    link = safe_link(url)
    if link is None:
        raise ValueError(f"{field}: {url.strip()[:80]!r} is not accepted; {LINK_RULE}.")
    return link


__all__ = ["LINK_RULE", "MAX_LINK_CHARS", "SAFE_SCHEMES", "check_link", "safe_link"]
