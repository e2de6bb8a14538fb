"""Ingest: where briefings are written, what is never overwritten, and a batch that survives bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefkit.ingest import Outcome, ingest, store
from briefkit.model import Briefing, Provenance, Source
from briefkit.store import dump_briefing, fingerprint, is_edited, read_briefing


def generated(title: str, article: Path, summary: str = "What happened.", **fields) -> Briefing:
    """A briefing as ingest makes it: source file recorded, provenance stamped."""
    briefing = Briefing(title=title, date=dt.date(2024, 3, 1), summary=summary, source=Source(name="Wire", file=str(article)), **fields)
    briefing.body = f"## Summary\n\n{summary}\n"
    briefing.briefkit = Provenance(generated=fingerprint(briefing), extractor="test")
    return briefing


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "briefings"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "articles" / "harbour.txt"
    path.parent.mkdir()
    path.write_text("Harbour reopens\n\nThe harbour reopened on Monday.\n", "utf-8")
    return path


def test_written(out, article):
    briefing = generated("Harbour reopens after storm", article)
    outcome = store(briefing, article, out)
    assert outcome == Outcome(str(article), "written", out / "harbour-reopens-after-storm.md")
    assert not outcome.failed
    back = read_briefing(outcome.target)
    assert back.front_matter() == briefing.front_matter()
    assert not is_edited(back)


def test_same_again_is_unchanged(out, article):
    first = store(generated("Harbour reopens", article), article, out)
    before = first.target.read_bytes()
    again = store(generated("Harbour reopens", article), article, out)
    assert again.status == "unchanged"
    assert again.target == first.target
    assert first.target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["harbour-reopens.md"]


def test_new_extraction_of_the_same_article_updates(out, article):
    first = store(generated("Harbour reopens", article, "First summary."), article, out)
    second = store(generated("Harbour reopens", article, "Better summary."), article, out)
    assert second.status == "updated"
    assert second.target == first.target
    assert read_briefing(first.target).summary == "Better summary."


def test_edited_briefing_is_kept_byte_for_byte(out, article):
    target = store(generated("Harbour reopens", article), article, out).target
    edited = target.read_text("utf-8").replace("summary: What happened.", "summary: Written by an editor.") + "\nAn editor's note.\n"
    target.write_text(edited, "utf-8")
    before = target.read_bytes()
    outcome = store(generated("Harbour reopens", article, "A fresh extraction."), article, out)
    assert outcome.status == "kept"
    assert outcome.target == target
    assert "--force" in outcome.message
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["harbour-reopens.md"]


def test_force_overwrites_an_edited_briefing(out, article):
    target = store(generated("Harbour reopens", article), article, out).target
    target.write_text(target.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    fresh = generated("Harbour reopens", article, "A fresh extraction.")
    outcome = store(fresh, article, out, force=True)
    assert outcome.status == "updated"
    assert target.read_text("utf-8") == dump_briefing(fresh)


def test_invalid_briefing_in_the_way_is_kept_unless_forced(out, article):
    out.mkdir()
    target = out / "harbour-reopens.md"
    target.write_text("---\ntitle: [broken\n---\n", "utf-8")
    kept = store(generated("Harbour reopens", article), article, out)
    assert kept.status == "kept" and kept.target == target
    assert target.read_text("utf-8") == "---\ntitle: [broken\n---\n"
    forced = store(generated("Harbour reopens", article), article, out, force=True)
    assert forced.status == "updated"
    assert read_briefing(target).title == "Harbour reopens"


def test_different_article_same_title_gets_a_numbered_slug(out, article, tmp_path):
    other = tmp_path / "articles" / "harbour-2.txt"
    other.write_text("Harbour reopens\n\nAnother story entirely.\n", "utf-8")
    first = store(generated("Harbour reopens", article), article, out)
    second = store(generated("Harbour reopens", other, "Another story."), other, out)
    assert first.target.name == "harbour-reopens.md"
    assert second.status == "written"
    assert second.target.name == "harbour-reopens-2.md"
    assert read_briefing(first.target).summary == "What happened."
    # each article finds its own briefing again
    assert store(generated("Harbour reopens", other, "Another story."), other, out).target == second.target
    assert store(generated("Harbour reopens", article), article, out).status == "unchanged"
    assert sorted(p.name for p in out.iterdir()) == ["harbour-reopens-2.md", "harbour-reopens.md"]


def test_hand_written_briefing_with_that_slug_is_left_alone(out, article):
    out.mkdir()
    hand = out / "harbour-reopens.md"
    hand.write_text("---\ntitle: Harbour reopens\ndate: 2024-03-01\n---\n\nMy own notes.\n", "utf-8")
    before = hand.read_bytes()
    outcome = store(generated("Harbour reopens", article), article, out)
    assert outcome.target != hand
    assert hand.read_bytes() == before


@pytest.mark.parametrize("title", ["Index", "INDEX", "  index  ", "index!"])
def test_title_index_never_becomes_index_md(out, article, title):
    outcome = store(generated(title, article), article, out)
    assert outcome.status == "written"
    assert outcome.target.name != "index.md"
    assert not (out / "index.md").exists()


@pytest.mark.parametrize("title", ["../../etc/passwd", "/etc/passwd", "..", "a/../../b", "C:\\Windows\\x", "~/.ssh/id"])
def test_slug_stays_inside_out_dir(out, article, title):
    outcome = store(generated(title, article), article, out)
    assert outcome.target.parent == out
    assert outcome.target.resolve().parent == out.resolve()
    assert outcome.target.name.endswith(".md") and not outcome.target.name.startswith(".")
    assert [p.name for p in out.iterdir()] == [outcome.target.name]


def test_title_without_ascii_letters_gets_a_slug(out, article):
    outcome = store(generated("東京", article), article, out)
    assert outcome.target.parent == out and outcome.target.stem


# --- ingest end to end, with the spaCy model -------------------------------------------------

HARBOUR = """Storm damage closes Portmere harbour for a week

