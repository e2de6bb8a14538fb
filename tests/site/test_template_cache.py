"""Material's navigation, rendered once per folder for the pages outside it, is the navigation it
renders for each page: a site built with the cache is a stock `mkdocs build`'s, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build

from briefkit.site import template_cache
from briefkit.site.template_cache import add_template_cache
from tests.site.test_shards import _in, differences, make_project


def render(project, site: str, cached: bool):
    with _in(project.root):
        config = project.load_mkdocs_config(strict=True, site_dir=str(project.root / site))
        if cached:
            add_template_cache(config)
        build(config)
    return project.root / site


def count_renders(monkeypatch, label) -> dict[str, list]:
    """What the cache really renders: `label(render, context)` gives (a name, a value to list under it)."""
    renders: dict[str, list] = {}
    original = template_cache.TemplateCache._cached

    def counting(self, render, key):
        def counted(context):
            name, value = label(render, context)
            renders.setdefault(name, []).append(value)
            yield from render(context)

        return original(self, counted, key)

    monkeypatch.setattr(template_cache.TemplateCache, "_cached", counting)
    return renders


@pytest.mark.parametrize("settings", ["", "use_directory_urls: false\n"], ids=["folder-urls", "file-urls"])
def test_a_site_renders_as_a_stock_mkdocs_build_renders_it(tmp_path, settings):
    project = make_project(tmp_path / "project", settings)
    assert differences(render(project, "stock", False), render(project, "cached", True)) == []


def test_the_navigation_is_rendered_once_per_folder_of_pages_outside_it_and_the_rest_once(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    renders = count_renders(monkeypatch, lambda render, context: (context.name, getattr(context["page"], "url", None)))  # None: the 404 page
    site = render(project, "cached", True)
    pages = [p for p in site.rglob("index.html") if p.parent.parent.name in ("briefings", "actors", "topics")]
    assert len(pages) > 6
    for name in template_cache.PER_FOLDER:
        outside = [url for url in renders[name] if url and url.startswith(("briefings/", "actors/", "topics/")) and url.count("/") == 2]
        assert len(outside) == 3  # three folders: each rendered once
    for name in template_cache.ONCE:
        assert len(renders[name]) == 1


def test_a_navigation_template_the_site_overrides_is_rendered_for_every_page(tmp_path):
    project = make_project(tmp_path / "project")
    overrides = project.root / "docs" / "_overrides" / "partials"
    overrides.mkdir(parents=True, exist_ok=True)
    (overrides / "nav.html").write_text("<nav>{{ page.title }}</nav>", "utf-8")
    site = render(project, "cached", True)
    titles = {p.parent.name: p.read_text("utf-8") for p in (site / "actors").glob("*/index.html")}
    assert len(titles) > 2
    assert all("<nav>" in html for html in titles.values())
    assert len({html.split("<nav>")[1].split("</nav>")[0] for html in titles.values()}) == len(titles)


def test_the_blocks_and_templates_that_read_only_the_depth_are_rendered_once_per_depth(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    depths = count_renders(monkeypatch, lambda render, context: (render.__name__ if render.__name__.startswith("block_") else context.name, context.get("base_url")))
    site = render(project, "cached", True)
    assert len(list(site.rglob("*.html"))) > 20
    for name in [f"block_{block}" for block in template_cache.PER_DEPTH] + list(template_cache.PER_DEPTH_PARTIALS):
        rendered = depths[name]
        assert len(rendered) == len(set(rendered)) >= 3  # the root, a folder, a page in a folder, the 404 page


def test_a_base_template_the_site_overrides_is_rendered_for_every_page(tmp_path):
    import material

    project = make_project(tmp_path / "project")
    base = (Path(material.__file__).parent / "templates" / "base.html").read_text("utf-8")
    assert "{% block scripts %}" in base
    overrides = project.root / "docs" / "_overrides"
    (overrides / "base.html").write_text(base.replace("{% block scripts %}", "{% block scripts %}<i>{{ page.title }}</i>"), "utf-8")
    site = render(project, "cached", True)
    pages = list((site / "actors").glob("*/index.html"))
    assert len(pages) > 2
    for page in pages:
        html = page.read_text("utf-8")
        title = html.split("<title>", 1)[1].split(" - ", 1)[0]
        assert f"<i>{title}</i>" in html
