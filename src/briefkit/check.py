"""Check briefings against the schema and against each other; report every problem of a run at once."""

from __future__ import annotations

from pathlib import Path

from .errors import BriefingProblem
from .model import Briefing
from .store import briefing_paths, key_line, read_briefing
from .taxonomy import Taxonomy
from .text import name_key


def load_briefings(paths: list[Path], taxonomy: Taxonomy) -> tuple[list[tuple[Path, Briefing]], list[BriefingProblem]]:
    """The valid briefings among `paths` (files, or folders of `.md` files) and the problems of the others."""
    files = [f for p in paths for f in (briefing_paths(p) if p.is_dir() else [p])]
    loaded: list[tuple[Path, Briefing]] = []
    problems: list[BriefingProblem] = []
    for path in files:
        try:
            briefing = read_briefing(path)
        except BriefingProblem as problem:
            problems.append(problem)
            continue
        found = _problems(path, briefing, taxonomy)
        problems += found
        if not found:
            loaded.append((path, briefing))
    return loaded, problems


def _problems(path: Path, briefing: Briefing, taxonomy: Taxonomy) -> list[BriefingProblem]:
    found = []
    text: str | None = None

    def at(key: str) -> int:
        nonlocal text
        text = text if text is not None else path.read_text("utf-8")
        return key_line(text, key)

    for number, topic in enumerate(briefing.topics):
        if topic not in taxonomy.topics:
            found.append(BriefingProblem(path, f"unknown topic id {topic!r} (see the taxonomy, topics.yml)", line=at("topics"), key=f"topics.{number}"))
    seen: dict[str, int] = {}
    for number, actor in enumerate(briefing.actors):
        key = name_key(actor.name)
        if key in seen:
            found.append(BriefingProblem(path, f"{actor.name!r} is listed twice (also actors.{seen[key]})", line=at("actors"), key=f"actors.{number}"))
        seen.setdefault(key, number)
    return found
