"""MkDocs hooks that `briefkit serve` adds to the site's own (`hooks:` in mkdocs.yml).

As in `briefkit build`, briefkit's HTML blocks go to Markdown unparsed (raw_blocks.py), one Markdown
converter renders every page (converter.py), and Material's templates that read little of a page
are rendered once per folder, depth or build (template_cache.py). After each build, Material's
search index is mended (serve.py's keep_newest_sections), the pages still to write after an edit go
(serve.py's SiteWriter), and the Explore page's Pagefind index is remade in the background."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from briefkit.site.converter import ReusedConverter, reusable
from briefkit.site.raw_blocks import add_raw_blocks
from briefkit.site.template_cache import TemplateCache

_template_cache = TemplateCache()
_converter: ReusedConverter | None = None


def on_config(config, **kwargs):
    global _converter
    add_raw_blocks(config)
    _converter = ReusedConverter() if reusable(config) else None  # a new one for each build's configuration
    return config


@event_priority(-100)  # as the plugin's: after any change to a page's Markdown
def on_page_markdown(markdown, *, page, config, files):
    return _converter.on_page_markdown(markdown, page=page, config=config, files=files) if _converter else markdown


def on_nav(nav, *, config, files):
    return _template_cache.on_nav(nav, config=config, files=files)


def on_env(env, *, config, files):
    return _template_cache.on_env(env, config=config, files=files)


@event_priority(-100)  # after Material's search has written its index
def on_post_build(config, **kwargs) -> None:
    from briefkit.site.serve import site_built  # the running server's writer and indexer, not copies

    site_built(Path(config.site_dir))
