"""Pagefind: the Explore page's index, made from the built HTML after MkDocs.

Pagefind (PyPI `pagefind[bin]`, a static binary in a wheel) reads the briefing pages, indexes the
content the theme marks `data-pagefind-body` and the filters the panels carry
(`data-pagefind-filter`: actor, topic, kind, year), and writes `site/pagefind/`: the index in small
chunks plus its UI's JS, CSS and WebAssembly, all served from the site itself.

Pagefind holds what it indexes in memory until it writes: about 9 bytes per byte of briefing page
(2.5 GB for the 290 MB of 10,000 BBC briefings' pages: bench/results.md). A large site is therefore
indexed in bundles of about `BUNDLE_BYTES` of pages each, one Pagefind run each: `pagefind/`, then
`pagefind/bundle-2/`, ..., listed in `pagefind/bundles.json`, which the Explore page reads to merge
them (Pagefind UI's `mergeIndex`: it searches every bundle and sums their filters' counts).

The price of bundles: when a word is missing from a whole bundle, Pagefind falls back, in that
bundle, to words that begin like it (`portmere` finds `port`), as a single index does for a word
missing from the whole site; those looser results rank below the exact ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefkitError

BUNDLE = "pagefind"
MANIFEST = "bundles.json"  # in the first bundle: the others' folders, relative to it
PAGES_FOLDER = "briefings"  # only briefing pages carry data-pagefind-body: read no others
PAGES_GLOB = f"{PAGES_FOLDER}/**/*.html"
EXCLUDE = ".headerlink"  # the headings' permalink signs (¶) are no words
BUNDLE_BYTES = 160 * 2**20  # of HTML pages: about 1.4 GB of Pagefind's memory, 5,000 BBC briefings


@dataclass
class SearchReport:
    pages: int  # pages indexed
    bundle: Path
    bundles: int = 1


def index_site(site_dir: Path, bundle_bytes: int | None = None, *, low_priority: bool = False, views: Path | None = None, since: int = 0) -> SearchReport:
    """Rebuild `site_dir/pagefind`, written beside it and then swapped in: no stale chunk is left
    behind, and a page being read meanwhile (`serve`) keeps the old index. `low_priority`: Pagefind
    runs niced, so that it yields to a rebuild. `views`: a folder of what Pagefind reads of each
    page, at the pages' paths (pagefind_view.py), read instead of the pages; those written before
    `since` (a modification time in ns) are an earlier build's."""
    final = site_dir / BUNDLE
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-next-", dir=site_dir))
    try:
        pages = sorted(site_dir.glob(PAGES_GLOB))
        source = _complete_views(pages, site_dir, views, since) if views else site_dir
        parts = split_pages(pages, bundle_bytes or BUNDLE_BYTES)  # by the pages' bytes, as measured
        if len(parts) <= 1:  # no page at all is Pagefind's to report
            _pagefind(source, staging, low_priority)
        else:
            for number, part in enumerate(parts):
                _index_part(source, [source / page.relative_to(site_dir) for page in part], staging / _part_folder(number), low_priority)
        others = [_part_folder(number) for number in range(1, len(parts))]
        (staging / MANIFEST).write_text(json.dumps({"merge": others}) + "\n", "utf-8")
        indexed = sum(1 for _ in staging.glob("**/fragment/*.pf_fragment"))
        _swap(staging, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return SearchReport(pages=indexed, bundle=final, bundles=max(1, len(parts)))


def _complete_views(pages: list[Path], site_dir: Path, views: Path, since: int) -> Path:
    """`views` made exactly the site's pages: an earlier build's views go, and the pages that have
    none (pages MkDocs copied rather than rendered: HTML files among the docs) are linked in as they
    are, so that Pagefind reads every page it would read in the site, and no other."""
    fresh = set()
    for view in list(views.glob(PAGES_GLOB)):  # listed before any goes
        if view.stat().st_mtime_ns >= since:
            fresh.add(view.relative_to(views))
        else:
            view.unlink()
            with contextlib.suppress(OSError):  # a page gone: its folder too, once empty
                view.parent.rmdir()
    for page in pages:
        relative = page.relative_to(site_dir)
        if relative not in fresh:
            (views / relative).parent.mkdir(parents=True, exist_ok=True)
            _link(page, views / relative)
    return views


def _link(page: Path, twin: Path) -> None:
    try:
        os.link(page, twin)
    except OSError:  # a file system that cannot link
        shutil.copyfile(page, twin)


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(f".pagefind-old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def split_pages(pages: list[Path], budget: int) -> list[list[Path]]:
    """`pages` in order, cut into as few runs of about equal bytes as keep each within `budget`
    (10,000 pages of 29 KB make two bundles of 145 MB, not one of 160 MB and one of 130 MB)."""
    sizes = [page.stat().st_size for page in pages]
    count = max(1, -(-sum(sizes) // budget))
    share = sum(sizes) / count
    parts: list[list[Path]] = [[] for _ in range(count)]
    done = 0
    for page, size in zip(pages, sizes):
        parts[min(count - 1, int((done + size / 2) // share))].append(page)  # by the page's middle byte
        done += size
    return [part for part in parts if part]


def _part_folder(number: int) -> str:
    return "" if number == 0 else f"bundle-{number + 1}/"


def _index_part(site_dir: Path, pages: list[Path], output: Path, low_priority: bool) -> None:
    """Index `pages` alone: Pagefind reads a folder, so it gets one made of hard links to them (or
    copies where the file system cannot link), at the same paths, so that their URLs stay right."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site_dir) as folder:
        for page in pages:
            twin = Path(folder) / page.relative_to(site_dir)
            twin.parent.mkdir(parents=True, exist_ok=True)
            _link(page, twin)
        _pagefind(Path(folder), output, low_priority)


def _pagefind(site_dir: Path, output: Path, low_priority: bool) -> None:
    nice = ["nice", "-n", "19"] if low_priority and shutil.which("nice") else []
    command = [*nice, sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES_GLOB, "--output-path", str(output), "--exclude-selectors", EXCLUDE, "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        raise BriefkitError("Pagefind did not finish indexing the site in 10 minutes") from None
    if done.returncode:
        reason = (done.stderr or done.stdout).strip().splitlines()
        if "No module named pagefind" in done.stderr:
            raise BriefkitError("Pagefind is not installed (pip install 'pagefind[bin]'); it builds the Explore page's index")
        raise BriefkitError(f"Pagefind failed: {reason[-1] if reason else f'exit status {done.returncode}'}")
