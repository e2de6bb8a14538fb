"""Readers: an article file in, an `Article` out. One module per format."""

from __future__ import annotations

from pathlib import Path

from ..errors import ArticleError
from .article import Article, Block
from .text import read_text_article

READERS = {".txt": read_text_article}
ARTICLE_SUFFIXES = frozenset(READERS)

__all__ = ["ARTICLE_SUFFIXES", "Article", "Block", "find_articles", "read_article"]


def read_article(path: Path, *, shown_path: str | None = None) -> Article:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ArticleError(shown_path or path, f"unsupported format {path.suffix or '(no extension)'!r}")
    return reader(path, shown_path=shown_path)


def find_articles(paths: list[Path]) -> tuple[list[Path], list[ArticleError]]:
    """Every article file named or inside a named folder (sorted, each once), and the paths that are neither."""
    found: list[Path] = []
    problems: list[ArticleError] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            # rglob does not follow symlinked folders, so a symlink loop cannot trap the walk.
            candidates = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        elif path.exists():
            candidates = [path]
        else:
            problems.append(ArticleError(path, "no such file or folder"))
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found, problems
