"""Feeds: RSS 2.0 and JSON Feed 1.1 of the newest briefings, for the site and each topic."""

from __future__ import annotations

import datetime as dt
import json
from xml.etree import ElementTree

from briefkit.model import Actor, Briefing
from briefkit.site.feeds import FEED_ITEMS, JSON_FEED_VERSION, NO_SITE_URL, feed_files

from .helpers import build_site


def briefing(n: int, topics=("politics",)) -> Briefing:
    return Briefing(
        title=f"Story {n} <& more>",
        date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
        summary=f"What happened on day {n}.",
        actors=[Actor(name="Vera Lind", kind="person")],
        topics=list(topics),
    )


def test_rss_and_json_feed_with_absolute_links(tmp_path):
    site = build_site(*[(f"story-{n}", briefing(n)) for n in range(3)], ("undated", Briefing(title="Undated", date=None)), site_url="https://example.org/briefs/")
    files = feed_files(site)
    channel = ElementTree.fromstring(files["feeds/briefings.xml"]).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Story 2 <& more>", "Story 1 <& more>", "Story 0 <& more>", "Undated"]  # newest first
    assert items[0].findtext("link") == "https://example.org/briefs/briefings/story-2/"
    assert items[0].find("guid").get("isPermaLink") == "true"
    assert items[0].findtext("pubDate") == "Wed, 03 Jan 2024 00:00:00 +0000"
    assert items[0].findtext("category") == "Politics"
    assert items[3].find("pubDate") is None
    assert channel.findtext("link") == "https://example.org/briefs/"
    assert channel.findtext("lastBuildDate") == "Wed, 03 Jan 2024 00:00:00 +0000"  # the newest briefing, not the clock
    assert NO_SITE_URL not in channel.findtext("description")
    feed = json.loads(files["feeds/briefings.json"])
    assert feed["version"] == JSON_FEED_VERSION and feed["feed_url"] == "https://example.org/briefs/feeds/briefings.json"
    first = feed["items"][0]
    assert first["id"] == first["url"] == "https://example.org/briefs/briefings/story-2/"
    assert first["date_published"] == "2024-01-03T00:00:00Z" and first["content_text"] == "What happened on day 2."
    assert first["tags"] == ["Politics", "Vera Lind"]


def test_a_feed_per_topic_even_an_empty_one():
    site = build_site(("a", briefing(1, ["trade"])), ("b", briefing(2, ["trade", "labour"])), ("c", briefing(3, ["sport"])))
    files = feed_files(site)
    trade = json.loads(files["feeds/topics/trade.json"])
    assert [i["title"] for i in trade["items"]] == ["Story 2 <& more>", "Story 1 <& more>"]
    assert json.loads(files["feeds/topics/elections.json"])["items"] == []
    assert len(ElementTree.fromstring(files["feeds/topics/labour.xml"]).findall("channel/item")) == 1
    assert set(site.index.topics) == {path.split("/")[-1].rsplit(".", 1)[0] for path in files if path.startswith("feeds/topics/")}


def test_without_site_url_links_are_relative_to_the_feed_and_it_says_so():
    site = build_site(("a", briefing(1, ["trade"])))
    files = feed_files(site)
    channel = ElementTree.fromstring(files["feeds/topics/trade.xml"]).find("channel")
    assert channel.findtext("item/link") == "../../briefings/a/"  # from feeds/topics/
    assert channel.find("item/guid").get("isPermaLink") == "false"
    assert NO_SITE_URL in channel.findtext("description")
    feed = json.loads(files["feeds/briefings.json"])
    assert "feed_url" not in feed and feed["items"][0]["url"] == "../briefings/a/"
    assert NO_SITE_URL in feed["description"]


def test_at_most_feed_items():
    site = build_site(*[(f"s-{n:03d}", briefing(n)) for n in range(FEED_ITEMS + 5)])
    assert len(json.loads(feed_files(site)["feeds/briefings.json"])["items"]) == FEED_ITEMS
