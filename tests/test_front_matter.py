"""Front matter built directly from YAML's nodes is the data PyYAML's constructor builds, with the
same keys reported twice and the same errors, whatever the document."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefkit import front_matter
from briefkit.front_matter import FrontMatterError, parse


def by_pyyaml(text: str, monkeypatch):
    """`parse(text)` with every document left to PyYAML's constructor."""
    with monkeypatch.context() as patch:
        patch.setattr(front_matter, "_direct", _not_plain)
        return _outcome(text)


def _not_plain(*args):
    raise front_matter._NotPlain


def _outcome(text: str):
    try:
        matter = parse(text)
    except FrontMatterError as error:
        return ("error", error.message, error.line, error.key)
    return (matter.data, [(p.message, p.line, p.key) for p in matter.problems])


TRICKY = [
    "title: Plain\ndate: 2024-03-01\nactors:\n- name: Ada Osei\n  mentions: 3\n  role: null\n",
    "a: &shared [1, 2]\nb: *shared\n",  # an alias of a list: shared by PyYAML
    "a: &name Ada\nb: *name\n",  # an alias of a string
    "base: &base {kind: person}\nactor:\n  <<: *base\n  name: Ada\n",  # a merge key
    "a: &loop [*loop]\n",  # a list that holds itself
    "title: One\ntitle: Two\n",  # a key given twice
    "1: int\n1.0: float\ntrue: bool\n",  # keys equal in Python
    "? [a, b]\n: a list as a key\n",
    "s: !!set {a, b}\no: !!omap [{a: 1}]\nb: !!binary aGVsbG8=\n",
    "date: 2023-02-29\nwhen: 2024-03-01 10:30:00\n",  # an impossible date stays text
    "n: 0x1A\no: 017\nf: 1e3\ng: .inf\ns: 1:30\nb: yes\nz: ~\n",  # YAML 1.1's scalars
    "x: !unknown tag\n",
    "x: !!int notanumber\n",  # PyYAML raises a ValueError: a located error, not a traceback
    "x: !!float notanumber\n",
    "- a list\n- at the top\n",
    "just a string\n",
    "a: [1, {b: [2, {c: 3}]}]\nd: {e: {f: [g, h]}}\n",
    "a: {b: 1, b: 2}\nc: [{d: 1, d: 1}]\n",  # keys given twice, nested
]


@pytest.mark.parametrize("body", TRICKY)
def test_every_kind_of_document_reads_as_pyyaml_reads_it(body, monkeypatch):
    text = f"---\n{body}---\n\nText.\n"
    assert repr(_outcome(text)) == repr(by_pyyaml(text, monkeypatch))  # repr: a list may hold itself


# YAML reads a line break of another kind (NEL, U+2028) in a plain string as a space: not text a
# dump round-trips.
TEXT = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85\ufeff")
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(TEXT, max_size=12),
                    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(TEXT, max_size=8), inner, max_size=4), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(TEXT, min_size=1, max_size=10), DATA, min_size=1, max_size=6), st.booleans())
def test_any_data_dumped_as_yaml_reads_back_as_pyyaml_reads_it(data, flow):
    text = "---\n" + yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True) + "---\nText.\n"
    with pytest.MonkeyPatch.context() as patch:
        expected = by_pyyaml(text, patch)
    assert _outcome(text) == expected
    assert expected[0] == data  # and it is the data


def test_a_plain_document_is_built_directly(monkeypatch):
    """Not left to PyYAML, which would make a briefkit build's reading of briefings a third slower."""
    monkeypatch.setattr(front_matter._StrictLoader, "construct_document", _not_plain)
    assert parse("---\ntitle: Plain\nactors: [{name: Ada, kind: person}]\ndate: 2024-03-01\n---\n").data["date"] == dt.date(2024, 3, 1)


def test_a_value_pyyaml_cannot_construct_is_an_error_with_a_line():
    with pytest.raises(FrontMatterError) as caught:
        parse("\n---\ntitle: T\nmentions: !!int many\n---\nText.\n")
    assert caught.value.line == 3 and "many" in caught.value.message


def test_an_alias_of_a_collection_is_the_same_object_as_pyyaml_makes_it():
    data = parse("---\na: &shared [1, 2]\nb: *shared\n---\n").data
    assert data["a"] is data["b"]
