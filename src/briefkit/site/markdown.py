"""Markdown building blocks shared by the page writers: front matter, links, dates, lists."""

from __future__ import annotations

import calendar
import datetime as dt

import yaml

from ..text import escape_markdown

KIND_LABELS = {"person": "People", "organization": "Organizations", "place": "Places", "group": "Groups"}


def page(title: str, body: str, **meta) -> str:
    """A Markdown page with YAML front matter (title and any extra keys) and an H1."""
    header = yaml.safe_dump({"title": title, **meta}, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n\n# {escape_markdown(title)}\n\n{body.strip()}\n"


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
