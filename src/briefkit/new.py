"""A briefing written by hand: a skeleton with valid front matter (each key with a comment saying what
goes there) and the body's sections, written where `briefings/<slug>.md` will find it."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import yaml

from .errors import BriefkitError
from .model import Actor, ActorKind
from .store import SUFFIX, page_slug, write_new
from .taxonomy import TAXONOMY_FILE, Taxonomy
from .text import name_key, slugify

# `--actor "org:Corvane"`: the prefixes a kind may be given by (a name without one is a person)
KIND_PREFIXES: dict[str, ActorKind] = {
    "person": "person",
    "org": "organization",
    "organisation": "organization",
    "organization": "organization",
    "place": "place",
    "group": "group",
}

COMMENTS = {
    "summary": "one to three sentences, shown in lists and search results",
    "actors": "kind: person, organization, place or group; role and aliases are optional",
    "topics": "ids from the taxonomy (the site's Topics page, or topics.yml)",
    "tags": "free labels, weighted heavily by the site search",
    "timeline": "- {date: 2024-05, text: What happened}; dates are YYYY, YYYY-MM or YYYY-MM-DD",
    "quotes": "- {speaker: Name, text: What they said}",
}

BODY = """## Summary

<!-- What happened, who, when. -->

## Key points

<!-- One point per line, each starting with "- ". -->

## Analysis

<!-- Context and meaning. Link other briefings by file name: [their title](other-briefing.md) -->
"""


def parse_actor(spec: str) -> Actor:
    """`"Ada Osei"` (a person) or `"kind:Name"` (`org:Corvane`, `place:Velden`); raises `ValueError`."""
    prefix, colon, rest = spec.partition(":")
    kind = KIND_PREFIXES.get(prefix.strip().casefold()) if colon else None
    name = (rest if kind else spec).strip()
    if not name:
        raise ValueError(f"{spec!r}: no name (write \"Name\" or \"kind:Name\")")
    return Actor(name=name, kind=kind or "person")


def check_topics(topics: list[str], taxonomy: Taxonomy, source: str) -> None:
    """Raises `BriefkitError` naming the first unknown id, a close one, and where the ids come from."""
    for topic in topics:
        if topic not in taxonomy.topics:
            close = difflib.get_close_matches(topic, list(taxonomy.topics), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = "" if close else f": {', '.join(sorted(taxonomy.topics))}"
            raise BriefkitError(f"unknown topic id {topic!r}{hint}; ids come from {source}{known}")


def taxonomy_source(root: Path | None) -> str:
    override = root / TAXONOMY_FILE if root else None
    return f"the project's {TAXONOMY_FILE}" if override and override.is_file() else "briefkit's default taxonomy"


def skeleton(title: str, date: dt.date | None, actors: list[Actor], topics: list[str]) -> str:
    """The file text: each front-matter key with its comment, then the body's sections."""
    values = {
        "title": title,
        "date": date,
        "summary": "",
        "actors": [{"name": a.name, "kind": a.kind, "role": None} for a in actors],
        "topics": topics,
        "tags": [],
        "timeline": [],
        "quotes": [],
    }
    lines = []
    for key, value in values.items():
        dumped = yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=None if key == "topics" else False)
        first, *rest = dumped.rstrip("\n").split("\n")
        lines += [f"{first}  # {COMMENTS[key]}" if key in COMMENTS else first, *rest]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + BODY


def file_name(title: str) -> str:
    """`<slug>.md`, named as its page will be (a title `2024` or `Index` would be a listing page's name)."""
    return page_slug(Path(slugify(title))) + SUFFIX


def create(out_dir: Path, title: str, *, date: dt.date | None, actors: list[Actor], topics: list[str]) -> Path:
    """Write the skeleton to `out_dir/<slug>.md`; raises `BriefkitError` when that file exists."""
    title = title.strip()
    if not title or "\n" in title:
        raise BriefkitError("the title must be one non-empty line")
    seen: set[str] = set()
    for actor in actors:
        if name_key(actor.name) in seen:
            raise BriefkitError(f"actor {actor.name!r} is given twice")
        seen.add(name_key(actor.name))
    path = out_dir / file_name(title)
    try:
        write_new(path, skeleton(title, date, actors, topics))
    except FileExistsError:
        raise BriefkitError(f"{path} already exists: edit it, or choose another title") from None
    except OSError as error:
        raise BriefkitError(f"{path}: cannot write ({error.strerror or error})") from None
    return path
