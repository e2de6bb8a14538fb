"""`briefkit serve`: MkDocs' live-reloading server, with the site's Markdown regenerated whenever a
briefing or the taxonomy changes (MkDocs then rebuilds and reloads the browser), and the Explore
page's index remade in the background after each build."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import BriefkitError
from ..project import Project
from ..taxonomy import TAXONOMY_FILE
from .build import PreparedSite, SiteMemo, generate_site, prepare_site
from .generate import generate, write_briefing_pages
from .search import SearchReport, index_site

DEBOUNCE_SECONDS = 0.3
QUIET_SECONDS = 2.0  # after a build, before Pagefind indexes the served site for Explore
EDIT_WAIT = 4  # an edit under way pushes indexing back by this many quiet spells (its build re-arms it)
REST_WAIT = 5.0  # seconds at most between an edited briefing's page and the pages that list it
REST_AFTER_BUILD = 0.5  # seconds after that page's rebuild: the browser's reload fetches it first
WATCHED_ROOT_FILES = (TAXONOMY_FILE, "actors.yml")
# Events that change a file. watchdog also reports files being opened and closed unwritten, and
# regenerating reads every briefing: reacting to those would regenerate forever.
CHANGES = {"created", "modified", "moved", "deleted"}


class Regenerator:
    """Calls `regenerate` once a burst of file events has settled (an editor's save is several events)."""

    def __init__(self, regenerate: Callable[[], None]) -> None:
        self._regenerate = regenerate
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def changed(self) -> None:
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self._regenerate)
            self._timer.daemon = True
            self._timer.start()


