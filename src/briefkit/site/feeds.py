"""Feeds of the newest briefings: RSS 2.0 and JSON Feed 1.1, one pair for the whole site and one per
topic, written into the docs folder (`feeds/`) for MkDocs to copy as they are.

Feed readers need absolute links, built from `site_url`. Without one (a site not yet deployed) the
links are relative to the feed's own address, which readers resolve when they fetch the feed from
the site, and the feed's description says that `site_url` is missing.
"""

from __future__ import annotations

import datetime as dt
import json
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from .context import Site
from .index import Entry

FEED_ITEMS = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
NO_SITE_URL = "site_url is not set in mkdocs.yml, so links are relative to this feed's address."


def feed_files(site: Site) -> dict[str, str]:
    """Docs-relative path -> content of every feed."""
    name = site.settings.site_name
    files = _pair(site, "feeds/briefings", f"{name}: latest briefings", "The latest briefings.", site.index.entries, "index.md")
    for topic_id, entries in site.index.topics.items():
        label = site.index.taxonomy.label(topic_id)
        files |= _pair(site, f"feeds/topics/{topic_id}", f"{name}: {label}", f"The latest briefings on {label}.", entries, f"topics/{topic_id}.md")
    return files


def _pair(site: Site, stem: str, title: str, description: str, entries: list[Entry], page_src: str) -> dict[str, str]:
    items = entries[:FEED_ITEMS]
    if not site.settings.site_url:
        description = f"{description} {NO_SITE_URL}"
    return {f"{stem}.xml": rss(site, f"{stem}.xml", title, description, items, page_src), f"{stem}.json": json_feed(site, f"{stem}.json", title, description, items, page_src)}


def _link(site: Site, feed_path: str, src: str) -> str:
    """Absolute from `site_url`, else relative to the feed file."""
    if site.settings.site_url:
        return site.settings.site_url + site.urls.url(src)
    return site.href(feed_path, src)


def _moment(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def rss(site: Site, path: str, title: str, description: str, entries: list[Entry], page_src: str) -> str:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = title
    ET.SubElement(channel, "link").text = _link(site, path, page_src)
    ET.SubElement(channel, "description").text = description
    if site.settings.site_url:
        ET.SubElement(channel, "atom:link", {"href": site.settings.site_url + path, "rel": "self", "type": "application/rss+xml"})
    dated = [e.briefing.date for e in entries if e.briefing.date]
    if dated:  # the newest briefing's date, not the clock: the same briefings build the same feed
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(max(dated)))
    for entry in entries:
        b = entry.briefing
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = b.title
        url = _link(site, path, entry.src)
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true" if site.settings.site_url else "false"}).text = url if site.settings.site_url else site.urls.url(entry.src)
        if b.date:
            ET.SubElement(item, "pubDate").text = format_datetime(_moment(b.date))
        if b.summary:
            ET.SubElement(item, "description").text = b.summary
        for topic_id in b.topics:
            ET.SubElement(item, "category").text = site.index.taxonomy.label(topic_id)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(site: Site, path: str, title: str, description: str, entries: list[Entry], page_src: str) -> str:
    feed: dict = {"version": JSON_FEED_VERSION, "title": title, "description": description}
    if site.settings.site_url:
        feed["home_page_url"] = _link(site, path, page_src)
        feed["feed_url"] = site.settings.site_url + path
    items = []
    for entry in entries:
        b = entry.briefing
        url = _link(site, path, entry.src)
        item = {"id": url if site.settings.site_url else site.urls.url(entry.src), "url": url, "title": b.title, "content_text": b.summary or b.title}
        if b.summary:
            item["summary"] = b.summary
        if b.date:
            item["date_published"] = _moment(b.date).isoformat().replace("+00:00", "Z")
        tags = [site.index.taxonomy.label(t) for t in b.topics] + [site.index.actors[s].name for s in entry.actor_slugs]
        if tags:
            item["tags"] = list(dict.fromkeys(tags))
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
