"""`briefkit build`: check the briefings, generate the site's Markdown, render it with MkDocs, then
index it with Pagefind for the Explore page."""

from __future__ import annotations

import contextlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..check import load_briefings
from ..errors import BriefkitError, CheckFailed
from ..forked import run_forked
from ..pool import default_jobs
from ..project import Project
from ..registry import load_registry
from ..taxonomy import load_taxonomy
from .converter import add_reused_converter
from .generate import GenerateReport, generate
from .index import SiteIndex
from .pagefind_view import add_pagefind_views, views_apply
from .raw_blocks import add_raw_blocks
from .search import SearchReport, index_site
from .settings import SiteSettings
from .shards import build_sharded, shard_count
from .template_cache import add_template_cache

VIEWS = Path(".briefkit") / "pagefind-views"  # in the project, beside the ingest cache


@dataclass
class BuildReport:
    briefings: int
    generated: GenerateReport
    site_dir: str
    search: SearchReport | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # generate, mkdocs, pagefind


@dataclass
class SiteMemo:
    """What a long-running caller (`serve`) keeps between two generations: the valid briefings by
    path, size and mtime, and the digest of each generated file as last written."""

    briefings: dict = field(default_factory=dict)
    pages: dict[str, bytes] = field(default_factory=dict)


@dataclass
class PreparedSite:
    """The briefings checked and indexed, ready for their pages to be written."""

    briefings: int
    index: SiteIndex
    settings: SiteSettings
    docs_dir: Path
    edited: set[Path]  # briefings read again since the memo's last generation (none on a first one)


def prepare_site(project: Project, config, memo: SiteMemo | None = None, *, jobs: int = 1) -> PreparedSite:
    """Check every briefing and index them; raises `CheckFailed` with every problem. `config` is
    MkDocs' loaded configuration (docs_dir, site_url, extra.briefkit); `jobs` processes read a large
    folder of briefings."""
    settings = SiteSettings.from_mkdocs(config, str(project.config_file))
    taxonomy = load_taxonomy(project.root)
    registry = load_registry(project.root)
    known = dict(memo.briefings) if memo else {}
    briefings, problems = load_briefings([project.briefings_dir], taxonomy, memo.briefings if memo else None, jobs=jobs) if project.briefings_dir.is_dir() else ([], [])
    if problems:
        raise CheckFailed(problems)
    index = SiteIndex.build(briefings, taxonomy, registry=registry, min_actor_briefings=settings.min_actor_briefings)
    edited = {path for path, read in memo.briefings.items() if known.get(path) is not read} if known else set()
    return PreparedSite(len(briefings), index, settings, Path(config.docs_dir), edited)


def generate_site(project: Project, config, memo: SiteMemo | None = None, *, jobs: int = 1) -> tuple[int, GenerateReport]:
    """Check every briefing, then write the generated pages; raises `CheckFailed` with every problem."""
    site = prepare_site(project, config, memo, jobs=jobs)
    return site.briefings, generate(site.index, site.docs_dir, site.settings, memo.pages if memo else None, jobs=jobs)


def build_site(project: Project, *, strict: bool = False, search: bool = True, jobs: int | None = None) -> BuildReport:
    """Generate the Markdown, render it with MkDocs, then index the pages with Pagefind. Each of the
    first two runs in a child process of its own (`forked`), so that the memory it used is back
    with the system before the next starts: MkDocs' renderers (`jobs` at most; `shards`) start
    without what generating the pages left behind, and Pagefind without any of it. A large site's
    briefings are read, and its pages written, by `jobs` processes too (default: one per core)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice on every build
    # Loaded once, here: both children start with it, and with MkDocs and its plugins imported.
    # MkDocs extensions resolve some paths (snippets' base_path) against the working directory.
    with contextlib.chdir(project.root):
        config = project.load_mkdocs_config(strict=strict)
    count, generated, seconds = run_forked(generate_pages, project, config, jobs or default_jobs())
    views, since = _views_folder(project) if search and views_apply(config) else (None, 0)
    site_dir, rendered = run_forked(render_pages, project, config, generated.pages, jobs, views)
    clock = _Clock()
    searched = index_site(Path(site_dir), views=views, since=since) if search else None
    if search:
        clock.lap("pagefind")
    return BuildReport(count, generated, site_dir, searched, seconds | rendered | clock.seconds)


def _views_folder(project: Project) -> tuple[Path, int]:
    """The folder of what Pagefind reads of the pages (pagefind_view.py), kept in `.briefkit/`
    between builds: deleting 3,000 views took half a second on this machine's disk, and each build
    writes its pages' views over the last. Also the time of the build's start, as the file system
    tells it: a view older than that is not this build's."""
    views = project.root / VIEWS
    views.mkdir(parents=True, exist_ok=True)
    stamp = views / ".build"
    stamp.touch()
    return views, stamp.stat().st_mtime_ns


def generate_pages(project: Project, config, jobs: int = 1) -> tuple[int, GenerateReport, dict[str, float]]:
    """Check the briefings and generate the site's Markdown (`config`: MkDocs' loaded configuration):
    (briefings, what generating wrote, seconds)."""
    clock = _Clock()
    with contextlib.chdir(project.root):
        count, generated = generate_site(project, config, jobs=jobs)
    clock.lap("generate")
    return count, generated, clock.seconds


def render_pages(project: Project, config, pages: int, jobs: int | None = None, views: Path | None = None) -> tuple[str, dict[str, float]]:
    """Render the generated site of `pages` pages with MkDocs: (the site folder, seconds). `views`: a
    folder for what Pagefind reads of each page (pagefind_view.py)."""
    from mkdocs.exceptions import MkDocsException

    clock = _Clock()
    with contextlib.chdir(project.root):
        shards = shard_count(pages, jobs, list(config.plugins))  # the site's plugins, not briefkit's
        release_page_sources(config)
        add_raw_blocks(config)
        add_reused_converter(config)
        add_template_cache(config)
        if views:
            add_pagefind_views(config, views)
        try:
            build_sharded(config, shards)
        except MkDocsException as error:
            raise BriefkitError(f"MkDocs: {error}") from None
    clock.lap("mkdocs")
    return str(Path(config.site_dir).resolve()), clock.seconds


def release_page_sources(config) -> None:
    """Have MkDocs drop each page's Markdown once it is HTML. MkDocs renders every page before it
    writes any, and nothing reads the Markdown after rendering (a page's title comes from its meta
    or its rendered heading); on a 10,000-briefing site the sources are 400 MB of text."""
    from mkdocs.plugins import BasePlugin

    class ReleaseSources(BasePlugin):
        def on_page_content(self, html, *, page, **kwargs):
            page.markdown = ""  # not None: MkDocs reads None as "not read yet", and titles vanish
            return html

    config.plugins["briefkit/release-sources"] = ReleaseSources()


class _Clock:
    """Seconds of each step of a build, for the report and the benchmark."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.seconds[step], self._last = now - self._last, now


def route_mkdocs_logs(handler: logging.Handler, level: int = logging.WARNING) -> None:
    """Show MkDocs' own messages (warnings, and errors that make --strict fail) through `handler`."""
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if getattr(h, "_briefkit", False)]:
        logger.removeHandler(old)
    handler._briefkit = True
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.setLevel(min(level, logging.INFO))
    logger.propagate = False
