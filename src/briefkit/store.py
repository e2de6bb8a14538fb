"""Briefing files: read and write them (front matter through a YAML serializer), atomically, and tell
whether a person edited what ingest generated."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
from pydantic import ValidationError

from . import front_matter, validation
from .errors import BriefingProblem
from .model import Briefing
from .text import slugify

SUFFIX = ".md"
RESERVED_SLUGS = {"index"}  # `briefings/index.md` is the site's list of briefings
YEAR = re.compile(r"^\d{4}$")  # `briefings/<year>.md` lists a year's briefings on large sites


def dump_briefing(briefing: Briefing) -> str:
    """The file text: `---`, the front matter through python-frontmatter's safe YAML dumper, `---`, the body.
    The body is kept byte for byte but for blank lines around it (frontmatter.dumps would strip all
    surrounding white space)."""
    metadata = frontmatter.YAMLHandler().export(briefing.front_matter(), sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{metadata}\n---\n\n{briefing.body.strip(chr(10))}\n"


@dataclass
class ParsedBriefing:
    """A briefing file as read: its parts, the `Briefing` when the schema accepts it, and every problem."""

    path: Path | str
    text: str
    matter: front_matter.FrontMatter | None = None
    briefing: Briefing | None = None
    problems: list[BriefingProblem] = field(default_factory=list)

    def line_of(self, loc) -> int:
        return self.matter.line_of(loc) if self.matter else 1


def parse_text(text: str, path: Path | str) -> ParsedBriefing:
    """Parse and validate a briefing's text, collecting every problem (each naming path, line and key)."""
    parsed = ParsedBriefing(path, text)
    try:
        parsed.matter = matter = front_matter.parse(text)
    except front_matter.FrontMatterError as error:
        parsed.problems.append(BriefingProblem(path, f"front matter is not valid YAML: {error.message}", line=error.line, key=error.key))
        return parsed
    parsed.problems += [BriefingProblem(path, e.message, line=e.line, key=e.key) for e in matter.problems]
    if not isinstance(matter.data, dict) or not matter.data:
        got = f", got {type(matter.data).__name__}" if matter.data is not None else ""
        parsed.problems.append(BriefingProblem(path, f"no front matter (a briefing starts with a --- block of keys holding at least title and date{got})", line=matter.open_line))
        return parsed
    if "body" in matter.data:  # the model's `body` is the Markdown after the front matter, never a key
        parsed.problems.append(BriefingProblem(path, "'body' is not a front-matter key: the body is the Markdown after the closing ---", line=matter.line_of(["body"]), key="body"))
    try:
        parsed.briefing = Briefing.model_validate({k: v for k, v in matter.data.items() if k != "body"})
    except ValidationError as error:
        for found in error.errors():
            loc = found["loc"]
            key = validation.key_path(loc) or None
            parsed.problems.append(BriefingProblem(path, validation.message(found), line=matter.line_of(loc), key=key))
        return parsed
    parsed.briefing.body = matter.body
    return parsed


def parse_briefing(text: str, path: Path | str) -> Briefing:
    """A briefing from its file text; raises the first `BriefingProblem` (see `parse_text` for all)."""
    parsed = parse_text(text, path)
    if parsed.problems:
        raise parsed.problems[0]
    assert parsed.briefing is not None
    return parsed.briefing


def read_file(path: Path) -> ParsedBriefing:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return ParsedBriefing(path, "", problems=[BriefingProblem(path, f"unreadable ({error})")])
    return parse_text(text, path)


def read_briefing(path: Path) -> Briefing:
    parsed = read_file(path)
    if parsed.problems:
        raise parsed.problems[0]
    assert parsed.briefing is not None
    return parsed.briefing


def key_line(text: str, key: str) -> int:
    """The 1-based line of a top-level front-matter key, or of the opening `---` when it is absent."""
    pattern = re.compile(rf"^(?P<q>['\"]?){re.escape(key)}(?P=q)\s*:")
    opened = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() == "---":
            if opened:
                break
            opened = True
            continue
        if key and pattern.match(line):
            return number
    return 1


def file_stamp(path: Path) -> tuple[int, int] | None:
    """A file's (mtime_ns, size), or None when it cannot be read: how briefkit tells a file has not
    changed since it last looked (as make and MkDocs do)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def write_atomic(path: Path, text: str, *, durable: bool = True) -> None:
    """Write through a temporary file in the same folder and a rename: readers see old or new, never half.
    `durable` also flushes the data (and the rename) to disk, and keeps the file's mode: for people's
    files. A regenerable file (a generated page) is written without either, through a temporary
    named after this process: a third of the time, which counts over thousands of pages."""
    temporary = _write_temporary(path, text) if durable else _write_scratch(path, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if durable:
        _sync_folder(path.parent)


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, atomically; raises `FileExistsError` when it does."""
    temporary = _write_temporary(path, text)
    try:
        os.link(temporary, path)  # unlike a rename, a link never replaces an existing file
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: exclusive creation, not atomic but never clobbering
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _write_temporary(path: Path, text: str) -> Path:
    """A person's file's temporary copy, flushed to disk, with the mode of the file it replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            os.chmod(name, _mode_for(path))  # mkstemp makes the file private; keep what the file had
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _write_scratch(path: Path, text: str) -> Path:
    """A regenerable file's temporary copy, with the default mode and no flush."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # no two processes write one file
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


def fingerprint(briefing: Briefing) -> str:
    """A hash of everything ingest generates: front matter without the provenance key, and body."""
    metadata = briefing.model_dump(mode="json", exclude={"body", "briefkit"})
    # JSON, not YAML: the same content hashes the same, and 50 times faster than PyYAML's emitter
    text = json.dumps(metadata, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{text}\n{briefing.body.strip()}".encode("utf-8")).hexdigest()


def is_edited(briefing: Briefing) -> bool:
    """True when a person changed a generated briefing, or wrote it by hand."""
    return briefing.briefkit is None or briefing.briefkit.generated != fingerprint(briefing)


def briefing_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith("."))


def page_slug(path: Path) -> str:
    """The name of a briefing file's page on the site: `briefings/<slug>/`. `index` and years are the
    names of listing pages (`briefings/2024/`), so a briefing file named so gets `-briefing`."""
    slug = slugify(path.stem)
    return f"{slug}-briefing" if slug in RESERVED_SLUGS or YEAR.match(slug) else slug
