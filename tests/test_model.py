"""The briefing schema: what a briefing's front matter may hold, and the order it is written in."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from pydantic import ValidationError

from briefkit.model import Actor, Briefing, Provenance, Quote, Source, TimelineEntry


def error_locs(error: ValidationError) -> list[tuple]:
    return [e["loc"] for e in error.errors()]


# --- title and date ---------------------------------------------------------------------------


def test_title_and_date_are_enough():
    briefing = Briefing(title="Harbour reopens", date="2024-05-06")
    assert briefing.title == "Harbour reopens"
    assert briefing.date == dt.date(2024, 5, 6)
    assert briefing.actors == [] and briefing.topics == [] and briefing.timeline == [] and briefing.quotes == []
    assert briefing.summary == "" and briefing.body == ""


def test_title_is_required():
    with pytest.raises(ValidationError) as caught:
        Briefing(date="2024-05-06")
    assert ("title",) in error_locs(caught.value)


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_title_may_not_be_blank(title):
    with pytest.raises(ValidationError) as caught:
        Briefing(title=title, date=None)
    assert ("title",) in error_locs(caught.value)


def test_title_is_stripped():
    assert Briefing(title="  Harbour reopens \n", date=None).title == "Harbour reopens"


def test_date_key_is_required_but_may_be_null():
    with pytest.raises(ValidationError) as caught:
        Briefing(title="Harbour reopens")
    assert ("date",) in error_locs(caught.value)
    assert Briefing(title="Harbour reopens", date=None).date is None


@pytest.mark.parametrize("value", ["2024-05-06", dt.date(2024, 5, 6)])
def test_iso_date_accepted(value):
    assert Briefing(title="t", date=value).date == dt.date(2024, 5, 6)


@pytest.mark.parametrize("value", [1714953600, 1714953600.0, 20240506, 0, True])
def test_a_number_is_not_a_date(value):
    # pydantic alone would read a number as seconds since 1970
    with pytest.raises(ValidationError) as caught:
        Briefing(title="t", date=value)
    assert ("date",) in error_locs(caught.value)


@pytest.mark.parametrize("value", ["6 May 2024", "2024-5-6", "2024-13-01", "2024-02-30", "yesterday", ""])
def test_non_iso_date_strings_rejected(value):
    with pytest.raises(ValidationError):
        Briefing(title="t", date=value)


@pytest.mark.parametrize("value", ["1714953600", "86400"])
def test_a_number_in_a_string_is_not_a_date(value):
    with pytest.raises(ValidationError):
        Briefing(title="t", date=value)


def test_date_from_yaml_front_matter():
    data = yaml.safe_load("title: t\ndate: 2024-05-06\n")
    assert Briefing.model_validate(data).date == dt.date(2024, 5, 6)
    with pytest.raises(ValidationError):
        Briefing.model_validate(yaml.safe_load("title: t\ndate: 1714953600\n"))


# --- timeline dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2019", "2019-02", "2019-02-27", "1950/1953", "2019-02/2019-03", "2019-02-27/2019-02-28", "1999-12-31"],
)
def test_timeline_dates_accepted(value):
    assert TimelineEntry(date=value, text="x").date == value


@pytest.mark.parametrize(
    "value",
    ["2019-13", "19", "next week", "2019-00", "2019-02-32", "2019-2", "02-2019", "2019/", "/2019", "2019/2020/2021", "2019-02-27T10:00", ""],
)
def test_timeline_dates_rejected(value):
    with pytest.raises(ValidationError) as caught:
        TimelineEntry(date=value, text="x")
    assert ("date",) in error_locs(caught.value)


def test_timeline_date_surrounding_whitespace_is_stripped():
    assert TimelineEntry(date=" 2019-02 ", text="x").date == "2019-02"


def test_unquoted_yaml_timeline_dates_are_converted():
    data = yaml.safe_load("date: 2019-02-27\ntext: summit\n")
    assert isinstance(data["date"], dt.date)
    assert TimelineEntry.model_validate(data).date == "2019-02-27"
    data = yaml.safe_load("date: 2019\ntext: summit\n")
    assert data["date"] == 2019
    assert TimelineEntry.model_validate(data).date == "2019"


def test_unquoted_yaml_short_number_is_still_rejected():
    with pytest.raises(ValidationError):
        TimelineEntry.model_validate(yaml.safe_load("date: 19\ntext: x\n"))


def test_unquoted_yaml_timestamp_becomes_its_day():
    data = yaml.safe_load("date: 2019-02-27 10:00:00\ntext: summit\n")
    assert isinstance(data["date"], dt.datetime)
    assert TimelineEntry.model_validate(data).date == "2019-02-27"  # a timeline shows the day


def test_impossible_timeline_day_rejected():
    with pytest.raises(ValidationError):
        TimelineEntry(date="2019-02-30", text="x")


def test_timeline_start_of_a_range():
    assert TimelineEntry(date="1950/1953", text="war").start == "1950"
    assert TimelineEntry(date="2019-02", text="x").start == "2019-02"


def test_timeline_text_required():
    with pytest.raises(ValidationError):
        TimelineEntry(date="2019", text="")


# --- actors, quotes, nested parts -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["person", "organization", "place", "group"])
def test_actor_kinds(kind):
    assert Actor(name="Ada Osei", kind=kind).kind == kind


@pytest.mark.parametrize("kind", ["robot", "Person", "org", "", None])
def test_actor_kind_must_be_known(kind):
    with pytest.raises(ValidationError) as caught:
        Actor(name="Ada Osei", kind=kind)
    assert ("kind",) in error_locs(caught.value)


def test_actor_kind_is_required_and_name_not_blank():
    with pytest.raises(ValidationError):
        Actor(name="Ada Osei")
    with pytest.raises(ValidationError):
        Actor(name="  ", kind="person")


def test_actor_defaults_and_negative_mentions():
    actor = Actor(name="Ada Osei", kind="person")
    assert actor.aliases == [] and actor.role is None and actor.mentions == 1
    with pytest.raises(ValidationError):
        Actor(name="Ada Osei", kind="person", mentions=-1)


def test_wrong_actor_kind_inside_a_briefing_is_located():
    with pytest.raises(ValidationError) as caught:
        Briefing(title="t", date=None, actors=[{"name": "A", "kind": "person"}, {"name": "B", "kind": "alien"}])
    assert ("actors", 1, "kind") in error_locs(caught.value)


def test_nested_parts_forbid_unknown_keys():
    with pytest.raises(ValidationError):
        Source(name="Wire", publisher="x")
    with pytest.raises(ValidationError):
        Actor(name="A", kind="person", nickname="x")
    with pytest.raises(ValidationError):
        Quote(text="x", said="y")


def test_quote_needs_text_speaker_optional():
    assert Quote(text="We will rebuild.").speaker is None
    with pytest.raises(ValidationError):
        Quote(speaker="Ada Osei", text=" ")


# --- extra keys and front matter order --------------------------------------------------------


def test_unknown_top_level_keys_are_kept():
    briefing = Briefing(title="t", date=None, editor="Mara", reviewed=True, links=["a", "b"])
    assert briefing.model_extra == {"editor": "Mara", "reviewed": True, "links": ["a", "b"]}
    matter = briefing.front_matter()
    assert matter["editor"] == "Mara" and matter["reviewed"] is True and matter["links"] == ["a", "b"]


CONTRACT_ORDER = ["title", "date", "summary", "source", "actors", "topics", "tags", "timeline", "quotes"]


def full_briefing(**extra) -> Briefing:
    return Briefing(
        title="Ports strike ends",
        date="2024-05-06",
        summary="Dockers return to work.",
        source=Source(name="Wire", file="articles/ports.txt"),
        actors=[Actor(name="Ada Osei", kind="person", role="union leader")],
        topics=["economy-business-finance"],
        tags=["Ada Osei"],
        timeline=[TimelineEntry(date="2024-04", text="The strike began.")],
        quotes=[Quote(speaker="Ada Osei", text="We won.")],
        body="## Summary\n\nDockers return.",
        **extra,
    )


def test_front_matter_key_order_and_no_provenance_when_none():
    matter = full_briefing().front_matter()
    assert list(matter) == CONTRACT_ORDER
    assert "briefkit" not in matter and "body" not in matter


def test_front_matter_with_provenance_and_extra_keys():
    briefing = full_briefing(editor="Mara")
    briefing.briefkit = Provenance(generated="abc", extractor="0.1.0")
    matter = briefing.front_matter()
    keys = list(matter)
    assert keys[: len(CONTRACT_ORDER)] == CONTRACT_ORDER
    assert set(keys[len(CONTRACT_ORDER):]) == {"briefkit", "editor"}
    assert matter["briefkit"] == {"generated": "abc", "extractor": "0.1.0"}


def test_front_matter_is_plain_data():
    matter = full_briefing().front_matter()
    assert matter["date"] == dt.date(2024, 5, 6)
    assert matter["source"] == {"name": "Wire", "file": "articles/ports.txt", "url": None}
    assert matter["actors"] == [{"name": "Ada Osei", "kind": "person", "role": "union leader", "aliases": [], "mentions": 1}]
    assert matter["timeline"] == [{"date": "2024-04", "text": "The strike began.", "evidence": None}]
    assert matter["quotes"] == [{"speaker": "Ada Osei", "text": "We won."}]
    # safe_dump accepts it: nothing but YAML-native types
    yaml.safe_dump(matter)


# --- descriptions (the reference page is generated from them), provenance, body ---------------

MODELS = [Briefing, Source, Actor, TimelineEntry, Quote, Provenance]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_front_matter_field_is_described(model):
    for name, field in model.model_fields.items():
        if not field.exclude:
            assert field.description and field.description.strip().endswith("."), f"{model.__name__}.{name}"
    assert model.__doc__ and model.__doc__.strip()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_field_examples_are_valid_values(model):
    for name, field in model.model_fields.items():
        for example in field.examples or []:
            if model is Briefing:
                Briefing.model_validate({"title": "t", "date": None, name: example})
            elif model is not Provenance:
                required = {n: "2024" if n == "date" else "x" for n, f in model.model_fields.items() if f.is_required()}
                if model is Actor:
                    required["kind"] = "person"
                model.model_validate({**required, name: example})


def test_legacy_provenance_keeps_its_two_keys():
    briefing = full_briefing()
    briefing.briefkit = Provenance(generated="abc", extractor="0.1.0")
    assert briefing.front_matter()["briefkit"] == {"generated": "abc", "extractor": "0.1.0"}
    briefing.briefkit = Provenance(generated="abc", extractor="0.1.0", fields={"title": "1"}, sections={"Summary": "2"})
    assert briefing.front_matter()["briefkit"] == {"generated": "abc", "extractor": "0.1.0", "fields": {"title": "1"}, "sections": {"Summary": "2"}}


@pytest.mark.parametrize("body, normal", [("a\r\nb\r\n", "a\nb\n"), ("a\rb", "a\nb"), ("a\n\nb", "a\n\nb"), ("  indented", "  indented")])
def test_body_line_endings_are_normalized_and_nothing_else(body, normal):
    assert Briefing(title="t", date=None, body=body).body == normal


@pytest.mark.parametrize("value, words", [("2019-13", "expected YYYY"), ("2019-02-30", "real dates"), ("2020/2019", "backwards")])
def test_timeline_date_messages_say_what_is_wrong(value, words):
    with pytest.raises(ValidationError) as caught:
        TimelineEntry(date=value, text="x")
    assert words in str(caught.value)
