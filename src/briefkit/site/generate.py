"""Write the site's Markdown (and feeds) into the docs folder: only files whose content changed, and
remove generated files whose briefing, actor or topic is gone."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..forked import in_shares
from ..reference import write_reference
from ..store import write_atomic
from .context import Site
from .explore import SRC, explore_page
from .feeds import feed_files
from .index import Entry, SiteIndex
from .listings import actors_pages, briefings_pages, home_snippet, tags_snippet, timeline_pages, topics_index
from .pages import actor_pages, briefing_page, topic_pages
from .settings import SiteSettings

# Folders of the docs folder that briefkit owns entirely (git-ignored); `_snippets` is excluded from
# the page list in mkdocs.yml and only included into hand-written pages.
GENERATED_FOLDERS = ("briefings", "actors", "topics", "timeline", "explore", "feeds", "_snippets")
MIN_PARALLEL_UNITS = 2000  # fewer pages are written in under a second: not worth a process


@dataclass
class GenerateReport:
    pages: int
    written: int
    removed: int


def render(index: SiteIndex, settings: SiteSettings | None = None) -> dict[str, str]:
    """Every generated file: path relative to the docs folder -> content (Markdown pages and feeds)."""
    return dict(render_files(index, settings))


def render_files(index: SiteIndex, settings: SiteSettings | None = None) -> Iterator[tuple[str, str]]:
    """The generated files one at a time, so that a large site is never all in memory at once."""
    for unit in _units(Site(index, settings or SiteSettings())):
        yield from unit()


Unit = Callable[[], Iterable[tuple[str, str]]]


def _units(site: Site) -> list[Unit]:
    """The generated files as units of work, each a few files (a page, an actor's pages, a feed)."""
    index = site.index
    return [
        functools.partial(_listing_files, site),
        *(functools.partial(_briefing_files, entry, site) for entry in index.entries),
        *(functools.partial(_items, actor_pages, actor, site) for actor in index.actor_pages()),
        *(functools.partial(_items, topic_pages, topic_id, site) for topic_id in index.topics),
        functools.partial(_feed_files, site),
    ]


def _listing_files(site: Site) -> list[tuple[str, str]]:
    """The pages and snippets that list briefings, actors and topics."""
    return [
        ("_snippets/home.md", home_snippet(site)),
        ("_snippets/tags.md", tags_snippet(site)),
        ("topics/index.md", topics_index(site)),
        (SRC, explore_page(site)),
        *(briefings_pages(site) | actors_pages(site) | timeline_pages(site)).items(),
    ]


def _briefing_files(entry: Entry, site: Site) -> list[tuple[str, str]]:
    return [(entry.src, briefing_page(entry, site))]


def _feed_files(site: Site) -> Iterable[tuple[str, str]]:
    return feed_files(site).items()


def _items(pages: Callable[..., dict[str, str]], key, site: Site) -> Iterable[tuple[str, str]]:
    return pages(key, site).items()


def write_briefing_pages(index: SiteIndex, docs_dir: Path, settings: SiteSettings, memo: dict[str, bytes], briefings: Collection[Path]) -> int:
    """Write the pages of `briefings` (paths of briefing files) whose content changed, and nothing
    else: how many were written. `serve` shows an edit this way before the pages that list it."""
    site = Site(index, settings)
    return sum(_write(docs_dir / e.src, briefing_page(e, site), e.src, memo) for e in index.entries if e.path in briefings)


def generate(index: SiteIndex, docs_dir: Path, settings: SiteSettings | None = None, memo: dict[str, bytes] | None = None, *, jobs: int = 1) -> GenerateReport:
    """Write every generated file whose content changed. `memo` (kept by `serve` between edits) holds
    the digest of each file as last written, so an unchanged page is not even read back. `jobs`
    processes write a large site's files (not with a memo, which lives in this process)."""
    write_reference(docs_dir)  # guide/format.md, the front-matter reference, from the schema
    units = _units(Site(index, settings or SiteSettings()))
    shares = jobs if memo is None and len(units) >= MIN_PARALLEL_UNITS else 1
    write = functools.partial(_write_units, docs_dir=docs_dir, memo=memo)
    files: set[str] = set()
    written = 0
    for names, count in in_shares(write, units, shares):
        files.update(names)
        written += count
    removed = 0
    for folder in GENERATED_FOLDERS:
        for stale in sorted((docs_dir / folder).rglob("*"), reverse=True):  # files before their folders
            relative = stale.relative_to(docs_dir).as_posix()
            if stale.is_dir():
                if not any(stale.iterdir()):
                    stale.rmdir()
            elif relative not in files:
                stale.unlink()
                removed += 1
    pages = sum(1 for name in files if name.endswith(".md") and not name.startswith("_snippets/"))
    return GenerateReport(pages=pages, written=written, removed=removed)


def _write_units(units: list[Unit], docs_dir: Path, memo: dict[str, bytes] | None) -> tuple[list[str], int]:
    """Write the files of `units` that changed: (every file's path, how many were written)."""
    names, written = [], 0
    for unit in units:
        for relative, content in unit():
            names.append(relative)
            written += _write(docs_dir / relative, content, relative, memo)
    return names, written


def _write(target: Path, content: str, relative: str, memo: dict[str, bytes] | None) -> bool:
    """Write `content` to `target` unless it holds it already: whether it wrote."""
    digest = hashlib.blake2b(content.encode(), digest_size=16).digest() if memo is not None else b""
    if memo is not None and relative in memo:
        same = memo[relative] == digest and target.exists()
    else:
        same = _unchanged(target, content)
    if not same:
        write_atomic(target, content, durable=False)  # regenerable: no need to wait for the disk
    if memo is not None:
        memo[relative] = digest
    return not same


def _unchanged(target: Path, content: str) -> bool:
    try:
        return target.read_text("utf-8") == content
    except (OSError, UnicodeDecodeError):
        return False
