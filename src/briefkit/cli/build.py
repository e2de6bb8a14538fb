"""`briefkit build`: check, generate the site's Markdown, render it with MkDocs."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import BriefkitError
from .output import ConfigOption, abort, console, mkdocs_log_handler, problem

NAME = "build"


def command(
    strict: Annotated[bool, typer.Option(help="Fail on any MkDocs warning.")] = False,
    config: ConfigOption = None,
) -> None:
    """Check the briefings, generate the site's pages into docs/, and render site/ with MkDocs."""
    from ..project import Project
    from ..site.build import CheckFailed, build_site, route_mkdocs_logs

    route_mkdocs_logs(mkdocs_log_handler())
    try:
        report = build_site(Project.find(config), strict=strict)
    except CheckFailed as failed:
        for found in failed.problems:
            problem(found)
        raise abort(str(failed)) from None
    except BriefkitError as error:
        raise abort(str(error)) from None
    g = report.generated
    console.print(f"built {report.site_dir} from {report.briefings} briefings ({g.pages} pages generated, {g.written} rewritten, {g.removed} removed)")
