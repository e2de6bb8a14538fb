"""The pure step over many articles: in order, batched, in worker processes, failures isolated."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefkit import pool
from briefkit.cli import app
from briefkit.errors import ArticleError
from briefkit.ingest import brief, make_briefing
from briefkit.read.text import parse_text_article
from briefkit.store import dump_briefing

STORIES = {
    "harbour.txt": "Harbour reopens after storm\n\nThe harbour at Dunmore reopened on Monday.\n\nMayor Ann Kelly said repairs cost two million euros. Work began in March.\n",
    "school.txt": "New school for Eastfield\n\nA new school opened in Eastfield on Tuesday.\n\nHead teacher Tom Grant said 300 pupils will start in September.\n",
    "bridge.txt": "Bridge vote delayed\n\nThe council in Millbrook delayed its bridge vote on Wednesday.\n\nCouncillor Mary Lane said the plans would return in June.\n",
}
PUBLISHED = dt.date(2026, 3, 6)


def articles():
    return [parse_text_article(text, name) for name, text in STORIES.items()]


def test_results_come_in_input_order_and_match_the_one_by_one_step(nlp):
    one_by_one = [dump_briefing(brief(a, default_date=PUBLISHED, nlp=nlp)) for a in articles()]
    batched = [dump_briefing(b) for b in pool.brief_all(articles(), default_date=PUBLISHED, jobs=1)]
    assert batched == one_by_one


def test_worker_processes_give_the_same_briefings(nlp, monkeypatch):
    monkeypatch.setattr(pool, "CHUNK", 1)  # one article per task, so both workers get work
    monkeypatch.setattr(pool, "MIN_PARALLEL", 1)
    in_process = [dump_briefing(b) for b in pool.brief_all(articles(), default_date=PUBLISHED, jobs=1)]
    workers = [dump_briefing(b) for b in pool.brief_all(articles(), default_date=PUBLISHED, jobs=2)]
    assert workers == in_process


def test_a_failing_article_does_not_cost_the_others(nlp, monkeypatch):
    real = pool.extract

    def extract(article, docs, *, published):
        if article.path == "school.txt":
            raise RuntimeError("boom")
        return real(article, docs, published=published)

    monkeypatch.setattr(pool, "extract", extract)
    results = list(pool.brief_all(articles(), default_date=PUBLISHED, jobs=1))
    assert [type(r).__name__ for r in results] == ["Briefing", "ArticleError", "Briefing"]
    assert results[1].path == "school.txt" and "boom" in results[1].reason


def test_make_briefing_through_concurrent_futures_matches_the_cli(tmp_path, monkeypatch):
    """The distributed recipe of the README: the same pure function mapped over files by any engine."""
    monkeypatch.chdir(tmp_path)
    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, "utf-8")
    names = sorted(STORIES)
    result = CliRunner().invoke(app, ["ingest", *names, "--out", "out", "--date", PUBLISHED.isoformat(), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    with ProcessPoolExecutor(max_workers=2) as executor:
        mapped = list(executor.map(_brief_file, names))
    written = sorted(p.read_text("utf-8") for p in Path("out").glob("*.md"))
    assert sorted(mapped) == written


def _brief_file(name: str) -> str:
    return dump_briefing(make_briefing(Path(name), default_date=PUBLISHED))


def test_brief_raises_the_article_error(nlp, monkeypatch):
    monkeypatch.setattr(pool, "extract", lambda *a, **k: (_ for _ in ()).throw(ArticleError("x.txt", "no body")))
    with pytest.raises(ArticleError, match="no body"):
        brief(articles()[0], default_date=PUBLISHED, nlp=nlp)