class ExploreIndexer:
    """Pagefind over the served site once it has been quiet for `quiet` seconds after a build, in a
    background thread at the lowest priority, so that an edit never waits for it: an edit under way
    postpones it, one run goes at a time, and builds meanwhile make one run more."""

    def __init__(self, report: Callable[[str], None], index: Callable[..., SearchReport] = index_site, quiet: float = QUIET_SECONDS) -> None:
        self._report = report
        self._index = index
        self._quiet = quiet
        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._timer: threading.Timer | None = None
        self._thread: threading.Thread | None = None

    def built(self, site_dir: Path) -> None:
        with self._lock:
            self._pending = site_dir
            self._arm(self._quiet)

    def editing(self) -> None:
        """An edit is being regenerated: its build comes next and re-arms the wait; should none come
        (nothing changed), indexing goes ahead a while later."""
        with self._lock:
            if self._pending is not None:
                self._arm(self._quiet * EDIT_WAIT)

    def _arm(self, seconds: float) -> None:
        self._cancel_timer()
        self._timer = threading.Timer(seconds, self._start)
        self._timer.daemon = True
        self._timer.start()

    def wait(self, timeout: float | None = None) -> None:
        """Until the runs due now are done (for tests)."""
        timer = self._timer
        if timer is not None:
            timer.join(timeout)
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _start(self) -> None:
        with self._lock:
            if self._thread is None and self._pending is not None:
                self._thread = threading.Thread(target=self._run, name="explore-index", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    self._thread = None
                    return
            start = time.perf_counter()
            try:
                searched = self._index(site_dir, low_priority=True)
                self._report(f"Explore: indexed {searched.pages} briefing page(s) in {time.perf_counter() - start:.1f} s")
            except BriefkitError as error:
                self._report(f"[red]Explore: {error}[/red]")


class SiteWriter:
    """Writes the served site's Markdown again after an edit, in two steps: first the pages of the
    briefings just edited, then, once MkDocs has rebuilt for them (or `REST_WAIT` s later), every
    other page that changed (the actor, topic and listing pages naming them). MkDocs rebuilds when
    a change has settled, and rendering every page takes seconds at thousands of briefings (and
    holds up the server's watcher threads meanwhile): so an edit shows after one quick rebuild."""

    def __init__(self, project: Project, config, report: Callable[[str], None], indexer: ExploreIndexer | None = None) -> None:
        self.project, self.config, self._report, self._indexer = project, config, report, indexer
        self.memo = SiteMemo()  # an edit re-reads only the briefings it touched, and rewrites only the pages it changed
        self._lock = threading.Lock()  # one regeneration at a time
        self._rest: PreparedSite | None = None  # the prepared site whose other pages are still to write
        self._timer: threading.Timer | None = None

    def all(self) -> None:
        """Write every page (the first generation; raises `CheckFailed`)."""
        with self._lock:
            generate_site(self.project, self.config, self.memo)

    def edited(self) -> None:
        """After an edit has settled: the edited briefings' pages now, the rest after a rebuild. A
        change that edits no briefing (a deletion, the taxonomy) rewrites everything at once."""
        if self._indexer is not None:
            self._indexer.editing()
        with self._lock:
            try:
                site = prepare_site(self.project, self.config, self.memo)
            except Exception as error:  # keep serving: the next save may fix it
                for line in getattr(error, "problems", [error]):
                    self._report(f"[red]{line}[/red]")
                return
            self._rest = site
            written = write_briefing_pages(site.index, site.docs_dir, site.settings, self.memo.pages, site.edited) if site.edited else 0
        if written:
            self._report(f"regenerated {written} edited briefing page(s); the pages that list them follow")
            self._arm(REST_WAIT)
        else:  # nothing for MkDocs to rebuild first
            self.rest()

    def built(self) -> None:
        """MkDocs finished a build: the pages still to write go now."""
        if self._rest is not None:
            self._arm(REST_AFTER_BUILD)

    def rest(self) -> None:
        with self._lock:
            site, self._rest = self._rest, None
            if self._timer is not None:
                self._timer.cancel()
            if site is None:
                return
            if self._indexer is not None:
                self._indexer.editing()
            generated = generate(site.index, site.docs_dir, site.settings, self.memo.pages)
        self._report(f"regenerated {generated.written} page(s) from {site.briefings} briefings")

    def _arm(self, seconds: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(seconds, self.rest)
        self._timer.daemon = True
        self._timer.start()


_indexer: ExploreIndexer | None = None
_writer: SiteWriter | None = None


def site_built(site_dir: Path) -> None:
    """Called by serve_hooks.py after each MkDocs build of the served site."""
    keep_newest_sections(site_dir / "search" / "search_index.json")
    if _writer is not None:
        _writer.built()
    if _indexer is not None:
        _indexer.built(site_dir)


def keep_newest_sections(path: Path) -> None:
    """Material's search index after a dirty rebuild holds the sections of the pages it did not
    rebuild, and appends those it did; it drops the old sections of one rebuilt page only, so a
    rebuild of several (an edit of actors.yml) left the others' old text beside the new. Each page's
    sections start with the page's own entry: of a page found twice, keep the later copy."""
    try:
        index = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):  # no search plugin, or no index written
        return
    groups: list[tuple[str, list[dict]]] = []
    for entry in index.get("docs", []):
        location = entry.get("location", "")
        if groups and "#" in location and location.partition("#")[0] == groups[-1][0]:
            groups[-1][1].append(entry)
        else:
            groups.append((location.partition("#")[0], [entry]))
    newest = {page: entries for page, entries in groups}  # a later copy replaces an earlier one
    if len(newest) == len(groups):
        return
    seen: set[str] = set()
    index["docs"] = [e for page, _ in groups if page not in seen and not seen.add(page) for e in newest[page]]
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")


def watch(project: Project, on_change: Callable[[], None]):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    root_files = {str(project.root / name) for name in WATCHED_ROOT_FILES}

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if event.event_type not in CHANGES or event.is_directory:
                return
            paths = {str(event.src_path), str(getattr(event, "dest_path", "") or "")}
            if any(Path(p).suffix == ".md" and not Path(p).name.startswith(".") for p in paths if p.startswith(str(project.briefings_dir))) or paths & root_files:
                on_change()

    observer = Observer()
    project.briefings_dir.mkdir(exist_ok=True)
    observer.schedule(Handler(), str(project.briefings_dir), recursive=False)
    observer.schedule(Handler(), str(project.root), recursive=False)
    observer.daemon = True
    observer.start()
    return observer


def serve_site(project: Project, *, dev_addr: str | None, report: Callable[[str], None], dirty: bool = True) -> None:
    """Serve the site with live reload. `dirty`: after the first build, MkDocs rebuilds only the pages
    whose Markdown changed (briefkit rewrites only those), so an edit shows in seconds at thousands
    of briefings; Material keeps the other pages' entries in its search index, and the Tags page is
    as the first build made it until the next full build. Explore's index covers every page, a few
    seconds after each build."""
    from mkdocs.commands.serve import serve

    os.chdir(project.root)  # as for build: MkDocs resolves some paths against the working directory
    config = project.load_mkdocs_config()

    global _indexer, _writer
    _indexer = ExploreIndexer(report)
    _writer = SiteWriter(project, config, report, _indexer)
    hooks = [*config.hooks, str(Path(__file__).with_name("serve_hooks.py"))]  # the site's own hooks first
    _writer.all()
    observer = watch(project, Regenerator(_writer.edited).changed)
    try:
        serve(config_file=str(project.config_file), dev_addr=dev_addr, livereload=True, build_type="dirty" if dirty else None, hooks=hooks)
    finally:
        observer.stop()
        _indexer = _writer = None
