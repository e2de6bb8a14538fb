"""SiteIndex: actors merged across briefings, aliases, co-occurrence, quotes, timeline and topics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefkit.model import Actor, Briefing, Quote, TimelineEntry
from briefkit.site.index import SiteIndex
from briefkit.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy()


def briefing(title: str, date: dt.date | None, actors=(), quotes=(), timeline=(), topics=()) -> Briefing:
    return Briefing(
        title=title,
        date=date,
        summary=f"About {title}.",
        actors=[a if isinstance(a, Actor) else Actor(name=a, kind="person") for a in actors],
        quotes=[Quote(speaker=s, text=t) for s, t in quotes],
        timeline=[TimelineEntry(date=d, text=t) for d, t in timeline],
        topics=list(topics),
    )


def build(*briefings: tuple[str, Briefing]) -> SiteIndex:
    return SiteIndex.build([(Path("briefings") / f"{slug}.md", b) for slug, b in briefings], TAXONOMY)


def slugs(entries) -> list[str]:
    return [e.slug for e in entries]


def page_of(index: SiteIndex, name: str):
    found = [p for p in index.actors.values() if p.name == name]
    assert len(found) == 1, f"{name!r}: {[p.name for p in index.actors.values()]}"
    return found[0]


# --- entries ----------------------------------------------------------------------------------


def test_entries_newest_first_undated_last():
    index = build(
        ("middle", briefing("Middle", dt.date(2021, 5, 1))),
        ("undated", briefing("Undated", None)),
        ("newest", briefing("Newest", dt.date(2022, 1, 1))),
        ("oldest", briefing("Oldest", dt.date(2020, 1, 1))),
    )
    assert slugs(index.entries) == ["newest", "middle", "oldest", "undated"]


def test_entry_slug_comes_from_the_file_name():
    index = SiteIndex.build([(Path("briefings/Some File_Name.md"), briefing("x", None)), (Path("briefings/index.md"), briefing("y", None))], TAXONOMY)
    assert sorted(slugs(index.entries)) == ["index-briefing", "some-file-name"]


# --- one page per actor -----------------------------------------------------------------------


def test_same_actor_in_two_briefings_is_one_page_newest_first():
    index = build(
        ("old", briefing("Old", dt.date(2020, 3, 1), actors=["Lena Marsh", "Otto Brandt"])),
        ("new", briefing("New", dt.date(2021, 3, 1), actors=["Lena Marsh"])),
        ("other", briefing("Other", dt.date(2020, 6, 1), actors=["Otto Brandt"])),
    )
    assert len(index.actors) == 2
    lena = page_of(index, "Lena Marsh")
    assert slugs(lena.entries) == ["new", "old"]
    assert slugs(page_of(index, "Otto Brandt").entries) == ["other", "old"]
    assert lena.slug == "lena-marsh"
    assert index.actors[lena.slug] is lena


def test_spellings_of_one_name_are_one_page():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=["Lena Marsh"])),
        ("b", briefing("B", dt.date(2020, 1, 2), actors=["LENA  MARSH"])),
        ("c", briefing("C", dt.date(2020, 1, 3), actors=["Lena-Marsh"])),
    )
    assert len(index.actors) == 1
    assert slugs(next(iter(index.actors.values())).entries) == ["c", "b", "a"]


def test_kinds_roles_and_aliases_are_gathered():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=[Actor(name="Northgate", kind="organization", role="insurer", aliases=["NG"])])),
        ("b", briefing("B", dt.date(2020, 1, 2), actors=[Actor(name="Northgate", kind="organization", role="insurer")])),
        ("c", briefing("C", dt.date(2020, 1, 3), actors=[Actor(name="Northgate", kind="place", aliases=["Northgate", "North Gate"])])),
    )
    page = page_of(index, "Northgate")
    assert page.kind == "organization"
    assert page.roles == {"insurer": 2}
    assert page.aliases == {"NG", "North Gate"}  # never the page's own name


def test_entry_lists_its_actor_pages_in_order_once():
    index = build(("a", briefing("A", dt.date(2020, 1, 1), actors=["Otto Brandt", "Lena Marsh"])))
    entry = index.entries[0]
    assert entry.actor_slugs == ["otto-brandt", "lena-marsh"]


def test_actor_slugs_are_unique_and_never_index():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=[Actor(name="Index", kind="organization"), "José Núñez"])),
        ("b", briefing("B", dt.date(2020, 1, 2), actors=["Jose Nunez"])),
    )
    assert "index" not in index.actors
    assert len(index.actors) == 3
    assert {s for s in index.actors if s.startswith("jose-nunez")} == {"jose-nunez", "jose-nunez-2"}


def test_actor_slugs_do_not_move_when_newer_briefings_arrive():
    old = ("a", briefing("A", dt.date(2020, 1, 1), actors=["José Núñez"]))
    before = build(old)
    after = build(old, ("b", briefing("B", dt.date(2021, 1, 1), actors=["Jose Nunez"])))
    assert page_of(after, "José Núñez").slug == page_of(before, "José Núñez").slug == "jose-nunez"
    assert page_of(after, "Jose Nunez").slug == "jose-nunez-2"


# --- aliases ----------------------------------------------------------------------------------


def trump_index() -> SiteIndex:
    return build(
        ("short", briefing("Short", dt.date(2019, 1, 10), actors=["Trump", "Mira Soto"], quotes=[("Trump", "A great deal.")])),
        ("full", briefing("Full", dt.date(2019, 2, 10), actors=[Actor(name="Donald Trump", kind="person", aliases=["Trump"])])),
    )


def test_alias_resolves_to_one_page():
    index = trump_index()
    trump = [p for p in index.actors.values() if "trump" in p.slug]
    assert len(trump) == 1
    assert slugs(trump[0].entries) == ["full", "short"]
    assert [q.text for q, _ in trump[0].quotes] == ["A great deal."]
    assert index.entries[1].actor_slugs == [trump[0].slug, "mira-soto"]


def test_alias_resolves_whichever_briefing_is_older():
    index = build(
        ("full", briefing("Full", dt.date(2019, 1, 10), actors=[Actor(name="Donald Trump", kind="person", aliases=["Trump"])])),
        ("short", briefing("Short", dt.date(2019, 2, 10), actors=["Trump"])),
    )
    assert len(index.actors) == 1
    page = next(iter(index.actors.values()))
    assert page.name == "Donald Trump" and page.aliases == {"Trump"}
    assert slugs(page.entries) == ["short", "full"]


def test_merged_page_keeps_the_full_name():
    page = next(iter(trump_index().actors.values()))
    assert "Donald Trump" in {page.name, *page.aliases}


def test_alias_shared_by_two_actors_does_not_resolve():
    index = build(
        ("leader", briefing("Leader", dt.date(2019, 1, 1), actors=[Actor(name="Kim Jong Un", kind="person", aliases=["Kim"])])),
        ("envoy", briefing("Envoy", dt.date(2019, 1, 2), actors=[Actor(name="Kim Yong Chol", kind="person", aliases=["Kim"])])),
        ("short", briefing("Short", dt.date(2019, 1, 3), actors=["Kim"], quotes=[("Kim", "No comment.")])),
    )
    assert len(index.actors) == 3
    kim = page_of(index, "Kim")
    assert slugs(kim.entries) == ["short"]
    assert [q.text for q, _ in kim.quotes] == ["No comment."]
    assert slugs(page_of(index, "Kim Jong Un").entries) == ["leader"]
    assert slugs(page_of(index, "Kim Yong Chol").entries) == ["envoy"]


def test_alias_that_is_another_actors_name_does_not_merge_them():
    index = build(
        ("film", briefing("Film", dt.date(2019, 1, 1), actors=[
            Actor(name="Denzel Washington", kind="person", aliases=["Washington"]),
            Actor(name="Washington", kind="place"),
        ])),
    )
    assert len(index.entries[0].actor_slugs) == 2
    assert len(index.actors) == 2


# --- co-occurrence ----------------------------------------------------------------------------


def test_co_occurrence_counts():
    index = build(
        ("one", briefing("One", dt.date(2020, 1, 1), actors=["Ana", "Ben", "Cy"])),
        ("two", briefing("Two", dt.date(2020, 1, 2), actors=["Ana", "Ben"])),
        ("three", briefing("Three", dt.date(2020, 1, 3), actors=["Ana", "Dee"])),
        ("four", briefing("Four", dt.date(2020, 1, 4), actors=["Ben"])),
    )
    assert page_of(index, "Ana").beside == {"ben": 2, "cy": 1, "dee": 1}
    assert page_of(index, "Ben").beside == {"ana": 2, "cy": 1}
    assert page_of(index, "Cy").beside == {"ana": 1, "ben": 1}
    assert "ana" not in page_of(index, "Ana").beside


# --- quotes -----------------------------------------------------------------------------------


def test_quotes_attributed_to_the_speakers_page():
    index = build(
        ("old", briefing("Old", dt.date(2020, 1, 1), actors=["Lena Marsh", "Otto Brandt"], quotes=[("Lena Marsh", "First."), ("Otto Brandt", "Second.")])),
        ("new", briefing("New", dt.date(2020, 2, 1), actors=[Actor(name="Lena Marsh", kind="person", aliases=["Marsh"])], quotes=[("Marsh", "Third."), (None, "Nobody."), ("Stranger", "Who?")])),
    )
    lena = page_of(index, "Lena Marsh")
    assert [(q.text, e.slug) for q, e in lena.quotes] == [("Third.", "new"), ("First.", "old")]
    assert [q.text for q, _ in page_of(index, "Otto Brandt").quotes] == ["Second."]
    everywhere = [q.text for p in index.actors.values() for q, _ in p.quotes]
    assert "Nobody." not in everywhere and "Who?" not in everywhere


def test_quote_of_an_actor_not_in_that_briefing_is_not_attributed():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=["Lena Marsh"])),
        ("b", briefing("B", dt.date(2020, 1, 2), actors=["Otto Brandt"], quotes=[("Lena Marsh", "Quoted elsewhere.")])),
    )
    assert page_of(index, "Lena Marsh").quotes == []


# --- timeline ---------------------------------------------------------------------------------


def test_timeline_sorted_by_date_ranges_by_start():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), timeline=[("2019-03-05", "Talks began."), ("1950/1953", "The war."), ("2019", "A year.")])),
        ("b", briefing("B", dt.date(2021, 1, 1), timeline=[("1951-06", "A battle."), ("2019-03", "In March."), ("1949/2001", "A long era.")])),
    )
    assert [item.date for item, _ in index.timeline] == ["1949/2001", "1950/1953", "1951-06", "2019", "2019-03", "2019-03-05"]
    assert [e.slug for item, e in index.timeline if item.date == "1951-06"] == ["b"]


def test_actor_timeline_holds_items_that_mention_the_actor():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=[Actor(name="Lena Marsh", kind="person", aliases=["Marsh"])], timeline=[
            ("2019-05", "Marsh was elected."),
            ("2018", "Lena Marsh joined the council."),
            ("2017", "Nothing about her; Marshall Street closed."),
        ])),
        ("b", briefing("B", dt.date(2020, 2, 1), actors=["Otto Brandt"], timeline=[("2016", "Lena Marsh left school.")])),
    )
    lena = page_of(index, "Lena Marsh")
    assert [item.date for item, _ in lena.timeline] == ["2018", "2019-05"]  # not b: she is no actor there
    assert page_of(index, "Otto Brandt").timeline == []


def test_an_actor_is_found_in_a_timeline_entry_in_any_case_and_script():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), actors=[Actor(name="Istanbul", kind="place"), Actor(name="Zoë Aydın", kind="person")], timeline=[
            ("2019", "ISTANBUL voted."),
            ("2018", "The İSTANBUL ferry reopened."),  # İ folds to i for a regex, to i + a dot for str.lower
            ("2017", "ZOË AYDIN resigned."),
            ("2016", "Zoe Aydin is someone else."),
        ])),
    )
    assert [item.date for item, _ in page_of(index, "Istanbul").timeline] == ["2018", "2019"]
    assert [item.date for item, _ in page_of(index, "Zoë Aydın").timeline] == ["2017"]


# --- topics -----------------------------------------------------------------------------------


def test_topics_map_to_entries_newest_first():
    index = build(
        ("a", briefing("A", dt.date(2020, 1, 1), topics=["politics", "elections"])),
        ("b", briefing("B", dt.date(2021, 1, 1), topics=["politics"])),
        ("c", briefing("C", dt.date(2019, 1, 1), topics=["made-up"])),
    )
    assert slugs(index.topics["politics"]) == ["b", "a"]
    assert slugs(index.topics["elections"]) == ["a"]
    assert slugs(index.topics["made-up"]) == ["c"]
    assert set(TAXONOMY.topics) <= set(index.topics)
    assert all(index.topics[t] == [] for t in TAXONOMY.topics if t not in ("politics", "elections"))


# --- the actors registry and the page threshold -----------------------------------------------


def test_registry_merges_spellings_into_its_canonical_page():
    from briefkit.registry import parse_registry

    registry = parse_registry("actors:\n  - name: Michael Pompeo\n    kind: person\n    aliases: [Mike Pompeo, Pompeo]\n    description: Diplomat.\n", "actors.yml")
    index = SiteIndex.build(
        [
            (Path("briefings/a.md"), briefing("A", dt.date(2019, 1, 1), actors=["Mike Pompeo"], quotes=[("Pompeo", "Talks went well.")])),
            (Path("briefings/b.md"), briefing("B", dt.date(2019, 2, 1), actors=[Actor(name="Pompeo", kind="organization")])),
            (Path("briefings/c.md"), briefing("C", dt.date(2019, 3, 1), actors=["Kim Jong Un"], timeline=[("2019-02", "Pompeo met Kim.")])),
        ],
        TAXONOMY,
        registry=registry,
    )
    page = page_of(index, "Michael Pompeo")
    assert page.slug == "michael-pompeo" and slugs(page.entries) == ["b", "a"]
    assert page.kind == "person"  # the registry's kind over a briefing's
    assert page.description == "Diplomat."
    assert {"Mike Pompeo", "Pompeo"} <= page.aliases
    assert [q.text for q, _ in page.quotes] == ["Talks went well."]
    assert page.timeline == []  # c does not name him as an actor


def test_min_actor_briefings_decides_who_gets_a_page():
    index = SiteIndex.build(
        [
            (Path("briefings/a.md"), briefing("A", dt.date(2020, 1, 1), actors=["Lena Marsh", "Once Only"])),
            (Path("briefings/b.md"), briefing("B", dt.date(2020, 2, 1), actors=["Lena Marsh"])),
        ],
        TAXONOMY,
        min_actor_briefings=2,
    )
    assert page_of(index, "Lena Marsh").has_page and not page_of(index, "Once Only").has_page
    assert [p.name for p in index.actor_pages()] == ["Lena Marsh"]
    assert len(index.actors) == 2  # still indexed: listed, and linked to their briefing


def test_a_year_is_not_a_briefing_slug():
    index = build(("2019", briefing("Year", dt.date(2019, 1, 1))), ("2019-review", briefing("Review", dt.date(2019, 1, 2))))
    assert sorted(slugs(index.entries)) == ["2019-briefing", "2019-review"]  # briefings/2019.md lists 2019


def test_an_actor_cannot_take_a_letter_page_slug():
    index = build(("a", briefing("A", dt.date(2020, 1, 1), actors=["People M", "Index"])))
    assert {p.slug for p in index.actors.values()} == {"people-m-2", "index-2"}
