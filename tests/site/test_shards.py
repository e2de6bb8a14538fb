"""A site rendered by several MkDocs processes at once is the site one process renders, byte for
byte; a warning or an error in any shard fails the build as it would in one process."""

from __future__ import annotations

import contextlib
import filecmp
import posixpath
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import MkDocsException

from briefkit.project import Project
from briefkit.site.build import generate_site, release_page_sources
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.site.shards import MAX_SHARDS, build_sharded, shard_count, sharded
from briefkit.store import dump_briefing
from tests.site.test_links import BRIEFINGS, REPO

# A link from a hand-written page to a heading of a generated page: its anchor must be known to every
# shard, whichever renders the page.
GUIDE_LINK = "\n\nSee [the briefings of an actor](../actors/{slug}.md#briefings).\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    return make_project(tmp_path_factory.mktemp("shards") / "project")


@pytest.fixture(scope="module")
def flat_project(tmp_path_factory) -> Project:
    """Pages as `briefings/harbour.html` rather than `briefings/harbour/index.html`."""
    return make_project(tmp_path_factory.mktemp("shards") / "flat", "use_directory_urls: false\n")


def make_project(root: Path, settings: str = "") -> Project:
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write(f"\n{settings}")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    (root / "briefings").mkdir()
    for name, written in BRIEFINGS.items():
        (root / "briefings" / name).write_text(dump_briefing(written), "utf-8")
    found = Project.find(root / "mkdocs.yml")
    with _in(root):
        generate_site(found, found.load_mkdocs_config(strict=True))
    slug = sorted(p.stem for p in (root / "docs" / "actors").glob("*.md") if p.stem != "index")[0]
    with (root / "docs" / "guide" / "index.md").open("a", encoding="utf-8") as guide:
        guide.write(GUIDE_LINK.format(slug=slug))
    return found


@contextlib.contextmanager
def _in(folder: Path):
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        yield


def render(project: Project, site: str, shards: int) -> Path:
    with _in(project.root):
        config = project.load_mkdocs_config(strict=True, site_dir=str(project.root / site))
        release_page_sources(config)
        build_sharded(config, shards)
    return project.root / site


def differences(left: Path, right: Path) -> list[str]:
    """Files present in one tree only, or different in content."""
    found = []
    compared = filecmp.dircmp(left, right)
    found += [f"only in {left.name}: {name}" for name in compared.left_only]
    found += [f"only in {right.name}: {name}" for name in compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compared.common_files, shallow=False)
    found += [f"differs: {name}" for name in mismatch + errors]
    for folder in compared.common_dirs:
        found += [f"{folder}/{d}" for d in differences(left / folder, right / folder)]
    return found


def test_shards_render_the_site_one_process_renders(project):
    one = render(project, "site-1", 1)
    for count in (2, 3):
        several = render(project, f"site-{count}", count)
        assert differences(one, several) == []
    pages = [p for p in (one / "actors").rglob("index.html")]
    assert len(pages) > 3  # every shard had pages of its own


def test_so_they_do_with_pages_named_as_html_files(flat_project):
    one, two = render(flat_project, "site-1", 1), render(flat_project, "site-2", 2)
    assert differences(one, two) == []
    assert len(list((one / "actors").glob("*.html"))) > 3


def test_the_other_shards_write_into_the_site_only_once_the_first_has_emptied_it(project, monkeypatch):
    """The first shard's MkDocs empties the site folder before its build; the others write their
    pages into it, and must not before that (emptying a large site takes a while: here, 2 s)."""
    import time

    from mkdocs import utils

    one = render(project, "site-1", 1)
    site = project.root / "site-slow"
    (site / "actors" / "stale").mkdir(parents=True)
    (site / "actors" / "stale" / "index.html").write_text("from an earlier build", "utf-8")
    clean = utils.clean_directory

    def slowly(directory):
        if Path(directory) == site:
            time.sleep(2)
        clean(directory)

    monkeypatch.setattr(utils, "clean_directory", slowly)
    assert differences(one, render(project, "site-slow", 2)) == []


def test_a_broken_link_in_any_shard_fails_a_strict_build(project):
    docs = project.root / "docs"
    shared = sorted(uri for uri in (p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if sharded(uri))
    page = docs / shared[1]  # the second shard's, of two (they take turns in this order)
    original = page.read_text("utf-8")
    try:
        for broken in ("[gone](../nowhere.md)", "[gone](../guide/index.md#no-such-heading)"):
            page.write_text(f"{original}\n\n{broken}\n", "utf-8")
            with pytest.raises(MkDocsException, match="warnings in strict mode"):
                render(project, "site-broken", 2)
    finally:
        page.write_text(original, "utf-8")


def test_a_link_to_a_missing_heading_of_another_shards_page_fails_a_strict_build(project):
    """A generated page's links are checked by its own shard only, where the page it links to may
    be another shard's, known by its headings."""
    docs = project.root / "docs"
    shared = sorted(uri for uri in (p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if sharded(uri))
    page, other = docs / shared[1], shared[0]  # of two shards, the second's and the first's
    original = page.read_text("utf-8")
    link = posixpath.relpath(other, posixpath.dirname(shared[1]))
    try:
        page.write_text(f"{original}\n\n[gone]({link}#no-such-heading)\n", "utf-8")
        with pytest.raises(MkDocsException, match="warnings in strict mode"):
            render(project, "site-broken", 2)
    finally:
        page.write_text(original, "utf-8")


def test_the_shard_of_a_generated_page_is_one_of_its_folders():
    assert sharded("briefings/harbour-strike.md") and sharded("actors/ana-lima/2025.md")
    assert not sharded("briefings/index.md")  # in the nav: the first shard's
    assert not sharded("guide/writing.md") and not sharded("index.md") and not sharded("explore/index.md")


def test_small_sites_render_in_one_process():
    assert shard_count(0) == shard_count(499) == 1
    assert 1 <= shard_count(10**6) <= MAX_SHARDS
    assert shard_count(10**6, jobs=1) == 1 and shard_count(10**6, jobs=2) == 2


def test_without_fork_a_site_renders_in_one_process(monkeypatch):
    monkeypatch.delattr("os.fork")
    assert shard_count(10**6, jobs=2) == 1


def test_a_site_with_plugins_not_known_to_shard_renders_in_one_process():
    assert shard_count(10**6, 2, ["material/search", "material/tags"]) == 2
    assert shard_count(10**6, 2, ["material/search", "rss"]) == 1  # a feed of the pages' text
    assert shard_count(10**6, 2, ["material/search", "hooks/site.py"]) == 1
