"""The site's settings from mkdocs.yml: extra.briefkit, site_url, use_directory_urls."""

from __future__ import annotations

import pytest

from briefkit.errors import BriefkitError
from briefkit.site.settings import DEFAULT_MIN_ACTOR_BRIEFINGS, SiteSettings


def test_defaults_and_values():
    settings = SiteSettings.from_mkdocs({"site_name": "News"})
    assert settings == SiteSettings(DEFAULT_MIN_ACTOR_BRIEFINGS, None, True, "News")
    settings = SiteSettings.from_mkdocs({"site_url": "https://example.org/briefs", "use_directory_urls": False, "extra": {"briefkit": {"min_actor_briefings": 3}}})
    assert settings.site_url == "https://example.org/briefs/" and settings.directory_urls is False and settings.min_actor_briefings == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"briefkit": {"min_actor_briefings": 0}}, "extra.briefkit.min_actor_briefings: expected a whole number of at least 1, got 0"),
        ({"briefkit": {"min_actor_briefings": "two"}}, "got 'two'"),
        ({"briefkit": {"min_actor_briefings": True}}, "got True"),
        ({"briefkit": {"min_actors": 2}}, "extra.briefkit: unknown key 'min_actors'"),
        ({"briefkit": [1]}, "extra.briefkit: expected a mapping, got list"),
    ],
)
def test_bad_values_name_the_file_and_key(extra, message):
    with pytest.raises(BriefkitError, match="^mkdocs.yml: ") as raised:
        SiteSettings.from_mkdocs({"extra": extra})
    assert message in str(raised.value)
