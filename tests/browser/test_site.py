"""The built site in a real browser: search, actor pages, Explore's filters, the timeline, pictures."""

from __future__ import annotations

import re

import pytest

from .sample import ACTOR, BRIEFINGS, NAMING_ACTOR, SURNAME

LOAD = 15_000  # ms: generous for a cold Chromium on two cores


def slug_of(href: str) -> str:
    """`.../briefings/strike-ends/?h=osei#summary` -> `strike-ends`."""
    return re.split(r"[?#]", href)[0].rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("base_path", ["/", "/briefs/"])
def test_search_for_a_surname_lists_their_briefing_first(page, site, base_path):
    page.goto(site)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially(SURNAME, delay=50)
    first = page.locator(".md-search-result__item > a").first
    first.wait_for(timeout=LOAD)
    href = first.get_attribute("href")
    assert "/briefings/" in href, href
    assert slug_of(href) in NAMING_ACTOR, href  # not street-works: Osei Street is text only
    assert page.url.startswith(site)


def test_pages_screenshots(page, site, screenshot):
    for name, path in [("home", ""), ("briefing", "briefings/strike-ends/"), ("actor", "actors/ada-osei/"), ("timeline", "timeline/"), ("actors-index", "actors/")]:
        page.goto(site + path)
        page.locator("h1").first.wait_for(timeout=LOAD)
        assert screenshot(page, name).stat().st_size > 0


def test_actor_page_lists_every_briefing_that_names_them(page, site):
    page.goto(site + "actors/ada-osei/")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == ACTOR
    listed = [slug_of(a.get_attribute("href")) for a in page.locator("ul.bk-briefings a").all()]
    assert sorted(listed) == sorted(NAMING_ACTOR)
    dates = [t.inner_text() for t in page.locator("ul.bk-briefings time").all()]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_briefing_panel_links_to_actor_and_topic_pages(page, site):
    page.goto(site + "briefings/dockers-strike/")
    panel = page.locator(".bk-panel")
    panel.get_by_role("link", name=ACTOR).click()
    page.wait_for_url(re.compile(r".*/actors/ada-osei/$"), timeout=LOAD)
    page.go_back()
    page.locator(".bk-panel").get_by_role("link", name="Labour").click()
    page.wait_for_url(re.compile(r".*/topics/labour/$"), timeout=LOAD)


def test_timeline_is_in_date_order(page, site):
    page.goto(site + "timeline/")
    dates = [d.inner_text() for d in page.locator("ul.bk-timeline li > strong").all()]
    expected = sorted(item.date for b in BRIEFINGS.values() for item in b.timeline)
    assert dates == sorted(dates, key=lambda d: d.split("/")[0])
    assert sorted(dates) == expected


@pytest.mark.parametrize("path", ["timeline/", "actors/ada-osei/", "actors/", "topics/labour/"])
def test_pictures_render(page, site, path):
    page.goto(site + path)
    pictures = page.locator("figure.bk-figure svg")
    assert pictures.count() >= 1
    for svg in pictures.all():
        box = svg.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 50, (path, box)
        assert svg.locator("path").count() > 1


def explore_results(page) -> list[str]:
    """Slugs of the briefings Explore lists once its results settle."""
    page.locator(".pagefind-ui__message").wait_for(timeout=LOAD)
    page.wait_for_function("() => !document.querySelector('.pagefind-ui__search-input')?.closest('form')?.classList.contains('yes-loading')")
    page.wait_for_timeout(600)  # Pagefind UI debounces (300 ms) before it searches
    return sorted(slug_of(a.get_attribute("href")) for a in page.locator(".pagefind-ui__result-link").all())


def test_explore_narrows_by_actor_and_by_year(page, site, screenshot):
    page.goto(site + "explore/")
    page.locator(".pagefind-ui__search-input").fill("Portmere")
    everything = explore_results(page)
    assert len(everything) >= 3
    page.locator("details.pagefind-ui__filter-block", has_text="actor").locator("summary").click()
    page.locator("label", has_text=re.compile(rf"^{ACTOR}")).click()
    by_actor = explore_results(page)
    assert by_actor and set(by_actor) < set(everything)
    assert set(by_actor) <= set(NAMING_ACTOR)
    page.locator("label", has_text=re.compile(r"^2024")).click()
    by_actor_and_year = explore_results(page)
    assert by_actor_and_year == sorted(s for s in by_actor if BRIEFINGS[f"{s}.md"].date.year == 2024)
    screenshot(page, "explore")


def test_explore_deep_link_searches_and_narrows(page, site):
    page.goto(site + "explore/?q=Portmere&year=2023")
    found = explore_results(page)
    assert found == sorted(name[:-3] for name, b in BRIEFINGS.items() if b.date.year == 2023 and "Portmere" in str(b.actors))
    page.goto(site + "actors/ada-osei/")
    page.get_by_role("link", name="explore their briefings").click()
    assert explore_results(page) == sorted(NAMING_ACTOR)


def test_explore_merges_the_bundles_of_a_large_site(page, bundled_site):
    page.goto(bundled_site + "explore/")
    page.locator(".pagefind-ui__search-input").fill("Coastal")  # every briefing's source: in every bundle
    explore_results(page)
    assert page.locator(".pagefind-ui__message").inner_text().startswith(f"{len(BRIEFINGS)} results")  # five shown at first
    page.locator("details.pagefind-ui__filter-block", has_text="actor").locator("summary").click()
    label = page.locator("label", has_text=re.compile(rf"^{ACTOR}"))
    assert re.search(rf"\b{len(NAMING_ACTOR)}\b", label.inner_text()), label.inner_text()  # counts summed over bundles
    label.click()
    assert explore_results(page) == sorted(NAMING_ACTOR)
    page.locator("label", has_text=re.compile(r"^2024")).click()
    assert explore_results(page) == sorted(s for s in NAMING_ACTOR if BRIEFINGS[f"{s}.md"].date.year == 2024)
