"""Raw-HTML parts shared by the page writers: lists of briefings, of timeline entries, of actors."""

from __future__ import annotations

from ..model import TimelineEntry
from .context import Site
from .html import a, attrs, block, escape
from .index import Entry
from .markdown import day


def ul(items: list[str], empty: str = "", **extra) -> str:
    """A raw `<ul>` block (Material's search skips it: `data-search-exclude`), or `empty` in italics."""
    if not items:
        return f"*{empty}*" if empty else ""
    return block(f"<ul{attrs(**extra)}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def briefing_item(site: Site, from_src: str, entry: Entry, *, summary: bool = True) -> str:
    b = entry.briefing
    text = f" — {escape(b.summary)}" if summary and b.summary else ""
    return f'<time>{day(b.date)}</time> · {site.briefing_link(from_src, entry)}{text}'


def briefing_list(site: Site, from_src: str, entries: list[Entry], empty: str = "", *, summary: bool = True) -> str:
    return ul([briefing_item(site, from_src, e, summary=summary) for e in entries], empty, class_="bk-briefings", data_search_exclude=True)


def timeline_list(site: Site, from_src: str, items: list[tuple[TimelineEntry, Entry]], empty: str = "") -> str:
    lines = [
        f"<strong>{escape(item.date)}</strong> — {escape(item.text)} ({a(entry.briefing.title, site.href(from_src, entry.src))})"
        for item, entry in items
    ]
    return ul(lines, empty, class_="bk-timeline", data_search_exclude=True)


def actor_counts(site: Site, from_src: str, counted: list[tuple[str, int]]) -> str:
    """`Name (n), Name (n)` for (actor slug, count) pairs, each name linked."""
    return block('<p class="bk-actors" data-search-exclude>' + ", ".join(f"{site.actor_link(from_src, slug)} ({n})" for slug, n in counted) + "</p>")
