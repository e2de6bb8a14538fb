"""briefkit's one-line HTML blocks go into Markdown's stash unparsed, and the HTML is what Markdown
makes of them when it parses them: for a whole site (against a stock `mkdocs build`), for documents
written to trip it, and for documents Hypothesis composes of the same pieces; and every HTML line
briefkit generates qualifies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit.front_matter import split
from briefkit.model import Actor, Briefing, Quote, TimelineEntry
from briefkit.site import archive, listings
from briefkit.site.generate import generate
from briefkit.site.index import SiteIndex
from briefkit.site.raw_blocks import _STOP, RawBlocks, RawBlocksPreprocessor, whole_element
from briefkit.site.shards import SHARDED_FOLDERS
from briefkit.taxonomy import load_taxonomy
from tests.site.test_links import REPO
from tests.site.test_shards import _in, differences, make_project


def _site_extensions() -> tuple[list, dict]:
    """The Markdown extensions of the project's mkdocs.yml (snippets left out: it reads files), with
    those MkDocs always adds."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    names, configs = ["toc", "tables", "fenced_code"], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != "pymdownx.snippets":
            names.append(name)
            configs[name] = options or {}
    return list(dict.fromkeys(names)), configs


EXTENSIONS, CONFIGS = _site_extensions()


def convert(text: str, *, raw_blocks: bool) -> str:
    extensions = [*EXTENSIONS, RawBlocks()] if raw_blocks else EXTENSIONS
    return markdown.Markdown(extensions=extensions, extension_configs=CONFIGS).convert(text)


def stashed(text: str) -> int:
    """How many lines of `text` the preprocessor stashes."""
    md = markdown.Markdown(extensions=[RawBlocks()])
    RawBlocksPreprocessor(md).run(text.split("\n"))
    return md.htmlStash.html_counter


PANEL = '<div class="bk-panel"><p><strong>Date:</strong> <time datetime="2026-03-02">2026-03-02</time></p><p><a href="../../actors/ada/">Ada</a></p></div>'
LIST = '<ul class="bk-briefings" data-search-exclude><li><time>2026-03-02</time> · <a href="../x/">X &amp; Y</a> — said so</li></ul>'
FIGURE = '<figure class="bk-figure"><svg viewBox="0 0 10 10"><title>T</title><path d="M0 0L1 1"/><text x="1">a</text></svg><figcaption>c</figcaption></figure>'


@pytest.mark.parametrize("line", [PANEL, LIST, FIGURE, '<div class="bk-a"><div>nested</div> text <div>again</div></div>', '<p class="bk-meta">one</p>'])
def test_a_whole_element_of_briefkits_classes_is_taken(line):
    assert whole_element(line, markdown.Markdown().is_block_level)


@pytest.mark.parametrize(
    "line",
    [
        '<div class="panel">not one of briefkit\'s classes</div>',
        '<span class="bk-x">not a block</span>',
        '<div class="bk-x">closes</div> and a second <div>block</div>',  # ends before the line does
        '<div class="bk-x">never closes',
        '<div class="bk-x"><div>closes the inner one only</div>',
        '<div class="bk-x" id="here">an anchor MkDocs must see</div>',
        '<div class="bk-x"><a name="here">an anchor</a></div>',
        '<div class="bk-x" markdown="1">*converted* by md_in_html</div>',
        '<div class="bk-x"><!-- a comment </div> --></div>',
        '<div class="bk-x"><pre></div></pre></div>',
        '<div class="bk-x"><SCRIPT>if (a </div>) {}</SCRIPT></div>',  # any case: HTML's names are
        '<div class="bk-x" ID="here">an anchor</div>',
        '<div class="bk-x"><a\tNAME="here">an anchor</a></div>',
        '<div class="bk-x"><?php echo "</div>"; ?></div>',
        ' <div class="bk-x">indented</div>',
        'text <div class="bk-x">inline</div>',
    ],
)
def test_anything_a_parse_could_find_something_in_is_left_to_it(line):
    assert not whole_element(line, markdown.Markdown().is_block_level)


def test_only_a_block_between_blank_lines_is_stashed():
    assert stashed(f"# T\n\n{PANEL}\n\ntext\n\n{LIST}\n") == 2
    assert stashed(f"a paragraph\n{LIST}") == 0


def test_nothing_is_stashed_below_any_other_tag():
    """An element left open above would hold the block; the parsers read from the first other tag on."""
    assert stashed(f"{PANEL}\n\nText with <em>a tag</em>.\n\n{LIST}") == 1
    assert stashed(f"{PANEL}\nglued to a paragraph\n\n{LIST}") == 0
    assert stashed(f"<div>\n\n{LIST}\n\n</div>") == 0
    assert stashed(f"{PANEL}\n\n```\n\n{LIST}\n\n```") == 1  # a fence not yet stashed: its inside is code


