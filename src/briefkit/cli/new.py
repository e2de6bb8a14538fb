"""`briefkit new`: start a briefing by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import BriefkitError
from .output import ConfigOption, abort, console, parse_date

NAME = "new"


def command(
    title: Annotated[str, typer.Argument(help="The headline; the file is named after it.", show_default=False)],
    date: Annotated[Optional[str], typer.Option(help="Publication date, YYYY-MM-DD (default: today).", callback=parse_date, show_default=False)] = None,
    actor: Annotated[Optional[list[str]], typer.Option("--actor", "-a", metavar="NAME", help='An actor, repeatable: "Name" for a person, or "kind:Name" with kind person, org, place or group.', show_default=False)] = None,
    topic: Annotated[Optional[list[str]], typer.Option("--topic", "-t", metavar="ID", help="A topic id from the taxonomy, repeatable.", show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder to write into (default: the project's briefings/).", file_okay=False, show_default=False)] = None,
    config: ConfigOption = None,
) -> None:
    """Write a briefing skeleton to briefings/<slug>.md and print its path; never overwrites a file."""
    from ..new import check_topics, create, parse_actor, taxonomy_source
    from ..project import Project
    from ..taxonomy import load_taxonomy

    try:
        actors = [parse_actor(spec) for spec in actor or []]
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--actor'") from None
    try:
        project = Project.find(config)
    except BriefkitError as error:
        if out is None:  # without a project there is no briefings/ to write into
            raise abort(str(error)) from None
        project = None
    root = project.root if project else None
    try:
        taxonomy = load_taxonomy(root)
    except BriefkitError as error:
        raise abort(str(error)) from None
    try:
        check_topics(topic or [], taxonomy, taxonomy_source(root))
    except BriefkitError as error:
        raise typer.BadParameter(str(error), param_hint="'--topic'") from None
    try:
        path = create(out or project.briefings_dir, title, date=date or dt.date.today(), actors=actors, topics=topic or [])
    except BriefkitError as error:
        raise abort(str(error)) from None
    console.print(_shown(path))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
