"""Work run in forked child processes, for two reasons:

- a memory-hungry step (`run_forked`), so that the memory it used goes back to the system when it
  ends: a build's MkDocs step holds every page at once, and Pagefind, which runs next, needs about
  as much again on a large site (bench/results.md);
- work shared out between the cores (`in_shares`: reading the briefings, writing the pages), where
  each child starts with what this process built (an index of the site) without pickling it.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from typing import TypeVar

from .errors import BriefkitError

T = TypeVar("T")


class ChildCrashed(RuntimeError):
    """An unexpected error in the child, with the child's traceback as its message."""


def run_forked(function: Callable[..., T], *args) -> T:
    """`function(*args)`, run in a forked child where the platform can fork (else in this process).
    Its result comes back by pickle; so do briefkit's own errors, with their problems."""
    if not hasattr(os, "fork"):
        return function(*args)
    return Forked(function, *args).result()


def in_shares(function: Callable[[list], T], items: list, shares: int) -> list[T]:
    """`function` of each of `shares` shares of `items` (every `shares`-th item, from the first, the
    second...: costly items are often neighbours), the first share in this process and the others
    at the same time in forked children; the results in share order. One share where the platform
    cannot fork."""
    shares = max(1, min(shares, len(items))) if hasattr(os, "fork") else 1
    if shares == 1:
        return [function(items)]
    others = [Forked(function, items[n::shares]) for n in range(1, shares)]
    try:
        first = function(items[0::shares])
    finally:
        results = [other.result() for other in others]  # waited for even when this share fails
    return [first, *results]


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
        if status == "error":
            raise payload  # a briefkit error, pickled whole (a CheckFailed with its problems: errors.py)
        if status == "mkdocs":
            from mkdocs.exceptions import Abort

            raise Abort(payload)
        raise ChildCrashed(payload)


def _child(sender, function: Callable, args: tuple) -> None:
    from mkdocs.exceptions import MkDocsException

    try:
        result = ("ok", function(*args))
    except BriefkitError as error:
        result = ("error", error)
    except MkDocsException as error:
        result = ("mkdocs", str(error))
    except BaseException:  # noqa: BLE001 - sent to the parent, which raises it with this traceback
        result = ("crash", traceback.format_exc())
    sender.send(result)
    sender.close()
