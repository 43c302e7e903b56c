"""Knowledge loaders: turn a file into a ParsedDocument of citable chunks, whatever its format.

Public API: `load_file(path)` and `collect_files(paths)`; both raise knowledge.types.LoadError with the
file and a reason an operator can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from knowledge.loaders.faq import load_faq
from knowledge.loaders.html import load_html
from knowledge.loaders.markdown import load_markdown
from knowledge.loaders.pdf import load_pdf
from knowledge.loaders.text import load_text
from knowledge.types import LoadError, ParsedDocument

LOADERS: dict[str, Callable[[Path, bytes], ParsedDocument]] = {
    ".md": load_markdown, ".markdown": load_markdown,
    ".yaml": load_faq, ".yml": load_faq,
    ".txt": load_text,
    ".pdf": load_pdf,
    ".html": load_html, ".htm": load_html,
}
# What a downloaded file's content type says about the loader it needs.
CONTENT_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
                 "text/plain": ".txt", "text/markdown": ".md", "application/yaml": ".yaml", "text/yaml": ".yaml"}
NOT_DOCUMENTS = {"glossary.yaml", "glossary.yml", "sources.yaml", "sources.yml",  # read by their own code
                 "horizon.yaml", "horizon.yml"}

__all__ = ["CONTENT_TYPES", "LOADERS", "NOT_DOCUMENTS", "collect_files", "load_file", "suffix_for"]


def load_file(path: Path) -> ParsedDocument:
    """Parse one file, dispatching on its suffix; a PDF is recognised by content whatever its name,
    and a .txt that is an official decision report is parsed by decision and paragraph."""
    path = Path(path)
    loader = LOADERS.get(path.suffix.lower())
    if path.name.lower() in NOT_DOCUMENTS:
        raise LoadError(str(path), f"{path.name} is not a document (the glossary, source list and horizon are read separately)")
    if not path.is_file():
        raise LoadError(str(path), "no such file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LoadError(str(path), f"cannot read: {error.strerror or error}") from error
    if data.lstrip().startswith(b"%PDF"):
        loader = load_pdf
    if loader is None:
        supported = ", ".join(sorted(LOADERS))
        raise LoadError(str(path), f"unsupported file type '{path.suffix or '(none)'}' (supported: {supported})")
    if not data.strip():
        raise LoadError(str(path), "empty file")
    return loader(path, data)


def _wanted(path: Path, root: Path) -> bool:
    """Inside a folder: supported suffix, not hidden (at any depth below the folder), not glossary/sources."""
    relative = path.relative_to(root)
    return (path.suffix.lower() in LOADERS and path.name.lower() not in NOT_DOCUMENTS
            and not any(part.startswith(".") for part in relative.parts))


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files to import: folders expanded recursively (skipping hidden and unsupported files), sorted and
    de-duplicated. A file named explicitly is kept even with an unsupported suffix, so that load_file
    reports it instead of it vanishing silently; glossary.yaml, sources.yaml and horizon.yaml are always skipped."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise LoadError(str(path), "no such file or directory")
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
        elif path.name.lower() not in NOT_DOCUMENTS:
            found.add(path)
    return sorted(found)


def suffix_for(url: str, content_type: str) -> str | None:
    """The suffix (so the loader) a downloaded file needs: from its content type, else from the end of its
    URL's path; None when no loader reads it."""
    kind = content_type.split(";")[0].strip().lower()
    suffix = CONTENT_TYPES.get(kind) or Path(urlsplit(url).path).suffix.lower()
    return suffix if suffix in LOADERS else None
