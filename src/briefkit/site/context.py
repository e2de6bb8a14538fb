"""`Site`: what every page writer reads — the index, the settings, URLs, related briefings — and the
links between generated pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from .html import Urls, a, escape
from .index import ActorPage, Entry, SiteIndex
from .related import Related
from .settings import SiteSettings


@dataclass
class Site:
    index: SiteIndex
    settings: SiteSettings = field(default_factory=SiteSettings)
    urls: Urls = field(init=False)
    related: Related = field(init=False)

    def __post_init__(self) -> None:
        self.urls = Urls(self.settings.directory_urls)
        self.related = Related(self.index)

    def href(self, from_src: str, to_src: str, fragment: str = "") -> str:
        return self.urls.href(from_src, to_src, fragment)

    def actor_href(self, from_src: str, actor: ActorPage) -> str:
        """The actor's page, or, for an actor without one, their newest briefing."""
        return self.href(from_src, actor.src if actor.has_page else actor.entries[0].src)

    def actor_link(self, from_src: str, slug: str, **extra) -> str:
        """A link to the actor's page. An actor without one links to their newest briefing (plain text
        on that briefing itself), with no attributes: not one of Explore's actor filters, which
        would otherwise grow with every name met once."""
        actor = self.index.actors[slug]
        if actor.has_page:
            return a(actor.name, self.href(from_src, actor.src), **extra)
        if actor.entries[0].src == from_src:
            return escape(actor.name)
        return a(actor.name, self.href(from_src, actor.entries[0].src))

    def briefing_link(self, from_src: str, entry: Entry) -> str:
        return a(entry.briefing.title, self.href(from_src, entry.src))

    def topic_link(self, from_src: str, topic_id: str, **extra) -> str:
        return a(self.index.taxonomy.label(topic_id), self.href(from_src, f"topics/{topic_id}.md"), **extra)