Published 4 March 2024

Fishing boats stayed in port after the storm.

The harbour at Portmere was closed on Monday after a storm damaged the outer wall, the Portmere Harbour Authority said.

Harbour master Ellen Quayle said repairs would take at least a week. "We will reopen as soon as the wall is safe," Quayle said.

The wall was last rebuilt in 1987.
"""

FESTIVAL = """Lindvik music festival breaks attendance record

More than 40,000 people attended the Lindvik music festival over the weekend, organisers said on Sunday.

Festival director Tomas Arvid said the band line-up had drawn visitors from across Norway.
"""

BRIDGE = """New bridge opens in Carrow

Published 2024-02-10

The new bridge over the river Carrow opened to traffic on Saturday, three months behind schedule.

Mayor Nadia Brent cut the ribbon at a ceremony attended by several hundred residents.
"""


@pytest.fixture
def batch(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, text in [("harbour", HARBOUR), ("festival", FESTIVAL), ("bridge", BRIDGE)]:
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, "utf-8")
    paths["empty"] = folder / "empty.txt"
    paths["empty"].write_text("", "utf-8")
    paths["missing"] = folder / "missing.txt"
    return paths


def test_ingest_batch_continues_past_bad_files(tmp_path, batch):
    out = tmp_path / "briefings"
    order = [batch["harbour"], batch["empty"], batch["festival"], batch["missing"], batch["bridge"]]
    reported = []
    outcomes = ingest(order, out, default_date=dt.date(2024, 3, 3), report=reported.append)
    assert reported == outcomes
    assert [o.article for o in outcomes] == [str(p) for p in order]
    assert [o.status for o in outcomes] == ["written", "failed", "written", "failed", "written"]
    for bad in (outcomes[1], outcomes[3]):
        assert bad.failed and bad.target is None and bad.message
    assert "empty" in outcomes[1].message
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(o.target.name for o in outcomes if not o.failed)
    assert len(written) == 3


def test_ingest_briefings_are_valid_and_dated(tmp_path, batch):
    out = tmp_path / "briefings"
    outcomes = ingest([batch["harbour"], batch["festival"], batch["bridge"]], out, default_date=dt.date(2024, 3, 3))
    harbour, festival, bridge = (read_briefing(o.target) for o in outcomes)
    assert harbour.title == "Storm damage closes Portmere harbour for a week"
    assert harbour.date == dt.date(2024, 3, 4)  # the article's own date wins over the default
    assert festival.date == dt.date(2024, 3, 3)  # no date line: the default
    assert bridge.date == dt.date(2024, 2, 10)
    assert all(o.warning is None for o in outcomes)
    assert harbour.source.file == str(batch["harbour"])
    assert not is_edited(harbour) and harbour.briefkit is not None
    assert "Ellen Quayle" in [a.name for a in harbour.actors]
    assert harbour.summary and harbour.body


def test_ingest_twice_is_unchanged(tmp_path, batch):
    out = tmp_path / "briefings"
    paths = [batch["harbour"], batch["bridge"]]
    first = ingest(paths, out, default_date=dt.date(2024, 3, 3))
    contents = {o.target: o.target.read_bytes() for o in first}
    second = ingest(paths, out, default_date=dt.date(2024, 3, 3))
    assert [o.status for o in second] == ["unchanged", "unchanged"]
    assert {o.target: o.target.read_bytes() for o in second} == contents


def test_missing_date_warns(tmp_path, batch):
    out = tmp_path / "briefings"
    outcomes = ingest([batch["festival"], batch["bridge"]], out)
    festival, bridge = outcomes
    assert festival.status == "written"
    assert festival.warning and "--date" in festival.warning
    assert read_briefing(festival.target).date is None
    assert bridge.warning is None


# --- many articles per file, and bugs that must not cost the batch --------------------------------


def test_each_article_of_a_many_article_file_has_its_outcome(tmp_path, nlp):
    feed = tmp_path / "api.json"
    feed.write_text(json.dumps([{"title": "Storm closes Portmere harbour", "body": HARBOUR.split("\n\n", 3)[3]},
                                {"body": "No title here."},
                                {"title": "Lindvik festival record", "body": FESTIVAL.split("\n\n", 1)[1]}]), "utf-8")
    outcomes = ingest([feed], tmp_path / "briefings", default_date=dt.date(2024, 3, 3))
    assert [(o.article, o.status) for o in outcomes] == [(f"{feed}#1", "written"), (f"{feed}#2", "failed"), (f"{feed}#3", "written")]
    assert read_briefing(outcomes[2].target).source.file == f"{feed}#3"
    again = ingest([feed], tmp_path / "briefings", default_date=dt.date(2024, 3, 3))
    assert [o.status for o in again] == ["unchanged", "failed", "unchanged"]


def test_an_unexpected_error_fails_one_file_not_the_batch(tmp_path, batch, monkeypatch):
    import briefkit.ingest as ingest_module

    real = ingest_module.read_articles

    def flaky(path, **kwargs):
        if path.name == "festival.txt":
            raise ValueError("a reader bug")
        return real(path, **kwargs)

    monkeypatch.setattr(ingest_module, "read_articles", flaky)
    outcomes = ingest([batch["harbour"], batch["festival"], batch["bridge"]], tmp_path / "briefings")
    assert [o.status for o in outcomes] == ["written", "failed", "written"]
    assert outcomes[1].message == "unexpected error, please report it: ValueError: a reader bug"


def test_briefings_of_one_long_title_get_pages_of_their_own(out, tmp_path):
    from briefkit.check import load_briefings
    from briefkit.store import page_slug
    from briefkit.taxonomy import load_taxonomy
    from briefkit.text import slugify

    title = "Harbour authorities and regional councils agree a shared plan for flood defences on the coast"
    assert len(slugify(title)) == 80  # the longest slug: its `-2` must not push it over
    targets = []
    for n in range(3):
        source = tmp_path / "articles" / f"flood-{n}.txt"
        source.parent.mkdir(exist_ok=True)
        source.write_text(f"{title}\n\nStory {n}.\n", "utf-8")
        targets.append(store(generated(title, source), source, out).target)
    assert len({page_slug(t) for t in targets}) == 3  # `<80 characters>-2` was cut back to the first page's slug
    assert all(page_slug(t) == t.stem for t in targets)
    assert load_briefings([out], load_taxonomy())[1] == []  # no "would both be the page" problem


@pytest.mark.parametrize("title", ["Index", "2024"])
def test_a_title_that_names_a_listing_page_gets_a_page_of_its_own(out, article, title):
    target = store(generated(title, article), article, out).target
    assert target.stem == f"{title.lower()}-briefing"
