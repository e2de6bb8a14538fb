"""The briefings and dated events of an actor's or a topic's page: all on the page while they are
few; past `PAGE_BRIEFINGS`, the page keeps the newest and links one page per year
(`actors/<slug>/<year>.md`), so that no page grows with the archive (a topic of 10,000 BBC briefings
listed 2,900 of them, 8 MB of HTML)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..model import TimelineEntry
from .context import Site
from .html import a, block
from .index import Entry
from .markdown import NO_SEARCH, page
from .parts import briefing_list, timeline_list, ul

PAGE_BRIEFINGS = 100
NEWEST = 20  # the briefings a split page still lists itself
UNDATED = "undated"


@dataclass
class Archive:
    briefings: str  # the body of the page's "Briefings" section
    timeline: str  # the body of its "Timeline" section ("" for none)
    pages: dict[str, str] = field(default_factory=dict)  # the year pages, by source path


def archive(site: Site, src: str, title: str, entries: list[Entry], events: list[tuple[TimelineEntry, Entry]], empty: str) -> Archive:
    """`entries` newest first, `events` in date order; `title` names the actor or topic."""
    if len(entries) <= PAGE_BRIEFINGS:
        return Archive(briefing_list(site, src, entries, empty), timeline_list(site, src, events))
    by_year = {year: list(group) for year, group in groupby(entries, key=lambda e: str(e.briefing.date.year) if e.briefing.date else UNDATED)}
    events_by_year = {year: list(group) for year, group in groupby(events, key=lambda pair: pair[0].start[:4])}
    folder = src.removesuffix(".md")
    pages, links = {}, []
    for year in sorted(by_year.keys() | events_by_year.keys(), key=lambda y: (y != UNDATED, y), reverse=True):
        name = f"{folder}/{year}.md"
        briefings, dated = by_year.get(year, []), events_by_year.get(year, [])
        body = [block(f'<p class="bk-up">All the years: {a(title, site.href(name, src))}.</p>')]
        body += ["## Briefings", briefing_list(site, name, briefings)] if briefings else []
        body += ["## Timeline", timeline_list(site, name, dated)] if dated else []
        pages[name] = page(f"{title}: {year}", "\n\n".join(body), description=f"{title}: the briefings and dated events of {year}", **NO_SEARCH)
        counts = [f"{len(briefings)} briefing{'s' if len(briefings) != 1 else ''}"] if briefings else []
        counts += [f"{len(dated)} dated event{'s' if len(dated) != 1 else ''}"] if dated else []
        links.append(f"{a(year, site.href(src, name))} ({', '.join(counts)})")
    newest = briefing_list(site, src, entries[:NEWEST])
    years = f"The newest {NEWEST} of {len(entries)}. Every briefing and dated event, by year:\n\n" + ul(links, class_="bk-years")
    return Archive(f"{newest}\n\n{years}", "", pages)
