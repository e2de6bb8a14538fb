"""The ingest cache: unchanged articles skip the model; a change of article, date or extractor does not."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefkit import cache as cache_module
from briefkit import ingest as ingest_module
from briefkit.cache import BriefingCache, article_key
from briefkit.cli import app
from briefkit.model import Actor, Briefing
from briefkit.read.text import parse_text_article

TEXT = "Harbour reopens after storm\n\nThe harbour at Dunmore reopened on Monday.\n\nMayor Ann Kelly said repairs cost two million euros.\n"


def test_put_then_get_round_trips(tmp_path):
    briefing = Briefing(title="Harbour: reopened", date=dt.date(2026, 3, 6), actors=[Actor(name="Ann Kelly", kind="person")], body="## Summary\n\nText.\n")
    cache = BriefingCache(tmp_path / "c.sqlite")
    cache.put("k", briefing)
    back = cache.get("k")
    assert back.front_matter() == briefing.front_matter() and back.body == briefing.body
    assert cache.get("other") is None


def test_the_key_follows_the_article_and_the_default_date():
    article = parse_text_article(TEXT, "a.txt")
    changed = parse_text_article(TEXT.replace("Monday", "Tuesday"), "a.txt")
    day = dt.date(2026, 3, 6)
    assert article_key(article, day) == article_key(parse_text_article(TEXT, "a.txt"), day)
    assert article_key(article, day) != article_key(changed, day)
    assert article_key(article, day) != article_key(article, dt.date(2026, 3, 7))


def test_another_extractor_empties_the_cache(tmp_path, monkeypatch):
    path = tmp_path / "c.sqlite"
    cache = BriefingCache(path)
    cache.put("k", Briefing(title="T", date=None))
    cache.close()
    monkeypatch.setattr(cache_module, "extractor_fingerprint", lambda: "a new extractor")
    assert BriefingCache(path).get("k") is None


def test_a_second_ingest_does_not_run_the_model(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", "a.txt", "--date", "2026-03-06", "--jobs", "1"])
    assert first.exit_code == 0 and "1 written" in first.output

    real, briefed = ingest_module.brief_all, []

    def spy(articles, **kwargs):
        briefed.append(len(articles))
        return real(articles, **kwargs)

    monkeypatch.setattr(ingest_module, "brief_all", spy)
    second = runner.invoke(app, ["ingest", "a.txt", "--date", "2026-03-06", "--jobs", "1"])
    assert second.exit_code == 0 and "1 unchanged" in second.output
    assert briefed == [0]  # nothing went to the model
    (tmp_path / "a.txt").write_text(TEXT.replace("Monday", "Tuesday"), "utf-8")
    third = runner.invoke(app, ["ingest", "a.txt", "--date", "2026-03-06", "--jobs", "1"])
    assert third.exit_code == 0 and "1 updated" in third.output
    assert briefed == [0, 1]  # the changed article did


OTHER = "School opens in Eastfield\n\nA new school opened in Eastfield on Tuesday.\n\nHead teacher Tom Grant said 300 pupils will start in September.\n"


def _ingest(runner, *args):
    result = runner.invoke(app, ["ingest", *args, "--date", "2026-03-06", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def ingested(tmp_path, monkeypatch) -> tuple[CliRunner, Path]:
    """A project in tmp_path (the working directory) whose article `a.txt` was ingested once."""
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, "utf-8")
    runner = CliRunner()
    _ingest(runner, "a.txt")
    return runner, article


def test_an_unchanged_archive_is_not_read_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "b.txt").write_text(OTHER, "utf-8")
    (tmp_path / "c.txt").write_text(TEXT, "utf-8")  # a duplicate of a.txt
    runner = CliRunner()
    first = _ingest(runner, "a.txt", "b.txt", "c.txt")
    assert "2 written" in first and "1 skipped" in first

    def no_reading(path):
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(ingest_module, "read_briefing", no_reading)
    second = _ingest(runner, "a.txt", "b.txt", "c.txt")
    assert "2 unchanged" in second and "1 skipped" in second
    assert "duplicate of a.txt" in second  # the same reason as the first time


def test_an_edit_is_still_seen_and_another_folder_is_another_archive(tmp_path, ingested):
    runner, _ = ingested
    briefing = next((tmp_path / "briefings").glob("*.md"))
    briefing.write_text(briefing.read_text("utf-8").replace("## Summary", "## Summary\n\nA note by an editor."), "utf-8")
    assert "1 kept" in _ingest(runner, "a.txt")
    assert "1 written" in _ingest(runner, "a.txt", "--out", "elsewhere")


def _refuse_reading(monkeypatch):
    def no_reading(path, **kwargs):
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(ingest_module, "read_articles", no_reading)


def test_an_unchanged_article_file_is_not_read_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "c.txt").write_text(TEXT, "utf-8")  # a duplicate of a.txt
    runner = CliRunner()
    _ingest(runner, "a.txt", "c.txt")
    with monkeypatch.context() as patched:
        _refuse_reading(patched)
        second = _ingest(runner, "a.txt", "c.txt")
    assert "1 unchanged" in second and "1 skipped" in second and "duplicate of a.txt" in second


def test_a_rewritten_file_of_the_same_size_is_read_again(tmp_path, ingested):
    runner, article = ingested
    stat = article.stat()
    article.write_text(TEXT.replace("Monday", "Friday"), "utf-8")  # as many bytes
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "1 updated" in _ingest(runner, "a.txt")
    briefing = next((tmp_path / "briefings").glob("*.md")).read_text("utf-8")
    assert "Friday" in briefing


def test_another_default_date_reads_the_file_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT.replace("on Monday", "on 2 March 2026"), "utf-8")
    runner = CliRunner()
    _ingest(runner, "a.txt")
    read = []
    real = ingest_module.read_articles
    monkeypatch.setattr(ingest_module, "read_articles", lambda path, **kwargs: read.append(path) or real(path, **kwargs))
    _ingest(runner, "a.txt")
    assert read == []
    runner.invoke(app, ["ingest", "a.txt", "--date", "2026-03-09", "--jobs", "1"])
    assert read == [Path("a.txt")]


def test_a_file_that_failed_is_read_and_reported_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("", "utf-8")
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["ingest", "empty.txt", "--date", "2026-03-06", "--jobs", "1"])
        assert result.exit_code == 1 and "empty.txt" in result.output and "1 failed" in result.output


def test_a_new_title_updates_the_briefing_in_place(tmp_path, ingested):
    runner, article = ingested
    (first,) = (tmp_path / "briefings").glob("*.md")
    article.write_text(TEXT.replace("Harbour reopens after storm", "Dunmore harbour reopens after the storm"), "utf-8")
    assert "1 updated" in _ingest(runner, "a.txt")
    assert list((tmp_path / "briefings").glob("*.md")) == [first]  # the same file: its URL stays
    assert "Dunmore harbour reopens after the storm" in first.read_text("utf-8")
