"""Briefing files: read and write them (front matter through a YAML serializer), atomically, and tell
whether a person edited what ingest generated."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

import frontmatter
import yaml
from pydantic import ValidationError

from .errors import BriefingProblem
from .model import Briefing

SUFFIX = ".md"


def dump_briefing(briefing: Briefing) -> str:
    post = frontmatter.Post(briefing.body, **briefing.front_matter())
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000) + "\n"


def parse_briefing(text: str, path: Path | str) -> Briefing:
    """A briefing from its file text; every problem is a `BriefingProblem` naming path, line and key."""
    try:
        metadata, body = frontmatter.parse(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else None  # +1 for 1-based, +1 for the opening ---
        raise BriefingProblem(path, f"front matter is not valid YAML ({getattr(error, 'problem', None) or error})", line=line) from None
    if not isinstance(metadata, dict) or not metadata:
        raise BriefingProblem(path, "no front matter (a briefing starts with a --- block holding at least title and date)", line=1)
    try:
        briefing = Briefing.model_validate(metadata)
    except ValidationError as error:
        first = error.errors()[0]
        raise problem_from_validation(path, text, first) from None
    briefing.body = body
    return briefing


def problem_from_validation(path: Path | str, text: str, error: dict) -> BriefingProblem:
    key = ".".join(str(part) for part in error["loc"]) or "front matter"
    message = error["msg"]
    if error["type"] == "missing":
        message = "required key is missing"
    return BriefingProblem(path, message, line=key_line(text, str(error["loc"][0]) if error["loc"] else ""), key=key)


def key_line(text: str, key: str) -> int:
    """The 1-based line of a top-level front-matter key, or of the opening `---` when it is absent."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(text.splitlines(), 1):
        if number > 1 and line.strip() == "---":
            break
        if key and pattern.match(line):
            return number
    return 1


def read_briefing(path: Path) -> Briefing:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefingProblem(path, f"unreadable ({error})") from None
    return parse_briefing(text, path)


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and a rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fingerprint(briefing: Briefing) -> str:
    """A hash of everything ingest generates: front matter without the provenance key, and body."""
    unstamped = briefing.model_copy(update={"briefkit": None})
    metadata = yaml.safe_dump(unstamped.front_matter(), sort_keys=False, allow_unicode=True)
    return hashlib.sha256(f"{metadata}\n{briefing.body.strip()}".encode("utf-8")).hexdigest()


def is_edited(briefing: Briefing) -> bool:
    """True when a person changed a generated briefing, or wrote it by hand."""
    return briefing.briefkit is None or briefing.briefkit.generated != fingerprint(briefing)


def briefing_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith("."))
