"""`briefkit deploy`: build strictly, then publish site/ on a git branch for GitHub Pages."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape

from ..errors import BriefkitError
from .output import ConfigOption, abort, console, errors, mkdocs_log_handler, problem

NAME = "deploy"


def _message(value: Optional[str]) -> Optional[str]:
    from ..deploy import check_message

    if value is not None:
        try:
            check_message(value)
        except BriefkitError as error:
            raise typer.BadParameter(str(error)) from None
    return value


def command(
    remote: Annotated[Optional[str], typer.Option(metavar="NAME", help="Git remote to push to (default: mkdocs.yml's remote_name, origin).", show_default=False)] = None,
    branch: Annotated[Optional[str], typer.Option(metavar="BRANCH", help="Branch to publish on (default: mkdocs.yml's remote_branch, gh-pages).", show_default=False)] = None,
    message: Annotated[Optional[str], typer.Option("--message", "-m", metavar="MSG", help="Commit message; {sha} and {version} are filled in.", callback=_message, show_default=False)] = None,
    force: Annotated[bool, typer.Option(help="Deploy even with uncommitted changes under briefings/.")] = False,
    ignore_version: Annotated[bool, typer.Option(help="Deploy even if the last deploy used a newer MkDocs.")] = False,
    config: ConfigOption = None,
) -> None:
    """Build the site with --strict, then publish it on the gh-pages branch with MkDocs' gh-deploy."""
    from ..deploy import deploy_site
    from ..project import Project
    from ..errors import CheckFailed
    from ..site.build import route_mkdocs_logs

    route_mkdocs_logs(mkdocs_log_handler())
    try:
        report = deploy_site(Project.find(config), remote=remote, branch=branch, message=message, force=force, ignore_version=ignore_version)
    except CheckFailed as failed:
        for found in failed.problems:
            problem(found)
        raise abort(f"not deploying: {failed}") from None
    except BriefkitError as error:
        raise abort(str(error)) from None
    for warning in report.warnings:
        errors.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    console.print(f"built {report.build.site_dir} from {report.build.briefings} briefings")
    console.print(f"deployed {report.build.site_dir} to branch {report.branch} of {report.remote} (commit {report.commit})")
    for note in report.notes:
        console.print(escape(note))
