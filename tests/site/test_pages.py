"""Generated pages of one thing: a briefing (its panel: Pagefind's filters, related briefings), an
actor, a topic; escaping of every name the briefings give."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import html

import pytest

from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.registry import parse_registry
from briefkit.site.context import Site
from briefkit.site.index import SiteIndex
from briefkit.site.pages import actor_page, briefing_page, topic_page
from briefkit.site.settings import SiteSettings

from .helpers import TAXONOMY, build_site, split_page, to_html


def strike() -> Briefing:
    return Briefing(
        title="Port strike ends after talks",
        date=dt.date(2022, 4, 2),
        summary="Dockers return to work.",
        source=Source(name="Coastal Wire", file="articles/strike.txt", url="https://example.org/strike"),
        actors=[
            Actor(name="Ada Osei", kind="person", role="union leader", aliases=["Osei"]),
            Actor(name="Harbour Board", kind="organization"),
            Actor(name="Portmere", kind="place"),
        ],
        topics=["economy-business-finance", "labour", "no-such-topic"],
        tags=["Labour"],
        timeline=[TimelineEntry(date="2022-03", text="Osei called the strike."), TimelineEntry(date="1987", text="The last strike.")],
        quotes=[Quote(speaker="Ada Osei", text="We won fair pay.")],
        body="## Summary\n\nDockers return to work.\n\n## Article\n\nThe strike is over.",
    )


def chair() -> Briefing:
    return Briefing(
        title="Harbour Board names new chair",
        date=dt.date(2022, 5, 9),
        summary="A new chair for the board.",
        source=Source(name="Coastal Wire", url="javascript:alert(1)"),
        actors=[Actor(name="Harbour Board", kind="organization"), Actor(name="Osei", kind="person", role="union leader")],
        topics=["economy-business-finance"],
        timeline=[TimelineEntry(date="2022-05-09", text="The board met.")],
        body="## Summary\n\nA new chair.\n\n## Timeline\n\n- written by hand",
    )


@pytest.fixture
def site() -> Site:
    return build_site(("port-strike", strike()), ("new-chair", chair()))


def entry(site: Site, slug: str):
    return next(e for e in site.index.entries if e.slug == slug)


# --- briefing page ----------------------------------------------------------------------------


def test_briefing_front_matter_tags_hold_actors_and_topics(site):
    meta, _ = split_page(briefing_page(entry(site, "port-strike"), site))
    assert meta["title"] == "Port strike ends after talks"
    assert meta["description"] == "Dockers return to work."
    assert meta["pagefind"] is True  # the theme override marks its content data-pagefind-body
    assert meta["tags"][0] == "Labour"  # the briefing's own tags first
    assert {"Ada Osei", "Harbour Board", "Portmere", "Economy, Business and Finance"} <= set(meta["tags"])
    assert len(meta["tags"]) == len(set(meta["tags"]))


def test_panel_facts_and_pagefind_filters(site):
    text = briefing_page(entry(site, "port-strike"), site)
    html = to_html(text)
    _, body = split_page(text)
    assert body.index("bk-panel") < body.index("## Summary")
    assert ("Coastal Wire", "https://example.org/strike") in html.links
    filters = [(attrs["data-pagefind-filter"]) for attrs in html.with_attr("data-pagefind-filter")]
    assert "year:2022" in filters
    assert {"kind:person", "kind:organization", "kind:place"} <= set(filters)
    actors = [(t, h) for t, h in html.links if "/actors/" in h]
    assert actors == [("Ada Osei", "../../actors/ada-osei/"), ("Harbour Board", "../../actors/harbour-board/"), ("Portmere", "../../actors/portmere/")]
    assert filters.count("actor") == 3 and filters.count("topic") == 2  # the unknown topic id is left out
    assert ("Economy, Business and Finance", "../../topics/economy-business-finance/") in html.links
    (date,) = html.with_attr("data-pagefind-sort")
    assert date["data-pagefind-sort"] == "date" and date["datetime"] == "2022-04-02"


def test_panel_lists_the_briefings_own_tags_as_explore_searches():
    written = strike()
    written.tags = ["Labour", "pay deal", "ada osei", "night shifts"]  # a topic's label and an actor's name are on the panel already
    site = build_site(("port-strike", written))
    html = to_html(briefing_page(entry(site, "port-strike"), site))
    tags = [(t, h) for t, h in html.links if "/explore/" in h]
    assert tags == [("pay deal", "../../explore/?q=pay+deal"), ("night shifts", "../../explore/?q=night+shifts")]
    meta, _ = split_page(briefing_page(entry(site, "port-strike"), site))
    assert meta["labels"] == ["pay deal", "night shifts"]  # the Tags page's (mkdocs.yml: tags_name_property)
    plain = build_site(("port-strike", strike()))  # its only tag is a topic's label: no row
    assert "<strong>Tags:</strong>" not in briefing_page(entry(plain, "port-strike"), plain)
    assert "labels" not in split_page(briefing_page(entry(plain, "port-strike"), plain))[0]


def test_panel_links_the_related_briefing(site):
    html = to_html(briefing_page(entry(site, "port-strike"), site))
    assert ("Harbour Board names new chair", "../../briefings/new-chair/") in html.links
    (related,) = [attrs for tag, attrs in html.attrs if "bk-related" in (attrs.get("class") or "")]
    assert "data-pagefind-ignore" in related and "data-search-exclude" in related  # other titles are no content


def test_source_link_only_for_web_addresses(site):
    html = to_html(briefing_page(entry(site, "new-chair"), site))
    assert not any(h.startswith("javascript") for _, h in html.links)
    assert "Coastal Wire" in html.text


def test_timeline_section_appended_once(site):
    with_own = briefing_page(entry(site, "new-chair"), site)
    assert with_own.count("## Timeline") == 1 and "The board met." not in with_own
    without = briefing_page(entry(site, "port-strike"), site)
    assert without.index("2022-03") < without.index("1987")  # the briefing's own order


def test_actor_without_a_page_is_text_without_a_filter():
    site = build_site(("port-strike", strike()), ("new-chair", chair()), minimum=2)
    html = to_html(briefing_page(entry(site, "port-strike"), site))
    assert [t for t, h in html.links if "/actors/" in h] == ["Ada Osei", "Harbour Board"]  # two briefings each
    assert "Portmere" in html.text
    assert [a["data-pagefind-filter"] for a in html.with_attr("data-pagefind-filter")].count("actor") == 2


def test_directory_urls_off_links_html_files():
    site = build_site(("port-strike", strike()), ("new-chair", chair()), directory_urls=False)
    html = to_html(briefing_page(entry(site, "port-strike"), site))
    assert ("Ada Osei", "../actors/ada-osei.html") in html.links


# --- actor page -------------------------------------------------------------------------------


def test_actor_page(site):
    text = actor_page(site.index.actors["ada-osei"], site)
    meta, body = split_page(text)
    assert meta["title"] == "Ada Osei" and meta["search"] == {"exclude": True}
    html = to_html(text)
    assert html.headings[0] == "Ada Osei"
    assert "Person · 2 briefings · also called Osei" in html.text
    assert "union leader (2)" in html.text
    briefings = [h for _, h in html.links if "/briefings/" in h]
    assert briefings[:2] == ["../../briefings/new-chair/", "../../briefings/port-strike/"]  # newest first
    assert "\u201cWe won fair pay.\u201d" in html.text
    assert body.index("## Timeline") < body.index("## Often beside")
    beside = body.split("## Often beside", 1)[1]
    assert 'href="../../actors/harbour-board/">Harbour Board</a> (2)' in beside
    assert 'href="../../actors/portmere/">Portmere</a> (1)' in beside
    assert "<svg" in beside  # the co-occurrence graph


def test_actor_page_links_to_explore_narrowed_to_them(site):
    html = to_html(actor_page(site.index.actors["ada-osei"], site))
    (href,) = [h for t, h in html.links if "explore" in h]
    assert href == "../../explore/?q=Ada+Osei&actor=Ada+Osei"


def test_actor_page_of_a_place_in_one_briefing(site):
    text = actor_page(site.index.actors["portmere"], site)
    assert "Place · 1 briefing ·" in to_html(text).text
    assert "## Quotes" not in text and "## Roles" not in text


def test_registry_description_and_name_on_the_actor_page():
    registry = parse_registry("actors:\n  - name: Ada K. Osei\n    aliases: [Osei, Ada Osei]\n    description: Union leader & negotiator.\n", "actors.yml")
    index = SiteIndex.build([(Path("briefings/port-strike.md"), strike()), (Path("briefings/new-chair.md"), chair())], TAXONOMY, registry=registry)
    (page,) = [p for p in index.actors.values() if "Osei" in p.name]
    assert page.name == "Ada K. Osei" and page.slug == "ada-k-osei" and len(page.entries) == 2
    html = to_html(actor_page(page, Site(index, SiteSettings(min_actor_briefings=1))))
    assert "Union leader & negotiator." in html.text


# --- topic page -------------------------------------------------------------------------------


def test_topic_page(site):
    text = topic_page("economy-business-finance", site)
    meta, body = split_page(text)
    assert meta["feed"] == "feeds/topics/economy-business-finance"
    html = to_html(text)
    assert html.headings[0] == "Economy, Business and Finance"
    assert [h for _, h in html.links if "/briefings/" in h][:2] == ["../../briefings/new-chair/", "../../briefings/port-strike/"]
    assert ("RSS", "../../feeds/topics/economy-business-finance.xml") in html.links
    frequent = body.split("## Most frequent actors", 1)[1].split("##", 1)[0]
    assert 'Ada Osei</a> (2)' in frequent and 'Harbour Board</a> (2)' in frequent
    timeline = body.split("## Timeline", 1)[1]
    assert timeline.index("1987") < timeline.index("2022-03") < timeline.index("2022-05-09")


def test_subtopic_links_to_its_parent(site):
    child = next(t for t in TAXONOMY.topics.values() if t.parent)
    assert f"../../topics/{child.parent}/" in topic_page(child.id, site)
    assert f"../../topics/{child.id}/" in topic_page(child.parent, site)


# --- escaping ---------------------------------------------------------------------------------

NASTY = [
    "Ana *Bold* Ruiz",
    "Under_score_Man",
    "Back`tick",
    "[Fake](https://evil.example)",
    "<script>alert(1)</script>",
    "A | B",
    "Tom & Jerry",
    "Curly {: .klass}",
    "1. First",
    "# Hashtag",
    "!!! note",
    'Quote " and \' apostrophe',
    "Back\\slash",
]


@pytest.mark.parametrize("name", NASTY)
def test_names_are_shown_as_written(name):
    written = Briefing(title=name, date=dt.date(2020, 1, 1), summary=name, actors=[Actor(name=name, kind="group"), Actor(name="Plain", kind="person")], quotes=[Quote(speaker=name, text=name)])
    site = build_site(("b", written))
    slug = site.index.entries[0].actor_slugs[0]
    actor_html = to_html(actor_page(site.index.actors[slug], site))
    assert actor_html.headings[0] == name
    assert (name, "../../briefings/b/") in actor_html.links
    briefing_html = to_html(briefing_page(site.index.entries[0], site))
    assert briefing_html.headings[0] == name
    assert (name, f"../../actors/{slug}/") in briefing_html.links
    assert not any(tag == "script" for tag, _ in actor_html.attrs + briefing_html.attrs)
    assert (name, f"../../actors/{slug}/") in to_html(actor_page(site.index.actors["plain"], site)).links  # often beside


@pytest.mark.parametrize("name", ["C#", "F# ##"])
def test_trailing_hash_in_a_heading_survives(name):
    site = build_site(("b", Briefing(title=name, date=None, actors=[Actor(name=name, kind="organization")])))
    assert to_html(briefing_page(site.index.entries[0], site)).headings[0] == name


def test_front_matter_is_yaml_whatever_the_title():
    title = 'He said: "no" \\ # [x] {y} \u2028 ünïcode <b>'
    site = build_site(("b", Briefing(title=title, date=None, summary="- a list?\n: or not")))
    meta, _ = split_page(briefing_page(site.index.entries[0], site))
    # HTML-escaped: MkDocs' templates print front-matter strings as they are
    assert html.unescape(meta["title"]) == title and "<b>" not in meta["title"]
    assert meta["description"] == "- a list?\n: or not"
