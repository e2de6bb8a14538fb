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

from . import front_matter
from .errors import BriefingProblem
from .model import Briefing

SUFFIX = ".md"


def dump_briefing(briefing: Briefing) -> str:
    """The file text: `---`, the front matter through python-frontmatter's safe YAML dumper, `---`, the body.
    The body is kept byte for byte but for blank lines around it (frontmatter.dumps would strip all
    surrounding white space)."""
    metadata = frontmatter.YAMLHandler().export(briefing.front_matter(), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{metadata}\n---\n\n{briefing.body.strip(chr(10))}\n"


def parse_briefing(text: str, path: Path | str) -> Briefing:
    """A briefing from its file text; every problem is a `BriefingProblem` naming path, line and key."""
    try:
        metadata, body = front_matter.load(text)
    except front_matter.FrontMatterError as error:
        raise BriefingProblem(path, f"front matter is not valid YAML: {error.message}", line=error.line) from None
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
    pattern = re.compile(rf"^(?P<q>['\"]?){re.escape(key)}(?P=q)\s*:")
    opened = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() == "---":
            if opened:
                break
            opened = True
            continue
        if key and pattern.match(line):
            return number
    return 1


def read_briefing(path: Path) -> Briefing:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BriefingProblem(path, f"unreadable ({error})") from None
    return parse_briefing(text, path)


def write_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Write through a temporary file in the same folder and a rename: readers see old or new, never half.
    `durable` also flushes the data to disk before the rename (for people's files, not regenerable ones)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if durable:
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
