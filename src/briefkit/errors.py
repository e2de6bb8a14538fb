"""Errors the user can fix: caught by the CLI and printed as one line, without a traceback."""

from __future__ import annotations

from pathlib import Path


class BriefkitError(Exception):
    """A problem with the user's input or configuration, reported as one line."""


class ArticleError(BriefkitError):
    """An article file that cannot become a briefing."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # worker processes send these back: pickle the arguments, not the message
        return type(self), (self.path, self.reason)


class BriefingProblem(BriefkitError):
    """One problem in a briefing file, located as `path:line: key: message`."""

    def __init__(self, path: Path | str, message: str, *, line: int | None = None, key: str | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.key = key
        self.message = message
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")

    def __reduce__(self):  # an exception pickles its message alone by default (processes send these)
        return _briefing_problem, (self.path, self.message, self.line, self.key)


def _briefing_problem(path: str, message: str, line: int | None, key: str | None) -> BriefingProblem:
    return BriefingProblem(path, message, line=line, key=key)


class CheckFailed(BriefkitError):
    """Briefings that do not pass the check, with every problem found."""

    def __init__(self, problems: list[BriefingProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the briefings")

    def __reduce__(self):
        return type(self), (self.problems,)
