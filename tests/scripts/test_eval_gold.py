"""Gold files: reading them, and a clear message naming the file and key when one is wrong."""

from __future__ import annotations

import json

import pytest

from eval_gold import GOLD, GoldError, load_gold, load_gold_files


def write(tmp_path, data, name="story.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    return path


def test_load_gold(tmp_path):
    path = write(tmp_path, {
        "article": "articles/x.txt",
        "published": "2019-01-18",
        "people": [{"name": "Donald Trump", "aliases": ["Trump"]}],
        "places": [{"name": "England", "also": ["organization"]}],
        "optional": ["FA Cup"],
        "timeline": [{"date": "1950/1953", "expression": "1950-53"}, {"date": "2019", "expression": "this year", "optional": True}],
        "quotes": [{"n": 1, "speaker": "Donald Trump"}, {"n": 2, "speaker": None}],
    })
    gold = load_gold(path)
    assert gold.article.name == "x.txt" and gold.subset == "sample articles"
    assert gold.published.isoformat() == "2019-01-18"
    assert [(a.kind, a.names, a.also) for a in gold.actors] == [("person", ["Donald Trump", "Trump"], ()), ("place", ["England"], ("organization",))]
    assert [(e.date, e.optional) for e in gold.timeline] == [("1950/1953", False), ("2019", True)]
    assert gold.quotes == {1: "Donald Trump", 2: None}
    assert gold.speaker_keys("Trump") == {"donald trump", "trump"}
    assert gold.speaker_keys("Nobody Known") == {"nobody known"}


def test_missing_sections_are_not_annotated(tmp_path):
    gold = load_gold(write(tmp_path, {"article": "../shared/articles/x.txt"}))
    assert gold.timeline is None and gold.quotes is None and gold.actors == []
    assert gold.subset == "real article"


@pytest.mark.parametrize(
    "data, message",
    [
        ("{not json", "not readable JSON"),
        ({"people": []}, "expected an object with an 'article' path"),
        ({"article": "a.txt", "persons": []}, "unknown key 'persons'"),
        ({"article": "a.txt", "people": {"name": "X"}}, "'people': expected a list"),
        ({"article": "a.txt", "people": ["X"]}, "'people': expected entries like"),
        ({"article": "a.txt", "places": [{"name": "X", "also": ["city"]}]}, "unknown kind 'city'"),
        ({"article": "a.txt", "published": "18 Jan 2019"}, "'published': expected YYYY-MM-DD"),
        ({"article": "a.txt", "timeline": [{"date": "2019-13", "expression": "x"}]}, "'timeline': expected"),
        ({"article": "a.txt", "timeline": [{"date": "2019-01-18"}]}, "'timeline': expected"),
        ({"article": "a.txt", "quotes": [{"n": "1", "speaker": "X"}]}, "'quotes': expected entries like"),
    ],
)
def test_bad_gold_names_file_and_key(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(GoldError) as error:
        load_gold(path)
    assert str(error.value).startswith(str(path))
    assert message in str(error.value)


def test_load_gold_files_goes_on_past_a_bad_file(tmp_path):
    write(tmp_path, {"article": "a.txt"}, "a.json")
    write(tmp_path, "[]", "b.json")
    golds, problems = load_gold_files(tmp_path)
    assert [g.name for g in golds] == ["a"]
    assert len(problems) == 1 and "b.json" in problems[0]


def test_the_project_gold_files_load():
    golds, problems = load_gold_files(GOLD)
    assert problems == []
    assert len([g for g in golds if g.subset == "BBC News gold"]) >= 20
    assert {g.subset for g in golds} == {"real article", "sample articles", "BBC News gold"}
