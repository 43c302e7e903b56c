"""What a fetched source says: a page's text (read by the same loaders as an import, so the diff shows what
the bot would learn), a feed's items (feedparser, RSS and Atom), the diff between two texts, and the
documents an approved change imports."""

from __future__ import annotations

import difflib
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import yaml
from bs4 import BeautifulSoup

from knowledge.loaders import load_file, suffix_for
from knowledge.types import LoadError

MAX_DIFF_TEXT = 400_000   # characters of each side compared; difflib slows sharply on larger texts
MAX_ITEMS = 50            # new feed items queued per check (a feed that reorders itself can look all new)
MAX_ITEM_TEXT = 20_000


class ContentError(ValueError):
    """A fetched source the bot cannot read (an image, an unsupported type, an empty page)."""


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    suffix: str


@dataclass(frozen=True)
class Incoming:
    """One document an approval imports: its identity in the knowledge base, link, loader suffix and bytes."""

    source: str
    url: str | None
    suffix: str
    content: bytes


def read_page(content: bytes, content_type: str, url: str) -> Page:
    """The page's title and text as the knowledge base would import them."""
    suffix = suffix_for(url, content_type)
    if suffix is None:
        kind = content_type.split(";")[0].strip() or "unknown"
        raise ContentError(f"'{kind}' content cannot be imported "
                           "(web pages, PDF, text, Markdown and FAQ YAML can)")
    with tempfile.TemporaryDirectory(prefix="a6bot-watch-") as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(content)
        try:
            parsed = load_file(path)
        except LoadError as error:
            raise ContentError(error.reason) from error
    return Page(parsed.title, "\n\n".join(chunk.text for chunk in parsed.chunks), suffix)


def feed_items(content: bytes) -> list[dict[str, Any]] | None:
    """The items of an RSS or Atom feed, newest first as the feed lists them; None when it is not a feed."""
    parsed = feedparser.parse(content)  # bytes, never a URL: feedparser would fetch a URL itself
    if not parsed.get("version"):
        return None
    items = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "")
        body = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        title = " ".join(str(entry.get("title") or "").split()) or "(untitled)"
        ident = str(entry.get("id") or link or hashlib.sha256(f"{title}\n{body}".encode()).hexdigest())
        items.append({"id": ident[:500], "title": title[:300],
                      "link": link if link.startswith(("http://", "https://")) else "",
                      "published": str(entry.get("published") or entry.get("updated") or ""),
                      "text": plain(body)[:MAX_ITEM_TEXT]})
    return items


def plain(markup: str) -> str:
    """Feed summaries are HTML: their text, one paragraph a line."""
    text = BeautifulSoup(markup, "html.parser").get_text("\n")
    return "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)


def unified(before: str, after: str, name: str) -> str:
    """A unified diff of two texts, line by line, with two lines of context."""
    old, new = before[:MAX_DIFF_TEXT].splitlines(), after[:MAX_DIFF_TEXT].splitlines()
    return "\n".join(difflib.unified_diff(old, new, f"{name} (before)", f"{name} (now)", lineterm="", n=2))


def item_document(item: dict[str, Any], *, feed_url: str, feed_name: str) -> Incoming:
    """A feed item as a Markdown document: its title and text, cited by title, linked to the item's page."""
    meta = {"title": item["title"], "source_url": item["link"] or feed_url}
    body = item["text"] or item["title"]
    text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n## {item['title']}\n\n{body}\n\n" \
           f"({feed_name}{', ' + item['published'] if item['published'] else ''})\n"
    digest = hashlib.sha256(item["id"].encode()).hexdigest()[:16]
    return Incoming(source=f"{feed_url}#item-{digest}", url=item["link"] or feed_url, suffix=".md",
                    content=text.encode())
