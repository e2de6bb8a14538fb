"""`briefkit ingest`: article files in, one briefing file each."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import Progress

from ..errors import BriefkitError
from .output import abort, console, errors

NAME = "ingest"
PROGRESS_THRESHOLD = 10  # show a progress bar from this many articles
STATUSES = ("written", "updated", "unchanged", "kept", "failed")


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


def command(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders to walk for them.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write briefings into.", file_okay=False)] = Path("briefings"),
    date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.", callback=_parse_date)] = None,
    force: Annotated[bool, typer.Option(help="Overwrite briefings that a person edited.")] = False,
) -> None:
    """Turn article files into briefings: one Markdown file with front matter per article."""
    from ..ingest import Outcome, ingest
    from ..read import ARTICLE_SUFFIXES, find_articles

    files, missing = find_articles(paths)
    for problem in missing:
        errors.print(f"[red]failed[/red] {escape(str(problem))}")
    if not files and not missing:
        errors.print(f"no articles found (looked for: {', '.join(sorted(ARTICLE_SUFFIXES))})")
    progress = Progress(console=console, transient=True) if len(files) >= PROGRESS_THRESHOLD and console.is_terminal else None
    task = progress.add_task("ingesting", total=len(files)) if progress else None

    def report(outcome: Outcome) -> None:
        out_console = progress.console if progress else console
        target = escape(str(outcome.target)) if outcome.target else ""
        if outcome.failed:
            errors.print(f"[red]failed[/red] {escape(outcome.article)}: {escape(outcome.message)}")
        elif outcome.status == "kept":
            out_console.print(f"[yellow]kept[/yellow] {target}: {escape(outcome.message)}")
        else:
            out_console.print(f"{outcome.status} {target}")
        if outcome.warning:
            errors.print(f"[yellow]warning[/yellow] {escape(outcome.article)}: {escape(outcome.warning)}")
        if progress:
            progress.advance(task)

    try:
        if progress:
            progress.start()
        outcomes = ingest(files, out, default_date=date, force=force, report=report)
    except BriefkitError as error:
        raise abort(str(error)) from None
    finally:
        if progress:
            progress.stop()
    counts = {status: sum(o.status == status for o in outcomes) for status in STATUSES}
    counts["failed"] += len(missing)
    console.print(", ".join(f"{n} {status}" for status, n in counts.items()))
    raise typer.Exit(1 if counts["failed"] else 0)
