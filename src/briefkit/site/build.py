"""`briefkit build`: check the briefings, generate the site's Markdown, render it with MkDocs."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..check import load_briefings
from ..errors import BriefingProblem, BriefkitError
from ..project import Project
from ..taxonomy import load_taxonomy
from .generate import GenerateReport, generate
from .index import SiteIndex


class CheckFailed(BriefkitError):
    def __init__(self, problems: list[BriefingProblem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the briefings")


@dataclass
class BuildReport:
    briefings: int
    generated: GenerateReport
    site_dir: str


def generate_site(project: Project, docs_dir) -> tuple[int, GenerateReport]:
    """Check every briefing, then write the generated pages; raises `CheckFailed` with every problem."""
    taxonomy = load_taxonomy(project.root)
    briefings, problems = load_briefings([project.briefings_dir], taxonomy) if project.briefings_dir.is_dir() else ([], [])
    if problems:
        raise CheckFailed(problems)
    index = SiteIndex.build(briefings, taxonomy)
    return len(briefings), generate(index, Path(docs_dir))


def build_site(project: Project, *, strict: bool = False) -> BuildReport:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice on every build
    # MkDocs extensions resolve some paths (snippets' base_path) against the working directory
    with contextlib.chdir(project.root):
        config = project.load_mkdocs_config(strict=strict)
        count, generated = generate_site(project, config.docs_dir)
        try:
            build(config)
        except MkDocsException as error:
            raise BriefkitError(f"MkDocs: {error}") from None
    return BuildReport(count, generated, config.site_dir)


def route_mkdocs_logs(handler: logging.Handler, level: int = logging.WARNING) -> None:
    """Show MkDocs' own messages (warnings, and errors that make --strict fail) through `handler`."""
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if getattr(h, "_briefkit", False)]:
        logger.removeHandler(old)
    handler._briefkit = True
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.setLevel(min(level, logging.INFO))
    logger.propagate = False
