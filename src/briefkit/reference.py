"""The front-matter reference page (`docs/guide/format.md`), generated from the pydantic schema at every
build so that it cannot drift from what `briefkit check` accepts."""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .model import Actor, Briefing, Provenance, Quote, Source, TimelineEntry
from .store import dump_briefing, write_atomic

PAGE = "guide/format.md"  # relative to the docs folder
# Section heading and anchor of each model; the order of the page.
SECTIONS: dict[type[BaseModel], tuple[str, str]] = {
    Briefing: ("Top-level keys", "briefing"),
    Source: ("source", "source"),
    Actor: ("An item of actors", "actor"),
    TimelineEntry: ("An item of timeline", "timeline-entry"),
    Quote: ("An item of quotes", "quote"),
    Provenance: ("briefkit (written by ingest)", "provenance"),
}

INTRO = """A briefing file is YAML front matter between two `---` lines, then the Markdown body. This page
lists every key the schema knows, generated from it (`briefkit/model.py`) at each build. See
[Writing briefings](writing.md) for how to write one.

Keys of your own are allowed at the top level and kept as they are, unless they look like a
misspelt key of this page. Inside `source`, actors, timeline entries and quotes only the keys below
are allowed."""

CHECKS = """## What `briefkit check` adds to the schema

- every topic id is in the taxonomy (`topics.yml`);
- no actor is listed twice in one briefing (names compared without case, dots or hyphens);
- no top-level key is a near miss of a key above (`actor:` for `actors:`), and there is no `body:` key;
- a link in the body to another briefing (`[text](other.md)`, `../briefings/other.md`) names an
  existing briefing's page;
- no two files give the same page (`Harbour.md` and `harbour.md` would both be `briefings/harbour/`).

Each problem is printed as `path:line: key: message`; `briefkit build` runs the same check first."""


def example() -> Briefing:
    """A complete briefing, built through the schema (so the example on the page is valid)."""
    briefing = Briefing(
        title="Ports strike ends after two weeks",
        date=dt.date(2024, 5, 6),
        summary="Dockers return to work after a pay deal.",
        source=Source(name="Example Wire", file="articles/ports.txt", url="https://example.org/news/ports"),
        actors=[
            Actor(name="Ada Osei", kind="person", role="union leader", aliases=["Osei"], mentions=3),
            Actor(name="Port of Velden", kind="organization", mentions=2),
        ],
        topics=["labour", "economy-business-finance"],
        tags=["Ada Osei", "Labour"],
        timeline=[TimelineEntry(date="2024-04", text="Dockers walked out over pay.", evidence="in early April")],
        quotes=[Quote(speaker="Ada Osei", text="We won.")],
    )
    briefing.body = "## Summary\n\nDockers return to work after a pay deal.\n"
    return briefing


def reference_page() -> str:
    sections = [f"---\ntitle: Front-matter reference\n---\n\n# Front-matter reference\n\n{INTRO}"]
    sections.append("## Example\n\n```yaml\n" + dump_briefing(example()).split("\n---\n", 1)[0] + "\n---\n```")
    for model, (heading, anchor) in SECTIONS.items():
        doc = " ".join((model.__doc__ or "").split())
        sections.append(f"## {heading} {{#{anchor}}}\n\n{doc}\n\n{_table(model)}".replace("\n\n\n", "\n\n"))
    sections.append(CHECKS)
    return "\n\n".join(sections) + "\n"


def write_reference(docs_dir: Path) -> bool:
    """Write the page into the docs folder when its content changed; True when it was written."""
    target = docs_dir / PAGE
    content = reference_page()
    try:
        if target.read_text("utf-8") == content:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(target, content, durable=False)  # regenerable
    return True


def _table(model: type[BaseModel]) -> str:
    rows = ["| Key | Type | Required | Description | Example |", "|---|---|---|---|---|"]
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        rows.append(f"| `{name}` | {type_name(field.annotation)} | {_required(field)} | {_cell(field.description or '')} | {_example(field)} |")
    return "\n".join(rows)


def type_name(annotation: object) -> str:
    """A reader's name for a type: `text`, `list of text`, `[Actor](#actor)`, `one of ...`, `... or null`."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        named = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(named) + (" or null" if type(None) in args else "")
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return f"mapping of {type_name(args[0])} to {type_name(args[1])}"
    if origin is typing.Annotated:
        return type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        heading, anchor = SECTIONS.get(annotation, (annotation.__name__, annotation.__name__.lower()))
        return f"[{annotation.__name__}](#{anchor})"
    names = {str: "text", int: "whole number", bool: "true or false", dt.date: "date `YYYY-MM-DD`"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _required(field: FieldInfo) -> str:
    if field.is_required():
        return "required" + (" (may be `null`)" if type(None) in typing.get_args(field.annotation) else "")
    return f"no (default `{_yaml(field.get_default())}`)"


def _example(field: FieldInfo) -> str:
    return f"`{_cell(_yaml(field.examples[0]))}`" if field.examples else ""


def _yaml(value: object) -> str:
    """A value as it is written in YAML flow style, on one line."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
