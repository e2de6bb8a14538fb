"""Pagefind over a built site: only the briefing pages, filters from their panels, a fresh bundle."""

from __future__ import annotations

import json

import pytest

from briefkit.errors import BriefkitError
from briefkit.site import search
from briefkit.site.search import index_site, split_pages

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body>
<nav>Site navigation</nav><div data-pagefind-body><h1>{title}</h1>
<p><time data-pagefind-filter="year:2024" data-pagefind-sort="date">2024-01-02</time>
<a data-pagefind-filter="actor" href="#">Ada Osei</a></p><p>Dockers walked out at Portmere.</p></div></body></html>"""


def write(site, path: str, title: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(PAGE.format(title=title), "utf-8")


def test_indexes_the_briefing_pages_into_a_fresh_bundle(tmp_path):
    site = tmp_path / "site"
    write(site, "briefings/strike/index.html", "Strike")
    write(site, "briefings/talks/index.html", "Talks")
    write(site, "actors/ada-osei/index.html", "Ada Osei")  # not a briefing: never read
    stale = site / "pagefind" / "fragment" / "stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", "utf-8")
    report = index_site(site)
    assert report.pages == 2
    assert not stale.exists()
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file(), name
    assert list((site / "pagefind" / "filter").glob("*.pf_filter"))


def test_a_large_site_is_indexed_in_even_bundles_the_first_lists(tmp_path):
    site = tmp_path / "site"
    for name in ("a", "b", "c", "d", "e"):
        write(site, f"briefings/{name}/index.html", name.upper())
    size = (site / "briefings/a/index.html").stat().st_size
    report = index_site(site, bundle_bytes=2 * size + 1)
    assert (report.pages, report.bundles) == (5, 3)
    manifest = json.loads((site / "pagefind" / "bundles.json").read_text("utf-8"))
    assert manifest == {"merge": ["bundle-2/", "bundle-3/"]}
    sizes = [len(list((site / "pagefind" / folder / "fragment").glob("*.pf_fragment"))) for folder in ["", *manifest["merge"]]]
    assert sizes == [2, 1, 2]  # about even: cut at each page's middle byte
    for folder in manifest["merge"]:  # each merged bundle is whole: entry, metadata, filters
        assert (site / "pagefind" / folder / "pagefind-entry.json").is_file()
        assert list((site / "pagefind" / folder / "filter").glob("*.pf_filter"))
    assert not list(site.glob(".pagefind-*")), "the folders of links are removed"


@pytest.mark.parametrize(("budget", "sizes"), [(1000, [10]), (500, [5, 5]), (300, [2, 3, 2, 3]), (99, [1] * 10)])
def test_pages_are_split_in_order_into_the_fewest_even_runs_within_the_budget(tmp_path, budget, sizes):
    pages = []
    for number in range(10):
        pages.append(tmp_path / f"{number}.html")
        pages[-1].write_bytes(b"x" * 100)
    parts = split_pages(pages, budget)
    assert [len(part) for part in parts] == sizes
    assert [page for part in parts for page in part] == pages


def test_one_bundle_lists_no_other(tmp_path):
    site = tmp_path / "site"
    write(site, "briefings/strike/index.html", "Strike")
    assert index_site(site).bundles == 1
    assert json.loads((site / "pagefind" / "bundles.json").read_text("utf-8")) == {"merge": []}


def test_a_failure_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "PAGES_GLOB", "[")  # a glob Pagefind refuses
    (tmp_path / "site").mkdir()
    with pytest.raises(BriefkitError, match="^Pagefind") as raised:
        index_site(tmp_path / "site")
    assert "\n" not in str(raised.value)
