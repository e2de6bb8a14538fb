"""Raw-HTML helpers: page URLs as MkDocs makes them, relative links, attributes."""

from __future__ import annotations

import pytest

from briefkit.site.html import Urls, a, attrs, block

from .helpers import resolve


@pytest.mark.parametrize(
    ("src", "directory", "flat"),
    [
        ("index.md", "", "index.html"),
        ("briefings/index.md", "briefings/", "briefings/index.html"),
        ("briefings/port-strike.md", "briefings/port-strike/", "briefings/port-strike.html"),
        ("timeline/2019.md", "timeline/2019/", "timeline/2019.html"),
        ("feeds/topics/trade.xml", "feeds/topics/trade.xml", "feeds/topics/trade.xml"),
    ],
)
def test_url_of_a_docs_file(src, directory, flat):
    assert Urls(True).url(src) == directory
    assert Urls(False).url(src) == flat


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize("from_src", ["index.md", "actors/index.md", "actors/ada-osei.md", "explore/index.md"])
@pytest.mark.parametrize("to_src", ["index.md", "briefings/index.md", "briefings/port-strike.md", "feeds/briefings.xml"])
def test_relative_links_land_where_mkdocs_puts_the_page(directory_urls, from_src, to_src):
    urls = Urls(directory_urls)
    href = urls.href(from_src, to_src)
    assert not href.startswith("/") and "://" not in href
    assert resolve(from_src, href, directory_urls) == urls.url(to_src)


def test_fragment_and_attributes():
    assert Urls().href("actors/x.md", "timeline/index.md", "may-2019") == "../../timeline/#may-2019"
    assert attrs(class_="bk", data_pagefind_filter="actor", hidden=True, title=None, open=False) == ' class="bk" data-pagefind-filter="actor" hidden'
    assert a('<Tom> & "Jerry"', 'x/?q=a&b="c"') == '<a href="x/?q=a&amp;b=&quot;c&quot;">&lt;Tom&gt; &amp; &quot;Jerry&quot;</a>'
    assert block("<p>a\n\nb</p>") == "<p>a  b</p>"
