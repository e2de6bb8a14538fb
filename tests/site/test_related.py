"""Related briefings: shared actors and topics, the rare ones weighing more."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit.model import Actor, Briefing
from briefkit.site.related import WINDOW, Related, related_briefings

from .helpers import build_site


def briefing(day: int, actors: list[str], topics=("politics",)) -> Briefing:
    return Briefing(title=f"Day {day}", date=dt.date(2021, 1, 1) + dt.timedelta(days=day), actors=[Actor(name=a, kind="person") for a in actors], topics=list(topics))


def related_slugs(*briefings: tuple[str, Briefing], count: int = 5) -> dict[str, list[str]]:
    site = build_site(*briefings)
    return {slug: [e.slug for e in found] for slug, found in related_briefings(site.index, count).items()}


def test_a_rare_shared_actor_outweighs_a_common_one():
    common = [(f"filler-{n}", briefing(n, ["Everyone", f"Extra {n}"])) for n in range(10)]
    found = related_slugs(
        ("focus", briefing(20, ["Everyone", "Rare Minister"])),
        ("shares-rare", briefing(30, ["Rare Minister"])),
        ("shares-common", briefing(21, ["Everyone"])),
        *common,
    )
    assert found["focus"][0] == "shares-rare"
    assert "focus" not in found["focus"]


def test_more_shared_actors_and_topics_rank_higher_then_nearer_in_date():
    found = related_slugs(
        ("a", briefing(1, ["Lena Marsh", "Otto Brandt"], ["trade"])),
        ("both", briefing(50, ["Lena Marsh", "Otto Brandt"], ["trade"])),
        ("one", briefing(2, ["Lena Marsh"], ["sport"])),
        ("near", briefing(3, ["Kai Berg"], ["trade"])),
        ("far", briefing(90, ["Kai Berg"], ["trade"])),
        ("nothing", briefing(4, ["Nobody Else"], ["sport"])),
    )
    assert found["a"][0] == "both"
    assert found["a"].index("near") < found["a"].index("far")  # same score: nearer in date first
    assert "nothing" not in found["a"]
    assert found["nothing"] == ["one"]  # the sport topic only


def test_at_most_count_and_a_bounded_window_for_common_features():
    many = [(f"b-{n:03d}", briefing(n, ["Everyone"])) for n in range(4 * WINDOW)]
    found = related_slugs(*many, count=3)
    assert all(len(v) == 3 for v in found.values())
    # all share one actor equally: the nearest in date win, from the window around each briefing
    assert found["b-020"] == ["b-019", "b-021", "b-018"]  # ties by distance in date, then by slug


def ranked_by_definition(related: Related, slug: str) -> list[str]:
    """Every candidate ordered by the whole key: the definition `Related.of` must give the head of."""
    i = related.position[slug]
    scores = related.scores(i)
    entries = related.entries
    ranked = sorted(scores, key=lambda j: (-round(scores[j], 9), abs(j - i), entries[j].slug))
    return [entries[j].slug for j in ranked[: related.count]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.sets(st.sampled_from(["Ada", "Bo", "Cy", "Di", "Ed", "Flo"]), min_size=1, max_size=3),
                          st.sets(st.sampled_from(["trade", "sport", "politics"]), min_size=1, max_size=2)), min_size=2, max_size=40),
       st.integers(1, 6))
def test_the_related_briefings_are_the_best_by_the_whole_key(rows, count):
    site = build_site(*[(f"b-{n:02d}", briefing(day, sorted(actors), sorted(topics))) for n, (day, actors, topics) in enumerate(rows)])
    related = Related(site.index, count)
    for entry in site.index.entries:
        assert [e.slug for e in related.of(entry.slug)] == ranked_by_definition(related, entry.slug)
