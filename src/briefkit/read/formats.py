"""Which reader a file gets: by its content first (a saved page, a feed, JSON and front matter are
recognisable whatever the file is called), then by its extension; `--format` overrides both."""

from __future__ import annotations

import json
import re

FORMATS = ("txt", "md", "html", "json", "feed")
SUFFIXES = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md", ".mdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "json", ".ndjson": "json",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
LINE_SUFFIXES = {".jsonl", ".ndjson"}

_PROLOGUE = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*|<\?[^>]*\?>\s*)*", re.DOTALL)
_HTML = re.compile(r"^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_FEED = re.compile(r"^(?:<!doctype\s+\w+[^>]*>\s*)?<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>]", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"^\s*---[ \t]*\n")
SNIFF_CHARS = 4096


def sniff(text: str) -> str | None:
    """The format `text` shows itself to be, or None when it could be anything (plain text)."""
    head = _PROLOGUE.sub("", text[:SNIFF_CHARS], count=1)
    if _HTML.match(head):
        return "html"
    if _FEED.match(head):
        return "feed"
    if head.startswith(("{", "[")) and _is_json(text):
        return "json"
    if _FRONT_MATTER.match(text):
        return "md"
    return None


def choose(text: str, suffix: str, override: str | None = None) -> str | None:
    """The reader for a file with this `text` and `suffix`; None when nothing fits."""
    if override:
        return override
    return sniff(text) or SUFFIXES.get(suffix.lower())


def _is_json(text: str) -> bool:
    """Whole-text JSON, or a first line that is a JSON object (JSON lines)."""
    try:
        json.loads(text)
        return True
    except (ValueError, RecursionError):
        pass
    first = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False
