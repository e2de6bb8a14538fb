"""The topic taxonomy: the package's `data/topics.yml`, or a site's own `topics.yml` in its root."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import BriefkitError

TAXONOMY_FILE = "topics.yml"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    parent: str | None
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    topics: dict[str, Topic]

    def label(self, topic_id: str) -> str:
        topic = self.topics.get(topic_id)
        return topic.label if topic else topic_id

    def children(self, topic_id: str | None) -> list[Topic]:
        return [t for t in self.topics.values() if t.parent == topic_id]


def load_taxonomy(root: Path | None = None) -> Taxonomy:
    """The site's `topics.yml` when `root` has one, else the default shipped with briefkit."""
    override = root / TAXONOMY_FILE if root else None
    if override and override.is_file():
        return _parse(override.read_text("utf-8"), str(override))
    return _default()


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    text = resources.files("briefkit.data").joinpath(TAXONOMY_FILE).read_text("utf-8")
    return _parse(text, "briefkit/data/topics.yml")


def _parse(text: str, where: str) -> Taxonomy:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise BriefkitError(f"{where}: not valid YAML ({error.__class__.__name__})") from None
    entries = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BriefkitError(f"{where}: expected a list under 'topics'")
    topics: dict[str, Topic] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise BriefkitError(f"{where}: topic {number}: expected a mapping with an 'id'")
        if not _ID.match(entry["id"]) or entry["id"] == "index":  # ids are URLs: topics/<id>/
            raise BriefkitError(f"{where}: topic {number}: id must be made of a-z, 0-9 and '-' (and not 'index'), got {entry['id']!r}")
        keywords = entry.get("keywords") or []
        if not isinstance(keywords, list):
            raise BriefkitError(f"{where}: topic {entry['id']!r}: expected a list of keywords, got {type(keywords).__name__}")
        keywords = tuple(str(k).casefold() for k in keywords)
        topics[entry["id"]] = Topic(entry["id"], str(entry.get("label") or entry["id"]), entry.get("parent"), keywords)
    for topic in topics.values():
        if topic.parent and topic.parent not in topics:
            raise BriefkitError(f"{where}: topic {topic.id!r}: unknown parent {topic.parent!r}")
    return Taxonomy(topics)
