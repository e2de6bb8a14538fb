"""Pages of one thing: a briefing, an actor, a topic."""

from __future__ import annotations

import re

from ..text import escape_markdown
from .archive import archive
from .context import Site
from .explore import explore_href
from .html import a, block, escape
from .index import ActorPage, Entry
from .markdown import NO_SEARCH, day, page
from .parts import actor_counts, ul
from .svg import Node, cooccurrence_graph, timeline_chart

MAX_BESIDE = 12
_HAS_TIMELINE = re.compile(r"^#+\s*timeline\s*$", re.IGNORECASE | re.MULTILINE)
_WEB = re.compile(r"^https?://", re.IGNORECASE)
KIND_NAMES = {"person": "Person", "organization": "Organization", "place": "Place", "group": "Group"}


# --- a briefing -------------------------------------------------------------------------------


def briefing_page(entry: Entry, site: Site) -> str:
    """The briefing's own body under a panel: date, source, actors, topics, related briefings. The
    panel's attributes are Pagefind's filters (actor, topic, kind, year) and sort key (date)."""
    b = entry.briefing
    body = b.body.strip()
    if b.timeline and not _HAS_TIMELINE.search(body):
        body += "\n\n## Timeline\n\n" + "\n".join(f"- **{t.date}** — {escape_markdown(t.text)}" for t in b.timeline)
    meta = {"description": b.summary, "tags": _tags(entry, site), "pagefind": True}
    labels = own_tags(entry, site)
    if labels:  # the Tags page lists these (mkdocs.yml: the tags plugin's `tags_name_property`)
        meta["labels"] = labels
    return page(b.title, f"{_panel(entry, site, labels)}\n\n{body}", **meta)


def _panel(entry: Entry, site: Site, labels: list[str]) -> str:
    b, src, index = entry.briefing, entry.src, site.index
    year = f' data-pagefind-filter="year:{b.date.year}"' if b.date else ""
    date = f'<time datetime="{day(b.date)}" data-pagefind-meta="date" data-pagefind-sort="date"{year}>{day(b.date)}</time>' if b.date else "undated"
    facts = [f"<strong>Date:</strong> {date}"]
    if b.source and (b.source.name or b.source.url):
        name = b.source.name or b.source.url
        facts.append(f"<strong>Source:</strong> {a(name, b.source.url) if b.source.url and _WEB.match(b.source.url) else escape(name)}")
    rows = [" · ".join(facts)]
    if entry.actor_slugs:
        rows.append("<strong>Actors:</strong> " + ", ".join(site.actor_link(src, s, data_pagefind_filter="actor") for s in entry.actor_slugs))
    topics = [t for t in dict.fromkeys(b.topics) if t in index.taxonomy.topics]
    if topics:
        rows.append("<strong>Topics:</strong> " + ", ".join(site.topic_link(src, t, data_pagefind_filter="topic") for t in topics))
    if labels:  # each one searched on the Explore page
        rows.append("<strong>Tags:</strong> " + ", ".join(a(tag, explore_href(site, src, q=tag)) for tag in labels))
    kinds = sorted({index.actors[s].kind for s in entry.actor_slugs})
    filters = "".join(f'<span data-pagefind-filter="kind:{kind}"></span>' for kind in kinds)
    related = site.related.of(entry.slug)
    more = ""
    if related:  # one tag per link: every tag of a panel costs the build twice (Markdown, search index)
        links = " · ".join(site.briefing_link(src, r) for r in related)
        more = f'<p class="bk-related" data-search-exclude data-pagefind-ignore><strong>Related:</strong> {links}</p>'
    return block('<div class="bk-panel">' + "".join(f"<p>{row}</p>" for row in rows) + filters + more + "</div>")


def own_tags(entry: Entry, site: Site) -> list[str]:
    """The briefing's own tags that name none of its actors or topics (those are on the panel already)."""
    named = {site.index.actors[slug].name.casefold() for slug in entry.actor_slugs}
    named |= {site.index.taxonomy.label(topic).casefold() for topic in entry.briefing.topics}
    return [tag for tag in dict.fromkeys(entry.briefing.tags) if tag.strip() and tag.casefold() not in named]


def _tags(entry: Entry, site: Site) -> list[str]:
    """The briefing's tags plus its actors' page names and its topics' labels: Material's search
    weighs tags far above text, so a name finds the briefings that name that actor first."""
    names = [site.index.actors[s].name for s in entry.actor_slugs]
    labels = [site.index.taxonomy.label(t) for t in entry.briefing.topics]
    return list(dict.fromkeys([*entry.briefing.tags, *names, *labels]))


# --- an actor ---------------------------------------------------------------------------------


def actor_page(actor: ActorPage, site: Site) -> str:
    return actor_pages(actor, site)[actor.src]


