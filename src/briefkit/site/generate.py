"""Write the site's Markdown into the docs folder: only files whose content changed, and remove
generated files whose briefing, actor or topic is gone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..store import write_atomic
from .index import SiteIndex
from .listings import actors_index, briefings_index, home_snippet, timeline_page, topics_index
from .pages import actor_page, briefing_page, topic_page

# Folders of the docs folder that briefkit owns entirely (git-ignored); `_snippets` is excluded from
# the page list in mkdocs.yml and only included into hand-written pages.
GENERATED_FOLDERS = ("briefings", "actors", "topics", "timeline", "_snippets")


@dataclass
class GenerateReport:
    pages: int
    written: int
    removed: int


def render(index: SiteIndex) -> dict[str, str]:
    """Every generated page: path relative to the docs folder -> Markdown."""
    pages = {
        "_snippets/home.md": home_snippet(index),
        "briefings/index.md": briefings_index(index),
        "actors/index.md": actors_index(index),
        "topics/index.md": topics_index(index),
        "timeline/index.md": timeline_page(index),
    }
    pages |= {f"briefings/{e.slug}.md": briefing_page(e, index) for e in index.entries}
    pages |= {f"actors/{slug}.md": actor_page(actor, index) for slug, actor in index.actors.items()}
    pages |= {f"topics/{topic_id}.md": topic_page(topic_id, index) for topic_id in index.topics}
    return pages


def generate(index: SiteIndex, docs_dir: Path) -> GenerateReport:
    pages = render(index)
    written = 0
    for relative, content in pages.items():
        target = docs_dir / relative
        if _unchanged(target, content):
            continue
        write_atomic(target, content, durable=False)  # regenerable: no need to wait for the disk
        written += 1
    removed = 0
    for folder in GENERATED_FOLDERS:
        for stale in (docs_dir / folder).glob("*.md"):
            if f"{folder}/{stale.name}" not in pages:
                stale.unlink()
                removed += 1
    return GenerateReport(pages=len(pages), written=written, removed=removed)


def _unchanged(target: Path, content: str) -> bool:
    try:
        return target.read_text("utf-8") == content
    except (OSError, UnicodeDecodeError):
        return False
