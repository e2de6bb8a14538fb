"""`briefkit serve`'s watcher, without the HTTP server: which file changes regenerate the pages (an
editor's in-place save, a save through a temporary file and a rename, topics.yml, actors.yml), and
which do not (reading a briefing, as regenerating does; files that are not briefings)."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from briefkit.project import Project
from briefkit.site.build import generate_site
from briefkit.errors import BriefkitError
from briefkit.site.search import SearchReport
from briefkit.site.serve import ExploreIndexer, Regenerator, SiteWriter, watch

SETTLE = 1.0  # seconds for the file system's events to reach the observer
WAIT = 10  # at most this long for an expected event


class Calls:
    def __init__(self) -> None:
        self.count = 0
        self.event = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.event.set()

    def expect(self) -> None:
        assert self.event.wait(WAIT), "no change was seen"
        time.sleep(SETTLE)  # let the rest of the burst arrive
        self.event.clear()

    def expect_none(self) -> None:
        time.sleep(SETTLE)
        assert not self.event.is_set(), "a change was seen"


BRIEFING = "---\ntitle: Harbour reopens\ndate: 2024-05-06\n---\n\nThe harbour reopened.\n"


@pytest.fixture
def watched(project):
    (project / "briefings" / "harbour.md").write_text(BRIEFING, "utf-8")
    calls = Calls()
    observer = watch(Project(project / "mkdocs.yml"), calls)
    time.sleep(SETTLE)
    yield project, calls
    observer.stop()
    observer.join()


def save_by_rename(path, text):
    """As many editors save: write a temporary file beside the original, then rename it over it."""
    temporary = path.parent / f".{path.name}.swp"
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def test_saving_a_briefing_in_place(watched):
    project, calls = watched
    (project / "briefings" / "harbour.md").write_text(BRIEFING + "More.\n", "utf-8")
    calls.expect()


def test_saving_a_briefing_through_a_temporary_file(watched):
    project, calls = watched
    save_by_rename(project / "briefings" / "harbour.md", BRIEFING + "More.\n")
    calls.expect()


def test_new_and_deleted_briefings(watched):
    project, calls = watched
    (project / "briefings" / "ferry.md").write_text(BRIEFING, "utf-8")
    calls.expect()
    (project / "briefings" / "ferry.md").unlink()
    calls.expect()


@pytest.mark.parametrize("name", ["topics.yml", "actors.yml"])
def test_taxonomy_and_actor_registry(watched, name):
    project, calls = watched
    (project / name).write_text("topics: []\n", "utf-8")
    calls.expect()
    save_by_rename(project / name, "topics: []\n# edited\n")
    calls.expect()


def test_reading_files_is_not_a_change(watched):
    """Regenerating reads every briefing and topics.yml: that must not trigger another regeneration."""
    project, calls = watched
    (project / "topics.yml").write_text("topics: []\n", "utf-8")
    calls.expect()
    (project / "briefings" / "harbour.md").read_text("utf-8")
    (project / "topics.yml").read_text("utf-8")
    calls.expect_none()


def test_other_files_are_not_watched(watched):
    project, calls = watched
    (project / "briefings" / "notes.txt").write_text("x", "utf-8")
    (project / "briefings" / ".harbour.md.swp").write_text("x", "utf-8")  # an editor's scratch file, alone
    (project / "README.md").write_text("x", "utf-8")
    (project / "docs" / "extra.md").write_text("x", "utf-8")
    calls.expect_none()


def test_a_burst_of_changes_regenerates_once():
    calls = Calls()
    regenerator = Regenerator(calls)
    for _ in range(5):
        regenerator.changed()
    calls.expect()
    assert calls.count == 1


def test_a_saved_briefing_reaches_the_generated_pages(project):
    """The watcher and the regeneration together, as `serve` wires them (MkDocs then reloads the page)."""
    site = Project(project / "mkdocs.yml")
    config = site.load_mkdocs_config()
    docs = project / "docs"
    generate_site(site, config)
    done = Calls()

    def regenerate():
        generate_site(site, config)
        done()

    observer = watch(Project(project / "mkdocs.yml"), Regenerator(regenerate).changed)
    try:
        time.sleep(SETTLE)
        save_by_rename(project / "briefings" / "harbour.md", BRIEFING)
        done.expect()
        assert "Harbour reopens" in (docs / "briefings" / "harbour.md").read_text("utf-8")
        assert "Harbour reopens" in (docs / "briefings" / "index.md").read_text("utf-8")
        regenerations = done.count
        done.expect_none()  # regenerating read the briefings; that did not start another round
        assert done.count == regenerations
    finally:
        observer.stop()
        observer.join()


def test_an_edit_shows_on_its_page_first_and_on_the_pages_listing_it_after_the_rebuild(project, monkeypatch):
    monkeypatch.setattr("briefkit.site.serve.REST_WAIT", 30)  # only the rebuild sends the rest here
    monkeypatch.setattr("briefkit.site.serve.REST_AFTER_BUILD", 0)
    (project / "briefings" / "harbour.md").write_text(BRIEFING, "utf-8")
    (project / "briefings" / "ferry.md").write_text(BRIEFING.replace("Harbour reopens", "Ferry returns"), "utf-8")
    said = []
    writer = SiteWriter(Project(project / "mkdocs.yml"), Project(project / "mkdocs.yml").load_mkdocs_config(), said.append)
    writer.all()
    page, listing = (project / "docs" / "briefings" / name for name in ("harbour.md", "index.md"))
    (project / "briefings" / "harbour.md").write_text(BRIEFING.replace("Harbour reopens", "Harbour opens again"), "utf-8")
    writer.edited()
    assert "Harbour opens again" in page.read_text("utf-8")
    assert "Harbour opens again" not in listing.read_text("utf-8")  # not yet: MkDocs rebuilds the edited page alone
    assert said == ["regenerated 1 edited briefing page(s); the pages that list them follow"]
    writer.built()  # MkDocs rebuilt it
    until(lambda: "Harbour opens again" in listing.read_text("utf-8"))
    until(lambda: len(said) == 2)
    assert said[1].startswith("regenerated ") and "from 2 briefings" in said[1]


def test_without_a_build_the_rest_follows_anyway(project, monkeypatch):
    monkeypatch.setattr("briefkit.site.serve.REST_WAIT", 0.2)
    (project / "briefings" / "harbour.md").write_text(BRIEFING, "utf-8")
    writer = SiteWriter(Project(project / "mkdocs.yml"), Project(project / "mkdocs.yml").load_mkdocs_config(), lambda line: None)
    writer.all()
    (project / "briefings" / "harbour.md").write_text(BRIEFING.replace("Harbour reopens", "Harbour opens again"), "utf-8")
    writer.edited()
    listing = project / "docs" / "briefings" / "index.md"
    until(lambda: "Harbour opens again" in listing.read_text("utf-8"))


def test_a_change_that_edits_no_briefing_rewrites_everything_at_once(project):
    (project / "briefings" / "harbour.md").write_text(BRIEFING, "utf-8")
    (project / "briefings" / "ferry.md").write_text(BRIEFING.replace("Harbour reopens", "Ferry returns"), "utf-8")
    said = []
    writer = SiteWriter(Project(project / "mkdocs.yml"), Project(project / "mkdocs.yml").load_mkdocs_config(), said.append)
    writer.all()
    (project / "briefings" / "ferry.md").unlink()
    writer.edited()
    assert not (project / "docs" / "briefings" / "ferry.md").exists()
    assert "Ferry returns" not in (project / "docs" / "briefings" / "index.md").read_text("utf-8")
    assert said and "from 1 briefings" in said[-1]


def test_a_broken_edit_is_reported_and_the_site_stays(project):
    (project / "briefings" / "harbour.md").write_text(BRIEFING, "utf-8")
    said = []
    writer = SiteWriter(Project(project / "mkdocs.yml"), Project(project / "mkdocs.yml").load_mkdocs_config(), said.append)
    writer.all()
    (project / "briefings" / "harbour.md").write_text(BRIEFING.replace("date: 2024-05-06", "date: someday"), "utf-8")
    writer.edited()
    assert any("harbour.md" in line and "date" in line for line in said)
    assert "Harbour reopens" in (project / "docs" / "briefings" / "harbour.md").read_text("utf-8")


class SlowIndex:
    """Stands in for Pagefind: records each run and blocks until released."""

    def __init__(self, fail: bool = False) -> None:
        self.runs: list[tuple[Path, bool]] = []
        self.release = threading.Event()
        self.fail = fail

    def __call__(self, site_dir, *, low_priority=False):
        self.runs.append((site_dir, low_priority))
        self.release.wait(5)
        if self.fail:
            raise BriefkitError("Pagefind failed: no space left")
        return SearchReport(pages=3, bundle=site_dir / "pagefind")


def until(condition, timeout: float = 5.0) -> None:
    """Wait for `condition()` to hold (threads under test), failing after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_explore_is_indexed_after_a_build_at_low_priority_and_builds_meanwhile_make_one_more_run(tmp_path):
    index, said = SlowIndex(), []
    indexer = ExploreIndexer(said.append, index, quiet=0.05)
    indexer.built(tmp_path / "first")
    until(lambda: index.runs)
    for name in ("second", "third", "fourth"):  # while the first run goes on
        indexer.built(tmp_path / name)
    index.release.set()
    until(lambda: len(said) == 2)
    indexer.wait(5)
    assert index.runs == [(tmp_path / "first", True), (tmp_path / "fourth", True)]
    assert said[0].startswith("Explore: indexed 3 briefing page(s)")


