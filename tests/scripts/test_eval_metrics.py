"""The measures of scripts/eval.py, on names, quotes and dates written here."""

from __future__ import annotations

import pytest

from eval_metrics import (Entity, Score, comparable_value, date_ends, expression_overlaps, find_quotes, match_actors,
                          name_key, quote_overlap, score_actors, score_names)


@pytest.mark.parametrize(
    "name, key",
    [
        ("Kim Yong Chol\u2019s", "kim yong chol"),
        ("Reuters'", "reuters"),
        ("U.S.", "us"),
        ("Moon Jae-In", "moon jae in"),
        ("The White House", "white house"),
        ("  Sarah   Sanders ", "sarah sanders"),
        ("The", "the"),  # a lone `the` stays: there is nothing else to keep
        ("Macy's", "macy"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_score_precision_recall_f1():
    score = Score(tp=3, fp=1, found=3, fn=3)
    assert score.precision == 0.75
    assert score.recall == 0.5
    assert score.f1 == pytest.approx(0.6)
    assert Score().precision is None and Score().f1 is None
    assert Score(tp=0, fp=2, found=0, fn=1).f1 == 0.0


def person(*names, kind="person", also=()):
    return Entity(kind, list(names), also=also)


def test_an_alias_matches_and_each_gold_actor_is_found_once():
    gold = [person("Donald Trump", "Trump", "Donald J Trump"), person("Sarah Sanders", "Sanders")]
    predicted = [person("Donald Trump", "President Donald J Trump"), person("Sanders"), person("Trump")]
    match = match_actors(predicted, gold)
    score = score_actors(match, "person")
    assert (score.tp, score.fp, score.found, score.fn) == (2, 1, 2, 0)
    assert [p.name for p in match.false_positives] == ["Trump"]  # a split actor is an error


def test_the_display_name_match_wins_over_an_alias_match():
    gold = [person("Kim Jong Un", "Kim"), person("Kim Yong Chol")]
    predicted = [person("Kim Yong Chol", "Kim"), person("Kim Jong Un")]
    match = match_actors(predicted, gold)
    assert {(p.name, g.name) for p, g in match.pairs} == {("Kim Yong Chol", "Kim Yong Chol"), ("Kim Jong Un", "Kim Jong Un")}


def test_the_same_display_name_is_paired_before_a_short_form():
    gold = [Entity("organization", ["Kelso Media Group", "Kelso"])]
    predicted = [Entity("organization", ["Kelso"]), Entity("organization", ["Kelso Media Group"])]
    match = match_actors(predicted, gold)
    assert [p.name for p, _ in match.pairs] == ["Kelso Media Group"]
    assert [p.name for p in match.false_positives] == ["Kelso"]


def test_a_wrong_kind_is_a_false_positive_and_a_miss():
    gold = [person("Sarah Sanders")]
    match = match_actors([person("Sarah Sanders", kind="organization")], gold)
    assert score_actors(match, "organization").fp == 1
    assert score_actors(match, "person").fn == 1


def test_other_accepted_kinds_optional_names_and_groups():
    gold = [Entity("place", ["England"], also=("organization",)), Entity("organization", ["Greens"], also=("group",))]
    predicted = [Entity("organization", ["England"]), Entity("group", ["Greens"]), Entity("organization", ["FA Cup"]),
                 Entity("group", ["Londoners"])]
    match = match_actors(predicted, gold, optional={"FA Cup"})
    assert len(match.pairs) == 2
    assert match.false_positives == []
    assert [p.name for p in match.ignored] == ["FA Cup", "Londoners"]
    assert score_actors(match, "place").found == 1 and score_actors(match, "organization").tp == 1


def test_score_names_counts_distinct_names_and_ignores_misc():
    gold = {"person": {"bill clinton", "clinton"}, "organization": set(), "place": {"us"}}
    predicted = [person("Bill Clinton", "Clinton"), Entity("place", ["United States", "U.S."]),
                 Entity("place", ["Oz"]), Entity("organization", ["Olympics"])]
    scored = score_names(predicted, gold, ignore={"olympics"})
    people, _, missed = scored["person"]
    assert (people.tp, people.fp, people.found, people.fn) == (1, 0, 2, 0) and missed == []
    places, wrong, _ = scored["place"]
    assert (places.tp, places.fp) == (1, 1) and [w.name for w in wrong] == ["Oz"]
    assert scored["organization"][0].fp == 0  # `Olympics` is tagged MISC


def quotes(text):
    return [text[a:b] for a, b in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u201cWe will build the bridge,\u201d she said.", ["We will build the bridge,"]),
        ('He called it "promising" and said "we still await concrete steps".', ["we still await concrete steps"]),
        # the closing mark left out before a new quoted sentence
        ('She said: "The plan is ready. "It will start in June with us."', ["The plan is ready. ", "It will start in June with us."]),
        # a quote still open at the end of the paragraph
        ('"I have prepared myself for this day, truly.', ["I have prepared myself for this day, truly."]),
        ('"Fine," he said. "Yes it is," she said.', []),
        ("He said 'we will see about that' later.", []),
    ],
)
def test_find_quotes(text, expected):
    assert quotes(text) == expected


def test_quote_overlap():
    assert quote_overlap("We will build the bridge", "we will build the bridge, he said") == 1.0
    assert quote_overlap("We will build", "nothing alike here") == 0.0
    assert quote_overlap("", "x") == 0.0


@pytest.mark.parametrize(
    "evidence, expression, expected",
    [
        ("on Friday", "Friday", True),
        ("Friday", "on Friday", True),
        ("March 22", "March 22, 2013", True),
        ("Friday", "Thursday", False),
        ("May", "May 2010", True),
        ("the end", "the end of February", True),
        ("end of", "weekend of", False),
        (None, "Friday", False),
    ],
)
def test_expression_overlaps(evidence, expression, expected):
    assert expression_overlaps(evidence, expression) is expected


@pytest.mark.parametrize(
    "value, expected",
    [("2013-03-22", "2013-03-22"), ("2013", "2013"), ("2013-03-22T10:00", "2013-03-22"), ("2013-W11", None),
     ("PRESENT_REF", None), ("XXXX-XX-XX", None), ("2013-SU", None)],
)
def test_comparable_value(value, expected):
    assert comparable_value(value) == expected


def test_date_ends():
    assert date_ends("1950/1953") == ("1950", "1953")
    assert date_ends("2019-02") == ("2019-02",)
