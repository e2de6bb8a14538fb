"""The `briefkit` command: parses arguments, calls the stages, prints through one console.

Exit status: 0 when everything worked, 1 when something the user can fix failed (each failure
printed as one line naming the file), 2 for bad usage.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import Progress

from . import __version__
from .errors import BriefkitError

app = typer.Typer(
    help="Turn news articles into Markdown briefings and a searchable static site.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)
PROGRESS_THRESHOLD = 10  # show a progress bar from this many articles

ConfigOption = Annotated[Optional[Path], typer.Option("--config", "-f", help="The project's mkdocs.yml.", dir_okay=False)]


def abort(message: str, code: int = 1) -> typer.Exit:
    errors.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from None


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders to walk for them.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write briefings into.", file_okay=False)] = Path("briefings"),
    date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.", callback=_parse_date)] = None,
    force: Annotated[bool, typer.Option(help="Overwrite briefings that a person edited.")] = False,
) -> None:
    """Turn article files into briefings: one Markdown file with front matter per article."""
    from .ingest import Outcome, ingest as run_ingest
    from .read import find_articles

    files, missing = find_articles(paths)
    for problem in missing:
        errors.print(f"[red]failed[/red] {escape(str(problem))}")
    if not files and not missing:
        errors.print("no articles found (looked for: .txt)")

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

    progress = Progress(console=console, transient=True) if len(files) >= PROGRESS_THRESHOLD and console.is_terminal else None
    try:
        if progress:
            progress.start()
            task = progress.add_task("ingesting", total=len(files))
        outcomes = run_ingest(files, out, default_date=date, force=force, report=report)
    except BriefkitError as error:
        raise abort(str(error)) from None
    finally:
        if progress:
            progress.stop()
    counts = {status: sum(o.status == status for o in outcomes) for status in ("written", "updated", "unchanged", "kept", "failed")}
    counts["failed"] += len(missing)
    console.print(", ".join(f"{n} {status}" for status, n in counts.items()))
    raise typer.Exit(1 if counts["failed"] else 0)


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Briefing files or folders (default: briefings/).", show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Validate briefings against the schema: every problem as path:line: key: message."""
    from .check import load_briefings
    from .project import Project
    from .taxonomy import load_taxonomy

    try:
        project = Project.find(config)
        briefings, problems = load_briefings(paths or [project.briefings_dir], load_taxonomy(project.root))
    except BriefkitError as error:
        raise abort(str(error)) from None
    for problem in problems:
        errors.print(escape(str(problem)))
    console.print(f"{len(briefings)} briefing(s) valid, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


@app.command()
def build(
    strict: Annotated[bool, typer.Option(help="Fail on any MkDocs warning.")] = False,
    config: ConfigOption = None,
) -> None:
    """Check the briefings, generate the site's pages into docs/, and render site/ with MkDocs."""
    from .project import Project
    from .site.build import CheckFailed, build_site, route_mkdocs_logs

    route_mkdocs_logs(RichHandler(console=errors, show_time=False, show_path=False))
    try:
        report = build_site(Project.find(config), strict=strict)
    except CheckFailed as failed:
        for problem in failed.problems:
            errors.print(escape(str(problem)))
        raise abort(str(failed)) from None
    except BriefkitError as error:
        raise abort(str(error)) from None
    g = report.generated
    console.print(f"built {report.site_dir} from {report.briefings} briefings ({g.pages} pages generated, {g.written} rewritten, {g.removed} removed)")


@app.command()
def serve(
    dev_addr: Annotated[Optional[str], typer.Option("--dev-addr", "-a", help="IP:PORT to serve on (default 127.0.0.1:8000).")] = None,
    config: ConfigOption = None,
) -> None:
    """Live preview: MkDocs' server, regenerating pages when a briefing or the taxonomy changes."""
    from .project import Project
    from .site.build import CheckFailed, route_mkdocs_logs
    from .site.serve import serve_site

    route_mkdocs_logs(RichHandler(console=errors, show_time=False, show_path=False), logging.INFO)
    try:
        serve_site(Project.find(config), dev_addr=dev_addr, report=console.print)
    except CheckFailed as failed:
        for problem in failed.problems:
            errors.print(escape(str(problem)))
        raise abort(str(failed)) from None
    except BriefkitError as error:
        raise abort(str(error)) from None


def _version(value: bool) -> None:
    if value:
        console.print(f"briefkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Turn news articles into Markdown briefings and a searchable static site."""


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
