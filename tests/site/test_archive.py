"""An actor's or topic's briefings and dated events: on its page while few, else by year on pages of
their own that together list every one."""

from __future__ import annotations

import datetime as dt

from briefkit.model import Actor, Briefing, TimelineEntry
from briefkit.site import archive as archive_module
from briefkit.site.pages import actor_pages, topic_pages

from .helpers import build_site, split_page, to_html


def briefing(n: int, year: int | None) -> tuple[str, Briefing]:
    return f"b{n:02d}", Briefing(
        title=f"Harbour talks, round {n}",
        date=dt.date(year, 1 + n % 12, 1) if year else None,
        actors=[Actor(name="Ada Osei", kind="person")],
        topics=["labour"],
        timeline=[TimelineEntry(date=f"{year or 2020}-0{1 + n % 9}", text=f"Ada Osei opened round {n}.")],
        body="## Article\n\nTalks went on.",
    )


def listed_slugs(markdown_page: str) -> list[str]:
    """The briefings the page's "Briefings" section links (its timeline links them too)."""
    head, _, rest = markdown_page.partition("## Briefings")
    section = head[: head.index("\n---\n") + 5] + rest.split("\n## ")[0]  # front matter kept for to_html
    return [href.rstrip("/").rsplit("/", 1)[-1] for _, href in to_html(section).links if "/briefings/" in href]


def test_few_briefings_stay_on_the_page(monkeypatch):
    site = build_site(*(briefing(n, 2023) for n in range(3)))
    pages = actor_pages(site.index.actors["ada-osei"], site)
    assert list(pages) == ["actors/ada-osei.md"]
    assert sorted(listed_slugs(pages["actors/ada-osei.md"])) == ["b00", "b01", "b02"]


def test_many_briefings_are_split_by_year_and_every_one_is_listed_once(monkeypatch):
    monkeypatch.setattr(archive_module, "PAGE_BRIEFINGS", 4)
    monkeypatch.setattr(archive_module, "NEWEST", 2)
    briefings = [briefing(n, 2021 + n % 3) for n in range(9)] + [briefing(9, None)]
    site = build_site(*briefings)
    for pages, main in ((actor_pages(site.index.actors["ada-osei"], site), "actors/ada-osei.md"), (topic_pages("labour", site), "topics/labour.md")):
        folder = main[:-3]
        # the undated briefing's event is of 2020: a year of events alone
        assert sorted(pages) == sorted([main, *(f"{folder}/{year}.md" for year in ("2020", "2021", "2022", "2023", "undated"))])
        assert len(listed_slugs(pages[main])) == 2  # the newest, then links to the years
        years = [href.removeprefix("../../") for _, href in to_html(pages[main]).links if href.removeprefix("../../").startswith(folder)]
        assert years == [f"{folder}/{year}/" for year in ("2023", "2022", "2021", "2020", "undated")]  # newest first
        on_year_pages = [slug for name, text in pages.items() if name != main for slug in listed_slugs(text)]
        assert sorted(on_year_pages) == sorted(slug for slug, _ in briefings)
        meta, body = split_page(pages[f"{folder}/2022.md"])
        assert meta["title"].endswith(": 2022") and meta["search"] == {"exclude": True}
        assert "Ada Osei opened round 1." in body and "## Timeline" in body
