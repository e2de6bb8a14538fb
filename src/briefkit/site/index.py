"""`SiteIndex`: everything the pages need, built once per build from the briefings' front matter,
in time linear in briefings + mentions."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Briefing, Quote, TimelineEntry
from ..registry import Registry
from ..taxonomy import Taxonomy
from ..text import name_key, slugify

RESERVED = {"index"}  # every generated folder has its own index.md
_YEAR = re.compile(r"^\d{4}$")  # briefings/<year>.md and timeline/<year>.md are listing pages
KIND_PAGES = {"person": "people", "organization": "organizations", "place": "places", "group": "groups"}
INITIALS = [*"abcdefghijklmnopqrstuvwxyz", "other"]
# actors/<kind>-<initial>.md list one kind's actors by initial on large sites: no actor takes those slugs
ACTOR_RESERVED = RESERVED | {f"{kind}-{initial}" for kind in KIND_PAGES.values() for initial in INITIALS}


@dataclass
class Entry:
    """A briefing as the site shows it."""

    slug: str
    briefing: Briefing
    path: Path
    actor_slugs: list[str] = field(default_factory=list)  # in the briefing's order

    @property
    def sort_key(self) -> tuple:
        return (self.briefing.date.isoformat() if self.briefing.date else "", self.slug)

    @property
    def src(self) -> str:
        return f"briefings/{self.slug}.md"


@dataclass
class ActorPage:
    slug: str
    name: str
    kinds: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    entries: list[Entry] = field(default_factory=list)
    quotes: list[tuple[Quote, Entry]] = field(default_factory=list)
    timeline: list[tuple[TimelineEntry, Entry]] = field(default_factory=list)
    beside: Counter = field(default_factory=Counter)  # slug of co-occurring actor -> briefings shared
    description: str | None = None  # from the registry
    fixed_kind: str | None = None  # the registry's kind, over what the briefings say
    has_page: bool = True  # False below the site's min_actor_briefings: listed, linked to its briefings

    @property
    def kind(self) -> str:
        return self.fixed_kind or self.kinds.most_common(1)[0][0]

    @property
    def src(self) -> str:
        return f"actors/{self.slug}.md"


@dataclass
class SiteIndex:
    entries: list[Entry]  # newest first
    actors: dict[str, ActorPage]
    topics: dict[str, list[Entry]]
    timeline: list[tuple[TimelineEntry, Entry]]  # in date order
    taxonomy: Taxonomy

    @classmethod
    def build(cls, briefings: list[tuple[Path, Briefing]], taxonomy: Taxonomy, *, registry: Registry | None = None, min_actor_briefings: int = 1) -> SiteIndex:
        taken = set(RESERVED)
        entries = [Entry(unique_slug(_page_slug(path), taken), briefing, path) for path, briefing in sorted(briefings, key=lambda pb: pb[0].name)]
        entries.sort(key=lambda e: e.sort_key, reverse=True)
        actors = _index_actors(entries, registry or Registry())
        for page in actors.values():
            page.has_page = len(page.entries) >= min_actor_briefings
        topics: dict[str, list[Entry]] = {topic_id: [] for topic_id in taxonomy.topics}
        timeline = []
        for entry in entries:
            for topic_id in dict.fromkeys(entry.briefing.topics):
                topics.setdefault(topic_id, []).append(entry)
            timeline += [(item, entry) for item in entry.briefing.timeline]
        timeline.sort(key=lambda pair: (pair[0].start, pair[1].sort_key))
        return cls(entries, actors, topics, timeline, taxonomy)

    def actor_pages(self) -> list[ActorPage]:
        return [page for page in self.actors.values() if page.has_page]


def _page_slug(path: Path) -> str:
    slug = slugify(path.stem)
    # as ingest names a briefing titled "Index"; a year is the slug of a listing page
    return f"{slug}-briefing" if slug in RESERVED or _YEAR.match(slug) else slug


def _index_actors(entries: list[Entry], registry: Registry) -> dict[str, ActorPage]:
    canonical = _alias_table(entries, registry)
    groups: dict[str, ActorPage] = {}  # resolved name key -> page, named and slugged below
    names: dict[str, Counter] = defaultdict(Counter)
    for entry in reversed(entries):  # oldest first: slug ties go to the earliest name
        keys = []
        for actor in entry.briefing.actors:
            own = name_key(actor.name)
            key = canonical.get(own, own)
            page = groups.get(key)
            if page is None:  # not setdefault: a page is three Counters, and most mentions find theirs
                page = groups[key] = ActorPage("", actor.name)
            names[key][actor.name] += 1
            page.kinds[actor.kind] += 1
            if actor.role:
                page.roles[actor.role] += 1
            page.aliases.update(actor.aliases)
            if key not in keys:
                keys.append(key)
        entry.actor_slugs = keys  # keys for now; slugs once every page is named
    taken: set[str] = set(ACTOR_RESERVED)
    pages: dict[str, ActorPage] = {}
    for key, page in groups.items():
        known = registry.resolve(key)
        if known:
            page.name, page.fixed_kind, page.description = known.name, known.kind, known.description
            page.aliases.update(known.aliases)
        else:
            page.name = max(names[key], key=lambda n: (len(n.split()) > 1, names[key][n], len(n)))
        page.aliases = {a for a in page.aliases | set(names[key]) if name_key(a) != name_key(page.name)}
        page.slug = unique_slug(slugify(page.name), taken)
        pages[page.slug] = page
    for entry in entries:
        entry.actor_slugs = [groups[key].slug for key in entry.actor_slugs]
    _link_actor_pages(entries, pages, canonical)
    return pages


def _link_actor_pages(entries: list[Entry], pages: dict[str, ActorPage], canonical: dict[str, str]) -> None:
    """Each page's briefings (newest first), co-occurring actors, quotes and timeline entries."""
    slug_of = {name_key(page.name): page.slug for page in pages.values()}  # a page's own name first
    by_alias: dict[str, set[str]] = defaultdict(set)
    for page in pages.values():
        for alias in page.aliases:
            by_alias[name_key(alias)].add(page.slug)
    slug_of |= {key: next(iter(found)) for key, found in by_alias.items() if len(found) == 1 and key not in slug_of}
    spellings: dict[str, tuple[str, ...]] = {}  # an actor's name and aliases, once it has a timeline entry
    lowered: dict[str, list[str] | None] = {}  # the same lowercased, or None when any is not ASCII
    patterns: dict[str, re.Pattern[str]] = {}  # compiled when an actor's name may be in an entry
    for entry in entries:
        for slug in entry.actor_slugs:
            page = pages[slug]
            page.entries.append(entry)
            page.beside.update(s for s in entry.actor_slugs if s != slug)
        present = set(entry.actor_slugs)
        for quote in entry.briefing.quotes:
            key = name_key(quote.speaker or "")
            if (slug := slug_of.get(key, slug_of.get(canonical.get(key, "")))) in present:
                pages[slug].quotes.append((quote, entry))
        for item in entry.briefing.timeline:
            text = item.text.lower() if item.text.isascii() else None
            for slug in entry.actor_slugs:
                if slug not in spellings:
                    spellings[slug] = tuple(sorted({pages[slug].name, *pages[slug].aliases}))
                    lowered[slug] = [s.lower() for s in spellings[slug] if s] if all(s.isascii() for s in spellings[slug]) else None
                # In ASCII, a spelling that is not even a substring cannot match; most names are in
                # no entry's text. (Beyond ASCII, case folding may change lengths: İ, ß.)
                if text is not None and lowered[slug] is not None and not any(s in text for s in lowered[slug]):
                    continue
                if slug not in patterns:
                    patterns[slug] = _spellings_pattern(spellings[slug])
                if patterns[slug].search(item.text):
                    pages[slug].timeline.append((item, entry))
    for page in pages.values():
        page.timeline.sort(key=lambda pair: (pair[0].start, pair[1].sort_key))


