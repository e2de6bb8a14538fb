"""Duplicates: exact (the same words) and near (the same story with trivial differences), found in a
batch and against the briefings already written, reported with what was kept and why."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from briefkit.dedupe import MIN_SHINGLES, THRESHOLD, Deduper, jaccard, shingles, words
from briefkit.ingest import ingest

STORY = (
    "The harbour at Portmere was closed on Monday after a storm damaged the outer wall, the Portmere Harbour "
    "Authority said. Harbour master Ellen Quayle said repairs would take at least a week and that the fishing "
    "fleet would stay in port until the wall was safe. The wall was last rebuilt in 1987, when a similar storm "
    "closed the harbour for a month. Local businesses said the closure would cost them thousands of pounds, and "
    "the council promised an emergency fund for traders on the quay."
)
OTHER = (
    "More than 40,000 people attended the Lindvik music festival over the weekend, organisers said on Sunday. "
    "Festival director Tomas Arvid said the band line-up had drawn visitors from across Norway and Sweden, and "
    "that next year's festival would add a third stage by the lake. Hotels in the town were fully booked for "
    "the first time since the festival began in 2009, the local tourist office said."
)


def test_words_ignore_case_punctuation_and_quote_style():
    assert words("\u201cIt\u2019s SAFE,\u201d she said.") == words('"It\'s safe," she said') == ["it", "s", "safe", "she", "said"]


def test_identical_words_are_an_exact_duplicate():
    seen = Deduper()
    seen.add(STORY, label="a.txt", source="a.txt")
    retyped = STORY.replace("'", "\u2019").upper().replace(". ", ".\n\n")
    found = seen.find(retyped, source="b.txt")
    assert found is not None and found.exact
    assert found.describe() == "duplicate of a.txt (the same text)"


def test_trivial_differences_are_a_near_duplicate():
    seen = Deduper()
    seen.add(STORY, label="a.txt", source="a.txt")
    edited = STORY.replace("at least a week", "a week or more").replace("thousands of", "many thousands of") + " Advertisement."
    found = seen.find(edited, source="b.txt")
    assert found is not None and not found.exact
    expected = jaccard(shingles(words(STORY)), shingles(words(edited)))
    assert found.similarity == pytest.approx(expected)
    assert THRESHOLD <= expected < 1
    assert found.describe() == f"near-duplicate of a.txt (similarity {expected:.2f})"


def test_different_stories_are_not_duplicates():
    seen = Deduper()
    seen.add(STORY, label="a.txt", source="a.txt")
    assert seen.find(OTHER, source="b.txt") is None
    half = STORY[: len(STORY) // 2] + " " + OTHER  # shares a lot, but is another text
    assert seen.find(half, source="c.txt") is None


def test_an_article_is_not_its_own_duplicate():
    seen = Deduper()
    seen.add(STORY, label="briefings/harbour.md", source="a.txt")
    assert seen.find(STORY, source="a.txt") is None
    assert seen.find(STORY, source="b.txt").of == "briefings/harbour.md"


def test_short_texts_are_only_exact_duplicates():
    seen = Deduper()
    short = "Pier closed today after the storm."
    assert len(shingles(words(short))) < MIN_SHINGLES
    seen.add(short, label="a.txt")
    assert seen.find("Pier closed today after the storm!", source="b.txt").exact
    assert seen.find("Pier closed today after the big storm.", source="b.txt") is None


def test_the_best_match_is_reported():
    seen = Deduper()
    seen.add(STORY.replace("Monday", "Tuesday").replace("week", "fortnight").replace("1987", "1986"), label="far.txt")
    seen.add(STORY.replace("Monday", "Tuesday"), label="near.txt")
    assert seen.find(STORY, source="x.txt").of == "near.txt"


def test_many_texts_stay_fast_and_correct():
    rng = random.Random(4)
    vocabulary = [f"w{n}" for n in range(5000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(150)) for _ in range(1500)]
    seen = Deduper()
    for n, text in enumerate(texts):
        assert seen.find(text, source=str(n)) is None
        seen.add(text, label=str(n), source=str(n))
    changed = texts[700].split()
    changed[75] = "different"
    assert seen.find(" ".join(changed), source="new").of == "700"


# --- through ingest ----------------------------------------------------------------------------


def article(title: str, body: str) -> str:
    return f"{title}\n\nPublished 4 March 2024\n\n{body}\n"


@pytest.fixture
def folder(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def test_ingest_keeps_one_briefing_per_story(tmp_path, folder):
    (folder / "a.txt").write_text(article("Storm closes Portmere harbour", STORY), "utf-8")
    (folder / "b.txt").write_text(article("Storm closes Portmere harbour", STORY), "utf-8")  # the same file twice
    (folder / "c.md").write_text(f"---\ntitle: Portmere harbour shut by storm\ndate: 2024-03-04\n---\n\n{STORY.replace('Monday', 'Monday morning')}\n", "utf-8")
    (folder / "d.json").write_text(json.dumps([{"title": "Lindvik festival record", "body": OTHER}, {"title": "Storm closes Portmere harbour", "body": STORY}]), "utf-8")
    (folder / "e.txt").write_text(article("Lindvik festival record", OTHER), "utf-8")
    out = tmp_path / "briefings"
    outcomes = ingest(sorted(folder.iterdir()), out)
    by_article = {o.article.rsplit("/", 1)[-1]: o for o in outcomes}
    assert {k: o.status for k, o in by_article.items()} == {
        "a.txt": "written", "b.txt": "skipped", "c.md": "skipped", "d.json#1": "written", "d.json#2": "skipped", "e.txt": "skipped"}
    a = str(folder / "a.txt")
    assert by_article["b.txt"].message == f"duplicate of {a} (the same text), which was kept"
    assert by_article["c.md"].message.startswith(f"near-duplicate of {a} (similarity 0.")
    assert by_article["e.txt"].message == f"duplicate of {folder / 'd.json'}#1 (the same text), which was kept"
    assert all(o.target is None for o in outcomes if o.status == "skipped")
    assert len(list(out.iterdir())) == 2


def test_a_later_run_compares_with_the_briefings_written(tmp_path, folder):
    (folder / "a.txt").write_text(article("Storm closes Portmere harbour", STORY), "utf-8")
    out = tmp_path / "briefings"
    [first] = ingest([folder / "a.txt"], out)
    (folder / "copy.txt").write_text(article("Storm shuts Portmere harbour", STORY + " The council meets on Friday."), "utf-8")
    again, copy = ingest([folder / "a.txt", folder / "copy.txt"], out, default_date=dt.date(2024, 3, 4))
    assert again.status == "unchanged"  # its own briefing is no duplicate of it
    assert copy.status == "skipped"
    assert copy.message.startswith("near-duplicate of ")
    # the copy alone, in a new run, still finds the briefing of the first
    [alone] = ingest([folder / "copy.txt"], out)
    assert alone.status == "skipped" and alone.message.startswith(f"near-duplicate of {first.target} (similarity ")
    assert len(list(out.iterdir())) == 1
