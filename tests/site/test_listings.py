"""Index pages: home, briefings, actors, topics, timeline; split when large so none grows unbounded."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from briefkit.model import Actor, Briefing, TimelineEntry
from briefkit.site import listings
from briefkit.site.listings import actors_pages, briefings_pages, home_snippet, timeline_pages, topics_index

from .helpers import Html, build_site, split_page, to_html


def briefing(date: dt.date, actors=("Vera Lind",), topics=("politics",), timeline=()) -> Briefing:
    return Briefing(
        title=f"Story of {date}",
        date=date,
        summary="Something happened.",
        actors=[Actor(name=a, kind="person") for a in actors],
        topics=list(topics),
        timeline=[TimelineEntry(date=d, text=f"Event {d}.") for d in timeline],
    )


def build(*pairs, minimum=1):
    return build_site(*pairs, minimum=minimum)


def test_home_counts_latest_and_the_last_30_days_of_briefings():
    site = build(
        ("new", briefing(dt.date(2020, 6, 30), ["Vera Lind", "Jonas Pekk"], ["trade"])),
        ("recent", briefing(dt.date(2020, 6, 1), ["Vera Lind"], ["trade", "labour"])),
        ("old", briefing(dt.date(2020, 5, 31), ["Old Timer"], ["sport"])),
    )
    html = Html(markdown.markdown(home_snippet(site), extensions=["md_in_html"]))
    assert "3 briefings · 3 actors · 3 topics" in html.text
    assert [h for _, h in html.links if h.startswith("briefings/") and h != "briefings/"] == ["briefings/new/", "briefings/recent/", "briefings/old/"]
    active = html.text.split("Most active", 1)[1]
    assert "2 briefings from 2020-06-01 to 2020-06-30" in active  # 30 days up to the newest briefing, not today
    assert "Vera Lind (2)" in active and "Trade (2)" in active
    assert "Old Timer" not in active and "Sport" not in active
    assert ("RSS", "feeds/briefings.xml") in html.links and ("Explore", "explore/") in html.links


def test_briefings_index_by_month_then_by_year_when_large(monkeypatch):
    pairs = [(f"s{n}", briefing(dt.date(2019 + n % 3, 1 + n % 12, 1))) for n in range(12)]
    pages = briefings_pages(build(*pairs))
    assert list(pages) == ["briefings/index.md"]
    assert "## December 2021" in pages["briefings/index.md"]
    monkeypatch.setattr(listings, "BRIEFINGS_PER_PAGE", 5)
    pages = briefings_pages(build(*pairs, ("undated", Briefing(title="Undated", date=None))))
    assert set(pages) == {"briefings/index.md", "briefings/2019.md", "briefings/2020.md", "briefings/2021.md"}
    index = to_html(pages["briefings/index.md"])
    assert [(t, h) for t, h in index.links if h.endswith(("2019/", "2020/", "2021/"))] == [("2021", "../briefings/2021/"), ("2020", "../briefings/2020/"), ("2019", "../briefings/2019/")]
    assert "Undated" in index.headings
    year = to_html(pages["briefings/2020.md"])
    assert len([h for _, h in year.links if "/briefings/s" in h]) == 4
    assert split_page(pages["briefings/2020.md"])[0]["search"] == {"exclude": True}


def test_timeline_by_year_when_large(monkeypatch):
    site = build(("a", briefing(dt.date(2021, 1, 1), timeline=["2019-05-01", "2020-03", "2020-01-09", "2020"])))
    (only,) = timeline_pages(site).values()
    body = split_page(only)[1]
    assert body.index("## 2019") < body.index("### May 2019") < body.index("## 2020") < body.index("Event 2020.") < body.index("### January 2020")
    monkeypatch.setattr(listings, "EVENTS_PER_PAGE", 2)
    pages = timeline_pages(site)
    assert set(pages) == {"timeline/index.md", "timeline/2019.md", "timeline/2020.md"}
    assert ("2020", "../timeline/2020/") in to_html(pages["timeline/index.md"]).links
    year = split_page(pages["timeline/2020.md"])[1]
    assert "Jan 2020 to Dec 2020" in year and year.index("Event 2020.") < year.index("Event 2020-01-09.") < year.index("Event 2020-03.")


def test_actors_index_by_kind_with_counts_and_links():
    site = build(
        ("a", briefing(dt.date(2020, 1, 1), ["Vera Lind", "Once Only"])),
        ("b", briefing(dt.date(2020, 2, 1), ["Vera Lind"])),
        minimum=2,
    )
    (only,) = actors_pages(site).values()
    html = to_html(only)
    assert "People (2)" in html.headings
    assert ("Vera Lind", "../actors/vera-lind/") in html.links
    assert ("Once Only", "../briefings/a/") in html.links  # no page of their own: their briefing


def test_actors_split_by_initial_when_many(monkeypatch):
    monkeypatch.setattr(listings, "ACTORS_PER_LIST", 3)
    names = ["Anna Berg", "Axel Dahl", "Bo Ek", "Åsa Lund", "9 Lives", "Cy Ng"]
    site = build(("a", briefing(dt.date(2020, 1, 1), names)))
    pages = actors_pages(site)
    assert set(pages) == {"actors/index.md", "actors/people-a.md", "actors/people-b.md", "actors/people-c.md", "actors/people-other.md"}
    index = to_html(pages["actors/index.md"])
    assert ("A", "../actors/people-a/") in index.links
    a_page = to_html(pages["actors/people-a.md"])
    assert [t for t, h in a_page.links if "/actors/" in h] == ["Anna Berg", "Åsa Lund", "Axel Dahl"]  # Å files under A
    assert [t for t, h in to_html(pages["actors/people-other.md"]).links if "/actors/" in h] == ["9 Lives"]


def test_actors_index_draws_who_appears_with_whom():
    site = build(("a", briefing(dt.date(2020, 1, 1), ["Vera Lind", "Jonas Pekk"])), ("b", briefing(dt.date(2020, 1, 2), ["Vera Lind", "Kai Berg"])))
    text = actors_pages(site)["actors/index.md"]
    assert text.count("<svg") == 1 and '<a href="../actors/vera-lind/">' in text


@pytest.mark.parametrize("with_briefings", [True, False])
def test_topics_index_lists_every_topic_with_counts(with_briefings):
    pairs = [("a", briefing(dt.date(2020, 1, 1), topics=["trade"]))] if with_briefings else []
    text = topics_index(build(*pairs))
    assert "[Trade](trade.md) (" + ("1" if with_briefings else "0") + ")" in text


def test_the_tags_page_says_what_it_lists_until_a_briefing_has_a_label():
    named = briefing(dt.date(2020, 6, 1), ["Vera Lind"])
    named.tags = ["Vera Lind", "Politics"]  # an actor's name and a topic's label: no label
    assert "No briefing has a label yet" in listings.tags_snippet(build(("named", named)))
    labelled = briefing(dt.date(2020, 6, 2))
    labelled.tags = ["night shifts"]
    assert listings.tags_snippet(build(("named", named), ("labelled", labelled))).strip() == ""
