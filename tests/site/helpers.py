"""Helpers of the site tests: render generated Markdown as MkDocs would, and read the HTML back."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml

from briefkit.model import Briefing
from briefkit.site.context import Site
from briefkit.site.index import SiteIndex
from briefkit.site.settings import SiteSettings
from briefkit.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
MARKDOWN_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)")


def build_site(*briefings: tuple[str, Briefing], minimum: int = 1, **settings) -> Site:
    index = SiteIndex.build([(Path("briefings") / f"{slug}.md", b) for slug, b in briefings], TAXONOMY, min_actor_briefings=minimum)
    return Site(index, SiteSettings(min_actor_briefings=minimum, **settings))


def split_page(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


class Html(HTMLParser):
    """Headings, links (text, href, attributes) and text of rendered HTML."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.attrs: list[tuple[str, dict]] = []  # every element's tag and attributes
        self.text = ""
        self._open: list[tuple[str, dict, list[str]]] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "a"):
            self._open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            tag, attrs, parts = self._open.pop()
            text = "".join(parts)
            if tag == "a":
                self.links.append((text, attrs.get("href", "")))
            else:
                self.headings.append(text)
            if self._open:
                self._open[-1][2].append(text)

    def handle_data(self, data):
        self.text += data
        if self._open:
            self._open[-1][2].append(data)

    def with_attr(self, name: str) -> list[dict]:
        return [attrs for _, attrs in self.attrs if name in attrs]


def to_html(page_text: str) -> Html:
    _, body = split_page(page_text)
    return Html(markdown.markdown(body, extensions=EXTENSIONS))


def page_url(src: str, directory_urls: bool = True) -> str:
    """Where MkDocs puts docs file `src` (relative to the site root)."""
    if not src.endswith(".md"):
        return src
    stem = src[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def resolve(src: str, href: str, directory_urls: bool = True) -> str:
    """The site-relative URL a relative link of page `src` opens (no query or fragment)."""
    href = re.split(r"[?#]", href)[0]
    base = page_url(src, directory_urls)
    folder = base if base.endswith("/") else posixpath.dirname(base)
    joined = posixpath.normpath(posixpath.join(folder, href)) if href else folder
    joined = "" if joined == "." else joined
    return joined + "/" if href.endswith("/") and joined else joined