def test_a_failed_explore_index_is_reported_and_the_next_build_tries_again(tmp_path):
    index, said = SlowIndex(fail=True), []
    index.release.set()
    indexer = ExploreIndexer(said.append, index, quiet=0.01)
    indexer.built(tmp_path)
    until(lambda: len(said) == 1)
    indexer.built(tmp_path)
    until(lambda: len(said) == 2)
    assert len(index.runs) == 2
    assert said == ["[red]Explore: Pagefind failed: no space left[/red]"] * 2


def test_an_edit_under_way_postpones_indexing_until_its_build_has_been_quiet(tmp_path):
    index, said = SlowIndex(), []
    index.release.set()
    indexer = ExploreIndexer(said.append, index, quiet=1.0)
    indexer.built(tmp_path)
    indexer.editing()  # the server regenerates an edit: its build will follow (4 quiet spells at most)
    time.sleep(1.5)
    assert index.runs == []  # not 1 s after the build: the edit pushed it back
    indexer.built(tmp_path)  # the edit's build: 1 s of quiet from now
    until(lambda: index.runs)
    indexer.wait(5)
    assert index.runs == [(tmp_path, True)]


def test_the_serve_hook_tells_the_running_writer_and_indexer(tmp_path, monkeypatch):
    from types import SimpleNamespace

    from briefkit.site import serve, serve_hooks

    seen = []
    monkeypatch.setattr(serve, "_indexer", SimpleNamespace(built=seen.append))
    monkeypatch.setattr(serve, "_writer", SimpleNamespace(built=lambda: seen.append("writer")))
    serve_hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert seen == ["writer", tmp_path]


