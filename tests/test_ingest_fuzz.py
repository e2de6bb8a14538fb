"""Fuzzing ingest: random text, random front matter, random JSON, random markup and random bytes.

Whatever comes in, each article either becomes a briefing that reads back as valid, or fails with a
one-line reason; nothing raises, and no "unexpected error" (a bug caught by the batch) is reported.
Bounded by example counts so that the whole module runs in well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefkit.errors import ArticleError
from briefkit.ingest import ingest
from briefkit.read import Article, read_articles
from briefkit.store import read_briefing

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
lines = st.lists(st.one_of(text, st.sampled_from(["", "---", "# Heading", "Source: Wire", "Published 4 March 2024",
                                                  "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=x }",
                                                  "Advertisement", "A caption [Jane Roe/AFP]", "!!! note", "1. item", "- item"])), max_size=12)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), text,
                    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(text, inner, max_size=4)), max_leaves=12)
keys = st.sampled_from(["title", "date", "source", "url", "author", "description", "published", "headline", "tags"])
front_matter = st.dictionaries(st.one_of(keys, text), values, max_size=8)


def read_all(path: Path) -> list:
    """What `read_articles` gives, with a whole-file `ArticleError` as one item."""
    try:
        items = read_articles(path)
    except ArticleError as error:
        items = [error]
    for item in items:
        assert isinstance(item, (Article, ArticleError))
        if isinstance(item, ArticleError):
            assert item.reason and "\n" not in item.reason and item.path.startswith(str(path))
        else:
            assert item.title.strip() and (item.paragraphs or item.standfirst)
    return items


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


@FAST
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml", "a"]))
def test_random_bytes_are_read_or_refused(data, name):
    with tempfile.TemporaryDirectory() as folder:
        read_all(write(Path(folder), name, data))


@FAST
@given(front_matter, lines)
def test_random_front_matter(meta, body):
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        read_all(write(Path(folder), "a.md", f"---\n{header}---\n\n" + "\n\n".join(body)))


@FAST
@given(lines, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_random_text(body, name):
    with tempfile.TemporaryDirectory() as folder:
        read_all(write(Path(folder), name, "\n".join(body)))


@FAST
@given(st.one_of(values, st.lists(front_matter, max_size=4), front_matter))
def test_random_json(data):
    with tempfile.TemporaryDirectory() as folder:
        read_all(write(Path(folder), "a.json", json.dumps(data, default=str)))


markup = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<b>", "<br>", "<h1>", "</h1>", "<item>", "</item>",
                                   "<title>", "</title>", "<rss>", "<channel>", "&amp;", "&lt;", "<![CDATA[", "]]>", "<!--", "-->",
                                   "<img src=x onerror=y>", "<a href='javascript:x'>", "Pier plan", "The board met today.", " ", "\n"]), max_size=40)


@FAST
@given(markup, st.sampled_from(["<!DOCTYPE html><html><body>", "<rss version='2.0'><channel>", "<feed xmlns='http://www.w3.org/2005/Atom'>", ""]))
def test_random_markup(parts, opening):
    with tempfile.TemporaryDirectory() as folder:
        read_all(write(Path(folder), "a.html" if "html" in opening else "a.xml", opening + "".join(parts)))


@SLOW
@given(front_matter, lines, lines)
def test_ingest_never_crashes(nlp, meta, title_lines, body):
    """Through the whole pipeline with the spaCy model: a briefing that reads back, or a reason."""
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        write(folder, "a.txt", "\n".join(title_lines) + "\n\n" + "\n\n".join(body))
        write(folder, "b.md", f"---\n{header}---\n\n" + "\n\n".join(body))
        outcomes = ingest([folder / "a.txt", folder / "b.md"], folder / "out", default_date=dt.date(2024, 3, 4))
        for outcome in outcomes:
            assert outcome.status in ("written", "failed", "skipped", "updated"), outcome
            assert "unexpected error" not in outcome.message, outcome
            if outcome.status == "written":
                assert read_briefing(outcome.target).title
                assert outcome.target.parent == folder / "out"
            else:
                assert outcome.message and "\n" not in outcome.message
