"""`briefkit ingest` options of the readers: `--format`, `--max-size`, many articles per file, skipped
duplicates, and output lines that a hostile file name cannot break."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefkit.cli import app
from briefkit.cli.ingest import parse_size, shown
from briefkit.store import read_briefing

runner = CliRunner()
BODY = ("The ferry between Oban and Inchmara resumed on Monday after a two-week suspension, the operator said. "
        "Island councillor Moira Tait said residents were relieved after a difficult fortnight without a service.")
OTHER = ("The public library in Velden reopened on Wednesday after an eighteen-month renovation costing 4 million euros. "
         "Head librarian Joost Amsel said the building now had space for twice as many readers and a new cafe.")


def invoke(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("value, size", [("5MB", 5 * 1024**2), ("500KB", 500 * 1024), ("1048576", 1048576), ("1.5m", 1572864), ("2 GiB", 2 * 1024**3)])
def test_parse_size(value, size):
    assert parse_size(value) == size


def test_shown_escapes_control_characters_and_markup():
    assert shown("a\nb\x1b[31m[red]c\u202e") == "a\\nb\\x1b[31m\\[red]c\\u202e"


def test_format_option(tmp_path, nlp):
    article = tmp_path / "ferry.html"  # called .html, but plain text
    article.write_text(f"Ferry service resumes\n\nPublished 12 June 2023\n\n{BODY}\n", "utf-8")
    result = invoke("ingest", str(article), "--format", "txt", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    [briefing] = (tmp_path / "out").iterdir()
    assert read_briefing(briefing).title == "Ferry service resumes"


@pytest.mark.parametrize("args, message", [(["--format", "pdf"], "--format"), (["--max-size", "lots"], "--max-size"), (["--max-size", "0"], "--max-size")])
def test_bad_options_exit_2(tmp_path, args, message):
    article = tmp_path / "a.txt"
    article.write_text(f"Title\n\n{BODY}\n", "utf-8")
    result = invoke("ingest", str(article), *args, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_max_size_option(tmp_path, nlp):
    article = tmp_path / "a.txt"
    article.write_text(f"Ferry service resumes\n\n{BODY}\n", "utf-8")
    result = invoke("ingest", str(article), "--max-size", "100", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"failed {article}: over the size limit ({article.stat().st_size:,} bytes, the limit is 100")
    assert invoke("ingest", str(article), "--max-size", "1KB", "--out", str(tmp_path / "out")).exit_code == 0


def test_many_articles_and_duplicates(tmp_path, nlp):
    feed = tmp_path / "api.json"
    feed.write_text(json.dumps([{"title": "Ferry service resumes", "body": BODY, "publishedAt": "2023-06-12"},
                                {"title": "Velden library reopens", "body": OTHER, "publishedAt": "2023-06-14"},
                                {"title": "Ferry service resumes", "body": BODY},
                                {"body": OTHER}]), "utf-8")
    result = invoke("ingest", str(feed), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("written ") and lines[1].startswith("written ")
    assert lines[2] == f"skipped {feed}#3: duplicate of {feed}#1 (the same text), which was kept"
    assert lines[-1] == "2 written, 0 updated, 0 unchanged, 0 kept, 1 skipped, 1 failed"
    assert result.stderr.strip() == f"failed {feed}#4: no title"
    sources = sorted(read_briefing(p).source.file for p in (tmp_path / "out").iterdir())
    assert sources == [f"{feed}#1", f"{feed}#2"]


def test_a_hostile_file_name_cannot_forge_output_lines(tmp_path):
    evil = tmp_path / "evil\nwritten forged.md\x1b[2J.txt"
    evil.write_text("", "utf-8")
    result = invoke("ingest", str(evil), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("failed ") and line.endswith("evil\\nwritten forged.md\\x1b[2J.txt: empty")
    assert not any(line.startswith("written") for line in result.stdout.splitlines())
