"""End to end: the repository's articles, `briefkit ingest` then `briefkit build --strict`, and the HTML
that comes out. Also the briefing contract on a real third-party article (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.model import TIMELINE_DATE
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.store import read_briefing
from briefkit.text import name_key

REPO = Path(__file__).resolve().parent.parent.parent
ARTICLES = REPO / "articles"
runner = CliRunner()


class BriefingHtml(HTMLParser):
    """The parts of a rendered briefing page the test looks at."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.panel_text = ""
        self.panel_links: list[tuple[str, str]] = []
        self.panels = 0
        self._in_title = False
        self._in_h1 = False
        self._in_headerlink = False
        self._div_depth = 0  # open <div>s since the panel opened; 0 = outside the panel
        self._link: tuple[str, list[str]] | None = None
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "title":
            self._in_title = True
        elif tag == "h1" and not self.h1:
            self._in_h1 = True
        elif tag == "a" and "headerlink" in classes:
            self._in_headerlink = True
        elif tag == "div":
            if self._div_depth:
                self._div_depth += 1
            elif "bk-panel" in classes:
                self.panels += 1
                self._div_depth = 1
        if tag == "a" and self._div_depth and "headerlink" not in classes:
            self._link = (attrs.get("href", ""), [])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        elif tag == "a":
            self._in_headerlink = False
            if self._link:
                href, parts = self._link
                self.panel_links.append(("".join(parts), href))
                self._link = None
        elif tag == "div" and self._div_depth:
            self._div_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._in_h1 and not self._in_headerlink:
            self.h1 += data
        if self._div_depth:
            self.panel_text += data
            if self._link:
                self._link[1].append(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    """One project, as in conftest's `project`, with the repository's articles ingested and built once."""
    root = tmp_path_factory.mktemp("end-to-end") / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    (root / "briefings").mkdir()
    shutil.copytree(ARTICLES, root / "articles", ignore=shutil.ignore_patterns("*.md"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        ingested = runner.invoke(app, ["ingest", "articles"])
        build = runner.invoke(app, ["build", "--strict"])
    return root, ingested, build


def briefing_files(root: Path) -> list[Path]:
    return sorted((root / "briefings").glob("*.md"))


def test_articles_are_here():
    assert len(list(ARTICLES.glob("*.txt"))) >= 2


def test_ingest_and_build_exit_0(built):
    root, ingested, build = built
    assert ingested.exit_code == 0, ingested.output
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(briefing_files(root)) == len(articles)
    assert [line.split(" ")[0] for line in ingested.stdout.strip().splitlines()[:-1]] == ["written"] * len(articles)
    assert build.exit_code == 0, build.output
    assert f"from {len(articles)} briefings" in build.stdout


def test_site_has_a_page_per_briefing_and_the_indexes(built):
    root, _, _ = built
    site = root / "site"
    for path in briefing_files(root):
        assert (site / "briefings" / path.stem / "index.html").is_file(), path.stem
    pages = ("index.html", "briefings/index.html", "actors/index.html", "topics/index.html", "timeline/index.html", "explore/index.html",
             "search/search_index.json", "feeds/briefings.xml", "feeds/briefings.json", "pagefind/pagefind-ui.js")
    for page in pages:
        assert (site / page).is_file(), page
    assert len(list((site / "pagefind" / "fragment").glob("*.pf_fragment"))) == len(briefing_files(root))  # briefings only


def site_target(site: Path, page_dir: Path, href: str) -> Path:
    """The file a relative link of an HTML page in `page_dir` opens (MkDocs' directory URLs)."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), href
    relative = posixpath.normpath(posixpath.join(page_dir.relative_to(site).as_posix(), unquote(parts.path)))
    target = site / relative
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


@pytest.fixture(scope="module")
def one_briefing(built):
    root, _, _ = built
    path = max(briefing_files(root), key=lambda p: len(read_briefing(p).actors))
    briefing = read_briefing(path)
    page_dir = root / "site" / "briefings" / path.stem
    return root / "site", page_dir, briefing, BriefingHtml((page_dir / "index.html").read_text("utf-8"))


def test_briefing_page_title_and_heading(one_briefing):
    _, _, briefing, html = one_briefing
    assert html.title.startswith(briefing.title)
    assert html.h1.strip() == briefing.title


def test_briefing_page_panel_holds_the_date(one_briefing):
    _, _, briefing, html = one_briefing
    assert html.panels == 1
    assert briefing.date is not None
    assert re.search(rf"Date:\s*{briefing.date.isoformat()}", html.panel_text)


def test_briefing_page_actor_links_resolve(one_briefing):
    site, page_dir, briefing, html = one_briefing
    actor_links = [(text, href) for text, href in html.panel_links if "/actors/" in href]
    assert actor_links  # the actors named in at least min_actor_briefings briefings
    assert {text for text, _ in actor_links} <= {a.name for a in briefing.actors}
    for actor in briefing.actors:  # every actor is named in the panel, with a page or without
        assert actor.name in html.panel_text or any(name_key(actor.name) == name_key(t) for t, _ in actor_links), actor.name
    for text, href in actor_links:
        target = site_target(site, page_dir, href)
        assert target.is_file(), f"{text}: {href} -> {target}"
        assert text in BriefingHtml(target.read_text("utf-8")).h1
    for text, href in html.panel_links:
        if not urlsplit(href).scheme:
            assert site_target(site, page_dir, href).is_file(), href


def test_search_index_has_the_briefings(built):
    root, _, _ = built
    docs = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    for path in briefing_files(root):
        title = read_briefing(path).title
        assert any(d["title"] == title and d["location"] == f"briefings/{path.stem}/" for d in docs), title


def test_build_again_rewrites_nothing(built, monkeypatch):
    root, _, _ = built
    monkeypatch.chdir(root)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    again = runner.invoke(app, ["build", "--strict"])
    assert again.exit_code == 0, again.output
    assert "0 files rewritten, 0 removed" in again.stdout
    assert re.search(r"removed\); generating [\d.]+ s, MkDocs [\d.]+ s, Pagefind [\d.]+ s", again.stdout)  # where a build's time goes


# --- the briefing contract, on a real article ------------------------------------------------

CONTRACT = ["title", "date", "summary", "source", "actors", "topics", "tags", "timeline", "quotes"]


@pytest.fixture
def summit(tmp_path, shared_file, nlp):
    """`briefkit ingest` of a real news article (third-party data in ../shared, never copied here)."""
    article = shared_file("articles/trump-kim-second-summit.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(article), "--date", "2019-01-18", "--out", str(out)])
    return result, out


def front_matter(path: Path) -> dict:
    text = path.read_text("utf-8")
    _, header, _ = re.split(r"^---\s*$", text, maxsplit=2, flags=re.MULTILINE)
    return yaml.safe_load(header)


def test_real_article_gives_one_briefing_in_the_contract(summit):
    result, out = summit
    assert result.exit_code == 0, result.output
    written = list(out.iterdir())
    assert len(written) == 1
    data = front_matter(written[0])
    assert list(data)[: len(CONTRACT)] == CONTRACT
    assert set(data) - set(CONTRACT) <= {"briefkit"}
    assert isinstance(data["title"], str) and data["title"]
    assert data["date"] == dt.date(2019, 1, 18)
    assert isinstance(data["summary"], str) and data["summary"]
    assert set(data["source"]) == {"name", "file", "url"}
    assert data["source"]["file"].endswith("trump-kim-second-summit.txt")
    assert data["actors"]
    for actor in data["actors"]:
        assert list(actor) == ["name", "kind", "role", "aliases", "mentions"]
        assert isinstance(actor["name"], str) and actor["kind"] in ("person", "organization", "place", "group")
        assert actor["role"] is None or isinstance(actor["role"], str)
        assert isinstance(actor["aliases"], list) and all(isinstance(a, str) for a in actor["aliases"])
        assert isinstance(actor["mentions"], int) and actor["mentions"] >= 1
    assert isinstance(data["topics"], list) and all(isinstance(t, str) for t in data["topics"])
    assert isinstance(data["tags"], list) and all(isinstance(t, str) for t in data["tags"])
    for item in data["timeline"]:
        assert list(item) == ["date", "text", "evidence"]
        assert isinstance(item["date"], str) and TIMELINE_DATE.match(item["date"]), item
        assert isinstance(item["text"], str) and item["text"]
    for quote in data["quotes"]:
        assert list(quote) == ["speaker", "text"]
        assert isinstance(quote["text"], str) and quote["text"]


def test_real_article_actors(summit):
    _, out = summit
    actors = front_matter(next(out.iterdir()))["actors"]
    kinds = {a["name"]: a["kind"] for a in actors}
    for person in ("Donald Trump", "Kim Jong Un", "Kim Yong Chol", "Mike Pompeo"):
        assert kinds.get(person) == "person", (person, kinds)
    assert kinds.get("White House") == "organization"
    assert len({name_key(a["name"]) for a in actors}) == len(actors)
    for actor in actors:
        for word in ("Loeb", "AFP", "/"):
            assert word not in actor["name"], actor


def test_released_page_sources_keep_titles_and_free_the_markdown(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from briefkit.site.build import release_page_sources

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Harbour news\n\nHome.\n", "utf-8")
    (tmp_path / "docs" / "strike.md").write_text("---\ntitle: Dockers strike\n---\n\nThe port stopped.\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nnav: [index.md, strike.md]\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), strict=True)
    release_page_sources(config)
    seen = {}

    def remember(output, page, config):
        seen[page.file.src_uri] = page.markdown
        return output

    config.plugins.events["post_page"].append(remember)
    build(config)
    assert seen == {"index.md": "", "strike.md": ""}
    home, strike = ((tmp_path / "site" / path).read_text("utf-8") for path in ("index.html", "strike/index.html"))
    assert "<title>Test</title>" in home and ">Harbour news</a>" in strike  # the home page's title, in the nav
    assert "<title>Dockers strike - Test</title>" in strike


def test_a_failing_pagefind_fails_the_build_with_its_message(tmp_path, monkeypatch):
    """Pagefind runs last, after MkDocs: its error reaches the command, and its exit status, and the
    site MkDocs rendered stays."""
    from briefkit.errors import BriefkitError
    from briefkit.site import build as build_module

    project = tmp_path / "project"
    shutil.copytree(REPO / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "briefings", project / "briefings")

    def broken(site_dir, **options):
        raise BriefkitError("Pagefind is not installed (pip install 'pagefind[bin]')")

    monkeypatch.setattr(build_module, "index_site", broken)
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["build", "--strict"])
    assert result.exit_code != 0
    assert "Pagefind is not installed" in result.output
    assert (project / "site" / "index.html").is_file()  # MkDocs' site is there; only the index is missing


def test_the_tags_page_lists_the_labels_of_briefings_not_their_actors(tmp_path, monkeypatch):
    from briefkit.model import Actor, Briefing
    from briefkit.store import dump_briefing

    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    (root / "briefings").mkdir()
    written = Briefing(title="Dockers strike", date=dt.date(2024, 3, 1), summary="The port stopped.", topics=["labour"],
                       actors=[Actor(name="Ada Osei", kind="person")], tags=["pay deal", "Ada Osei", "Labour"], body="The port stopped.")
    (root / "briefings" / "dockers-strike.md").write_text(dump_briefing(written), "utf-8")
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["build", "--strict"])
    assert result.exit_code == 0, result.output
    tags = (root / "site" / "tags" / "index.html").read_text("utf-8")
    assert "pay deal" in tags and "../briefings/dockers-strike/" in tags
    assert "Ada Osei" not in tags and "Labour" not in tags  # they have pages of their own
    search = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    (entry,) = [d for d in search["docs"] if d["location"] == "briefings/dockers-strike/"]
    assert {"pay deal", "Ada Osei", "Labour"} <= set(entry["tags"])  # all still weigh in the search box