def actor_pages(actor: ActorPage, site: Site) -> dict[str, str]:
    """The actor's page, and its year pages when it has many briefings (archive.py)."""
    src = actor.src
    count = len(actor.entries)
    facts = [f"<strong>{KIND_NAMES[actor.kind]}</strong>", f"{count} briefing{'s' if count != 1 else ''}"]
    if actor.aliases:
        facts.append("also called " + ", ".join(escape(x) for x in sorted(actor.aliases, key=str.casefold)))
    facts.append(a("explore their briefings", explore_href(site, src, q=actor.name, actor=actor.name)))
    sections = [block(f'<p class="bk-meta">{" · ".join(facts)}</p>')]
    if actor.description:
        sections.append(block(f'<p class="bk-description">{escape(actor.description)}</p>'))
    chart = timeline_chart([item.date for item, _ in actor.timeline], f"Dated events naming {actor.name}, per month")
    sections += [chart] if chart else []
    if actor.roles:
        sections += ["## Roles", ul([f"{escape(role)} ({n})" for role, n in actor.roles.most_common()], class_="bk-roles")]
    listed = archive(site, src, actor.name, actor.entries, actor.timeline, "None yet.")
    sections += ["## Briefings", listed.briefings]
    if actor.quotes:
        sections += ["## Quotes", _quotes(actor, site)]
    if listed.timeline:
        sections += ["## Timeline", listed.timeline]
    beside = actor.beside.most_common(MAX_BESIDE)
    if beside:
        sections += ["## Often beside", _ego_graph(actor, beside, site), actor_counts(site, src, beside)]
    main = page(actor.name, "\n\n".join(s for s in sections if s), description=f"{actor.name} in the briefings", **NO_SEARCH)
    return {src: main, **listed.pages}


def _quotes(actor: ActorPage, site: Site) -> str:
    quotes = [
        f"<blockquote><p>\u201c{escape(q.text)}\u201d</p><p>— {site.briefing_link(actor.src, e)}, {day(e.briefing.date)}</p></blockquote>"
        for q, e in actor.quotes
    ]
    return block('<div class="bk-quotes" data-search-exclude>' + "".join(quotes) + "</div>")


def _ego_graph(actor: ActorPage, beside: list[tuple[str, int]], site: Site) -> str:
    actors = site.index.actors
    nodes = [Node(actor.slug, actor.name, len(actor.entries))]
    nodes += [Node(s, actors[s].name, len(actors[s].entries), site.actor_href(actor.src, actors[s])) for s, _ in beside]
    edges = {(actor.slug, s): n for s, n in beside}
    ring = [s for s, _ in beside]
    for i, one in enumerate(ring):
        for other in ring[i + 1 :]:
            if shared := actors[one].beside.get(other):
                edges[(one, other)] = shared
    return cooccurrence_graph(nodes, edges, f"Actors most often named with {actor.name}", center=actor.slug)


# --- a topic ----------------------------------------------------------------------------------


def topic_page(topic_id: str, site: Site) -> str:
    return topic_pages(topic_id, site)[f"topics/{topic_id}.md"]


def topic_pages(topic_id: str, site: Site) -> dict[str, str]:
    """The topic's page, and its year pages when it has many briefings (archive.py)."""
    index, src = site.index, f"topics/{topic_id}.md"
    topic = index.taxonomy.topics.get(topic_id)
    label = index.taxonomy.label(topic_id)
    entries = index.topics.get(topic_id, [])
    lines = []
    if topic and topic.parent:
        lines.append(f"Part of {site.topic_link(src, topic.parent)}.")
    children = index.taxonomy.children(topic_id)
    if children:
        lines.append("Subtopics: " + ", ".join(site.topic_link(src, c.id) for c in children) + ".")
    feed = f"feeds/topics/{topic_id}"
    lines.append(f'Follow: {a("RSS", site.href(src, feed + ".xml"))} · {a("JSON Feed", site.href(src, feed + ".json"))} · '
                 f'{a("explore these briefings", explore_href(site, src, q=label, topic=label))}')
    sections = [block(f'<p class="bk-about">{line}</p>') for line in lines]
    events = [(item, e) for e in entries for item in e.briefing.timeline]
    events.sort(key=lambda pair: (pair[0].start, pair[1].sort_key))
    chart = timeline_chart([item.date for item, _ in events], f"Dated events of briefings on {label}, per month")
    sections += [chart] if chart else []
    listed = archive(site, src, label, entries, events, "No briefings on this topic yet.")
    sections += ["## Briefings", listed.briefings]
    counts: dict[str, int] = {}
    for entry in entries:
        for slug in entry.actor_slugs:
            counts[slug] = counts.get(slug, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_BESIDE]
    if top:
        sections += ["## Most frequent actors", actor_counts(site, src, top)]
    if listed.timeline:
        sections += ["## Timeline", listed.timeline]
    return {src: page(label, "\n\n".join(sections), description=f"Briefings on {label}", feed=feed, **NO_SEARCH), **listed.pages}

