"""What Pagefind reads of a page: the page without the header and navigation before its
`data-pagefind-body` element, when nothing there is Pagefind's; and a build that indexes those views
gets the index the pages themselves give."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.site import search
from briefkit.site.build import VIEWS
from briefkit.site.generate import GENERATED_FOLDERS
from briefkit.site.pagefind_view import PagefindViews, pagefind_view, views_apply
from briefkit.site.search import index_site

from . import pagefind_index

REPO = Path(__file__).resolve().parent.parent.parent
HEAD = '<!doctype html>\n<html lang="en"><head><title>Strike - News</title></head>\n<body dir="ltr">'
BODY = '<div data-pagefind-body><h1>Strike</h1><p data-pagefind-filter="actor">Ada Osei</p></div></main></body></html>'


def page(header: str) -> str:
    return f"{HEAD}<header>{header}</header><main>{BODY}"


def test_the_view_leaves_out_what_comes_before_the_body_element():
    html = page('<nav><a href="../">Home</a><script>var palette = 1</script><!-- tabs --></nav>')
    assert pagefind_view(html) == HEAD + BODY


def test_the_head_is_cut_to_its_title_unless_pagefind_reads_more_of_it():
    head = '<head><meta charset="utf-8"><title>Strike - News</title><link rel="stylesheet" href="a.css"><script>var a = 1</script></head>'
    html = f'<!doctype html><html lang="en">{head}\n<body><nav>Home</nav>{BODY}'
    assert pagefind_view(html) == f'<!doctype html><html lang="en"><head><title>Strike - News</title></head>\n<body>{BODY}'
    marked = head.replace("<meta charset", '<meta data-pagefind-meta="image:/a.png" charset')
    assert pagefind_view(html.replace(head, marked)) == f'<!doctype html><html lang="en">{marked}\n<body>{BODY}'
    odd = html.replace("</head>\n", "</head>\n<p>stray</p>")  # not what a head is followed by: kept whole
    assert pagefind_view(odd).startswith(f'<!doctype html><html lang="en">{head}')


@pytest.mark.parametrize("header", [
    '<span data-pagefind-filter="year:2024"></span>',  # Pagefind reads filters, meta and sorts anywhere
    '<meta data-pagefind-meta="image:/a.png">',
    "<h1>News</h1>",  # its default title: the first h1
    '<img src="logo.png">',  # its default image
    "<script>if (a <div data-pagefind-body>",  # a script or comment that runs on past the cut
    "<!-- an open comment",
    "<STYLE>",
])
def test_the_page_is_kept_whole_when_the_part_before_the_body_is_read(header):
    html = page(header)
    assert pagefind_view(html) == html


@pytest.mark.parametrize("html", [
    "<html><body><main><p>No body element: Pagefind indexes the whole page</p></main></body></html>",
    "<div data-pagefind-body>no body tag</div>",
    page("").replace("<body", "<bodyx"),
])
def test_a_page_without_a_body_tag_and_element_is_its_own_view(html):
    assert pagefind_view(html) == html


def test_pages_without_a_view_are_read_as_they_are(tmp_path):
    """A page MkDocs copied rather than rendered (an HTML file among the docs) has no view: Pagefind
    reads it from the site, as it would without views."""
    site, views = tmp_path / "site", tmp_path / "views"
    for name in ("strike", "talks"):
        (site / "briefings" / name).mkdir(parents=True)
        (site / "briefings" / name / "index.html").write_text(page("<nav>Home</nav>").replace("Strike", name), "utf-8")
    (views / "briefings" / "strike").mkdir(parents=True)
    (views / "briefings" / "strike" / "index.html").write_text(HEAD + BODY, "utf-8")
    assert index_site(site, views=views).pages == 2


def test_an_earlier_builds_views_are_not_read(tmp_path):
    """Views are kept between builds: one older than this build (`since`) is a page since removed,
    or since copied rather than rendered, and Pagefind must not read it."""
    site, views = tmp_path / "site", tmp_path / "views"
    for name in ("gone", "static", "kept"):
        (views / "briefings" / name).mkdir(parents=True)
        (views / "briefings" / name / "index.html").write_text(HEAD + BODY.replace("Strike", f"Old {name}"), "utf-8")
    since = time.time_ns() + 10**9  # every view above is older
    (site / "briefings" / "static").mkdir(parents=True)
    (site / "briefings" / "static" / "index.html").write_text(page("<nav>Home</nav>").replace("Strike", "Static"), "utf-8")
    assert index_site(site, views=views, since=since).pages == 1
    assert sorted(p.relative_to(views).as_posix() for p in views.rglob("*.html")) == ["briefings/static/index.html"]
    assert "Static" in (views / "briefings" / "static" / "index.html").read_text("utf-8")
    assert not (views / "briefings" / "gone").exists()


def test_a_view_is_written_for_each_briefing_page_mkdocs_writes_and_no_other(tmp_path):
    views = PagefindViews(tmp_path)

    def written(uri: str, output: str) -> bool:
        page = SimpleNamespace(file=SimpleNamespace(dest_uri=uri))
        assert views.on_post_page(output, page=page, config=None) == output  # the page itself unchanged
        return (tmp_path / uri).is_file()

    assert written("briefings/strike/index.html", page("<nav>Home</nav>"))
    assert (tmp_path / "briefings/strike/index.html").read_text("utf-8") == pagefind_view(page("<nav>Home</nav>"))
    assert not written("briefings/talks/index.html", "\n  \n")  # MkDocs skips a page of blanks (a shard's foreign page)
    assert not written("actors/ada-osei/index.html", page(""))  # not a page Pagefind reads


def test_a_site_with_a_plugin_unknown_to_briefkit_gets_no_views(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "hooks.py").write_text("def on_post_page(output, **kwargs):\n    return output.replace('  ', ' ')\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins: [search]\n", "utf-8")
    assert views_apply(load_config(str(tmp_path / "mkdocs.yml")))
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins: [search]\nhooks: [hooks.py]\n", "utf-8")
    assert not views_apply(load_config(str(tmp_path / "mkdocs.yml")))


def test_a_build_indexes_the_views_and_gets_the_index_of_the_pages(tmp_path, monkeypatch):
    project = tmp_path / "project"
    shutil.copytree(REPO / "docs", project / "docs", ignore=shutil.ignore_patterns(*GENERATED_FOLDERS))
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "briefings", project / "briefings")
    read = {}
    run = search._pagefind

    def pagefind(source, output, low_priority):
        read.update({path.relative_to(source): path.read_text("utf-8") for path in source.glob(search.PAGES_GLOB)})
        run(source, output, low_priority)

    monkeypatch.setattr(search, "_pagefind", pagefind)
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    result = CliRunner().invoke(app, ["build", "--strict"])
    assert result.exit_code == 0, result.output
    site = project / "site"
    pages = {path.relative_to(site): path.read_text("utf-8") for path in site.glob(search.PAGES_GLOB)}
    assert read.keys() == pages.keys() and len(pages) > 6
    assert all(read[path] == pagefind_view(html) for path, html in pages.items())
    assert sum(read[path] != html for path, html in pages.items()) == 6  # the six briefings; the listing is whole
    views = {path.relative_to(project / VIEWS) for path in (project / VIEWS).glob(search.PAGES_GLOB)}
    assert views == pages.keys()  # kept for the next build, which writes over them
    shutil.copytree(site, tmp_path / "again", ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(search, "_pagefind", run)
    index_site(tmp_path / "again")  # from the pages themselves
    assert pagefind_index.bundle(site / "pagefind") == pagefind_index.bundle(tmp_path / "again" / "pagefind")
