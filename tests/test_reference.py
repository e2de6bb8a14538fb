"""The front-matter reference page: generated from the schema, so every key of every model is on it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from briefkit.model import Actor, Briefing, Provenance, Quote, Source, TimelineEntry
from briefkit.reference import PAGE, SECTIONS, _table, example, reference_page, type_name, write_reference
from briefkit.site.generate import generate
from briefkit.site.index import SiteIndex
from briefkit.store import parse_text
from briefkit.taxonomy import load_taxonomy

MODELS = [Briefing, Source, Actor, TimelineEntry, Quote, Provenance]


def rows(page: str) -> dict[str, list[list[str]]]:
    """Table rows by section anchor: each row's cells."""
    found: dict[str, list[list[str]]] = {}
    anchor = None
    for line in page.splitlines():
        heading = re.match(r"^## .*\{#(?P<anchor>[a-z-]+)\}$", line)
        if heading:
            anchor = heading["anchor"]
            found[anchor] = []
        elif anchor and line.startswith("| `"):
            found[anchor].append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return found


def test_every_key_of_every_model_is_described():
    tables = rows(reference_page())
    assert set(tables) == {anchor for _, anchor in SECTIONS.values()}
    for model in MODELS:
        _, anchor = SECTIONS[model]
        keys = [r[0].strip("`") for r in tables[anchor]]
        assert keys == [name for name, field in model.model_fields.items() if not field.exclude], model
        for (name, field), row in zip(((n, f) for n, f in model.model_fields.items() if not f.exclude), tables[anchor], strict=True):
            assert field.description and row[3] == field.description.replace("|", "\\|"), name
            assert row[2].startswith("required" if field.is_required() else "no (default")


def test_body_is_not_a_key_on_the_page():
    assert "`body`" not in [r[0] for r in rows(reference_page())["briefing"]]


def test_required_keys_and_nullable_date():
    briefing = {r[0]: r for r in rows(reference_page())["briefing"]}
    assert briefing["`title`"][2] == "required"
    assert briefing["`date`"][2] == "required (may be `null`)"
    assert briefing["`date`"][1] == "date `YYYY-MM-DD` or null"
    assert briefing["`actors`"][1] == "list of [Actor](#actor)"


def test_links_to_sections_resolve():
    page = reference_page()
    anchors = set(re.findall(r"\{#([a-z-]+)\}", page))
    for target in re.findall(r"\]\(#([a-z-]+)\)", page):
        assert target in anchors


def test_example_on_the_page_is_a_valid_briefing():
    page = reference_page()
    block = re.search(r"```yaml\n(.*?)```", page, re.DOTALL)[1]
    parsed = parse_text(block, "example.md")
    assert parsed.problems == []
    assert parsed.briefing.front_matter() == example().front_matter()
    assert set(load_taxonomy().topics) >= set(parsed.briefing.topics)


@pytest.mark.parametrize(
    "annotation, name",
    [
        (str, "text"),
        (int, "whole number"),
        (bool, "true or false"),
        (dt.date | None, "date `YYYY-MM-DD` or null"),
        (list[str], "list of text"),
        (dict[str, str], "mapping of text to text"),
        (Literal["a", "b"], "one of `a`, `b`"),
        (list[Actor], "list of [Actor](#actor)"),
        (Source | None, "[Source](#source) or null"),
    ],
)
def test_type_names(annotation, name):
    assert type_name(annotation) == name


def test_a_new_field_shows_up_without_editing_the_page_code():
    class Sample(BaseModel):
        """A model written in the test."""

        colour: Literal["red", "blue"] = Field(description="Which | colour.", examples=["red"])
        weight: int | None = Field(default=None, description="How heavy.")

    table = _table(Sample).splitlines()
    assert table[2] == "| `colour` | one of `red`, `blue` | required | Which \\| colour. | `red` |"
    assert table[3] == "| `weight` | whole number or null | no (default `null`) | How heavy. |  |"


def test_write_reference_only_when_changed(tmp_path):
    assert write_reference(tmp_path) is True
    target = tmp_path / PAGE
    assert target.read_text("utf-8") == reference_page()
    stamp = target.stat().st_mtime_ns
    assert write_reference(tmp_path) is False
    assert target.stat().st_mtime_ns == stamp
    target.write_text("stale\n", "utf-8")
    assert write_reference(tmp_path) is True
    assert target.read_text("utf-8") == reference_page()


def test_site_generation_writes_the_page(tmp_path):
    docs = tmp_path / "docs"
    generate(SiteIndex.build([], load_taxonomy()), docs)
    assert (docs / "guide" / "format.md").read_text("utf-8") == reference_page()
