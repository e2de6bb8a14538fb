"""MkDocs hooks that `briefkit serve` adds to the site's own (`hooks:` in mkdocs.yml).

As in `briefkit build`, briefkit's HTML blocks go to Markdown unparsed (raw_blocks.py), and the
navigation of the pages outside it is rendered once per folder (nav_cache.py). After each build,
Material's search index is mended (serve.py's keep_newest_sections), the pages still to write after
an edit go (serve.py's SiteWriter), and the Explore page's Pagefind index is remade in the
background."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from briefkit.site.nav_cache import NavCache
from briefkit.site.raw_blocks import add_raw_blocks

_nav_cache = NavCache()


def on_config(config, **kwargs):
    add_raw_blocks(config)
    return config


def on_nav(nav, *, config, files):
    return _nav_cache.on_nav(nav, config=config, files=files)


def on_env(env, *, config, files):
    return _nav_cache.on_env(env, config=config, files=files)


@event_priority(-100)  # after Material's search has written its index
def on_post_build(config, **kwargs) -> None:
    from briefkit.site.serve import site_built  # the running server's writer and indexer, not copies

    site_built(Path(config.site_dir))
