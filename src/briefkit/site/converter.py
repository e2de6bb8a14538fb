"""One Markdown converter per process, reset between pages, instead of one made for every page.

MkDocs makes a new `markdown.Markdown` for each page it renders: its extensions are loaded and its
processors built again every time, 0.14 ms a page, a tenth of the conversion of a briefing. Python
Markdown is made to convert document after document with one converter, `reset()` between them,
which clears what an extension keeps of a document (its stash, its table of contents, the snippets
it has seen).

`ReusedConverter` renders each page as MkDocs 1.6's `Page.render` does, with the converter of the
process: it registers MkDocs' four per-page processors (the same names replace the last page's),
converts, and reads back the content, table of contents, title and anchors. The HTML is the same,
byte for byte (tests/site/test_converter.py checks a site against a stock `mkdocs build`).

Only extensions known to keep nothing of a document past `reset()` are reused; a site that
configures any other is rendered as MkDocs does, one converter a page, and so is a MkDocs other
than the 1.6 this mirrors.
"""

from __future__ import annotations

import functools
import logging

import markdown
import mkdocs
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from .raw_blocks import RawBlocks

# Extensions read for state they keep between two documents: none past `reset()`.
KNOWN_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "pymdownx.snippets"}
MKDOCS_MIRRORED = "1.6."  # the MkDocs whose Page.render `render_page` follows


class ReusedConverter(BasePlugin):
    """Renders every page that nothing else renders with the process's one converter."""

    def __init__(self) -> None:
        super().__init__()
        self.converter: markdown.Markdown | None = None

    @event_priority(-100)  # after any plugin that changes a page's Markdown, as rendering comes next
    def on_page_markdown(self, markdown_text, *, page, config, files):
        if "render" not in vars(page):  # not already rendered some other way (a shard's foreign page)
            page.render = functools.partial(render_page, page, self)
        return markdown_text

    def convert(self, config) -> markdown.Markdown:
        if self.converter is None:
            self.converter = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        self.converter.reset()
        return self.converter


def render_page(page, plugin: ReusedConverter, config, files) -> None:
    """MkDocs 1.6's `Page.render`, with the plugin's converter."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = plugin.convert(config)
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative_paths._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_paths.links_to_anchors


def reusable(config) -> bool:
    """Whether every extension of a loaded MkDocs configuration is known, and MkDocs the one mirrored."""
    known = all(isinstance(ext, RawBlocks) if not isinstance(ext, str) else ext in KNOWN_EXTENSIONS for ext in config["markdown_extensions"])
    return known and mkdocs.__version__.startswith(MKDOCS_MIRRORED)


def add_reused_converter(config) -> bool:
    """Add the plugin to a loaded MkDocs configuration where its extensions allow: whether it was."""
    if not reusable(config):
        return False
    config.plugins["briefkit/reused-converter"] = ReusedConverter()
    return True
