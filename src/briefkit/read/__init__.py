"""Readers: an article file in, its `Article`s out (a feed or a JSON list holds many).

`read_articles` reads the bytes (bounded by a size limit), decodes them, chooses the reader by
content and extension (or the given format), and returns each article, or the `ArticleError` of
an item that could not be read, so that one bad item of a feed fails alone. A problem with the
whole file raises `ArticleError`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import ArticleError
from . import formats
from .article import Article, Block
from .encoding import MAX_BYTES, declared_encoding, decode, read_bytes

Item = Article | ArticleError
ARTICLE_SUFFIXES = frozenset(formats.SUFFIXES)
FORMATS = formats.FORMATS

__all__ = ["ARTICLE_SUFFIXES", "FORMATS", "MAX_BYTES", "Article", "Block", "Item", "find_articles", "read_article", "read_articles"]


def _readers() -> dict[str, Callable[..., list[Item]]]:
    # imported here: the HTML reader loads trafilatura, which takes a while
    from .feed import read_feed
    from .html import read_html
    from .markdown import read_markdown
    from .newsapi import read_json
    from .text import read_text

    return {"txt": read_text, "md": read_markdown, "html": read_html, "json": read_json, "feed": read_feed}


def read_articles(path: Path, *, fmt: str | None = None, max_bytes: int = MAX_BYTES, shown_path: str | None = None) -> list[Item]:
    """Every article in the file at `path`; `ArticleError` when the file as a whole cannot be read."""
    shown = shown_path or str(path)
    suffix = path.suffix.lower()
    if fmt is None and suffix not in ARTICLE_SUFFIXES and _is_binary_name(suffix):
        raise ArticleError(shown, _unsupported(suffix))
    data = read_bytes(path, shown, max_bytes)
    if not data.strip():
        raise ArticleError(shown, "empty")
    text = decode(data, shown, declared=declared_encoding(data))
    if not text.strip():
        raise ArticleError(shown, "empty")
    chosen = formats.choose(text, suffix, fmt)
    if chosen is None:
        raise ArticleError(shown, _unsupported(suffix))
    reader = _readers()[chosen]
    if chosen == "json":
        return reader(text, shown, lines=suffix in formats.LINE_SUFFIXES)
    return reader(text, shown)


def read_article(path: Path, *, shown_path: str | None = None, fmt: str | None = None, max_bytes: int = MAX_BYTES) -> Article:
    """The one article of a file (the first of a many-article file); raises its `ArticleError`."""
    items = read_articles(path, fmt=fmt, max_bytes=max_bytes, shown_path=shown_path)
    first = next((i for i in items if isinstance(i, Article)), items[0])
    if isinstance(first, ArticleError):
        raise first
    return first


def find_articles(paths: list[Path]) -> tuple[list[Path], list[ArticleError]]:
    """Every article file named, or inside a named folder (sorted, each once; hidden files and
    folders skipped), and the paths that are neither."""
    found: list[Path] = []
    problems: list[ArticleError] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            candidates = _walk(path)
        elif path.exists():
            candidates = [path]
        elif path.is_symlink():
            problems.append(ArticleError(path, "unreadable (a broken symlink, or a symlink loop)"))
            continue
        else:
            problems.append(ArticleError(path, "no such file or folder"))
            continue
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found, problems


def _walk(folder: Path) -> list[Path]:
    """Article files under `folder`. Symlinked folders are not followed (so a symlink loop cannot
    trap the walk); symlinked files are, when they resolve to a file."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            candidate = Path(root) / name
            if not name.startswith(".") and candidate.suffix.lower() in ARTICLE_SUFFIXES and candidate.is_file():
                found.append(candidate)
    return sorted(found)


_BINARY_SUFFIXES = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".mp3", ".mp4", ".xls", ".xlsx", ".ppt", ".pptx", ".exe", ".bin"}


def _is_binary_name(suffix: str) -> bool:
    return suffix in _BINARY_SUFFIXES


def _unsupported(suffix: str) -> str:
    name = repr(suffix) if suffix else "(no extension)"
    return f"unsupported format {name} (briefkit reads txt, md, html, json and feed files; --format chooses a reader)"
