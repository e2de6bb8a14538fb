"""Ingest: article files become briefing files.

`make_briefing` is the pure step (one article file in, one `Briefing` out) that the CLI, worker
pools and distributed engines all call; `ingest` adds the file system: slugs, edit protection and
atomic writes, one `Outcome` per article so a bad file never stops the batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .compose import compose
from .errors import ArticleError, BriefingProblem
from .extract import extract_article
from .extract.nlp import load_nlp
from .model import Briefing, Provenance
from .read import read_article
from .store import SUFFIX, dump_briefing, fingerprint, is_edited, read_briefing, write_atomic
from .text import slugify

RESERVED_SLUGS = {"index"}  # `briefings/index.md` is the site's list of briefings


@dataclass
class Outcome:
    article: str  # the input path as given
    status: str  # written | updated | unchanged | kept | failed
    target: Path | None = None
    message: str = ""
    warning: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def make_briefing(path: Path, *, default_date: dt.date | None = None, nlp=None) -> Briefing:
    """One article file as a briefing, stamped with what was generated. Raises `ArticleError`."""
    article = read_article(path, shown_path=str(path))
    published = article.date or default_date
    extraction = extract_article(article, nlp or load_nlp(), published=published)
    briefing = compose(article, extraction, published=published)
    briefing.briefkit = Provenance(generated=fingerprint(briefing), extractor=__version__)
    return briefing


def ingest(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    default_date: dt.date | None = None,
    force: bool = False,
    report: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    outcomes = []
    for path in paths:
        try:
            briefing = make_briefing(path, default_date=default_date)
            outcome = store(briefing, path, out_dir, force=force)
        except ArticleError as error:
            outcome = Outcome(str(path), "failed", message=error.reason)
        if outcome.status != "failed" and briefing.date is None:
            outcome.warning = "no publication date in the article: pass --date YYYY-MM-DD"
        report(outcome)
        outcomes.append(outcome)
    return outcomes


def store(briefing: Briefing, path: Path, out_dir: Path, *, force: bool = False) -> Outcome:
    """Write `briefing` for article `path` into `out_dir`, unless a person edited the briefing already there."""
    base = slugify(briefing.title)
    if base in RESERVED_SLUGS:
        base += "-briefing"
    for n in range(1, 1000):
        target = out_dir / f"{base if n == 1 else f'{base}-{n}'}{SUFFIX}"
        if not target.exists():
            write_atomic(target, dump_briefing(briefing))
            return Outcome(str(path), "written", target)
        try:
            existing = read_briefing(target)
        except BriefingProblem:
            existing = None
        if existing is not None and not _same_article(existing, path):
            continue  # another article's briefing holds this slug
        if existing is None and not force:
            return Outcome(str(path), "kept", target, "kept: the briefing there is not valid (fix it, or use --force)")
        if existing is not None and is_edited(existing) and not force:
            return Outcome(str(path), "kept", target, "kept edited briefing (use --force to overwrite)")
        if existing is not None and existing.briefkit and existing.briefkit.generated == briefing.briefkit.generated:
            return Outcome(str(path), "unchanged", target)
        write_atomic(target, dump_briefing(briefing))
        return Outcome(str(path), "updated", target)
    raise ArticleError(path, f"too many briefings named {base!r}")


def _same_article(briefing: Briefing, path: Path) -> bool:
    recorded = briefing.source.file if briefing.source else None
    if not recorded:
        return False
    return recorded == str(path) or Path(recorded).resolve() == path.resolve()
