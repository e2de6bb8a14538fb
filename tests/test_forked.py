"""run_forked: a step run in a child process gives back its result, and its errors as briefkit's own."""

from __future__ import annotations

import os

import pytest

from briefkit.errors import BriefingProblem, BriefkitError, CheckFailed
from briefkit.forked import ChildCrashed, in_shares, run_forked


def test_the_result_comes_back_from_another_process():
    assert run_forked(lambda a, b: (a + b, os.getpid()), 2, 3)[0] == 5
    assert run_forked(os.getpid) != os.getpid()


def _problems():
    raise CheckFailed([BriefingProblem("briefings/a.md", "not a date", line=4, key="date"), BriefingProblem("briefings/b.md", "no title")])


def test_check_problems_keep_their_file_line_and_key():
    with pytest.raises(CheckFailed) as failed:
        run_forked(_problems)
    assert [str(p) for p in failed.value.problems] == ["briefings/a.md:4: date: not a date", "briefings/b.md: no title"]
    assert failed.value.problems[0].line == 4 and failed.value.problems[0].key == "date"


def _refused():
    raise BriefkitError("MkDocs: Aborted with 2 warnings in strict mode!")


def test_a_briefkit_error_keeps_its_message():
    with pytest.raises(BriefkitError, match="Aborted with 2 warnings"):
        run_forked(_refused)


def _unreadable():
    from briefkit.errors import ArticleError

    raise ArticleError("articles/empty.txt", "no text")


def test_a_briefkit_error_comes_back_as_its_own_kind():
    from briefkit.errors import ArticleError

    with pytest.raises(ArticleError) as error:
        run_forked(_unreadable)
    assert (error.value.path, error.value.reason) == ("articles/empty.txt", "no text")


def _bug():
    return {}["missing"]


def test_an_unexpected_error_keeps_the_child_traceback():
    with pytest.raises(ChildCrashed) as crashed:
        run_forked(_bug)
    assert "KeyError: 'missing'" in str(crashed.value) and "_bug" in str(crashed.value)


def test_a_child_that_dies_is_reported():
    with pytest.raises(ChildCrashed, match="exit status 3"):
        run_forked(os._exit, 3)


def _strict_mkdocs():
    from mkdocs.exceptions import Abort

    raise Abort("Aborted with 1 warning in strict mode!")


def test_mkdocs_errors_come_back_as_mkdocs_errors():
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort, match="1 warning in strict mode"):
        run_forked(_strict_mkdocs)


def _pids_and_items(items: list) -> tuple[int, list]:
    return os.getpid(), items


def test_work_in_shares_comes_back_in_share_order_from_as_many_processes():
    results = in_shares(_pids_and_items, list(range(7)), 3)
    assert [items for _, items in results] == [[0, 3, 6], [1, 4], [2, 5]]  # every third item
    assert results[0][0] == os.getpid() and len({pid for pid, _ in results}) == 3


def test_one_share_or_no_fork_is_this_process_alone(monkeypatch):
    assert in_shares(_pids_and_items, [1, 2], 1) == [(os.getpid(), [1, 2])]
    assert in_shares(_pids_and_items, [1], 4) == [(os.getpid(), [1])]  # no more shares than items
    monkeypatch.delattr("os.fork")
    assert in_shares(_pids_and_items, [1, 2, 3], 2) == [(os.getpid(), [1, 2, 3])]


def _refuse_second(items: list) -> list:
    if 2 in items:
        raise BriefkitError("share 2 refused")
    return items


def test_an_error_in_a_share_reaches_the_caller():
    with pytest.raises(BriefkitError, match="share 2 refused"):
        in_shares(_refuse_second, [1, 2], 2)
