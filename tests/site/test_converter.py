"""One Markdown converter per process, reset between pages: each page's HTML is the HTML a new
converter makes of it, and a site is a stock `mkdocs build`'s, byte for byte."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build

from briefkit.site import converter
from briefkit.site.converter import add_reused_converter, reusable
from briefkit.site.raw_blocks import RawBlocks, add_raw_blocks
from tests.site.test_raw_blocks import CONFIGS, EXTENSIONS, PIECES
from tests.site.test_shards import _in, differences, make_project

# What a converter could keep of a page and spill into the next: a heading's id (a second page's
# "## A heading" must not become a-heading_1), an included snippet (snippets skips one it has
# seen), an abbreviation or a footnote of a page (not among the known extensions: see below).
DOCUMENT_PIECES = [*PIECES, "## A heading", "# Title", '--8<-- "part.md"', "[link]: https://example.org", "[link]"]


@pytest.fixture(scope="module")
def snippets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snippets")
    (folder / "part.md").write_text("## Included\n\nFrom a snippet.\n", "utf-8")
    return {**CONFIGS, "pymdownx.snippets": {"base_path": [str(folder)], "check_paths": True}}


def new_converter(configs) -> markdown.Markdown:
    return markdown.Markdown(extensions=[*EXTENSIONS, "pymdownx.snippets", RawBlocks()], extension_configs=configs)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(DOCUMENT_PIECES), st.sampled_from(["\n", "\n\n"])), max_size=10), min_size=2, max_size=4))
def test_pages_converted_one_after_another_are_each_as_a_new_converter_makes_them(snippets, documents):
    texts = ["".join(piece + end for piece, end in pieces) for pieces in documents]
    reused = new_converter(snippets)
    for text in texts:
        reused.reset()
        once = reused.convert(text)
        fresh = new_converter(snippets)
        assert once == fresh.convert(text)
        assert reused.toc_tokens == fresh.toc_tokens


@pytest.mark.parametrize("settings", ["", "use_directory_urls: false\n"], ids=["folder-urls", "file-urls"])
def test_a_site_renders_as_a_stock_mkdocs_build_renders_it(tmp_path, monkeypatch, settings):
    project = make_project(tmp_path / "project", settings)
    made = []
    original = markdown.Markdown.__init__

    def counted(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    sites = {}
    for name, reused in (("stock", False), ("reused", True)):
        made.clear()
        with _in(project.root):
            config = project.load_mkdocs_config(strict=True, site_dir=str(project.root / name))
            if reused:
                add_raw_blocks(config)
                assert add_reused_converter(config)
            monkeypatch.setattr(markdown.Markdown, "__init__", counted)
            build(config)
            monkeypatch.setattr(markdown.Markdown, "__init__", original)
        sites[name] = (project.root / name, len(made))
    (stock, pages), (site, converters) = sites["stock"], sites["reused"]
    assert differences(stock, site) == []
    assert pages > 20 and converters == 1


def test_a_site_with_an_extension_not_known_renders_as_mkdocs_does(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nmarkdown_extensions: [toc, admonition]\n", "utf-8")
    from mkdocs.config import load_config

    assert reusable(load_config(str(tmp_path / "mkdocs.yml")))
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nmarkdown_extensions: [toc, footnotes]\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert not reusable(config) and not add_reused_converter(config)


def test_another_mkdocs_than_the_one_mirrored_renders_as_it_does(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", "utf-8")
    from mkdocs.config import load_config

    monkeypatch.setattr(converter.mkdocs, "__version__", "2.0.0")
    assert not reusable(load_config(str(tmp_path / "mkdocs.yml")))