def _alias_table(entries: list[Entry], registry: Registry) -> dict[str, str]:
    """Alias key -> canonical key. The registry's spellings come first; then the briefings' aliases,
    each left out when two actors share it, or when it is the name of an actor of another kind
    (`Washington` the place is not an alias of Denzel Washington)."""
    table: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for actor in entry.briefing.actors:
            kinds[name_key(actor.name)].add(actor.kind)
    for entry in entries:
        for actor in entry.briefing.actors:
            for alias in actor.aliases:
                alias_key = name_key(alias)
                if kinds.get(alias_key, {actor.kind}) <= {actor.kind}:
                    table[alias_key].add(name_key(registry.canonical(actor.name)))
    resolved = {alias: next(iter(names)) for alias, names in table.items() if len(names) == 1 and alias not in names}
    for known in registry.actors:
        for spelling in known.spellings:
            resolved[name_key(spelling)] = name_key(known.name)
    return {alias: key for alias, key in resolved.items() if alias != key}


def unique_slug(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... when taken; records it as taken."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


@lru_cache(maxsize=1 << 16)  # `serve` indexes the same actors again on every edit
def _spellings_pattern(spellings: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for every spelling of an actor, whole words, any case."""
    alternatives = sorted({re.escape(s) for s in spellings if s}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)
