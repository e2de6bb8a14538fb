"""What Pagefind reads of each briefing page, set aside as MkDocs writes the page, so that Pagefind
reads that instead of the whole page.

Pagefind indexes only the `data-pagefind-body` element of a page (the theme override wraps a
briefing's content in one), but it parses every byte: two thirds of a briefing page is Material's
header, tabs and navigation, before that element. Pagefind takes 2.3 s over the views of 3,000
briefing pages against 3.1 s over the pages (two cores), and writes the same index: the same
fragments and word index, the same filters (tests/site/test_pagefind_view.py compares them).

A view is the page without the part of its body before the first `data-pagefind-body` element, and
with its head cut to its title. The page is kept whole when that part holds anything Pagefind reads
outside such an element (a `data-pagefind-*` attribute, the `h1` or the image it takes by default),
or leaves open an element whose text is not HTML (a script, a comment), or when the page has no
such element; the head is kept whole when an element of it is marked for Pagefind.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from .search import PAGES_FOLDER
from .shards import known_plugins

_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_MARKER = "<div data-pagefind-body>"  # as the theme override writes it (docs/_overrides/main.html)
_READ = ("data-pagefind", "<h1", "<img")  # what Pagefind reads outside a body element too
_RAW = (("<script", "</script"), ("<style", "</style"), ("<!--", "-->"), ("<template", "</template"), ("<textarea", "</textarea"))
_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)


def pagefind_view(html: str) -> str:
    """`html` as Pagefind needs it: without the part of the body before its first
    `data-pagefind-body` element, where nothing in that part is Pagefind's to read."""
    body = _BODY.search(html)
    start = html.find(_MARKER, body.end()) if body else -1
    if start < 0:
        return html
    cut = html[body.end() : start].lower()
    if any(read in cut for read in _READ) or any(cut.count(opening) != cut.count(closing) for opening, closing in _RAW):
        return html
    return _lean_head(html[: body.end()]) + html[start:]


def _lean_head(start: str) -> str:
    """The document up to its body tag, its head cut to its title (Pagefind's title for a page
    without an h1): Pagefind reads nothing else there but `data-pagefind-*` elements, and with any
    of those, or anything but the body tag after the head, the head is kept whole."""
    head = _HEAD.search(start)
    if not head or "data-pagefind" in head.group(1).lower() or not start[head.end() :].lstrip().lower().startswith("<body"):
        return start
    title = _TITLE.search(head.group(1))
    return f"{start[: head.start()]}<head>{title.group(0) if title else ''}</head>{start[head.end() :]}"


class PagefindViews(BasePlugin):
    """Writes the view of every page that Pagefind indexes (`search.PAGES_GLOB`) into `folder`, at the
    page's own path, so that Pagefind gives it the page's URL."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    @event_priority(-100)  # last: the page as MkDocs writes it, after every plugin's change
    def on_post_page(self, output, *, page, config):
        uri = page.file.dest_uri
        if output.strip() and uri.startswith(PAGES_FOLDER + "/") and uri.endswith(".html"):  # as MkDocs writes a page; a shard's foreign page is empty
            path = self.folder / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pagefind_view(output).encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs writes
        return output


def views_apply(config) -> bool:
    """Whether a loaded MkDocs configuration writes its pages as MkDocs renders them: not where a
    plugin or hook unknown to briefkit may change a page after it is written (a minifier), for the
    views would then not be the pages."""
    return known_plugins(config.plugins)


def add_pagefind_views(config, folder: Path) -> None:
    """Add the plugin to a loaded MkDocs configuration: the views go into `folder`."""
    config.plugins["briefkit/pagefind-views"] = PagefindViews(folder)
