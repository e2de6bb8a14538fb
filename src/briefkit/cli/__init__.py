"""The `briefkit` command: one module per command, each parsing its arguments and calling the
library; all output goes through `briefkit.cli.output`.

Exit status: 0 when everything worked, 1 when something the user can fix failed (each failure
printed as one line naming the file), 2 for bad usage.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from . import build, check, deploy, ingest, new, serve
from .output import console

app = typer.Typer(
    help="Turn news articles into Markdown briefings and a searchable static site.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
for module in (ingest, new, check, build, serve, deploy):
    app.command(module.NAME)(module.command)


def _version(value: bool) -> None:
    if value:
        console.print(f"briefkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Turn news articles into Markdown briefings and a searchable static site."""
