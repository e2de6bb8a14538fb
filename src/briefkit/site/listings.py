"""Index pages: home, briefings, actors, topics, timeline. Each stays bounded: past a size it is
split (briefings and timeline by year, a kind of actors by initial), so no page grows with the site."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import groupby

from .context import Site
from ..text import slugify
from .html import a, block
from .index import INITIALS, KIND_PAGES, ActorPage
from .markdown import KIND_LABELS, NO_SEARCH, link, month_heading, page
from .pages import own_tags
from .parts import briefing_list, timeline_list, ul
from .svg import Node, cooccurrence_graph, timeline_chart

HOME_LATEST = 10
HOME_ACTIVE = 10
ACTIVE_DAYS = 30
BRIEFINGS_PER_PAGE = 300  # more, and the briefings index links one page per year
EVENTS_PER_PAGE = 500  # more, and the timeline links one page per year
ACTORS_PER_LIST = 200  # more actors of a kind, and they are listed one page per initial
INDEX_TOP_ACTORS = 30


def home_snippet(site: Site) -> str:
    """Included into the hand-written `docs/index.md`, so its links are relative to the docs root."""
    index, src = site.index, "index.md"
    topics_used = sum(1 for e in index.topics.values() if e)
    counts = f"{len(index.entries)} briefings · {len(index.actors)} actors · {topics_used} topics · {len(index.timeline)} dated events"
    parts = [block(f'<p class="bk-counts">{counts}</p>'), "## Latest briefings"]
    parts.append(briefing_list(site, src, index.entries[:HOME_LATEST], "No briefings yet: run briefkit ingest."))
    parts.append(block(f'<p class="bk-links">{a("All briefings", site.href(src, "briefings/index.md"))} · {a("Explore", site.href(src, "explore/index.md"))} · '
                       f'Follow: {a("RSS", site.href(src, "feeds/briefings.xml"))}, {a("JSON Feed", site.href(src, "feeds/briefings.json"))}</p>'))
    recent = _recent(site)
    if recent:
        newest = index.entries[0].briefing.date
        actors = Counter(s for e in recent for s in e.actor_slugs).most_common(HOME_ACTIVE)
        topics = Counter(t for e in recent for t in e.briefing.topics if t in index.taxonomy.topics).most_common(HOME_ACTIVE)
        parts.append(f"## Most active in the last {ACTIVE_DAYS} days of briefings")
        parts.append(block(f'<p class="bk-window">{len(recent)} briefings from {newest - dt.timedelta(days=ACTIVE_DAYS - 1)} to {newest}.</p>'))
        parts.append(block('<div class="bk-active"><div><strong>Actors</strong>' + ul([f"{site.actor_link(src, s)} ({n})" for s, n in actors])
                           + "</div><div><strong>Topics</strong>" + ul([f"{site.topic_link(src, t)} ({n})" for t, n in topics]) + "</div></div>"))
    return "\n\n".join(parts) + "\n"


def tags_snippet(site: Site) -> str:
    """Included into the hand-written `docs/tags.md`, above Material's listing of the briefings'
    labels: a word on what the page lists while no briefing has one (ingest's tags name actors)."""
    if any(own_tags(entry, site) for entry in site.index.entries):
        return "\n"
    return "No briefing has a label yet. Add one to a briefing's `tags` (words that name none of its actors or topics), and the briefing is listed here under it.\n"


def _recent(site: Site) -> list:
    """Briefings of the last `ACTIVE_DAYS` days up to the newest briefing's date (not today's: the
    same briefings always build the same home page)."""
    dated = [e for e in site.index.entries if e.briefing.date]
    if not dated:
        return []
    since = dated[0].briefing.date - dt.timedelta(days=ACTIVE_DAYS - 1)
    return [e for e in dated if e.briefing.date >= since]


# --- briefings --------------------------------------------------------------------------------


def briefings_pages(site: Site) -> dict[str, str]:
    entries = site.index.entries
    title, description = "Briefings", "Every briefing, newest first"
    if len(entries) <= BRIEFINGS_PER_PAGE:
        return {"briefings/index.md": page(title, _by_month(site, "briefings/index.md", entries) or "*No briefings yet.*", description=description, **NO_SEARCH)}
    years = [(year, list(group)) for year, group in groupby(entries, key=lambda e: str(e.briefing.date.year) if e.briefing.date else "")]
    pages = {f"briefings/{year}.md": page(f"Briefings of {year}", _by_month(site, f"briefings/{year}.md", group), description=f"Briefings of {year}", **NO_SEARCH)
             for year, group in years if year}
    lines = [f"{a(year, site.href('briefings/index.md', f'briefings/{year}.md'))} ({len(group)})" for year, group in years if year]
    body = [f"{len(entries)} briefings. By year:", ul(lines, class_="bk-years"), "## Latest", briefing_list(site, "briefings/index.md", entries[:50])]
    undated = next((group for year, group in years if not year), [])
    if undated:
        body += ["## Undated", briefing_list(site, "briefings/index.md", undated)]
    pages["briefings/index.md"] = page(title, "\n\n".join(body), description=description, **NO_SEARCH)
    return pages


def _by_month(site: Site, src: str, entries: list) -> str:
    sections = []
    for month, group in groupby(entries, key=lambda e: e.briefing.date.strftime("%Y-%m") if e.briefing.date else "undated"):
        heading = month_heading(month) if month != "undated" else "Undated"
        sections += [f"## {heading}", briefing_list(site, src, list(group))]
    return "\n\n".join(sections)


# --- actors -----------------------------------------------------------------------------------


def actors_pages(site: Site) -> dict[str, str]:
    src = "actors/index.md"
    pages: dict[str, str] = {}
    sections = [_actors_graph(site)]
    for kind, label in KIND_LABELS.items():
        actors = sorted((x for x in site.index.actors.values() if x.kind == kind), key=lambda x: (-len(x.entries), x.name.casefold()))
        if not actors:
            continue
        sections.append(f"## {label} ({len(actors)})")
        if len(actors) <= ACTORS_PER_LIST:
            sections.append(_actor_list(site, src, actors))
            continue
        by_initial = {}
        for actor in sorted(actors, key=lambda x: (slugify(x.name), x.name)):  # Åsa beside Asa, not after Zoë
            by_initial.setdefault(_initial(actor.name), []).append(actor)
        letters = [a(i.upper() if i != "other" else "other", site.href(src, f"actors/{KIND_PAGES[kind]}-{i}.md")) + f" ({len(by_initial[i])})"
                   for i in INITIALS if i in by_initial]
        sections += [block(f"<p class=\"bk-initials\">By initial: {' · '.join(letters)}</p>"), "Most often named:", _actor_list(site, src, actors[:INDEX_TOP_ACTORS])]
        for initial, group in by_initial.items():
            name = f"actors/{KIND_PAGES[kind]}-{initial}.md"
            heading = f"{label}: {initial.upper() if initial != 'other' else 'other initials'}"
            pages[name] = page(heading, _actor_list(site, name, group), description=f"{label} in the briefings", **NO_SEARCH)
    if len(sections) == 1:
        sections.append("*No actors yet.*")
    pages[src] = page("Actors", "\n\n".join(s for s in sections if s), description="People, organizations, places and groups in the briefings", **NO_SEARCH)
    return pages


def _actor_list(site: Site, src: str, actors: list[ActorPage]) -> str:
    """Each actor with their count of briefings; one without a page links to their newest briefing."""
    items = [f"{a(x.name, site.actor_href(src, x))} ({len(x.entries)})" for x in actors]
    return ul(items, class_="bk-actor-list", data_search_exclude=True)


def _initial(name: str) -> str:
    first = slugify(name)[:1]
    return first if first.isalpha() else "other"


def _actors_graph(site: Site) -> str:
    actors = site.index.actors
    top = sorted((x for x in actors.values() if x.has_page), key=lambda x: (-len(x.entries), x.slug))[:INDEX_TOP_ACTORS]
    chosen = {x.slug for x in top}
    edges = {}
    for x in top:
        for other, shared in x.beside.items():
            if other in chosen and x.slug < other:
                edges[(x.slug, other)] = shared
    strongest = dict(sorted(edges.items(), key=lambda kv: (-kv[1], kv[0]))[: INDEX_TOP_ACTORS * 2])
    nodes = [Node(x.slug, x.name, len(x.entries), site.href("actors/index.md", x.src)) for x in top]
    return cooccurrence_graph(nodes, strongest, f"The {len(top)} actors named in the most briefings, and who appears with whom")


# --- topics -----------------------------------------------------------------------------------


def topics_index(site: Site) -> str:
    index = site.index
    lines = []
    for topic in index.taxonomy.children(None):
        lines.append(f"- {link(topic.label, f'{topic.id}.md')} ({len(index.topics.get(topic.id, []))})")
        for child in index.taxonomy.children(topic.id):
            lines.append(f"    - {link(child.label, f'{child.id}.md')} ({len(index.topics.get(child.id, []))})")
    unknown = [t for t in index.topics if t not in index.taxonomy.topics]
    lines += [f"- {link(t, f'{t}.md')} ({len(index.topics[t])})" for t in sorted(unknown)]
    return page("Topics", "\n".join(lines), description="Briefings by topic", **NO_SEARCH)


# --- timeline ---------------------------------------------------------------------------------


def timeline_pages(site: Site) -> dict[str, str]:
    events = site.index.timeline
    src = "timeline/index.md"
    chart = timeline_chart([item.date for item, _ in events], "Dated events of every briefing, per month")
    description = "Every dated event of every briefing"
    if len(events) <= EVENTS_PER_PAGE:
        body = "\n\n".join(filter(None, [chart, _by_year_and_month(site, src, events, heading=2)])) or "*No dated events yet.*"
        return {src: page("Timeline", body, description=description, **NO_SEARCH)}
    pages = {}
    lines = []
    for year, group in groupby(events, key=lambda pair: pair[0].start[:4]):
        group = list(group)
        name = f"timeline/{year}.md"
        year_chart = timeline_chart([item.date for item, _ in group], f"Dated events of {year}, per month", first=f"{year}-01", last=f"{year}-12")
        body = "\n\n".join(filter(None, [year_chart, _by_year_and_month(site, name, group, heading=None)]))
        pages[name] = page(f"Timeline: {year}", body, description=f"Dated events of {year}", **NO_SEARCH)
        lines.append(f"{a(year, site.href(src, name))} ({len(group)})")
    body = [chart, f"{len(events)} dated events. By year:", ul(lines, class_="bk-years")]
    pages[src] = page("Timeline", "\n\n".join(filter(None, body)), description=description, **NO_SEARCH)
    return pages


def _by_year_and_month(site: Site, src: str, events: list, heading: int | None) -> str:
    """Events grouped by year (a heading when `heading` is set) and month; year-only dates first."""
    sections = []
    for year, in_year in groupby(events, key=lambda pair: pair[0].start[:4]):
        if heading:
            sections.append(f"{'#' * heading} {year}")
        for month, items in groupby(in_year, key=lambda pair: pair[0].start[:7]):
            if len(month) == 7:
                sections.append(f"{'#' * ((heading or 1) + 1)} {month_heading(month)}")
            sections.append(timeline_list(site, src, list(items)))
    return "\n\n".join(sections)

