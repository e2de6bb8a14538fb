"""Check briefings against the schema and against each other; report every problem of a run at once.

Per file: the schema (required keys, types, ISO dates, actor kinds, timeline dates), topic ids from
the taxonomy, actors listed twice, misspelt contract keys, links to other briefings that do not
exist. Across files: two files that would get the same page.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import BriefingProblem
from .forked import in_shares
from .model import Briefing
from .store import YEAR, ParsedBriefing, briefing_paths, file_stamp, page_slug, read_file
from .taxonomy import Taxonomy
from .text import name_key

TAXONOMY_HELP = "see the Topics page, or the project's topics.yml"
# Markdown links: inline `[text](target "title")` and reference definitions `[id]: target`.
_INLINE_LINK = re.compile(r"\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<target>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
MIN_PARALLEL_READ = 1000  # fewer files read in about half a second: not worth a process


def load_briefings(paths: list[Path], taxonomy: Taxonomy, memo: dict | None = None, *, jobs: int = 1) -> tuple[list[tuple[Path, Briefing]], list[BriefingProblem]]:
    """The valid briefings among `paths` (files, or folders of `.md` files) and every problem of the others,
    in file and line order. `memo` (kept by a long-running caller such as `serve`) holds valid briefings
    by path with their size and mtime: a file unchanged since is not read or checked again. `jobs`
    processes read the files when there are many (YAML is most of a large build's reading)."""
    files = list(dict.fromkeys(f for p in paths for f in (briefing_paths(p) if p.is_dir() else [p])))
    stamps = {path: file_stamp(path) for path in files}
    known = {path: memo[path][1] for path in files if memo is not None and stamps[path] is not None and memo.get(path, (None,))[0] == stamps[path]}
    unread = [path for path in files if path not in known]
    shares = jobs if len(unread) >= MIN_PARALLEL_READ else 1
    read = {Path(item.path): item for share in in_shares(functools.partial(_read_checked, taxonomy=taxonomy), unread, shares) for item in share}
    parsed = [ParsedBriefing(path, "", briefing=known[path]) if path in known else read[path] for path in files]
    if memo is not None:
        memo.update((path, (stamps[path], item.briefing)) for path, item in read.items() if not item.problems and stamps[path] is not None)
    _duplicate_slugs(parsed)
    problems = sorted((p for item in parsed for p in item.problems), key=lambda p: (p.path, p.line or 0))
    valid = [(Path(item.path), item.briefing) for item in parsed if not item.problems and item.briefing is not None]
    return valid, problems


def _read_checked(paths: list[Path], taxonomy: Taxonomy) -> list[ParsedBriefing]:
    """The files read and checked, each without what only served to locate its problems (its YAML
    nodes and text)."""
    slugs = _FolderSlugs()
    parsed = []
    for path in paths:
        item = read_file(path)
        if item.matter is not None:
            item.problems += file_problems(item, taxonomy, slugs)
        item.matter, item.text = None, ""
        parsed.append(item)
    return parsed


def file_problems(item: ParsedBriefing, taxonomy: Taxonomy, slugs: _FolderSlugs) -> list[BriefingProblem]:
    """What the schema alone cannot see, read from the raw front matter so that it is reported even
    when the schema rejects something else in the same file."""
    data = item.matter.data if item.matter and isinstance(item.matter.data, dict) else {}
    found = _topic_problems(item, data.get("topics"), taxonomy)
    found += _actor_problems(item, data.get("actors"))
    found += _key_problems(item, data)
    found += _link_problems(item, slugs)
    return found


def _topic_problems(item: ParsedBriefing, topics: object, taxonomy: Taxonomy) -> list[BriefingProblem]:
    found = []
    for number, topic in enumerate(topics if isinstance(topics, list) else []):
        if isinstance(topic, str) and topic.strip() not in taxonomy.topics:
            close = difflib.get_close_matches(topic.strip(), list(taxonomy.topics), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            message = f"unknown topic id {topic!r} ({hint}{TAXONOMY_HELP})"
            found.append(BriefingProblem(item.path, message, line=item.line_of(["topics", number]), key=f"topics.{number}"))
    return found


def _actor_problems(item: ParsedBriefing, actors: object) -> list[BriefingProblem]:
    found = []
    seen: dict[str, int] = {}
    for number, actor in enumerate(actors if isinstance(actors, list) else []):
        name = actor.get("name") if isinstance(actor, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        key = name_key(name)
        if key in seen:
            message = f"{name!r} is listed twice (also actors.{seen[key]}): merge the two entries"
            found.append(BriefingProblem(item.path, message, line=item.line_of(["actors", number]), key=f"actors.{number}"))
        seen.setdefault(key, number)
    return found


def _key_problems(item: ParsedBriefing, data: dict) -> list[BriefingProblem]:
    """Extra keys are allowed, but one that is a near miss of a contract key is a typo that would
    leave the real key empty (`actor:` for `actors:`)."""
    known = [k for k in Briefing.model_fields if k != "body"]
    found = []
    for key in data:
        if not isinstance(key, str) or key in known or key == "body":
            continue
        close = difflib.get_close_matches(key.casefold(), known, n=1, cutoff=0.75)
        if close:
            message = f"unknown key: did you mean {close[0]!r}? (keys of your own are allowed, but not near misses of briefing keys)"
            found.append(BriefingProblem(item.path, message, line=item.line_of([key]), key=key))
    return found


class _FolderSlugs:
    """Page slug -> file name of the briefings in a folder, read once per folder."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, str]] = {}

    def of(self, folder: Path) -> dict[str, str]:
        if folder not in self._folders:
            self._folders[folder] = {page_slug(p): p.name for p in briefing_paths(folder)} if folder.is_dir() else {}
        return self._folders[folder]


def _link_problems(item: ParsedBriefing, slugs: _FolderSlugs) -> list[BriefingProblem]:
    """Links to other briefings (`other.md`, `../briefings/other.md`) that no briefing's page answers.
    The site copies each body to `briefings/<slug>.md`, so a link must name the other page's slug."""
    assert item.matter is not None
    pages = slugs.of(Path(item.path).parent)
    found = []
    for line, target in body_links(item.matter.body, item.matter.body_line):
        slug = briefing_link(target)
        if slug is None or slug in pages or slug == "index" or YEAR.match(slug):  # listing pages
            continue
        by_file = {Path(name).stem: page for page, name in pages.items()}
        if slug in by_file:
            message = f"link to {target!r}: that briefing's page is {by_file[slug]}.md (pages are named by slug): link to that"
        else:
            close = difflib.get_close_matches(slug, list(pages), n=1)
            message = f"link to {target!r}: no such briefing" + (f" (did you mean {close[0]}.md?)" if close else "")
        found.append(BriefingProblem(item.path, message, line=line, key="body"))
    return found


def body_links(body: str, first_line: int) -> Iterable[tuple[int, str]]:
    """(file line, target) of each Markdown link in the body, outside code blocks and code spans."""
    body = _HTML_COMMENT.sub(lambda m: "\n" * m[0].count("\n"), body)  # Markdown in a comment is not rendered
    fence = None
    for number, line in enumerate(body.split("\n"), first_line):
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence)):
            fence = None if fence else opened.group(1)
            continue
        if fence is not None or line.startswith(("    ", "\t")):
            continue
        line = _CODE_SPAN.sub("", line)
        for match in [*_INLINE_LINK.finditer(line), *_REFERENCE.finditer(line)]:
            yield number, match["target"]


def briefing_link(target: str) -> str | None:
    """The page slug a link from a briefing page points to, when it points to another briefing page."""
    parts = urlsplit(target)
    if _SCHEME.match(target) or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    resolved = posixpath.normpath(posixpath.join("briefings", unquote(parts.path)))
    folder, name = posixpath.split(resolved)
    if folder != "briefings" or not name.endswith(".md"):
        return None
    return name[: -len(".md")]


def _duplicate_slugs(parsed: list[ParsedBriefing]) -> None:
    first: dict[tuple[Path, str], ParsedBriefing] = {}
    for item in parsed:
        path = Path(item.path)
        key = (path.parent, page_slug(path))
        if key in first:
            other = Path(first[key].path).name
            message = f"this file and {other} would both be the page briefings/{key[1]}/: rename one of them"
            item.problems.append(BriefingProblem(item.path, message, line=1))
        else:
            first[key] = item
