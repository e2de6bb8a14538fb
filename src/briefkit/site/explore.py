"""The Explore page (`/explore/`): Pagefind's own UI over the briefings, with filters by actor, topic,
kind of actor and year. Its JS, CSS and index (one bundle or more:
search.py) are served from the site's `pagefind/` folder.

Deep links search and narrow it on arrival: `explore/?q=strike&actor=Ada%20Osei&year=2024`. Pagefind's
default UI searches only for a word, not for filters alone, so actor and topic pages link with the
actor's name or the topic's label as the word: every briefing carries them in its panel."""

from __future__ import annotations

from urllib.parse import urlencode

from .context import Site
from .html import block
from .markdown import page

SRC = "explore/index.md"
FILTERS = ("actor", "topic", "kind", "year")

_SCRIPT = """<script>
(function () {
  var root = new URL("%(root)s", location.href).pathname;
  var element = document.getElementById("bk-explore");
  if (typeof PagefindUI === "undefined") {
    element.textContent = "The search index is not there yet: briefkit build makes it, and briefkit serve once the site has been quiet for a few seconds.";
    return;
  }
  var bundle = root + "pagefind/";
  // a large site's index comes in several bundles (search.py): the first lists the others
  fetch(bundle + "bundles.json").then(function (r) { return r.ok ? r.json() : {merge: []}; })
    .catch(function () { return {merge: []}; })
    .then(function (manifest) { start(manifest.merge || []); });

  function start(others) {
    var ui = new PagefindUI({
      element: element,
      bundlePath: bundle,
      mergeIndex: others.map(function (folder) { return {bundlePath: bundle + folder}; }),
      showSubResults: false,
      showImages: false,
      openFilters: ["year", "topic"],
      translations: {placeholder: "Search the briefings"}
    });
    var params = new URLSearchParams(location.search);
    var filters = {};
    %(filters)s.forEach(function (key) {
      var values = params.getAll(key);
      if (values.length) filters[key] = values;
    });
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    if (params.get("q")) ui.triggerSearch(params.get("q"));
  }
})();
</script>"""


def explore_page(site: Site) -> str:
    root = site.urls.root(SRC) or "./"  # the site root, relative: Pagefind's bundle is in its pagefind/
    intro = (
        "Search the full text of every briefing, then narrow the results by actor, topic, kind of actor "
        "and year, alone or together."
    )
    assets = block(
        f'<div class="bk-explore"><link rel="stylesheet" href="{root}pagefind/pagefind-ui.css">'
        f'<div id="bk-explore"></div><noscript>Explore needs JavaScript; the search box at the top works without it.</noscript></div>'
    )
    script = block(f'<script src="{root}pagefind/pagefind-ui.js"></script>')
    code = _SCRIPT % {"root": root, "filters": "[" + ", ".join(f'"{f}"' for f in FILTERS) + "]"}
    return page("Explore", "\n\n".join([intro, assets, script, code]), description="Faceted search of the briefings", search={"exclude": True})


def explore_href(site: Site, from_src: str, **filters: str) -> str:
    """A link to the Explore page narrowed by `filters` (actor=..., topic=..., year=...)."""
    return site.href(from_src, SRC) + "?" + urlencode(filters)
