"""Pagefind over a built site: only the briefing pages, filters from their panels, a fresh bundle."""

from __future__ import annotations

import pytest

from briefkit.errors import BriefkitError
from briefkit.site import search
from briefkit.site.search import index_site

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


def test_a_failure_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "PAGES_GLOB", "[")  # a glob Pagefind refuses
    (tmp_path / "site").mkdir()
    with pytest.raises(BriefkitError, match="^Pagefind") as raised:
        index_site(tmp_path / "site")
    assert "\n" not in str(raised.value)
