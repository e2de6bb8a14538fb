"""What ingest records about what it generated, and `--merge`: untouched parts refreshed, edited ones kept."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.model import Actor, Briefing, Quote, Source
from briefkit.provenance import can_merge, merge, sections, stamp, text_hash, value_hash
from briefkit.store import dump_briefing, is_edited, parse_briefing


def generated(summary: str = "Dockers strike.", actors=("Ada Osei",), quotes=("We will not move.",), extra_section: str | None = None) -> Briefing:
    """A briefing as ingest would make it from one article, with the body sections compose writes."""
    body = [f"## Summary\n\n{summary}", "## Actors\n\n" + "\n".join(f"- **{a}** (person)" for a in actors)]
    if extra_section:
        body.append(extra_section)
    body.append("## Article\n\nThe article text.")
    briefing = Briefing(
        title="Dockers strike",
        date=dt.date(2024, 4, 2),
        summary=summary,
        source=Source(name="Wire", file="articles/dockers.txt"),
        actors=[Actor(name=a, kind="person") for a in actors],
        topics=["labour"],
        tags=list(actors),
        quotes=[Quote(speaker=actors[0], text=q) for q in quotes],
        body="\n\n".join(body) + "\n",
    )
    return stamp(briefing, "test")


def reread(briefing: Briefing) -> Briefing:
    return parse_briefing(dump_briefing(briefing), "b.md")


def edit(briefing: Briefing, body: str | None = None, **fields) -> Briefing:
    """What a person's edit of the file looks like once read back."""
    changed = reread(briefing).model_copy(update=fields)
    if body is not None:
        changed.body = body
    return reread(changed)


# --- sections ---------------------------------------------------------------------------------


def test_sections_cut_at_level_two_headings_outside_code():
    body = "Intro line.\n\n## Summary\n\nText.\n\n### Not a cut\n\n```\n## not a heading\n```\n\n## Key points ##\n\n- a\n"
    assert sections(body) == [
        ("", "Intro line."),
        ("Summary", "## Summary\n\nText.\n\n### Not a cut\n\n```\n## not a heading\n```"),
        ("Key points", "## Key points ##\n\n- a"),
    ]


def test_sections_of_a_body_without_headings():
    assert sections("Just text.\n") == [("", "Just text.")]
    assert sections("") == []


# --- stamp ------------------------------------------------------------------------------------


def test_stamp_records_every_field_and_section():
    briefing = generated()
    record = briefing.briefkit
    assert set(record.fields) == {"title", "date", "summary", "source", "actors", "topics", "tags", "timeline", "quotes", "body"}
    assert record.fields["summary"] == value_hash("Dockers strike.")
    assert record.fields["body"] == text_hash(briefing.body)
    assert list(record.sections) == ["Summary", "Actors", "Article"]
    assert not is_edited(reread(briefing))
    assert can_merge(briefing)


def test_field_hashes_survive_the_file():
    briefing = generated()
    back = reread(briefing)
    assert back.briefkit == briefing.briefkit
    matter = back.model_copy(update={"briefkit": None}).front_matter()
    assert {k: value_hash(v) for k, v in matter.items()} | {"body": text_hash(back.body)} == briefing.briefkit.fields


# --- merge ------------------------------------------------------------------------------------


def test_untouched_briefing_takes_the_new_extraction_whole():
    fresh = generated(summary="Dockers end strike.", actors=("Ada Osei", "Port of Velden"))
    merged = merge(reread(generated()), fresh)
    assert merged.briefing.front_matter() == fresh.front_matter()
    assert merged.briefing.body == fresh.body
    assert merged.kept == []
    assert set(merged.refreshed) == {"summary", "actors", "tags", "body"}


def test_edited_fields_are_kept_and_the_others_refreshed():
    current = edit(generated(), summary="A person's summary.", topics=["labour", "economy-business-finance"])
    fresh = generated(summary="Dockers end strike.", actors=("Ada Osei", "Port of Velden"), quotes=("We won.",))
    merged = merge(current, fresh)
    result = merged.briefing
    assert result.summary == "A person's summary."
    assert result.topics == ["labour", "economy-business-finance"]
    assert [a.name for a in result.actors] == ["Ada Osei", "Port of Velden"]
    assert [q.text for q in result.quotes] == ["We won."]
    assert sorted(merged.kept) == ["summary", "topics"]
    assert result.briefkit == fresh.briefkit  # records what was generated now
    assert is_edited(reread(result))  # the person's summary still differs from what was generated


def test_a_persons_own_keys_are_kept():
    current = reread(Briefing.model_validate({**generated().front_matter(), "editor": "Mara", "body": generated().body}))
    merged = merge(current, generated(summary="New."))
    assert merged.briefing.model_extra == {"editor": "Mara"}
    assert merged.briefing.summary == "New."


def test_edited_body_section_kept_others_refreshed():
    original = generated()
    body = original.body.replace("Dockers strike.", "Dockers strike, a person wrote.", 1)
    current = edit(original, body=body)
    fresh = generated(summary="Dockers end strike.", actors=("Ada Osei", "Port of Velden"))
    merged = merge(current, fresh)
    parts = dict(sections(merged.briefing.body))
    assert parts["Summary"] == "## Summary\n\nDockers strike, a person wrote."
    assert "Port of Velden" in parts["Actors"]
    assert list(parts) == ["Summary", "Actors", "Article"]
    assert "body section 'Summary'" in merged.kept
    assert "body section 'Actors'" in merged.refreshed


def test_added_section_stays_and_deleted_section_stays_deleted():
    original = generated()
    parts = dict(sections(original.body))
    body = "\n\n".join([parts["Summary"], "## Analysis\n\nA person's analysis.", parts["Article"]])  # Actors deleted, Analysis added
    current = edit(original, body=body)
    fresh = generated(summary="Dockers end strike.")
    merged = merge(current, fresh)
    assert [h for h, _ in sections(merged.briefing.body)] == ["Summary", "Analysis", "Article"]
    assert "## Summary\n\nDockers end strike." in merged.briefing.body
    assert "A person's analysis." in merged.briefing.body


def test_a_section_the_new_extraction_adds_goes_in_its_place():
    current = edit(generated(), body=generated().body + "\n## Notes\n\nMine.\n")
    fresh = generated(extra_section="## Timeline\n\n- **2024-04** — The strike began.")
    merged = merge(current, fresh)
    assert [h for h, _ in sections(merged.briefing.body)] == ["Summary", "Actors", "Timeline", "Article", "Notes"]


def test_merging_the_same_extraction_again_changes_nothing():
    current = edit(generated(), summary="A person's summary.")
    fresh = generated(summary="Dockers end strike.")
    once = reread(merge(current, fresh).briefing)
    twice = merge(once, generated(summary="Dockers end strike."))
    assert twice.briefing.front_matter() == once.front_matter()
    assert twice.briefing.body.strip() == once.body.strip()
    assert twice.refreshed == []


def test_without_sections_an_edited_body_is_kept_whole():
    original = generated()
    original.briefkit = original.briefkit.model_copy(update={"sections": {}})
    current = edit(original, body=original.body + "\nA note.\n")
    merged = merge(current, generated(summary="Dockers end strike."))
    assert merged.briefing.body == current.body
    assert "body" in merged.kept


@pytest.mark.parametrize("provenance", [None, "legacy"])
def test_hand_written_and_legacy_briefings_cannot_be_merged(provenance):
    briefing = generated()
    if provenance is None:
        briefing.briefkit = None
    else:
        briefing.briefkit = briefing.briefkit.model_copy(update={"fields": {}, "sections": {}})
    assert not can_merge(briefing)
