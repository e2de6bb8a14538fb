"""Briefing files: dump and parse, located problems, atomic writes, edit detection."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit.errors import BriefingProblem
from briefkit.model import Actor, Briefing, Provenance, Quote, Source, TimelineEntry
from briefkit.provenance import stamp
from briefkit.store import (
    briefing_paths,
    dump_briefing,
    fingerprint,
    is_edited,
    key_line,
    parse_briefing,
    parse_text,
    read_briefing,
    write_atomic,
    write_new,
)


def stamped(briefing: Briefing) -> Briefing:
    briefing.briefkit = Provenance(generated=fingerprint(briefing), extractor="test")
    return briefing


def tricky_briefing() -> Briefing:
    return Briefing(
        title='Ministers: "No deal" --- yes, #1 priority',
        date=dt.date(2023, 11, 2),
        summary="null",
        source=Source(name="Agência Lusa: Porto", file="articles/a b.txt", url="https://example.org/a?b=1#c"),
        actors=[
            Actor(name="Zoë Ångström-Ō'Neill", kind="person", role="minister: finance", aliases=["Ångström", "yes"], mentions=3),
            Actor(name="1e3", kind="group"),
        ],
        topics=["politics"],
        tags=["on", "~", "Zoë"],
        timeline=[TimelineEntry(date="1950/1953", text="- war: [1950]", evidence="1950-53"), TimelineEntry(date="2023", text="#hash & <b>")],
        quotes=[
            Quote(speaker="Zoë Ångström-Ō'Neill", text="'Yes', she said: \"no\" --- 1e3 # not a comment"),
            Quote(speaker=None, text="yes"),
            Quote(text="---\n---"),
        ],
        body="## Summary\n\nA body with --- inside\n\n---\n\nand a line that is only dashes, 東京, and title: not a key.\n",
    )


# --- round trip -------------------------------------------------------------------------------


def test_round_trip_of_tricky_values():
    briefing = tricky_briefing()
    text = dump_briefing(briefing)
    assert text.startswith("---\n")
    back = parse_briefing(text, "b.md")
    assert back.front_matter() == briefing.front_matter()
    assert back.body == briefing.body.strip()
    # the YAML keywords stayed strings, not booleans, nulls or floats
    assert back.summary == "null"
    assert back.actors[1].name == "1e3"
    assert back.actors[0].aliases == ["Ångström", "yes"]
    assert back.quotes[1].text == "yes"
    assert back.tags == ["on", "~", "Zoë"]


def test_unicode_is_written_as_is():
    text = dump_briefing(tricky_briefing())
    assert "Zoë Ångström-Ō'Neill" in text and "東京" in text


def test_round_trip_keeps_extra_keys_and_provenance():
    briefing = stamped(Briefing(title="t", date=None, editor="Mara", notes=["a", {"b": 1}]))
    back = parse_briefing(dump_briefing(briefing), "b.md")
    assert back.model_extra == {"editor": "Mara", "notes": ["a", {"b": 1}]}
    assert back.briefkit == briefing.briefkit
    assert back.date is None


def test_dumped_keys_in_contract_order():
    text = dump_briefing(stamped(tricky_briefing()))
    front = re.split(r"^---$", text, maxsplit=2, flags=re.MULTILINE)[1]
    assert list(yaml.safe_load(front)) == ["title", "date", "summary", "source", "actors", "topics", "tags", "timeline", "quotes", "briefkit"]
    top_keys = [line.split(":")[0] for line in front.splitlines() if line and not line.startswith((" ", "-"))]
    assert top_keys == ["title", "date", "summary", "source", "actors", "topics", "tags", "timeline", "quotes", "briefkit"]


# Text that YAML would read as something else unless quoted, and Markdown/front-matter markers.
YAML_WORDS = ["yes", "no", "on", "off", "null", "~", "true", "1e3", "0x1F", "0o17", "1_000", ".inf", ".nan", "12:30",
              "2024-01-01", "---", "...", "- x", "#", "# not a comment", "a: b", "key:", "'", '"', "[x]", "{y}", "&a",
              "*a", "!tag", "%x", "@", "`", "|", ">", "? x", "=", "\\", "\t", " ", "\u2028", "\x85", "\ufeff"]
words = st.sampled_from(YAML_WORDS)
texts = st.one_of(st.text(max_size=40), words, st.lists(st.one_of(words, st.text(max_size=8)), min_size=1, max_size=4).map(" ".join))
lines = texts.filter(lambda s: s.strip())
optional = st.none() | texts
day = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
partial_date = st.tuples(day, st.sampled_from([4, 7, 10])).map(lambda pair: pair[0].isoformat()[: pair[1]])
timeline_date = partial_date | st.tuples(partial_date, partial_date).map(sorted).map("/".join)
actors = st.builds(Actor, name=lines, kind=st.sampled_from(["person", "organization", "place", "group"]), role=optional,
                   aliases=st.lists(texts, max_size=3), mentions=st.integers(0, 10**9))
timeline = st.builds(TimelineEntry, date=timeline_date, text=lines, evidence=optional)
quotes = st.builds(Quote, speaker=st.none() | lines, text=lines)
sources = st.none() | st.builds(Source, name=optional, file=optional, url=optional)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts | day
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3), max_leaves=8)
extra_keys = texts.filter(lambda k: k not in Briefing.model_fields)
briefings = st.builds(
    Briefing,
    title=lines,
    date=st.none() | day,
    summary=texts,
    source=sources,
    actors=st.lists(actors, max_size=3),
    topics=st.lists(texts, max_size=3),
    tags=st.lists(texts, max_size=3),
    timeline=st.lists(timeline, max_size=3),
    quotes=st.lists(quotes, max_size=3),
    body=st.text(max_size=200) | st.lists(st.one_of(words, st.text(max_size=20)), max_size=8).map("\n".join),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("round-trip")


@settings(max_examples=300, deadline=None)
@given(briefing=briefings, extra=st.dictionaries(extra_keys, values, max_size=3), stamp_it=st.booleans())
def test_round_trip_property(folder, briefing, extra, stamp_it):
    """Any briefing the schema accepts is read back unchanged after `write_atomic` and `read_briefing`."""
    briefing = Briefing.model_validate({**briefing.front_matter(), **extra, "body": briefing.body})
    if stamp_it:
        stamp(briefing, "test")
    path = folder / "b.md"
    write_atomic(path, dump_briefing(briefing))
    back = read_briefing(path)
    assert back.front_matter() == briefing.front_matter()
    assert back.model_extra == briefing.model_extra
    assert back.body == briefing.body.strip("\n")  # blank lines around the body are not content
    if stamp_it:
        assert not is_edited(back)


@settings(max_examples=100, deadline=None)
@given(briefing=briefings)
def test_a_dumped_briefing_has_no_problems(briefing):
    parsed = parse_text(dump_briefing(briefing), "b.md")
    assert parsed.problems == []


# --- problems ---------------------------------------------------------------------------------


def problem(text: str) -> BriefingProblem:
    with pytest.raises(BriefingProblem) as caught:
        parse_briefing(text, "briefings/x.md")
    return caught.value


@pytest.mark.parametrize(
    "lines, bad",
    [
        (["---", "title: ok", "date: 2020-01-01", "summary: a: b", "---", "body"], 4),
        (["---", "title: ok", "\tdate: 2020-01-01", "---"], 3),
    ],
)
def test_bad_yaml_gives_the_line_of_the_bad_line(lines, bad):
    found = problem("\n".join(lines) + "\n")
    assert found.line == bad


def test_bad_yaml_is_a_located_problem():
    found = problem("---\ntitle: ok\ndate: 2020-01-01\nsummary: a: b\n---\nbody\n")
    assert found.path == "briefings/x.md"
    assert isinstance(found.line, int) and found.line > 1
    assert "YAML" in found.message
    assert str(found).startswith(f"briefings/x.md:{found.line}: ")


def test_missing_title():
    found = problem("---\ndate: 2020-01-01\nsummary: s\n---\nbody\n")
    assert found.key == "title"
    assert found.line == 1  # absent key: the opening ---
    assert "missing" in found.message
    assert str(found) == "briefings/x.md:1: title: required key is missing"


def test_missing_date_key():
    found = problem("---\ntitle: t\n---\n")
    assert found.key == "date"


def test_wrong_type_gives_key_and_its_line():
    found = problem("---\ntitle: t\ndate: 2020-01-01\nsummary: s\nactors: 5\ntopics: []\n---\n")
    assert found.key == "actors"
    assert found.line == 5


def test_nested_problem_names_the_full_key_and_its_own_line():
    text = "---\ntitle: t\ndate: 2020-01-01\nactors:\n- name: A\n  kind: person\n- name: B\n  kind: robot\n---\n"
    found = problem(text)
    assert found.key == "actors.1.kind"
    assert found.line == 8
    assert str(found).startswith("briefings/x.md:8: actors.1.kind: ")


def test_nested_missing_key_gives_its_items_line():
    found = problem("---\ntitle: t\ndate: 2020-01-01\nactors:\n- name: A\n  kind: person\n- name: B\n---\n")
    assert (found.key, found.line) == ("actors.1.kind", 7)


def test_bad_timeline_date_located():
    found = problem("---\ntitle: t\ndate: 2020-01-01\nsummary: s\ntimeline:\n- date: next week\n  text: x\n---\n")
    assert found.key == "timeline.0.date"
    assert found.line == 6
    assert "next week" in found.message


@pytest.mark.parametrize(
    "text, lines",
    [
        ("---\ntitle: t\ndate: 2023-02-29\n---\n", {3}),
        ("---\ntitle: t\ndate: null\ntimeline:\n- date: 2019-02-30\n  text: x\n---\n", {4, 5}),  # the key's line or the value's
    ],
)
def test_impossible_unquoted_date_is_a_problem(text, lines):
    with pytest.raises(BriefingProblem) as caught:
        parse_briefing(text, "b.md")
    assert caught.value.line in lines


def test_parse_text_collects_every_problem_and_parse_briefing_raises_the_first():
    text = "---\ntitle: t\ntitle: u\ndate: soon\nactors:\n- {name: A, kind: robot}\nbody: x\n---\n"
    parsed = parse_text(text, "b.md")
    assert parsed.briefing is None
    assert [(p.line, p.key) for p in parsed.problems] == [(3, "title"), (7, "body"), (4, "date"), (6, "actors.0.kind")]
    assert problem(text).key == "title"


def test_valid_text_has_no_problems_and_keeps_the_body():
    parsed = parse_text("---\ntitle: t\ndate: 2020-01-01\n---\n\n\nBody *here*.\n\n", "b.md")
    assert parsed.problems == []
    assert parsed.briefing.body == "Body *here*."
    assert parsed.matter.body_line == 7  # ---, title, date, ---, two blank lines


def test_windows_line_endings_are_read_as_newlines(tmp_path):
    path = tmp_path / "b.md"
    path.write_bytes(b"---\r\ntitle: t\r\ndate: 2020-01-01\r\n---\r\n\r\nOne.\r\nTwo.\r\n")
    briefing = read_briefing(path)
    assert (briefing.title, briefing.body) == ("t", "One.\nTwo.")


def test_number_date_located():
    found = problem("---\ntitle: t\nsummary: s\ndate: 1577836800\n---\n")
    assert found.key == "date" and found.line == 4


@pytest.mark.parametrize("text", ["", "just a text\n\nwith no front matter\n", "---\n- a list\n---\nbody\n", "---\njust a scalar\n---\n", "---\ntitle: never closed\n"])
def test_no_front_matter_is_line_1(text):
    found = problem(text)
    assert found.line == 1
    assert "front matter" in found.message


def test_read_briefing_unreadable(tmp_path):
    with pytest.raises(BriefingProblem) as caught:
        read_briefing(tmp_path / "missing.md")
    assert "unreadable" in caught.value.message
    (tmp_path / "latin.md").write_bytes(b"---\ntitle: caf\xe9\ndate: null\n---\n")
    with pytest.raises(BriefingProblem):
        read_briefing(tmp_path / "latin.md")


# --- key_line ---------------------------------------------------------------------------------


def test_key_line():
    text = "---\ntitle: t\ndate: 2020-01-01\nsummary: >\n  title: not a key\nactors:\n- name: A\n---\n\ntopics: in the body\n"
    assert key_line(text, "title") == 2
    assert key_line(text, "date") == 3
    assert key_line(text, "actors") == 6
    assert key_line(text, "topics") == 1  # only in the body: not a front matter key
    assert key_line(text, "name") == 1  # nested, not top-level
    assert key_line(text, "") == 1


def test_key_line_does_not_match_a_key_prefix():
    text = "---\ntitles: x\ntitle : y\n---\n"
    assert key_line(text, "title") == 3


# --- write_atomic -----------------------------------------------------------------------------


@pytest.mark.parametrize("durable", [True, False])
def test_write_atomic_writes_and_leaves_no_temporary(tmp_path, durable):
    target = tmp_path / "deep" / "folder" / "b.md"
    write_atomic(target, "first ünïcode\n", durable=durable)
    assert target.read_text("utf-8") == "first ünïcode\n"
    write_atomic(target, "second\n", durable=durable)
    assert target.read_text("utf-8") == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.md"]


@pytest.mark.parametrize("durable", [True, False])
def test_write_atomic_keeps_newlines_as_given(tmp_path, durable):
    target = tmp_path / "b.md"
    write_atomic(target, "a\nb\n", durable=durable)
    assert target.read_bytes() == b"a\nb\n"


def test_a_durable_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "b.md"
    target.write_text("old\n", "utf-8")
    target.chmod(0o600)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("durable", [True, False])
def test_failed_rename_leaves_old_file_and_no_temporary(tmp_path, monkeypatch, durable):
    target = tmp_path / "b.md"
    target.write_text("old content\n", "utf-8")

    def broken_replace(src, dst):
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk on fire"):
        write_atomic(target, "new content\n", durable=durable)
    assert target.read_text("utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_failure_while_writing_leaves_old_file(tmp_path, monkeypatch):
    target = tmp_path / "b.md"
    target.write_text("old content\n", "utf-8")

    def broken_fsync(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new content\n")
    assert target.read_text("utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_write_atomic_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "b.md"
    target.write_text("old\n", "utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "c.md"
    write_atomic(fresh, "new\n")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() would make it, not mkstemp's 0600


def test_write_new_never_replaces(tmp_path):
    target = tmp_path / "b.md"
    write_new(target, "first\n")
    assert target.read_text("utf-8") == "first\n"
    with pytest.raises(FileExistsError):
        write_new(target, "second\n")
    assert target.read_text("utf-8") == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_write_new_without_hard_links(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise PermissionError("no hard links here")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "b.md"
    write_new(target, "first\n")
    assert target.read_text("utf-8") == "first\n"
    with pytest.raises(FileExistsError):
        write_new(target, "second\n")
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_briefing_paths_skips_hidden_and_other_files(tmp_path):
    for name in ["b.md", "a.md", ".a.md.123.tmp", ".hidden.md", "notes.txt"]:
        (tmp_path / name).write_text("x")
    (tmp_path / "dir.md").mkdir()
    assert [p.name for p in briefing_paths(tmp_path)] == ["a.md", "b.md"]


# --- fingerprint and is_edited ----------------------------------------------------------------


def test_generated_briefing_is_not_edited_after_dump_and_parse():
    briefing = stamped(tricky_briefing())
    back = parse_briefing(dump_briefing(briefing), "b.md")
    assert fingerprint(back) == fingerprint(briefing)
    assert not is_edited(back)


def test_fingerprint_ignores_the_provenance_key():
    briefing = tricky_briefing()
    before = fingerprint(briefing)
    stamped(briefing)
    assert fingerprint(briefing) == before


def edited_text(change) -> Briefing:
    text = dump_briefing(stamped(tricky_briefing()))
    return parse_briefing(change(text), "b.md")


def test_editing_the_summary_counts_as_edited():
    back = edited_text(lambda text: text.replace("summary: 'null'", "summary: A person wrote this."))
    assert back.summary == "A person wrote this."
    assert is_edited(back)


def test_editing_the_body_counts_as_edited():
    back = edited_text(lambda text: text + "\nA paragraph added by hand.\n")
    assert is_edited(back)


def test_adding_a_key_counts_as_edited():
    back = edited_text(lambda text: text.replace("\ntopics:", "\nreviewed: true\ntopics:", 1))
    assert back.model_extra == {"reviewed": True}
    assert is_edited(back)


def test_trailing_whitespace_of_the_body_is_not_an_edit():
    back = edited_text(lambda text: text + "\n\n\n")
    assert not is_edited(back)


def test_hand_written_briefing_counts_as_edited():
    hand = parse_briefing("---\ntitle: Written by hand\ndate: 2020-01-01\n---\n\nText.\n", "b.md")
    assert hand.briefkit is None
    assert is_edited(hand)


def test_fingerprint_changes_with_content():
    a = tricky_briefing()
    b = tricky_briefing()
    b.quotes[0] = Quote(speaker="Someone else", text=a.quotes[0].text)
    assert fingerprint(a) != fingerprint(b)