TRICKY = [
    f"# Title\n\n{PANEL}\n\n## Summary\n\nText with <em>inline</em> HTML.\n\n{LIST}\n\n{FIGURE}\n",
    f"```html\n\n{PANEL}\n\n```\n\n{LIST}\n",  # inside a fence: code, escaped
    f"~~~\n{LIST}\n\n{PANEL}\n~~~\n",
    f"- item\n\n{LIST}\n\n- next\n",
    f"> quoted\n\n{PANEL}\n\n> again\n",
    f'<div markdown="1">\n\n{PANEL}\n\n*inside*\n\n</div>\n',  # inside a block md_in_html converts
    f"<div>\n\n{PANEL}\n\n</div>\n",  # inside a raw block left open over blank lines
    f"!!! note\n\n    {PANEL}\n\n{LIST}\n",
    f"    {PANEL}\n\n{LIST}\n",  # indented code
    f"Text\n\n{PANEL}",  # the last line, with no newline after it
    f"{LIST}\n\n[link]: http://example.org\n\n[link]\n",
    f"| a | b |\n|---|---|\n| 1 | 2 |\n\n{PANEL}\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_makes_the_same_html_of_documents_written_to_trip_it(text):
    assert convert(text, raw_blocks=True) == convert(text, raw_blocks=False)


PIECES = [PANEL, LIST, FIGURE, "A paragraph.", "## A heading", "- a list item", "    indented", "```", "~~~",
          "<div>", "</div>", '<div markdown="1">', "> a quote", "!!! note", "<!--", "-->", "| a |\n|---|", "<pre>", "</pre>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["\n", "\n\n"])), max_size=14))
def test_markdown_makes_the_same_html_of_any_mix_of_the_pieces(pieces):
    text = "".join(piece + end for piece, end in pieces)
    assert convert(text, raw_blocks=True) == convert(text, raw_blocks=False)


def test_a_site_renders_as_a_stock_mkdocs_build_renders_it(tmp_path):
    """briefkit's build (the extension added) against MkDocs' own, of every kind of generated page."""
    from mkdocs.commands.build import build

    from briefkit.site.build import add_raw_blocks

    project = make_project(tmp_path / "project")
    sites = {}
    for name, extended in (("stock", False), ("briefkit", True)):
        with _in(project.root):
            config = project.load_mkdocs_config(strict=True, site_dir=str(project.root / name))
            if extended:
                add_raw_blocks(config)
            build(config)
        sites[name] = project.root / name
    assert differences(sites["stock"], sites["briefkit"]) == []
    panels = list(sites["stock"].rglob("briefings/*/index.html"))
    assert panels and all('class="bk-panel"' in page.read_text("utf-8") for page in panels)


def _briefings() -> list[tuple[Path, Briefing]]:
    """Briefings with every part a generated page shows: roles, quotes, timelines, labels, people
    beside each other, over several years (and the pages are split below by year and by initial)."""
    written = []
    for n in range(8):
        briefing = Briefing(
            title=f"Port story {n}", date=dt.date(2019 + n % 4, 1 + n, 2), summary="The port & its <crews>.", topics=["labour", "trade"],
            actors=[Actor(name="Ada Osei", kind="person", role="harbour master"), Actor(name="Lindholm", kind="place"),
                    Actor(name=f"Crew {n % 3}", kind="group"), Actor(name=f"Bo Lund {n % 2}", kind="person", role="docker")],
            tags=["night shifts"], timeline=[TimelineEntry(date=f"{2018 + n % 4}-05", text="Ada Osei closed the port.")],
            quotes=[Quote(speaker="Ada Osei", text="We stay shut.")],
        )
        briefing.body = "## Summary\n\nThe port stopped.\n"
        written.append((Path("briefings") / f"port-story-{n}.md", briefing))
    return written


def test_every_html_line_briefkit_generates_is_taken(tmp_path, monkeypatch):
    """The speed is lost without a test failing if a generated line stops qualifying (a class left
    out, two elements on one line): no line of a page briefkit writes is left to the HTML parsers,
    but for the text a briefing's writer wrote below its panel."""
    for module, name, small in ((archive, "PAGE_BRIEFINGS", 2), (archive, "NEWEST", 1), (listings, "BRIEFINGS_PER_PAGE", 2),
                                (listings, "EVENTS_PER_PAGE", 2), (listings, "ACTORS_PER_LIST", 1)):
        monkeypatch.setattr(module, name, small)
    generate(SiteIndex.build(_briefings(), load_taxonomy()), tmp_path)
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    pages = [p for folder in SHARDED_FOLDERS for p in (tmp_path / folder).rglob("*.md")]
    assert {"actors/ada-osei.md", "actors/ada-osei/2019.md", "briefings/2019.md", "timeline/2019.md"} <= {p.relative_to(tmp_path).as_posix() for p in pages}
    for page in pages:
        matter, body, _ = split(page.read_text("utf-8"))
        lines = RawBlocksPreprocessor(md).run(body.split("\n"))
        if "pagefind: true" in matter:  # a briefing page: its panel is taken, the writer's text is theirs
            assert not any('class="bk-panel"' in line for line in lines), page.relative_to(tmp_path)
        else:
            left = [line for line in lines if _STOP.search(line)]
            assert left == [], (page.relative_to(tmp_path), left[:1])
