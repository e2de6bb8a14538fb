"""MkDocs hooks that `briefkit serve` adds to the site's own (`hooks:` in mkdocs.yml): after each
build, the Explore page's Pagefind index is remade in the background (serve.py)."""

from __future__ import annotations

from pathlib import Path


def on_post_build(config, **kwargs) -> None:
    from briefkit.site.serve import explore_built  # the running server's indexer, not a copy

    explore_built(Path(config.site_dir))
