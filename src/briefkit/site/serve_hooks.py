"""MkDocs hooks that `briefkit serve` adds to the site's own (`hooks:` in mkdocs.yml): briefkit's
HTML blocks go to Markdown unparsed (raw_blocks.py), as in `briefkit build`; after each build, Material's search index is mended (serve.py's keep_newest_sections), the pages still to
write after an edit go (serve.py's SiteWriter), and the Explore page's Pagefind index is remade in
the background."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority


def on_config(config, **kwargs):
    from briefkit.site.raw_blocks import add_raw_blocks

    add_raw_blocks(config)
    return config


@event_priority(-100)  # after Material's search has written its index
def on_post_build(config, **kwargs) -> None:
    from briefkit.site.serve import site_built  # the running server's writer and indexer, not copies

    site_built(Path(config.site_dir))
