"""Run a memory-hungry step in a forked child process, so that the memory it used goes back to the
system when it ends: a build's MkDocs step holds every page at once, and Pagefind, which runs
next, needs about as much again on a large site (bench/results.md)."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from typing import TypeVar

from ..errors import BriefingProblem, BriefkitError

T = TypeVar("T")


class ChildCrashed(RuntimeError):
    """An unexpected error in the child, with the child's traceback as its message."""


def run_forked(function: Callable[..., T], *args) -> T:
    """`function(*args)`, run in a forked child where the platform can fork (else in this process).
    Its result comes back by pickle; so do briefkit's own errors, with their problems."""
    if not hasattr(os, "fork"):
        return function(*args)
    return Forked(function, *args).result()


class Forked:
    """`function(*args)` started in a forked child; `result()` waits for it. The child's briefkit
    errors and MkDocs' own (strict mode's warnings) come back as such; any other error as
    `ChildCrashed`, with the child's traceback."""

    def __init__(self, function: Callable, *args) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        # not a daemon: a build's child forks the processes that render the site (shards.py)
        self._child = context.Process(target=_child, args=(sender, function, args))
        self._child.start()
        sender.close()

    def result(self):
        try:
            status, payload = self._receiver.recv()
        except EOFError:
            self._child.join()
            raise ChildCrashed(f"the build process ended without a result (exit status {self._child.exitcode})") from None
        finally:
            self._receiver.close()
        self._child.join()
        if status == "ok":
            return payload
        if status == "problems":
            from .build import CheckFailed

            raise CheckFailed([BriefingProblem(path, message, line=line, key=key) for path, message, line, key in payload])
        if status == "error":
            raise BriefkitError(payload)
        if status == "mkdocs":
            from mkdocs.exceptions import Abort

            raise Abort(payload)
        raise ChildCrashed(payload)


def _child(sender, function: Callable, args: tuple) -> None:
    from mkdocs.exceptions import MkDocsException

    from .build import CheckFailed

    try:
        result = ("ok", function(*args))
    except CheckFailed as failed:
        result = ("problems", [(p.path, p.message, p.line, p.key) for p in failed.problems])
    except BriefkitError as error:
        result = ("error", str(error))
    except MkDocsException as error:
        result = ("mkdocs", str(error))
    except BaseException:  # noqa: BLE001 - sent to the parent, which raises it with this traceback
        result = ("crash", traceback.format_exc())
    sender.send(result)
    sender.close()
