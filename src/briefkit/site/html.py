"""Raw HTML for the generated pages' long parts (panels, lists, pictures).

Python-Markdown passes a block of raw HTML through untouched, so a list of 300 links costs the build
one string instead of 300 inline-pattern runs and link look-ups; that is what keeps a large site's
build close to a plain MkDocs build. The price: MkDocs does not rewrite links inside raw HTML, so
they are written here as final relative URLs (`Urls`), and their correctness is the site tests' job.

A raw block must start at a line's beginning and hold no blank line, or Markdown would take the rest
for Markdown: `block()` puts a fragment on one line.
"""

from __future__ import annotations

import posixpath
from html import escape

__all__ = ["Urls", "a", "attrs", "block", "escape"]


class Urls:
    """Where MkDocs puts a page (`use_directory_urls`), and relative links between generated pages.

    Links go up to the site root and down again (`../../actors/x/`): longer than the shortest form,
    but a constant-time string join, and correct under any base path (`/briefs/`)."""

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        self._urls: dict[str, str] = {}
        self._roots: dict[str, str] = {}

    def url(self, src: str) -> str:
        """The URL of docs file `src` relative to the site root: `briefings/x.md` -> `briefings/x/`."""
        found = self._urls.get(src)
        if found is None:
            found = self._urls[src] = self._url(src)
        return found

    def _url(self, src: str) -> str:
        if not src.endswith(".md"):
            return src  # a static file keeps its path
        stem = src[:-3]
        folder, _, name = stem.rpartition("/")
        if name == "index":
            page = f"{folder}/" if folder else ""
            return page if self.directory_urls else f"{page}index.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def root(self, src: str) -> str:
        """The relative path from page `src` back to the site root (`../../`, or `` at the root)."""
        found = self._roots.get(src)
        if found is None:
            url = self.url(src)
            folder = url.rstrip("/") if url.endswith("/") else posixpath.dirname(url)
            found = self._roots[src] = "../" * (folder.count("/") + 1 if folder else 0)
        return found

    def href(self, from_src: str, to_src: str, fragment: str = "") -> str:
        target = self.root(from_src) + self.url(to_src)
        return (target or "./") + (f"#{fragment}" if fragment else "")


def attrs(**values: str | bool | None) -> str:
    """` key="value"` pairs; `data_x` becomes `data-x`; True gives a bare attribute; None/False none."""
    parts = []
    for key, value in values.items():
        name = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(f" {name}")
        elif value not in (None, False):
            parts.append(f' {name}="{escape(str(value))}"')
    return "".join(parts)


def a(text: str, href: str, **extra: str | bool | None) -> str:
    return f'<a href="{escape(href)}"{attrs(**extra)}>{escape(text)}</a>'


def block(html: str) -> str:
    """A fragment as one raw-HTML block: no newlines inside, so no blank line can end it early."""
    return html.replace("\r", " ").replace("\n", " ")
