"""Render Material's navigation once per folder for the pages outside it, the parts of a page that
depend on its depth alone once per depth, and those that read nothing of it (its search box, palette
toggle, back-to-top button, copyright) once per build.

Material renders its navigation, the tabs and the sidebar, for every page: a fifth of what MkDocs
spends on a generated page (6,190 pages in one process: 27.9 s, 24.4 s with this). A page that is
not in the navigation (briefings, actors, topics: `not_in_nav` in mkdocs.yml) makes none of its
items active, so its navigation is another such page's but for the relative links, which depend on
its folder alone. The search box and the palette toggle read nothing of the page at all. Some blocks
of Material's `base.html`, and the logo, read nothing of a page but the way back to the site's root
(`base_url`, and the `url` filter relative to it): the configuration script, the style sheets and scripts, a
sixth of the template's time (6,190 pages: 4.3 to 3.3 s). `TemplateCache` renders those once per
folder (the navigation, for pages outside it), once per depth (the blocks) or once per build, and
for every other page as Material does. The HTML is the same, byte for byte
(tests/site/test_template_cache.py checks a site against a stock `mkdocs build`).

Only Material's own templates are cached: what they read of a page (whether it is an item of the
navigation, or the active one) is known. A site that overrides one (`custom_dir`) renders it for
every page; a block its `main.html` overrides is its own, and Material's is still cached where the
override calls it (`super()`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

# Material's templates rendered once per folder for the pages outside the navigation, and those
# that read nothing of a page, rendered once for all.
PER_FOLDER = ("partials/nav.html", "partials/tabs.html")
ONCE = ("partials/search.html", "partials/palette.html", "partials/top.html", "partials/copyright.html")
# Blocks of Material's base.html, and templates, that read nothing of a page but its depth
# (`base_url`, and the `url` filter, relative to it): the configuration script, the style sheets,
# the scripts, the logo.
PER_DEPTH = ("config", "styles", "libs", "fonts", "analytics", "scripts")
PER_DEPTH_PARTIALS = ("partials/logo.html", "partials/javascripts/base.html")


class TemplateCache(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.in_nav: set[int] = set()

    def on_nav(self, nav, *, config, files):
        self.in_nav = {id(page) for page in nav.pages}
        return nav

    @event_priority(-100)  # last: a plugin that changes the loader (shards.py) makes Jinja load anew
    def on_env(self, env, *, config, files):
        import material

        theme = Path(material.__file__).parent
        keys = {**dict.fromkeys(PER_FOLDER, self._folder), **dict.fromkeys(ONCE, _everywhere), **dict.fromkeys(PER_DEPTH_PARTIALS, _depth)}
        for name, key in keys.items():
            template = env.get_template(name)
            if template.filename and Path(template.filename).is_relative_to(theme):
                template.root_render_func = self._cached(template.root_render_func, key)
        base = env.get_template("base.html")
        if base.filename and Path(base.filename).is_relative_to(theme):
            for name in PER_DEPTH:  # a block a child template overrides still reaches these by super()
                base.blocks[name] = self._cached(base.blocks[name], _depth)
        return env

    def _folder(self, context) -> str | None:
        """The folder of a page outside the navigation; None for any other."""
        page = context.get("page")
        if page is None or getattr(page, "url", None) is None or id(page) in self.in_nav:
            return None
        return posixpath.dirname(page.url.rstrip("/"))

    def _cached(self, render, key):
        rendered: dict[str, str] = {}  # the output, by key (None: not cached)

        def cached(context):
            found = key(context)
            if found is None:
                yield from render(context)
                return
            if found not in rendered:
                rendered[found] = "".join(render(context))
            yield rendered[found]

        return cached


def _everywhere(context) -> str:
    return ""


def _depth(context) -> str | None:
    return context.get("base_url")


def add_template_cache(config) -> None:
    """Add the plugin to a loaded MkDocs configuration."""
    config.plugins["briefkit/template-cache"] = TemplateCache()
