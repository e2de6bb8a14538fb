"""The command line, in process: exit codes, one line per problem, no tracebacks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.model import Actor, Briefing, Quote, Source, TimelineEntry
from briefkit.store import dump_briefing

runner = CliRunner()

PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<key>[A-Za-z0-9_.]+): (?P<message>.+)$")


def invoke(*args: str):
    return runner.invoke(app, list(args))


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [None, "ingest", "check", "build", "serve"])
def test_help(command):
    result = invoke(*([command] if command else []), "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    if command:
        assert command in result.stdout.split("Usage:")[1].splitlines()[0]
    else:
        for name in ("ingest", "check", "build", "serve"):
            assert name in result.stdout


def test_help_documents_the_options():
    assert "--date" in invoke("ingest", "--help").stdout and "--force" in invoke("ingest", "--help").stdout
    assert "--strict" in invoke("build", "--help").stdout
    assert "--config" in invoke("check", "--help").stdout


def test_version():
    from briefkit import __version__

    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


# --- ingest -----------------------------------------------------------------------------------

ARTICLES = {
    "ferry.txt": "Ferry service to Inchmara resumes\n\nPublished 12 June 2023\n\n"
    "The ferry between Oban and Inchmara resumed on Monday after a two-week suspension.\n\n"
    "Island councillor Moira Tait said residents were relieved. \"It has been a difficult fortnight,\" Tait said.\n",
    "library.txt": "Velden library reopens after renovation\n\nPublished 2023-06-14\n\n"
    "The public library in Velden reopened on Wednesday after an eighteen-month renovation costing 4 million euros.\n\n"
    "Head librarian Joost Amsel said the building now had space for twice as many readers.\n",
}


@pytest.fixture
def articles(tmp_path, nlp) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def test_ingest_good_articles(tmp_path, articles):
    out = tmp_path / "out"
    result = invoke("ingest", str(articles / "ferry.txt"), str(articles / "library.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    written = sorted(out.iterdir())
    assert len(written) == 2
    for line in lines[:2]:
        status, target = line.split(" ", 1)
        assert status == "written"
        assert Path(target) in written
    assert lines[2] == "2 written, 0 updated, 0 unchanged, 0 kept, 0 skipped, 0 failed"
    assert result.stderr == ""


def test_ingest_a_folder_then_again_unchanged(tmp_path, articles):
    out = tmp_path / "out"
    assert invoke("ingest", str(articles), "--out", str(out)).exit_code == 0
    again = invoke("ingest", str(articles), "--out", str(out))
    assert again.exit_code == 0
    assert again.stdout.strip().splitlines()[-1] == "0 written, 0 updated, 2 unchanged, 0 kept, 0 skipped, 0 failed"


def test_ingest_failure_exits_1_without_traceback(tmp_path, articles):
    out = tmp_path / "out"
    empty = articles / "empty.txt"
    empty.write_text("", "utf-8")
    missing = tmp_path / "nowhere.txt"
    result = invoke("ingest", str(articles / "ferry.txt"), str(empty), str(missing), str(articles / "library.txt"), "--out", str(out))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed ")]
    assert f"failed {empty}: empty" in failed
    assert any(line.startswith(f"failed {missing}: ") for line in failed)
    assert len(failed) == 2
    assert len(list(out.iterdir())) == 2  # the good ones were still written
    assert result.stdout.strip().splitlines()[-1] == "2 written, 0 updated, 0 unchanged, 0 kept, 0 skipped, 2 failed"


def test_ingest_warns_about_a_missing_date(tmp_path, nlp):
    article = tmp_path / "undated.txt"
    article.write_text("Market hall gets a new roof\n\nWorkers began replacing the roof of the Haldor market hall this week.\n", "utf-8")
    result = invoke("ingest", str(article), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert any(line.startswith(f"warning {article}:") and "--date" in line for line in result.stderr.splitlines())
    dated = invoke("ingest", str(article), "--out", str(tmp_path / "out2"), "--date", "2023-06-01")
    assert dated.exit_code == 0 and "warning" not in dated.stderr
    assert "date: 2023-06-01" in next((tmp_path / "out2").iterdir()).read_text("utf-8")


@pytest.mark.parametrize("value", ["2023-13-01", "tomorrow", "12/06/2023", ""])
def test_ingest_bad_date_exits_2(tmp_path, value):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nBody text here.\n", "utf-8")
    result = invoke("ingest", str(article), "--date", value, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "--date" in result.stderr
    assert not (tmp_path / "out").exists()


def test_ingest_without_arguments_exits_2():
    result = invoke("ingest")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_no_command_exits_2_with_usage():
    result = invoke()
    assert result.exit_code == 2
    assert "Usage:" in result.output


# --- check ------------------------------------------------------------------------------------


def good_briefing(title: str, day: int, actor: str = "Ines Varga") -> Briefing:
    briefing = Briefing(
        title=title,
        date=dt.date(2023, 6, day),
        summary=f"{title}, in short.",
        source=Source(name="Wire", file=f"articles/{day}.txt"),
        actors=[Actor(name=actor, kind="person", role="mayor"), Actor(name="Velden", kind="place")],
        topics=["politics"],
        tags=[actor],
        timeline=[TimelineEntry(date="2023-05", text=f"{actor} announced the plan.")],
        quotes=[Quote(speaker=actor, text="We did it.")],
    )
    briefing.body = f"## Summary\n\n{title}, in short.\n"
    return briefing


def write(folder: Path, name: str, briefing: Briefing) -> Path:
    path = folder / name
    path.write_text(dump_briefing(briefing), "utf-8")
    return path


BROKEN = "---\ntitle: Broken briefing\ndate: 2023-06-01\nsummary: s\nactors: 5\n---\n\nText.\n"


def test_check_good_briefings(project):
    write(project / "briefings", "one.md", good_briefing("Velden votes", 1))
    write(project / "briefings", "two.md", good_briefing("Velden builds", 2))
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "2 briefing(s) valid, 0 problem(s)" in result.stdout


def test_check_broken_briefing(project):
    write(project / "briefings", "good.md", good_briefing("Velden votes", 1))
    (project / "briefings" / "broken.md").write_text(BROKEN, "utf-8")
    result = invoke("check")
    assert result.exit_code == 1
    problems = [PROBLEM_LINE.match(line) for line in result.stderr.splitlines()]
    assert len(problems) == 1 and problems[0], result.stderr
    found = problems[0]
    assert Path(found["path"]).name == "broken.md"
    assert found["line"] == "5"
    assert found["key"] == "actors"
    assert "1 briefing(s) valid, 1 problem(s)" in result.stdout
    assert "Traceback" not in result.output


def test_check_reports_every_problem_of_the_run(project):
    bad_topic = good_briefing("Velden votes", 1)
    bad_topic.topics = ["politics", "not-a-topic"]
    write(project / "briefings", "topic.md", bad_topic)
    twice = good_briefing("Velden builds", 2)
    twice.actors.append(Actor(name="ines varga", kind="person"))
    write(project / "briefings", "twice.md", twice)
    (project / "briefings" / "broken.md").write_text(BROKEN, "utf-8")
    result = invoke("check")
    assert result.exit_code == 1
    found = {Path(m["path"]).name: m for m in map(PROBLEM_LINE.match, result.stderr.splitlines()) if m}
    assert set(found) == {"topic.md", "twice.md", "broken.md"}
    assert found["topic.md"]["key"] == "topics.1" and "not-a-topic" in found["topic.md"]["message"]
    topic_text = (project / "briefings" / "topic.md").read_text("utf-8").splitlines()
    assert topic_text[int(found["topic.md"]["line"]) - 1] == "- not-a-topic"  # the line of the item itself
    assert found["twice.md"]["key"] == "actors.2"


def test_check_impossible_date_is_one_line(project):
    (project / "briefings" / "leap.md").write_text("---\ntitle: Leap day\ndate: 2023-02-29\n---\n\nText.\n", "utf-8")
    result = invoke("check")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert any(re.match(r"^.*leap\.md:3: ", line) for line in result.stderr.splitlines()), result.stderr


def test_check_named_file(project):
    path = project / "briefings" / "broken.md"
    path.write_text(BROKEN, "utf-8")
    write(project / "briefings", "good.md", good_briefing("Velden votes", 1))
    assert invoke("check", str(project / "briefings" / "good.md")).exit_code == 0
    assert invoke("check", str(path)).exit_code == 1


def test_check_outside_a_project_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("check")
    assert result.exit_code == 1
    assert result.stderr.startswith("error:") and "mkdocs.yml" in result.stderr
    assert "Traceback" not in result.output


# --- build ------------------------------------------------------------------------------------


def test_build_strict(project):
    write(project / "briefings", "velden-votes.md", good_briefing("Velden votes", 1))
    write(project / "briefings", "velden-builds.md", good_briefing("Velden builds", 2, actor="Piet Holm"))
    result = invoke("build", "--strict")
    assert result.exit_code == 0, result.output
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "briefings" / "velden-votes" / "index.html").is_file()
    assert (project / "site" / "actors" / "velden" / "index.html").is_file()  # in both briefings
    assert not (project / "site" / "actors" / "ines-varga").exists()  # in one: listed, no page (min_actor_briefings: 2)
    assert (project / "site" / "tags" / "index.html").is_file()
    assert "from 2 briefings" in result.stdout


def test_build_with_a_bad_briefing_builds_nothing(project):
    write(project / "briefings", "velden-votes.md", good_briefing("Velden votes", 1))
    (project / "briefings" / "broken.md").write_text(BROKEN, "utf-8")
    result = invoke("build", "--strict")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    found = [m for m in map(PROBLEM_LINE.match, result.stderr.splitlines()) if m]
    assert len(found) == 1
    assert Path(found[0]["path"]).name == "broken.md" and found[0]["line"] == "5" and found[0]["key"] == "actors"
    assert "1 problem in the briefings" in result.stderr
    assert not (project / "site").exists()
    assert not (project / "docs" / "briefings").exists()


def test_build_without_a_project_is_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("build")
    assert result.exit_code == 1
    assert "mkdocs.yml" in result.stderr and "Traceback" not in result.output


def test_build_with_config_from_another_folder(project, monkeypatch):
    write(project / "briefings", "velden-votes.md", good_briefing("Velden votes", 1))
    monkeypatch.chdir(project.parent)
    result = invoke("build", "--config", str(project / "mkdocs.yml"))
    assert result.exit_code == 0, result.output
    assert (project / "site" / "index.html").is_file()
