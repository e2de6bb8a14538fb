"""The real corpora of `../shared/corpus` (skipped when absent): every BBC News article and every
Reuters-21578 story with a title and a body is read with zero failures, duplicates are found, and a
sample of each goes through the whole ingest (spaCy included) with zero failures.

Reuters comes as SGML; briefkit has no reader for it, so the test writes each story's TITLE and BODY
into JSON-lines files (one per `.sgm`) and plain-text files, as a curator's export would.
"""

from __future__ import annotations

import collections
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from briefkit.dedupe import Deduper
from briefkit.errors import ArticleError
from briefkit.ingest import ingest
from briefkit.read import Article, find_articles, read_articles
from briefkit.store import read_briefing

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
BBC = SHARED / "bbc-news-summary" / "News Articles"
REUTERS = SHARED / "reuters21578"
SAMPLE = 40
_STORY = re.compile(r"<REUTERS\b[^>]*>(.*?)</REUTERS>", re.DOTALL)


def corpus(path: Path) -> Path:
    if not path.is_dir():
        pytest.skip(f"{path} is not here (a fresh clone has no ../shared)")
    return path


def read_all(paths: list[Path]) -> tuple[list[Article], list[ArticleError]]:
    articles, failures = [], []
    for path in paths:
        try:
            items = read_articles(path)
        except ArticleError as error:
            items = [error]
        for item in items:
            (articles if isinstance(item, Article) else failures).append(item)
    return articles, failures


def every(items: list, count: int) -> list:
    """`count` items spread evenly over `items` (a fixed sample, the same every run)."""
    step = max(1, len(items) // count)
    return items[::step][:count]


# --- BBC News ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bbc_files() -> list[Path]:
    files, problems = find_articles([corpus(BBC)])
    assert problems == []
    return files


def test_bbc_every_article_reads(bbc_files):
    articles, failures = read_all(bbc_files)
    assert failures == []
    assert len(articles) == len(bbc_files) == 2225
    for article in articles:
        assert article.title and article.paragraphs
        assert "\ufffd" not in article.text  # no replacement characters: every encoding was understood
    latin1 = next(a for a in articles if a.path.endswith("sport/199.txt"))  # the one ISO-8859-1 file
    assert "\u00a315.8m" in latin1.text


def test_bbc_byte_identical_files_are_duplicates(bbc_files):
    """The corpus documents 98 files that repeat another byte for byte: ingest must skip each one."""
    groups = collections.defaultdict(list)
    for path in bbc_files:
        groups[hashlib.sha256(path.read_bytes()).hexdigest()].append(str(path))
    repeats = {path for group in groups.values() for path in sorted(group)[1:]}
    assert len(repeats) == 98
    seen, skipped = Deduper(), {}
    for article in read_all(bbc_files)[0]:
        if found := seen.find(article.text, source=article.path):
            skipped[article.path] = found
        else:
            seen.add(article.text, label=article.path, source=article.path)
    assert repeats <= set(skipped)
    assert all(skipped[path].exact for path in repeats)
    assert all(found.similarity >= 0.8 for found in skipped.values())
    assert len(skipped) < 200  # near-duplicates are updated versions of a story, not a tenth of the corpus


def test_bbc_sample_ingests(tmp_path, bbc_files, nlp):
    sample = every(bbc_files, SAMPLE)
    outcomes = ingest(sample, tmp_path / "briefings")
    assert [o for o in outcomes if o.failed] == []
    assert {o.status for o in outcomes} <= {"written", "skipped"}
    written = [o for o in outcomes if o.status == "written"]
    assert len(written) >= SAMPLE - 2
    for outcome in written:
        briefing = read_briefing(outcome.target)
        assert briefing.title and briefing.summary and briefing.source.file == outcome.article


# --- Reuters-21578 -----------------------------------------------------------------------------


def reuters_stories() -> dict[str, list[dict]]:
    """Per `.sgm` file, its stories that have both a TITLE and a BODY, with their DATE."""
    found = {}
    for sgm in sorted(corpus(REUTERS).glob("reut2-*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        stories = []
        for match in _STORY.finditer(text):
            fields = {tag: _field(tag, match[1]) for tag in ("TITLE", "BODY", "DATE")}
            if fields["TITLE"] and fields["BODY"]:
                stories.append({"title": fields["TITLE"], "body": fields["BODY"], "date": fields["DATE"]})
        found[sgm.stem] = stories
    return found


def _field(tag: str, story: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.DOTALL)
    return html.unescape(match[1]) if match else None


@pytest.fixture(scope="module")
def reuters() -> dict[str, list[dict]]:
    return reuters_stories()


def test_reuters_every_story_reads(tmp_path, reuters):
    paths = []
    for stem, stories in reuters.items():
        path = tmp_path / f"{stem}.jsonl"
        path.write_text("\n".join(json.dumps(story) for story in stories), "utf-8")
        paths.append(path)
    articles, failures = read_all(paths)
    assert failures == []
    assert len(articles) == sum(len(stories) for stories in reuters.values()) > 19_000
    assert sum(a.date is not None for a in articles) > 0.99 * len(articles)
    assert all(a.title and a.paragraphs for a in articles)
    # wire copy's angle-bracketed company names are text, not markup to strip
    assert any(a.title.startswith("<") for a in articles)


def test_reuters_sample_ingests(tmp_path, reuters, nlp):
    stories = every([story for stories in reuters.values() for story in stories], SAMPLE)
    folder = tmp_path / "reuters"
    folder.mkdir()
    half = len(stories) // 2
    for n, story in enumerate(stories[:half]):
        (folder / f"story-{n:03}.txt").write_text(f"{story['title']}\n\n{story['body']}\n", "utf-8")
    (folder / "stories.json").write_text(json.dumps(stories[half:]), "utf-8")
    files, problems = find_articles([folder])
    assert problems == []
    outcomes = ingest(files, tmp_path / "briefings")
    assert [o for o in outcomes if o.failed] == []
    assert len(outcomes) == len(stories)
    assert sum(o.status == "written" for o in outcomes) >= len(stories) - 3
