"""Compose a briefing: an `Article` and its `Extraction` become a `Briefing` (front matter + body)."""

from __future__ import annotations

import datetime as dt

from .extract import Extraction
from .model import Briefing, Source
from .read import Article
from .taxonomy import Taxonomy, load_taxonomy
from .text import escape_markdown

MAX_ACTOR_TAGS = 8


def compose(article: Article, extraction: Extraction, *, published: dt.date | None, taxonomy: Taxonomy | None = None) -> Briefing:
    taxonomy = taxonomy or load_taxonomy()
    important = [a for a in extraction.actors if a.kind in ("person", "organization")][:MAX_ACTOR_TAGS]
    tags = _unique([a.name for a in important] + [taxonomy.label(t) for t in extraction.topics])
    briefing = Briefing(
        title=article.title,
        date=published,
        summary=extraction.summary or article.standfirst or article.title,
        source=Source(name=article.source_name, file=article.path, url=article.url),
        actors=extraction.actors,
        topics=extraction.topics,
        tags=tags,
        timeline=extraction.timeline,
        quotes=extraction.quotes,
    )
    briefing.body = compose_body(article, extraction)
    return briefing


def compose_body(article: Article, extraction: Extraction) -> str:
    """Summary, key points, actors, timeline, quotes, then the article text, all as escaped Markdown."""
    e = escape_markdown
    sections = ["## Summary", e(extraction.summary or article.standfirst or article.title)]
    if extraction.key_points:
        sections += ["## Key points", "\n".join(f"- {e(p)}" for p in extraction.key_points)]
    if extraction.actors:
        lines = [f"- **{e(a.name)}** ({a.kind}){' — ' + e(a.role) if a.role else ''}" for a in extraction.actors]
        sections += ["## Actors", "\n".join(lines)]
    if extraction.timeline:
        sections += ["## Timeline", "\n".join(f"- **{t.date}** — {e(t.text)}" for t in extraction.timeline)]
    if extraction.quotes:
        quotes = [f"> \u201c{e(q.text)}\u201d  \n> — {e(q.speaker or 'unattributed')}" for q in extraction.quotes]
        sections += ["## Quotes", "\n\n".join(quotes)]
    sections += ["## Article", *_article_text(article)]
    return "\n\n".join(sections) + "\n"


def _article_text(article: Article) -> list[str]:
    e = escape_markdown
    out = [f"*{e(article.standfirst)}*"] if article.standfirst else []
    for block in article.blocks:
        if block.kind == "subheading":
            out.append(f"### {e(block.text)}")
        elif block.kind == "caption":
            credit = f" ({e(block.credit)})" if block.credit else ""
            out.append(f"*{e(block.text)}*{credit}")
        else:
            out.append(e(block.text))
    return out


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in items if not (i.casefold() in seen or seen.add(i.casefold()))]
