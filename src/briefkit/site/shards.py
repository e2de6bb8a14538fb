"""Render the site with MkDocs in several processes at once, one per core. MkDocs renders one page
at a time, and rendering is most of a build (bench/results.md).

Every shard runs MkDocs' own build over the whole site, so that each knows every page (navigation,
links, tags, the sitemap), but renders in full only its share of the generated pages:

- a generated page of another shard is not converted: its title is in its front matter, and its
  anchors (its headings, its only ids) are found from its headings alone, and only when a link to
  one of them is checked; it is neither templated nor written;
- pages written by hand are converted by every shard (their titles may come from their text) but
  templated and written by the first shard only;
- the first shard does all that MkDocs does once (theme files, sitemap, 404 page, the Tags page,
  Material's search index); the others build into folders of their own, but write their pages
  into the site itself, once the first has emptied it (MkDocs cleans the site folder first), and
  their search entries are added to the first's index when all are done.

The site is byte for byte the one a build in one process makes (tests/site/test_shards.py).
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc

from ..errors import BriefkitError
from ..forked import Forked
from ..pool import default_jobs

# Folders of generated pages (the generated folders that hold pages rather than feeds or snippets);
# their index pages are in the nav and stay with the first shard.
SHARDED_FOLDERS = ("briefings", "actors", "topics", "timeline")
MAX_SHARDS = 4
MIN_PAGES_PER_SHARD = 500  # a shard costs about a second of its own: not worth it for fewer pages
CLEAN_TIMEOUT = 600  # seconds a shard waits for the first to empty the site folder
_SKIP = "briefkit-skip.html"  # an empty template: MkDocs writes no file for an empty page


# Plugins known to build the same site in shards: any other (and any hook) may read or write pages
# in ways a shard cannot see (a feed of the pages' text, social cards), so the site is then
# rendered in one process.
SHARD_SAFE_PLUGINS = {"search", "material/search", "tags", "material/tags"}


def shard_count(pages: int, jobs: int | None = None, plugins: list[str] | None = None) -> int:
    """How many processes render a site of `pages` pages: `jobs` at most (default: one per core);
    one where processes cannot fork, or when the site uses a plugin or hook (`plugins`: their
    names) not known to be safe."""
    if not known_plugins(plugins or ()) or not hasattr(os, "fork"):  # shards are forked
        return 1
    return max(1, min(jobs or default_jobs(), MAX_SHARDS, pages // MIN_PAGES_PER_SHARD))


def known_plugins(names) -> bool:
    """Whether every plugin or hook (`names`, as in a configuration's `plugins`) is one briefkit knows
    reads and writes pages only as MkDocs lets it; briefkit's own plugins are known."""
    return not {name for name in names if not name.startswith("briefkit/")} - SHARD_SAFE_PLUGINS


def sharded(uri: str) -> bool:
    """Whether the page `uri` (relative to the docs folder) is shared out between the shards."""
    folder, _, rest = uri.partition("/")
    return folder in SHARDED_FOLDERS and rest != "index.md"


class Shard(BasePlugin):
    """The plugin that makes a MkDocs build shard `index` of `count`."""

    def __init__(self, index: int, count: int, cleaned, site_dir: str | None = None) -> None:
        super().__init__()
        self.index, self.count = index, count
        self.cleaned = cleaned  # set once the first shard has emptied the site folder
        self.site_dir = site_dir  # where the other shards write their pages
        self.foreign: set[str] = set()  # generated pages that another shard renders
        self.order: dict[str, int] = {}  # page URL -> its place in MkDocs' order of pages

    def on_files(self, files, *, config):
        pages = files.documentation_pages()
        self.order = {("" if file.url in (".", "./") else file.url): n for n, file in enumerate(pages)}  # as Page.url
        shared = sorted(file.src_uri for file in pages if sharded(file.src_uri))
        self.foreign = {uri for n, uri in enumerate(shared) if n % self.count != self.index}
        if self.index == 0:
            self.cleaned.set()  # MkDocs empties the site folder before it gathers the files
        else:
            for file in pages:  # its own pages go to the site, the rest of its build to its folder
                if sharded(file.src_uri) and file.src_uri not in self.foreign:
                    file.dest_dir = self.site_dir
                    file.__dict__.pop("abs_dest_path", None)  # a cached property
        return files

    def on_env(self, env, *, config, files):
        import jinja2

        if self.index and not self.cleaned.wait(CLEAN_TIMEOUT):  # before any page is written
            raise BriefkitError(f"the first MkDocs process did not empty {self.site_dir} in {CLEAN_TIMEOUT} s")
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({_SKIP: ""}), env.loader])
        return env

    @event_priority(-100)  # after every other plugin has read the page's Markdown (tags: -50)
    def on_page_markdown(self, markdown, *, page, config, files):
        uri = page.file.src_uri
        if uri in self.foreign:
            markdown = "\n".join(line for line in markdown.splitlines() if line.startswith("#"))
            page.render = functools.partial(_render_foreign, page, _Anchors(markdown, config))  # MkDocs renders it next
        if uri in self.foreign or (self.index and not sharded(uri)):
            page.meta = {**page.meta, "template": _SKIP, "search": {"exclude": True}}
        return markdown


