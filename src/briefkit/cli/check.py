"""`briefkit check`: validate briefings, every problem as `path:line: key: message`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import BriefkitError
from .output import ConfigOption, abort, console, problem

NAME = "check"


def command(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Briefing files or folders (default: briefings/).", show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Validate briefings against the schema: every problem as path:line: key: message."""
    from ..check import load_briefings
    from ..pool import default_jobs
    from ..project import Project
    from ..taxonomy import load_taxonomy

    try:
        project = Project.find(config)
        briefings, problems = load_briefings(paths or [project.briefings_dir], load_taxonomy(project.root), jobs=default_jobs())
    except BriefkitError as error:
        raise abort(str(error)) from None
    for found in problems:
        problem(found)
    files = len({found.path for found in problems})
    console.print(f"{len(briefings)} briefing(s) valid, {len(problems)} problem(s)" + (f" in {files} file(s)" if problems else ""))
    raise typer.Exit(1 if problems else 0)
