"""`briefkit new`: a skeleton with valid front matter and the body's sections, never over an existing file."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.errors import BriefkitError
from briefkit.model import Actor
from briefkit.new import check_topics, create, file_name, parse_actor, skeleton
from briefkit.store import parse_text, read_briefing
from briefkit.taxonomy import load_taxonomy

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args))


def said(result) -> str:
    """stderr as one line of words: a usage error comes in a box that wraps long lines."""
    return " ".join(word for word in result.stderr.split() if not set(word) <= set("│╭╮╰╯─") and word != "Error")


@pytest.mark.parametrize(
    "spec, name, kind",
    [
        ("Ada Osei", "Ada Osei", "person"),
        ("person:Ada Osei", "Ada Osei", "person"),
        ("org:Port of Velden", "Port of Velden", "organization"),
        ("Organisation: Port of Velden", "Port of Velden", "organization"),
        ("organization:Corvane", "Corvane", "organization"),
        ("place:Velden", "Velden", "place"),
        ("group: Greens", "Greens", "group"),
        ("Ministers: the cabinet", "Ministers: the cabinet", "person"),  # not a kind: the colon is part of the name
        ("  Ada  ", "Ada", "person"),
    ],
)
def test_parse_actor(spec, name, kind):
    assert parse_actor(spec) == Actor(name=name, kind=kind)


@pytest.mark.parametrize("spec", ["", "  ", "org:", "place:  "])
def test_parse_actor_without_a_name(spec):
    with pytest.raises(ValueError):
        parse_actor(spec)


def test_skeleton_is_a_valid_briefing_with_the_body_sections():
    text = skeleton("Harbour reopens", dt.date(2024, 5, 6), [Actor(name="Ada Osei", kind="person"), Actor(name="Velden", kind="place")], ["labour"])
    parsed = parse_text(text, "b.md")
    assert parsed.problems == []
    briefing = parsed.briefing
    assert (briefing.title, briefing.date, briefing.topics) == ("Harbour reopens", dt.date(2024, 5, 6), ["labour"])
    assert [(a.name, a.kind) for a in briefing.actors] == [("Ada Osei", "person"), ("Velden", "place")]
    assert briefing.briefkit is None  # hand-written
    headings = [line for line in briefing.body.splitlines() if line.startswith("## ")]
    assert headings == ["## Summary", "## Key points", "## Analysis"]
    front = text.split("\n---\n", 1)[0]
    for key in ("summary", "actors", "topics", "timeline", "quotes"):
        assert any(line.startswith(f"{key}:") and "  # " in line for line in front.splitlines()), key


@settings(max_examples=150, deadline=None)
@given(title=st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80).filter(lambda t: t.strip()))
def test_skeleton_round_trips_any_title(title):
    parsed = parse_text(skeleton(title.strip(), None, [Actor(name=title.strip(), kind="group")], []), "b.md")
    assert parsed.problems == []
    assert parsed.briefing.title == title.strip()
    assert parsed.briefing.actors[0].name == title.strip()


@pytest.mark.parametrize("title", ['Ministers: "No deal" --- #1', "yes", "null", "1e3", "Zoë's café — 東京", "- a list?", "[x]", "{y}", "*bold*", "'quoted'"])
def test_tricky_titles(tmp_path, title):
    path = create(tmp_path, title, date=dt.date(2024, 1, 1), actors=[], topics=[])
    assert read_briefing(path).title == title


def test_file_name():
    assert file_name("Harbour reopens: 'at last'") == "harbour-reopens-at-last.md"
    assert file_name("Index") == "index-briefing.md"
    assert file_name("!!!") == "untitled.md"
    assert file_name("2024") == "2024-briefing.md"


def test_create_never_overwrites(tmp_path):
    path = create(tmp_path, "Harbour reopens", date=None, actors=[], topics=[])
    path.write_text(path.read_text("utf-8") + "\nA person's words.\n", "utf-8")
    before = path.read_bytes()
    with pytest.raises(BriefkitError, match="already exists"):
        create(tmp_path, "Harbour reopens", date=None, actors=[], topics=[])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


@pytest.mark.parametrize("title", ["", "  ", "two\nlines"])
def test_create_refuses_a_bad_title(tmp_path, title):
    with pytest.raises(BriefkitError, match="title"):
        create(tmp_path, title, date=None, actors=[], topics=[])


def test_create_refuses_an_actor_given_twice(tmp_path):
    with pytest.raises(BriefkitError, match="twice"):
        create(tmp_path, "t", date=None, actors=[Actor(name="Ada Osei", kind="person"), Actor(name="ada osei", kind="person")], topics=[])


def test_check_topics_names_a_close_id_and_the_source():
    taxonomy = load_taxonomy()
    check_topics(["labour", "politics"], taxonomy, "x")
    with pytest.raises(BriefkitError) as caught:
        check_topics(["labour", "politic"], taxonomy, "briefkit's default taxonomy")
    assert "'politic'" in str(caught.value) and "did you mean 'politics'" in str(caught.value)
    assert "default taxonomy" in str(caught.value)
    with pytest.raises(BriefkitError) as caught:
        check_topics(["zzzzzz"], taxonomy, "topics.yml")
    assert "labour" in str(caught.value)  # no close id: every id is listed


# --- the command ------------------------------------------------------------------------------


def test_new_writes_the_skeleton_and_prints_its_path(project):
    result = invoke("new", "Ports strike ends", "--date", "2024-05-06", "--actor", "Ada Osei", "--actor", "org:Port of Velden", "--topic", "labour")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "briefings/ports-strike-ends.md"
    briefing = read_briefing(project / "briefings" / "ports-strike-ends.md")
    assert briefing.date == dt.date(2024, 5, 6)
    assert [(a.name, a.kind) for a in briefing.actors] == [("Ada Osei", "person"), ("Port of Velden", "organization")]
    assert briefing.topics == ["labour"]
    assert invoke("check").exit_code == 0


def test_new_date_defaults_to_today(project):
    assert invoke("new", "Harbour reopens").exit_code == 0
    assert read_briefing(project / "briefings" / "harbour-reopens.md").date == dt.date.today()


def test_new_refuses_to_overwrite_in_one_line(project):
    assert invoke("new", "Harbour reopens").exit_code == 0
    path = project / "briefings" / "harbour-reopens.md"
    path.write_text(path.read_text("utf-8").replace("summary: ''", "summary: Written by a person."), "utf-8")
    before = path.read_bytes()
    result = invoke("new", "Harbour reopens")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "already exists" in result.stderr and "harbour-reopens.md" in result.stderr
    assert path.read_bytes() == before


def test_new_unknown_topic_is_a_usage_error(project):
    result = invoke("new", "Harbour reopens", "--topic", "politic")
    assert result.exit_code == 2
    assert "unknown topic id 'politic' (did you mean 'politics'?); ids come from briefkit's default taxonomy" in said(result)
    assert not (project / "briefings" / "harbour-reopens.md").exists()


def test_new_uses_the_project_taxonomy(project):
    (project / "topics.yml").write_text("topics:\n  - id: harbour\n    label: Harbour\n", "utf-8")
    assert invoke("new", "Harbour reopens", "--topic", "harbour").exit_code == 0
    result = invoke("new", "Harbour closes", "--topic", "labour")
    assert result.exit_code == 2
    assert "unknown topic id 'labour' (did you mean 'harbour'?); ids come from the project's topics.yml" in said(result)


def test_new_bad_date_and_bad_actor_are_usage_errors(project):
    assert invoke("new", "t", "--date", "6 May 2024").exit_code == 2
    assert invoke("new", "t", "--actor", "org:").exit_code == 2
    assert list((project / "briefings").iterdir()) == []


def test_new_with_out_needs_no_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "Harbour reopens", "--out", "drafts", "--topic", "labour")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "drafts" / "harbour-reopens.md").is_file()
    result = invoke("new", "Harbour reopens")
    assert result.exit_code == 1 and "mkdocs.yml" in result.stderr and "Traceback" not in result.output


def test_new_briefing_builds(project):
    assert invoke("new", "Harbour reopens", "--actor", "Ada Osei", "--topic", "labour").exit_code == 0
    result = invoke("build", "--strict")
    assert result.exit_code == 0, result.output
    assert "Harbour reopens" in (project / "site" / "topics" / "labour" / "index.html").read_text("utf-8")
    assert "Harbour reopens" in (project / "site" / "briefings" / "harbour-reopens" / "index.html").read_text("utf-8")


def test_help_documents_the_actor_syntax():
    result = invoke("new", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--actor" in text and "kind:Name" in text and "--topic" in text and "--out" in text
