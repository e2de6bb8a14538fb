"""Pictures drawn at build time: events per month, and who appears with whom."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from briefkit.site.svg import MAX_MONTHS, Node, cooccurrence_graph, month_counts, timeline_chart

SVG = "{http://www.w3.org/2000/svg}"


def svg_of(figure: str) -> ElementTree.Element:
    """The <svg> of a figure, parsed as XML (so the markup is well formed)."""
    assert "\n" not in figure  # a raw HTML block must not be cut by a blank line
    root = ElementTree.fromstring(re.sub(r" (data-[a-z-]+)(?=[ >])", r' \1=""', figure))  # HTML's bare attributes
    assert root.tag == "figure" and "data-search-exclude" in root.attrib
    (svg,) = root.iter(f"{SVG}svg")
    return svg


def bar_count(svg: ElementTree.Element) -> int:
    (bars,) = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "bk-bar"]
    return bars.get("d").count("z")


def test_month_counts_use_a_range_start_and_count_years_apart():
    months, year_only = month_counts(["2019-03-05", "2019-03", "2019-03-01/2019-05-01", "2019", "2018/2019", "2019-04"])
    assert months == {"2019-03": 3, "2019-04": 1} and year_only == 2


def test_chart_has_a_bar_per_month_with_events_and_says_what_it_left_out():
    figure = timeline_chart(["2020-01-10", "2020-01-20", "2020-03", "2020", "2019"], "Events")
    svg = svg_of(figure)
    assert bar_count(svg) == 2  # January and March; February is empty
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "Events"
    assert "Jan 2020 to Mar 2020" in figure and "2 dated by year only" in figure
    tallest = max(float(h) for h in re.findall(r"v-([\d.]+)", figure))
    assert 0 < tallest <= 140


def test_chart_spans_at_most_twenty_years():
    figure = timeline_chart(["1950-06", "2020-01", "2020-02"], "Events")
    assert "1 outside this span" in figure and bar_count(svg_of(figure)) == 2
    assert MAX_MONTHS == 240


def test_chart_of_a_given_year_and_too_little_to_draw():
    figure = timeline_chart(["2021-05", "2021-05"], "2021", first="2021-01", last="2021-12")
    assert "Jan 2021 to Dec 2021" in figure and bar_count(svg_of(figure)) == 1
    assert timeline_chart(["2021-05"], "one") == "" and timeline_chart(["2021", "2022"], "years only") == ""


def test_chart_colours_come_from_the_theme():
    figure = timeline_chart(["2020-01", "2020-02"], "Events")
    assert 'fill="currentColor"' in figure and "#" not in re.sub(r"&#\d+;", "", figure)  # no fixed colour


def test_graph_places_the_centre_in_the_middle_and_links_names():
    nodes = [Node("a", "Ada Osei", 5), Node("b", "Harbour Board", 3, "../b/"), Node("c", "<Portmere> & co", 1)]
    figure = cooccurrence_graph(nodes, {("a", "b"): 3, ("a", "c"): 1, ("b", "c"): 1}, "Who with whom", center="a")
    svg = svg_of(figure)
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels == ["Ada Osei", "Harbour Board", "<Portmere> & co"]
    (centre,) = [t for t in svg.iter(f"{SVG}text") if t.text == "Ada Osei"]
    assert float(centre.get("x")) == 360.0  # the middle of the 720-wide picture
    assert [a.get("href") for a in svg.iter(f"{SVG}a")] == ["../b/"]
    edges = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "bk-edge"]
    assert sum(p.get("d").count("M") for p in edges) == 3
    assert len({p.get("stroke-width") for p in edges}) == len(edges)  # heavier edges, wider lines


def test_graph_is_deterministic_and_needs_an_edge():
    nodes = [Node(str(n), f"Actor {n}", n + 1) for n in range(8)]
    edges = {(str(n), str(n + 1)): n + 1 for n in range(7)}
    assert cooccurrence_graph(nodes, edges, "x") == cooccurrence_graph(nodes, dict(reversed(edges.items())), "x")
    assert cooccurrence_graph(nodes[:1], {}, "x") == "" and cooccurrence_graph(nodes, {}, "x") == ""
