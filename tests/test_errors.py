"""Errors the user can fix cross process boundaries whole: ingest's workers send back the articles
they could not brief, and a build's children the problems they found."""

from __future__ import annotations

import pickle

from briefkit.errors import ArticleError, BriefingProblem, CheckFailed


def round_trip(error):
    return pickle.loads(pickle.dumps(error))


def test_an_article_error_keeps_its_file_and_reason():
    error = round_trip(ArticleError("articles/empty.txt", "no text"))
    assert (type(error), error.path, error.reason, str(error)) == (ArticleError, "articles/empty.txt", "no text", "articles/empty.txt: no text")


def test_a_briefing_problem_keeps_its_line_and_key():
    problem = round_trip(BriefingProblem("briefings/a.md", "not a date", line=4, key="date"))
    assert (problem.path, problem.message, problem.line, problem.key, str(problem)) == ("briefings/a.md", "not a date", 4, "date", "briefings/a.md:4: date: not a date")


def test_a_failed_check_keeps_every_problem():
    failed = round_trip(CheckFailed([BriefingProblem("briefings/a.md", "no title"), BriefingProblem("briefings/b.md", "bad", line=2)]))
    assert [str(p) for p in failed.problems] == ["briefings/a.md: no title", "briefings/b.md:2: bad"]
    assert str(failed) == "2 problems in the briefings"
