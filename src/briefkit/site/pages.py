"""Pages of one thing: a briefing, an actor, a topic."""

from __future__ import annotations

import re

from ..text import escape_markdown
from .index import ActorPage, Entry, SiteIndex
from .markdown import KIND_LABELS, bullet_list, day, link, page

MAX_BESIDE = 10
_HAS_TIMELINE = re.compile(r"^#+\s*timeline\s*$", re.IGNORECASE | re.MULTILINE)


def briefing_page(entry: Entry, index: SiteIndex) -> str:
    """The briefing's own body, under a panel with its date, source, actors and topics."""
    b = entry.briefing
    facts = [f"**Date:** {day(b.date)}"]
    if b.source and (b.source.name or b.source.url):
        name = escape_markdown(b.source.name or b.source.url)
        facts.append(f"**Source:** {link(b.source.name or b.source.url, b.source.url) if b.source.url else name}")
    actors = [link(index.actors[s].name, f"../actors/{s}.md") for s in entry.actor_slugs]
    if actors:
        facts.append(f"**Actors:** {', '.join(actors)}")
    topics = [link(index.taxonomy.label(t), f"../topics/{t}.md") for t in b.topics if t in index.taxonomy.topics]
    if topics:
        facts.append(f"**Topics:** {', '.join(topics)}")
    panel = '<div class="bk-panel" markdown>\n\n' + "  \n".join(facts) + "\n\n</div>"
    body = b.body.strip()
    if b.timeline and not _HAS_TIMELINE.search(body):
        body += "\n\n## Timeline\n\n" + "\n".join(f"- **{t.date}** — {escape_markdown(t.text)}" for t in b.timeline)
    meta = {"description": b.summary, "tags": b.tags} if b.tags else {"description": b.summary}
    return page(b.title, f"{panel}\n\n{body}", **meta)


def briefing_line(entry: Entry, prefix: str) -> str:
    b = entry.briefing
    summary = f" — {escape_markdown(b.summary)}" if b.summary else ""
    return f"{day(b.date)} · {link(b.title, f'{prefix}{entry.slug}.md')}{summary}"


def actor_page(actor: ActorPage, index: SiteIndex) -> str:
    kind = KIND_LABELS[actor.kind][:-1] if actor.kind != "person" else "Person"
    lines = [f"**{kind}** · {len(actor.entries)} briefing{'s' if len(actor.entries) != 1 else ''}"]
    if actor.aliases:
        lines.append(f"Also called: {', '.join(escape_markdown(a) for a in sorted(actor.aliases))}")
    sections = ["  \n".join(lines)]
    if actor.roles:
        roles = [f"{escape_markdown(role)} ({count})" for role, count in actor.roles.most_common()]
        sections += ["## Roles", bullet_list(roles, "")]
    sections += ["## Briefings", bullet_list([briefing_line(e, "../briefings/") for e in actor.entries], "None yet.")]
    if actor.quotes:
        quotes = [f"> \u201c{escape_markdown(q.text)}\u201d  \n> — {link(e.briefing.title, f'../briefings/{e.slug}.md')}, {day(e.briefing.date)}" for q, e in actor.quotes]
        sections += ["## Quotes", "\n\n".join(quotes)]
    if actor.timeline:
        sections += ["## Timeline", timeline_lines(actor.timeline, "../briefings/")]
    beside = [link(index.actors[s].name, f"{s}.md") + f" ({n})" for s, n in actor.beside.most_common(MAX_BESIDE)]
    if beside:
        sections += ["## Often beside", ", ".join(beside)]
    return page(actor.name, "\n\n".join(sections), description=f"{actor.name} in the briefings")


def topic_page(topic_id: str, index: SiteIndex) -> str:
    topic = index.taxonomy.topics.get(topic_id)
    label = index.taxonomy.label(topic_id)
    entries = index.topics.get(topic_id, [])
    sections = []
    if topic and topic.parent:
        sections.append(f"Part of {link(index.taxonomy.label(topic.parent), f'{topic.parent}.md')}.")
    children = index.taxonomy.children(topic_id)
    if children:
        sections.append("Subtopics: " + ", ".join(link(c.label, f"{c.id}.md") for c in children))
    sections += ["## Briefings", bullet_list([briefing_line(e, "../briefings/") for e in entries], "No briefings on this topic yet.")]
    counts: dict[str, int] = {}
    for entry in entries:
        for slug in entry.actor_slugs:
            counts[slug] = counts.get(slug, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_BESIDE]
    if top:
        sections += ["## Most frequent actors", ", ".join(link(index.actors[s].name, f"../actors/{s}.md") + f" ({n})" for s, n in top)]
    return page(label, "\n\n".join(sections), description=f"Briefings on {label}")


def timeline_lines(items, prefix: str) -> str:
    return "\n".join(
        f"- **{item.date}** — {escape_markdown(item.text)} ({link(entry.briefing.title, f'{prefix}{entry.slug}.md')})"
        for item, entry in items
    )
