"""The site's settings, read from MkDocs' own configuration: `site_url`, `use_directory_urls`, and
briefkit's section under `extra`:

    extra:
      briefkit:
        min_actor_briefings: 2   # a page for actors named in at least 2 briefings (default below)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BriefkitError

# Measured at 3,000 synthetic briefings (README, "Site"): with 1, a page per actor; actors named once
# are most of the actors but give a reader one briefing and a picture of one edge. 2 builds faster.
DEFAULT_MIN_ACTOR_BRIEFINGS = 2
_KEYS = {"min_actor_briefings"}


@dataclass(frozen=True)
class SiteSettings:
    min_actor_briefings: int = DEFAULT_MIN_ACTOR_BRIEFINGS
    site_url: str | None = None  # with a trailing slash; None when mkdocs.yml sets none
    directory_urls: bool = True
    site_name: str = "Briefings"

    @classmethod
    def from_mkdocs(cls, config, where: str = "mkdocs.yml") -> SiteSettings:
        section = (config.get("extra") or {}).get("briefkit") or {}
        if not isinstance(section, dict):
            raise BriefkitError(f"{where}: extra.briefkit: expected a mapping, got {type(section).__name__}")
        unknown = sorted(set(map(str, section)) - _KEYS)
        if unknown:
            raise BriefkitError(f"{where}: extra.briefkit: unknown key {unknown[0]!r} (expected one of {', '.join(sorted(_KEYS))})")
        minimum = section.get("min_actor_briefings", DEFAULT_MIN_ACTOR_BRIEFINGS)
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            raise BriefkitError(f"{where}: extra.briefkit.min_actor_briefings: expected a whole number of at least 1, got {minimum!r}")
        site_url = config.get("site_url") or None
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        return cls(minimum, site_url, bool(config.get("use_directory_urls", True)), config.get("site_name") or "Briefings")
