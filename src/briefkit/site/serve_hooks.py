"""MkDocs hooks that `briefkit serve` adds to the site's own (`hooks:` in mkdocs.yml): after each
build, the pages still to write after an edit go (serve.py's SiteWriter), and the Explore page's
Pagefind index is remade in the background."""

from __future__ import annotations

from pathlib import Path


def on_post_build(config, **kwargs) -> None:
    from briefkit.site.serve import site_built  # the running server's writer and indexer, not copies

    site_built(Path(config.site_dir))
