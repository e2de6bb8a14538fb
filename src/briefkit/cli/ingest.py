"""`briefkit ingest`: article files in (text, Markdown, saved pages, news-API JSON, feeds), one
briefing file per article out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import Progress

from ..cache import DEFAULT_PATH
from ..errors import BriefkitError
from ..read.formats import FORMATS
from .output import abort, console, errors, parse_date

NAME = "ingest"
PROGRESS_THRESHOLD = 10  # show a progress bar from this many files
STATUSES = ("written", "updated", "merged", "unchanged", "kept", "skipped", "failed")
DEFAULT_MAX_SIZE = "5MB"
_SIZE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def parse_size(value: str) -> int:
    """`5MB`, `500k`, `1048576` as bytes (K, M and G are powers of 1024)."""
    match = _SIZE.match(value)
    if not match or float(match["number"]) <= 0:
        raise typer.BadParameter(f"expected a size such as 5MB, 500KB or 1048576, got {value!r}")
    return int(float(match["number"]) * _UNITS[match["unit"][:1].lower()])


def shown(text: object) -> str:
    """`text` safe to print on one line: control characters (a newline or a terminal escape in a
    file name) shown as escapes, rich markup escaped."""
    return escape(_CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), str(text)))


def print_outcome(outcome, out_console) -> None:
    """One line per article: failures and warnings on stderr, the rest on `out_console`."""
    target = shown(outcome.target) if outcome.target else ""
    if outcome.failed:
        errors.print(f"[red]failed[/red] {shown(outcome.article)}: {shown(outcome.message)}")
    elif outcome.status == "kept":
        out_console.print(f"[yellow]kept[/yellow] {target}: {shown(outcome.message)}")
    elif outcome.status == "skipped":
        out_console.print(f"[yellow]skipped[/yellow] {shown(outcome.article)}: {shown(outcome.message)}")
    else:
        out_console.print(f"{outcome.status} {target}" + (f": {shown(outcome.message)}" if outcome.message else ""))
    if outcome.warning:
        errors.print(f"[yellow]warning[/yellow] {shown(outcome.article)}: {shown(outcome.warning)}")


def command(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders to walk for them.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write briefings into.", file_okay=False)] = Path("briefings"),
    date: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.", callback=parse_date)] = None,
    force: Annotated[bool, typer.Option(help="Overwrite briefings that a person edited.")] = False,
    merge: Annotated[bool, typer.Option(help="In briefings a person edited, refresh the fields and body sections nobody touched; keep the rest.")] = False,
    fmt: Annotated[Optional[str], typer.Option("--format", help=f"Read every file as this format ({'|'.join(FORMATS)}) instead of choosing by content and extension.", show_default=False)] = None,
    max_size: Annotated[str, typer.Option("--max-size", help="Fail article files larger than this (K, M, G: powers of 1024), e.g. 5MB or 500KB.", callback=parse_size)] = DEFAULT_MAX_SIZE,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for the language model (default: the number of cores).", show_default=False)] = None,
    use_cache: Annotated[bool, typer.Option("--cache/--no-cache", help=f"Skip articles already briefed by this version of the extraction (cache: {DEFAULT_PATH}).")] = True,
) -> None:
    """Turn article files into briefings: one Markdown file with front matter per article."""
    if force and merge:
        raise typer.BadParameter("use either --force or --merge", param_hint="'--merge'")
    if fmt is not None and fmt.lower() not in FORMATS:
        raise typer.BadParameter(f"expected one of {', '.join(FORMATS)}, got {fmt!r}", param_hint="'--format'")
    max_bytes = int(max_size)  # bytes, from the option's callback
    from ..cache import BriefingCache
    from ..ingest import Outcome, ingest
    from ..pool import default_jobs
    from ..read import ARTICLE_SUFFIXES, find_articles

    files, missing = find_articles(paths)
    for problem in missing:
        errors.print(f"[red]failed[/red] {shown(problem)}")
    if not files and not missing:
        errors.print(f"no articles found (looked for: {', '.join(sorted(ARTICLE_SUFFIXES))})")
    progress = Progress(console=console, transient=True) if len(files) >= PROGRESS_THRESHOLD and console.is_terminal else None
    task = progress.add_task("ingesting", total=len(files)) if progress else None

    def report(outcome: Outcome) -> None:
        print_outcome(outcome, progress.console if progress else console)

    def done(path: Path) -> None:
        if progress:
            progress.advance(task)

    cache = BriefingCache(DEFAULT_PATH) if use_cache and files else None
    try:
        if progress:
            progress.start()
        outcomes = ingest(files, out, default_date=date, force=force, merge=merge, fmt=fmt.lower() if fmt else None,
                          max_bytes=max_bytes, jobs=jobs or default_jobs(), cache=cache, report=report, done=done)
    except BriefkitError as error:
        raise abort(str(error)) from None
    finally:
        if progress:
            progress.stop()
        if cache:
            cache.close()
    counts = {status: sum(o.status == status for o in outcomes) for status in STATUSES if status != "merged" or merge}
    counts["failed"] += len(missing)
    console.print(", ".join(f"{n} {status}" for status, n in counts.items()))
    raise typer.Exit(1 if counts["failed"] else 0)
