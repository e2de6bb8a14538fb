"""What ingest generated, recorded in each briefing's `briefkit` key, and `ingest --merge`: refresh
the fields and body sections a person did not touch, keep the ones they changed.

A field counts as untouched when its value still hashes to what was recorded when it was generated;
the body is compared as a whole, then section by section (`## ` headings).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from .model import Briefing, Provenance
from .store import fingerprint

HASH_CHARS = 16  # enough to tell an edit from the generated value; keeps the front matter short
_HEADING = re.compile(r"^## +(?P<text>[^#].*?)\s*#*\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def value_hash(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def text_hash(text: str) -> str:
    return value_hash(text.strip())


def sections(body: str) -> list[tuple[str, str]]:
    """The body cut before each `## ` heading outside code fences: (heading, text with its heading line).
    Text before the first heading comes under the heading ''."""
    found: list[tuple[str, list[str]]] = [("", [])]
    fence = None
    for line in body.split("\n"):
        opened = _FENCE.match(line)
        if opened and (fence is None or opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence)):
            fence = None if fence else opened.group(1)
        heading = _HEADING.match(line) if fence is None else None
        if heading:
            found.append((heading["text"], []))
        found[-1][1].append(line)
    return [(heading, "\n".join(lines).strip("\n")) for heading, lines in found if heading or "\n".join(lines).strip()]


def stamp(briefing: Briefing, extractor: str) -> Briefing:
    """Record in `briefing.briefkit` what was generated: the whole, each top-level key, each body section."""
    matter = briefing.model_copy(update={"briefkit": None}).front_matter()
    fields = {key: value_hash(value) for key, value in matter.items()} | {"body": text_hash(briefing.body)}
    parts = {heading: text_hash(text) for heading, text in sections(briefing.body)}
    briefing.briefkit = Provenance(generated=fingerprint(briefing), extractor=extractor, fields=fields, sections=parts)
    return briefing


def can_merge(briefing: Briefing) -> bool:
    """Whether the briefing records what was generated field by field (older ones record only the whole)."""
    return briefing.briefkit is not None and bool(briefing.briefkit.fields)


@dataclass
class Merged:
    briefing: Briefing
    kept: list[str] = field(default_factory=list)  # what a person changed, kept as they left it
    refreshed: list[str] = field(default_factory=list)  # machine-made parts that got the new extraction


def merge(current: Briefing, fresh: Briefing) -> Merged:
    """`fresh` (a new extraction, stamped) where `current` still holds what was generated; `current` elsewhere."""
    assert current.briefkit is not None and fresh.briefkit is not None
    record = current.briefkit
    now = current.model_copy(update={"briefkit": None}).front_matter()
    new = fresh.model_copy(update={"briefkit": None}).front_matter()
    result = Merged(current)
    data: dict = {}
    for key in [*new, *(k for k in now if k not in new)]:
        untouched = key in record.fields and key in now and value_hash(now[key]) == record.fields[key]
        if untouched and key in new:
            data[key] = new[key]
            if value_hash(new[key]) != value_hash(now[key]):
                result.refreshed.append(key)
        elif untouched:
            result.refreshed.append(key)  # machine-made, and the new extraction no longer makes it
        elif key in now:
            data[key] = now[key]
            if key in record.fields:
                result.kept.append(key)
        else:
            data[key] = new[key]  # a key the earlier extraction did not make
            result.refreshed.append(key)
    merged = Briefing.model_validate(data)
    merged.body = _merge_body(current.body, fresh.body, record, result)
    merged.briefkit = fresh.briefkit
    result.briefing = merged
    return result


def _merge_body(current: str, fresh: str, record: Provenance, result: Merged) -> str:
    if text_hash(current) == record.fields.get("body"):
        if current.strip() != fresh.strip():
            result.refreshed.append("body")
        return fresh
    if not record.sections:
        result.kept.append("body")
        return current
    new = dict(sections(fresh))
    out: list[tuple[str, str]] = []
    for heading, text in sections(current):
        generated = record.sections.get(heading)
        if generated is None or text_hash(text) != generated:
            out.append((heading, text))  # written or changed by a person
            result.kept.append(f"body section {heading!r}" if heading else "body before the first section")
        elif heading in new:
            out.append((heading, new[heading]))
            if text_hash(new[heading]) != generated:
                result.refreshed.append(f"body section {heading!r}")
    _add_new_sections(out, list(new.items()), record, result)
    return "\n\n".join(text for _, text in out) + "\n"


def _add_new_sections(out: list[tuple[str, str]], new: list[tuple[str, str]], record: Provenance, result: Merged) -> None:
    """Sections the earlier extraction did not make go after the section that precedes them in `new`
    (a section a person deleted stays deleted: it was generated before)."""
    for number, (heading, text) in enumerate(new):
        if heading in record.sections or any(h == heading for h, _ in out):
            continue
        before = {h for h, _ in new[:number]}
        position = max((i + 1 for i, (h, _) in enumerate(out) if h in before), default=1 if out and out[0][0] == "" else 0)
        out.insert(position, (heading, text))
        result.refreshed.append(f"body section {heading!r}")
