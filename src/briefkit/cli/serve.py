"""`briefkit serve`: live preview, regenerating pages when briefings change."""

from __future__ import annotations

import logging
from typing import Annotated, Optional

import typer

from ..errors import BriefkitError
from .output import ConfigOption, abort, console, mkdocs_log_handler, problem

NAME = "serve"


def command(
    dev_addr: Annotated[Optional[str], typer.Option("--dev-addr", "-a", help="IP:PORT to serve on (default 127.0.0.1:8000).")] = None,
    config: ConfigOption = None,
) -> None:
    """Live preview: MkDocs' server, regenerating pages when a briefing or the taxonomy changes."""
    from ..project import Project
    from ..site.build import CheckFailed, route_mkdocs_logs
    from ..site.serve import serve_site

    route_mkdocs_logs(mkdocs_log_handler(logging.INFO), logging.INFO)
    try:
        serve_site(Project.find(config), dev_addr=dev_addr, report=console.print)
    except CheckFailed as failed:
        for found in failed.problems:
            problem(found)
        raise abort(str(failed)) from None
    except BriefkitError as error:
        raise abort(str(error)) from None