def test_a_rebuild_of_several_pages_leaves_each_once_in_the_search_index(tmp_path):
    from briefkit.site.serve import keep_newest_sections

    def page(url, text, sections=()):
        return [{"location": url, "title": url, "text": text}, *({"location": f"{url}#{s}", "title": s, "text": text} for s in sections)]

    # as Material writes it after a dirty rebuild of b and c: b's old sections dropped, c's kept
    docs = page("", "home", ["latest"]) + page("briefings/a/", "old a", ["summary"]) + page("briefings/c/", "old c", ["summary", "timeline"])
    docs += page("briefings/b/", "new b", ["summary"]) + page("briefings/c/", "new c", ["summary"])
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), "utf-8")
    keep_newest_sections(path)
    index = json.loads(path.read_text("utf-8"))
    assert index["config"] == {"lang": ["en"]}
    assert [(d["location"], d["text"]) for d in index["docs"]] == [
        ("", "home"), ("#latest", "home"), ("briefings/a/", "old a"), ("briefings/a/#summary", "old a"),
        ("briefings/c/", "new c"), ("briefings/c/#summary", "new c"), ("briefings/b/", "new b"), ("briefings/b/#summary", "new b"),
    ]
    before = path.read_text("utf-8")
    keep_newest_sections(path)  # nothing twice: left as it is
    assert path.read_text("utf-8") == before
    keep_newest_sections(tmp_path / "missing.json")  # a site without Material's search
