"""`briefkit serve`: live preview, regenerating pages when briefings change."""

from __future__ import annotations

import logging
from typing import Annotated, Optional

import typer

from .output import ConfigOption, console, failures_reported, mkdocs_log_handler

NAME = "serve"


def command(
    dev_addr: Annotated[Optional[str], typer.Option("--dev-addr", "-a", help="IP:PORT to serve on (default 127.0.0.1:8000).")] = None,
    dirty: Annotated[bool, typer.Option("--dirty/--full", help="After an edit, rebuild only the pages it changed (fast), or the whole site (search and tags stay complete).")] = True,
    config: ConfigOption = None,
) -> None:
    """Live preview: MkDocs' server, regenerating pages when a briefing or the taxonomy changes."""
    from ..project import Project
    from ..site.build import route_mkdocs_logs
    from ..site.serve import serve_site

    route_mkdocs_logs(mkdocs_log_handler(logging.INFO), logging.INFO)
    with failures_reported():
        serve_site(Project.find(config), dev_addr=dev_addr, report=console.print, dirty=dirty)
