"""`briefkit build`: check, generate the site's Markdown, render it with MkDocs."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .output import ConfigOption, console, failures_reported, mkdocs_log_handler

NAME = "build"
STEP_NAMES = {"generate": "generating", "mkdocs": "MkDocs", "pagefind": "Pagefind"}


def command(
    strict: Annotated[bool, typer.Option(help="Fail on any MkDocs warning.")] = False,
    config: ConfigOption = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Processes reading the briefings, writing and rendering the pages of a large site (default: the number of cores).", show_default=False)] = None,
) -> None:
    """Check the briefings, generate the site's pages into docs/, and render site/ with MkDocs."""
    from ..project import Project
    from ..site.build import build_site, route_mkdocs_logs

    route_mkdocs_logs(mkdocs_log_handler())
    with failures_reported():
        report = build_site(Project.find(config), strict=strict, jobs=jobs)
    g = report.generated
    steps = ", ".join(f"{STEP_NAMES.get(step, step)} {seconds:.1f} s" for step, seconds in report.seconds.items())
    console.print(f"built {report.site_dir} from {report.briefings} briefings ({g.pages} pages generated; {g.written} files rewritten, {g.removed} removed)"
                  + (f"; {steps}" if steps else ""))
