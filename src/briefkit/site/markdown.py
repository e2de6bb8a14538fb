"""Markdown building blocks shared by the page writers: front matter, links, dates, lists."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json


from ..text import escape_markdown

# Characters JSON leaves as they are but YAML reads as line breaks (and folds): written as escapes.
_YAML_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
KIND_LABELS = {"person": "People", "organization": "Organizations", "place": "Places", "group": "Groups"}
# Front matter of the pages that list briefings (indexes, actors, topics, the timeline): Material's
# search already holds the briefings (their actors and topics are their tags), so these pages stay
# out of its index, which keeps it and the build smaller: `page(..., **NO_SEARCH)`.
NO_SEARCH = {"search": {"exclude": True}}


def page(title: str, body: str, **meta) -> str:
    """A Markdown page with front matter (title and any extra keys) and an H1. Each value is written
    as JSON, which YAML reads as it is: ten times faster than a YAML emitter, for thousands of pages."""
    values = {key: _escape_html(value) for key, value in {"title": title, **meta}.items()}
    header = "".join(f"{key}: {json.dumps(value, ensure_ascii=False).translate(_YAML_BREAKS)}\n" for key, value in values.items())
    return f"---\n{header}---\n\n# {escape_markdown(title)}\n\n{body.strip()}\n"


def _escape_html(value):
    """Front-matter strings are printed raw by MkDocs' templates (title, description, tags): escape them."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [_escape_html(v) for v in value]
    return value


def link(text: str, target: str) -> str:
    return f"[{escape_markdown(text)}]({target})"


def day(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def month_heading(partial: str) -> str:
    """`2019-02` -> `February 2019`; `2019` -> `2019`."""
    year, _, rest = partial.partition("-")
    return f"{calendar.month_name[int(rest[:2])]} {year}" if rest else year


def bullet_list(lines: list[str], empty: str) -> str:
    return "\n".join(f"- {line}" for line in lines) if lines else f"*{empty}*"
