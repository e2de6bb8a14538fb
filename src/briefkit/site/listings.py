"""Index pages: home, briefings, actors, topics, timeline."""

from __future__ import annotations

from itertools import groupby

from ..text import escape_markdown
from .index import SiteIndex
from .markdown import KIND_LABELS, bullet_list, day, link, month_heading, page
from .pages import briefing_line, timeline_lines

HOME_LATEST = 10


def home_snippet(index: SiteIndex) -> str:
    """Included into the hand-written `docs/index.md`, so its links are relative to the docs root."""
    counts = (
        f"{len(index.entries)} briefings · {len(index.actors)} actors · "
        f"{sum(1 for e in index.topics.values() if e)} topics · {len(index.timeline)} dated events"
    )
    latest = [briefing_line(e, "briefings/") for e in index.entries[:HOME_LATEST]]
    return f"{counts}\n\n## Latest briefings\n\n{bullet_list(latest, 'No briefings yet: run briefkit ingest.')}\n\n[All briefings](briefings/index.md)\n"


def briefings_index(index: SiteIndex) -> str:
    sections = []
    for month, entries in groupby(index.entries, key=lambda e: e.briefing.date.strftime("%Y-%m") if e.briefing.date else "undated"):
        heading = month_heading(month) if month != "undated" else "Undated"
        sections.append(f"## {heading}\n\n" + bullet_list([briefing_line(e, "") for e in entries], ""))
    return page("Briefings", "\n\n".join(sections) or "*No briefings yet.*", description="Every briefing, newest first")


def actors_index(index: SiteIndex) -> str:
    sections = []
    for kind, label in KIND_LABELS.items():
        actors = sorted((a for a in index.actors.values() if a.kind == kind), key=lambda a: (-len(a.entries), a.name.casefold()))
        if actors:
            lines = [f"{link(a.name, f'{a.slug}.md')} ({len(a.entries)})" for a in actors]
            sections.append(f"## {label} ({len(actors)})\n\n" + bullet_list(lines, ""))
    return page("Actors", "\n\n".join(sections) or "*No actors yet.*", description="People, organizations, places and groups in the briefings")


def topics_index(index: SiteIndex) -> str:
    lines = []
    for topic in index.taxonomy.children(None):
        lines.append(f"- {link(topic.label, f'{topic.id}.md')} ({len(index.topics.get(topic.id, []))})")
        for child in index.taxonomy.children(topic.id):
            lines.append(f"    - {link(child.label, f'{child.id}.md')} ({len(index.topics.get(child.id, []))})")
    unknown = [t for t in index.topics if t not in index.taxonomy.topics]
    lines += [f"- {link(t, f'{t}.md')} ({len(index.topics[t])})" for t in sorted(unknown)]
    return page("Topics", "\n".join(lines), description="Briefings by topic")


def timeline_page(index: SiteIndex) -> str:
    sections = []
    for year, in_year in groupby(index.timeline, key=lambda pair: pair[0].start[:4]):
        sections.append(f"## {year}")
        for month, items in groupby(in_year, key=lambda pair: pair[0].start[:7]):
            if len(month) == 7:
                sections.append(f"### {month_heading(month)}")
            sections.append(timeline_lines(list(items), "../briefings/"))
    return page("Timeline", "\n\n".join(sections) or "*No dated events yet.*", description="Every dated event of every briefing")
