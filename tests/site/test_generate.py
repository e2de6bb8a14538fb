"""generate(): the docs folder gets exactly the generated pages, rewritten only when they change."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from pathlib import Path

import pytest

from briefkit.errors import BriefkitError
from briefkit.model import Actor, Briefing, TimelineEntry
from briefkit.site.generate import GENERATED_FOLDERS, generate, render
from briefkit.site.index import SiteIndex
from briefkit.site.settings import SiteSettings
from briefkit.taxonomy import _parse, load_taxonomy

from .helpers import MARKDOWN_LINK, page_url, resolve

TAXONOMY = load_taxonomy()
FOLDER_INDEXES = {"briefings/index.md", "actors/index.md", "topics/index.md", "timeline/index.md", "explore/index.md"}


def briefing(title: str, day: int, actors: list[str], topics=("politics",)) -> Briefing:
    return Briefing(
        title=title,
        date=dt.date(2023, 1, day),
        summary=f"{title}.",
        actors=[Actor(name=n, kind="person") for n in actors],
        topics=list(topics),
        timeline=[TimelineEntry(date="2022-12", text=f"{actors[0]} prepared.")] if actors else [],
        body=f"## Summary\n\n{title}.",
    )


BRIEFINGS = {
    "budget-passes": briefing("Budget passes", 3, ["Vera Lind", "Jonas Pekk"]),
    "budget-debate": briefing("Budget debate", 2, ["Vera Lind"]),
    "solo-story": briefing("Solo story", 1, ["Only Once"], topics=("elections",)),
}


def index_of(briefings: dict[str, Briefing], taxonomy=TAXONOMY) -> SiteIndex:
    return SiteIndex.build([(Path("briefings") / f"{slug}.md", b) for slug, b in briefings.items()], taxonomy)


def files(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*") if p.is_file()}


@pytest.fixture
def docs(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\n--8<-- \"home.md\"\n", "utf-8")
    (docs / "guide").mkdir()
    (docs / "guide" / "index.md").write_text("# Guide\n", "utf-8")
    return docs


HAND_WRITTEN = {"index.md", "guide/index.md", "guide/format.md"}  # format.md: the reference, written by generate too


def test_generate_writes_every_page(docs):
    index = index_of(BRIEFINGS)
    report = generate(index, docs)
    pages = render(index)
    assert report.written == len(pages)
    assert report.pages == len([p for p in pages if p.endswith(".md") and not p.startswith("_snippets/")])
    assert report.removed == 0
    on_disk = files(docs)
    assert {k: v for k, v in on_disk.items() if k in pages} == pages
    assert set(on_disk) - set(pages) == HAND_WRITTEN
    assert {"feeds/briefings.xml", "feeds/briefings.json", "feeds/topics/politics.xml", "feeds/topics/politics.json"} <= set(pages)
    for slug in BRIEFINGS:
        assert f"briefings/{slug}.md" in pages
    for slug in ("vera-lind", "jonas-pekk", "only-once"):
        assert f"actors/{slug}.md" in pages
    assert FOLDER_INDEXES | {"_snippets/home.md"} <= set(pages)
    assert all(f"topics/{t}.md" in pages for t in TAXONOMY.topics)


def test_several_processes_write_what_one_writes(docs, tmp_path, monkeypatch):
    from briefkit.site import generate as generate_module

    index = index_of(BRIEFINGS)
    monkeypatch.setattr(generate_module, "MIN_PARALLEL_UNITS", 1)
    report = generate(index, docs, jobs=3)
    assert files(docs) == {**render(index), **{k: v for k, v in files(docs).items() if k in HAND_WRITTEN}}
    assert (report.written, report.pages) == (len(render(index)), generate(index, tmp_path / "one").pages)
    stale = docs / "actors" / "gone.md"
    stale.write_text("# Gone\n", "utf-8")
    again = generate(index, docs, jobs=3)
    assert (again.written, again.removed, stale.exists()) == (0, 1, False)


def test_second_run_writes_nothing(docs):
    generate(index_of(BRIEFINGS), docs)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")}
    report = generate(index_of(BRIEFINGS), docs)
    assert report.written == 0 and report.removed == 0
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")} == before


def test_one_changed_briefing_rewrites_only_its_pages(docs):
    generate(index_of(BRIEFINGS), docs)
    changed = dict(BRIEFINGS)
    changed["solo-story"] = briefing("Solo story", 1, ["Only Once"], topics=("elections",))
    changed["solo-story"].body += "\n\nOne more line."
    report = generate(index_of(changed), docs)
    assert report.written == 1
    assert "One more line." in (docs / "briefings" / "solo-story.md").read_text("utf-8")


def test_with_a_memo_unchanged_pages_are_not_read_back_and_changes_are_written(docs, monkeypatch):
    memo: dict[str, bytes] = {}
    generate(index_of(BRIEFINGS), docs, memo=memo)
    assert set(memo) == set(render(index_of(BRIEFINGS)))
    read_back = []
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read_back.append(self.name) or real(self, *a, **k))
    changed = dict(BRIEFINGS)
    changed["solo-story"] = briefing("Solo story", 1, ["Only Once"], topics=("elections",))
    changed["solo-story"].body += "\n\nOne more line."
    report = generate(index_of(changed), docs, memo=memo)
    assert report.written == 1 and [name for name in read_back if name != "format.md"] == []  # format.md: the reference, outside the memo
    assert "One more line." in real(docs / "briefings" / "solo-story.md", "utf-8")
    (docs / "briefings" / "budget-debate.md").unlink()  # a page that vanished is written again
    assert generate(index_of(changed), docs, memo=memo).written == 1


def test_removed_briefing_removes_its_stale_pages(docs):
    generate(index_of(BRIEFINGS), docs)
    assert (docs / "briefings" / "solo-story.md").exists()
    remaining = {k: v for k, v in BRIEFINGS.items() if k != "solo-story"}
    report = generate(index_of(remaining), docs)
    assert not (docs / "briefings" / "solo-story.md").exists()
    assert not (docs / "actors" / "only-once.md").exists()  # its only actor went with it
    assert report.removed == 2
    assert (docs / "briefings" / "budget-passes.md").exists() and (docs / "actors" / "vera-lind.md").exists()
    assert "Solo story" not in (docs / "briefings" / "index.md").read_text("utf-8")
    assert "Solo story" not in (docs / "feeds" / "topics" / "elections.json").read_text("utf-8")
    assert set(files(docs)) == set(render(index_of(remaining))) | HAND_WRITTEN


def test_a_stale_feed_and_its_empty_folder_are_removed(docs):
    generate(index_of(BRIEFINGS), docs)
    (docs / "feeds" / "old" / "deep").mkdir(parents=True)
    (docs / "feeds" / "old" / "deep" / "gone.xml").write_text("<rss/>", "utf-8")
    report = generate(index_of(BRIEFINGS), docs)
    assert report.removed == 1 and report.written == 0
    assert not (docs / "feeds" / "old").exists()


def test_stale_files_outside_generated_folders_are_left(docs):
    (docs / "notes.md").write_text("mine", "utf-8")
    (docs / "pictures").mkdir()
    (docs / "pictures" / "map.png").write_bytes(b"\x89PNG")
    (docs / "briefings").mkdir()
    (docs / "briefings" / "old-page.md").write_text("stale", "utf-8")
    (docs / "briefings" / "picture.png").write_bytes(b"\x89PNG")  # briefkit owns briefings/: gone too
    report = generate(index_of(BRIEFINGS), docs)
    assert report.removed == 2
    assert not (docs / "briefings" / "old-page.md").exists() and not (docs / "briefings" / "picture.png").exists()
    assert (docs / "notes.md").read_text("utf-8") == "mine"
    assert (docs / "pictures" / "map.png").exists()
    assert (docs / "index.md").read_text("utf-8").startswith("# Home")


def test_no_briefings_still_gives_the_indexes(docs):
    index = index_of({})
    report = generate(index, docs)
    assert FOLDER_INDEXES | {"_snippets/home.md"} <= set(files(docs))
    assert report.removed == 0
    assert "No briefings yet" in (docs / "_snippets" / "home.md").read_text("utf-8")


def test_only_folder_indexes_are_called_index_md():
    tricky = {
        "index": briefing("Index", 4, ["Index"]),
        "index-of-prices": briefing("Index of prices", 5, ["Index", "Vera Lind"]),
    }
    tricky["index"].actors.append(Actor(name="index", kind="organization"))  # same name key: one actor
    index = index_of(tricky)
    pages = render(index)
    called_index = {name for name in pages if name.rsplit("/", 1)[-1] == "index.md"}
    assert called_index == FOLDER_INDEXES
    assert len([p for p in pages if p.startswith("briefings/")]) == 3  # two briefings and the list
    assert pages["actors/index.md"].startswith('---\ntitle: "Actors"\n')
    assert pages["briefings/index.md"].startswith('---\ntitle: "Briefings"\n')


@pytest.mark.parametrize("topic_id", ["index", "Markets", "../up", "a b"])
def test_a_topic_id_that_cannot_be_a_page_name_is_refused(topic_id):
    # `index` would replace the list of topics (topics/index.md); ids are URL path segments
    with pytest.raises(BriefkitError, match="id must be"):
        _parse(f"topics:\n- id: {topic_id!r}\n  label: X\n", "topics.yml")


@pytest.mark.parametrize("names", [("index", "index-briefing"), ("a_b", "a-b")])
def test_briefing_files_with_similar_names_get_their_own_pages(names):
    first, second = names
    index = index_of({first: briefing("First", 1, ["Vera Lind"]), second: briefing("Second", 2, ["Jonas Pekk"])})
    pages = render(index)
    briefing_pages = [text for name, text in pages.items() if name.startswith("briefings/") and name != "briefings/index.md"]
    assert len(briefing_pages) == 2


def test_generated_folders_cover_every_rendered_page():
    pages = render(index_of(BRIEFINGS))
    assert {name.split("/", 1)[0] for name in pages} <= set(GENERATED_FOLDERS)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_generated_link_is_relative_and_lands_on_a_page(directory_urls):
    many = {f"story-{n}": briefing(f"Story {n}", 1 + n % 28, ["Vera Lind", f"Guest {n}"], topics=("politics", "elections")) for n in range(40)}
    pages = render(index_of(many | BRIEFINGS), SiteSettings(directory_urls=directory_urls, min_actor_briefings=2))
    targets = {page_url(name, directory_urls) for name in pages if not name.startswith("_snippets/")}
    targets |= {page_url(name, directory_urls) for name in HAND_WRITTEN} | {"pagefind/pagefind-ui.css", "pagefind/pagefind-ui.js"}  # Pagefind's, after MkDocs
    checked = 0
    for name, text in pages.items():
        if not name.endswith(".md"):
            continue
        source = "index.md" if name.startswith("_snippets/") else name  # the snippet is included into docs/index.md
        links = [href for _, href in MARKDOWN_LINK.findall(text)] + re.findall(r'href="([^"]*)"', text)
        for href in links:
            if href.startswith("https://"):
                continue
            assert not href.startswith("/") and "://" not in href, f"{name}: {href}"
            href = html.unescape(href)
            if href.endswith(".md"):  # a Markdown link: MkDocs resolves it against the docs folder
                assert posixpath.normpath(posixpath.join(posixpath.dirname(source), href)) in set(pages) | HAND_WRITTEN, (name, href)
            else:
                assert resolve(source, href, directory_urls) in targets, f"{name}: {href} -> {resolve(source, href, directory_urls)}"
            checked += 1
    assert checked > 500