def _render_foreign(page, anchors: _Anchors, config, files) -> None:
    """What MkDocs' rendering gives a page, for one this shard neither templates nor writes: its
    title is in its front matter, and its anchors are found only if a link to one is checked."""
    page.content, page.toc, page._title_from_render = "", get_toc([]), None
    page.present_anchor_ids, page.links_to_anchors = anchors, {}  # its own links: its shard checks them


class _Anchors:
    """The anchors of a page cut to its headings (a generated page has no other ids), converted on
    the first question: Markdown costs half a millisecond even for a few headings, and most pages
    are linked to by no anchor at all."""

    def __init__(self, headings: str, config) -> None:
        self.headings, self.config = headings, config
        self.ids: set[str] | None = None

    def __contains__(self, anchor: object) -> bool:
        if self.ids is None:
            import markdown

            converter = markdown.Markdown(extensions=self.config["markdown_extensions"], extension_configs=self.config["mdx_configs"] or {})
            converter.convert(self.headings)
            self.ids = set(_ids(getattr(converter, "toc_tokens", [])))
        return anchor in self.ids


def _ids(tokens: list[dict]):
    for token in tokens:
        yield token["id"]
        yield from _ids(token["children"])


def build_sharded(config, count: int) -> None:
    """MkDocs' build of `config` in `count` processes, this one the first shard."""
    from mkdocs.commands.build import build

    if count < 2:
        build(config)
        return
    site_dir = Path(config.site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # the other shards' builds but their pages (theme files, sitemap, search index), beside the site
    with tempfile.TemporaryDirectory(prefix=f".{site_dir.name}-shards-", dir=site_dir.parent) as scratch:
        folders = [Path(scratch) / str(index) for index in range(1, count)]
        cleaned = multiprocessing.get_context("fork").Event()
        others = [Forked(_build_shard, config, index, count, folder, cleaned) for index, folder in enumerate(folders, 1)]
        first = Shard(0, count, cleaned)
        config.plugins["briefkit/shard"] = first
        try:
            build(config)
        finally:
            cleaned.set()  # should the first fail before cleaning: the others need not wait
            for other in others:
                other.result()
        _merge_search_indexes(site_dir, folders, first.order)


def _build_shard(config, index: int, count: int, folder: Path, cleaned) -> None:
    """Shard `index` of `count`: its pages written into the site, the rest of its build into `folder`."""
    from mkdocs.commands.build import build

    shard = Shard(index, count, cleaned, config.site_dir)
    config.plugins["briefkit/shard"] = shard
    config.site_dir = str(folder)
    build(config)


def _merge_search_indexes(site_dir: Path, folders: list[Path], order: dict[str, int]) -> None:
    """Add the other shards' entries to Material's search index, in the order of the pages (as one
    process would have written it), and written as Material writes it."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():  # the site has no search plugin
        return
    index = json.loads(path.read_text("utf-8"))
    for folder in folders:
        index["docs"] += json.loads((folder / "search" / "search_index.json").read_text("utf-8"))["docs"]
        shutil.rmtree(folder, ignore_errors=True)
    index["docs"].sort(key=lambda entry: order.get(entry["location"].partition("#")[0], len(order)))
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")
