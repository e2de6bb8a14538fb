"""All of the CLI's output: one console for results, one for problems; expected failures end
through `abort` (one line, no traceback), unexpected ones keep their traceback."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

ConfigOption = Annotated[Optional[Path], typer.Option("--config", "-f", help="The project's mkdocs.yml.", dir_okay=False)]


def abort(message: str, code: int = 1) -> typer.Exit:
    """Print `message` as one error line; raise the returned exception to end with `code`."""
    errors.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def problem(line: object) -> None:
    errors.print(escape(str(line)))


def mkdocs_log_handler(level: int = logging.WARNING) -> logging.Handler:
    handler = RichHandler(console=errors, show_time=False, show_path=False)
    handler.setLevel(level)
    return handler


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """Option callback: an ISO date, or a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


@contextlib.contextmanager
def failures_reported():
    """Ends a command that checks briefings: each problem as its own line, then one error line, exit 1."""
    from ..errors import BriefkitError, CheckFailed

    try:
        yield
    except CheckFailed as failed:
        for found in failed.problems:
            problem(found)
        raise abort(str(failed)) from None
    except BriefkitError as error:
        raise abort(str(error)) from None
