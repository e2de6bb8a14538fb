"""actors.yml: canonical names, aliases, kinds and descriptions; every problem one line with file and line."""

from __future__ import annotations

import pytest

from briefkit.errors import BriefkitError
from briefkit.registry import REGISTRY_FILE, Registry, load_registry, parse_registry

GOOD = """actors:
  - name: Mike Pompeo
    kind: person
    aliases: [Pompeo, Michael R. Pompeo]
    description: US Secretary of State.
  - United Nations
  - name: Kim Jong Un
    aliases: [Kim]
"""


def test_resolve_any_spelling_to_one_entry():
    registry = parse_registry(GOOD, "actors.yml")
    assert len(registry) == 3
    for spelling in ("Mike Pompeo", "pompeo", "Michael R Pompeo", "MICHAEL R. POMPEO", "  Pompeo "):
        entry = registry.resolve(spelling)
        assert entry is not None and entry.name == "Mike Pompeo", spelling
    pompeo = registry.resolve("Pompeo")
    assert pompeo.kind == "person" and pompeo.description == "US Secretary of State."
    assert registry.resolve("united nations").name == "United Nations" and registry.resolve("United Nations").kind is None
    assert registry.resolve("Donald Trump") is None
    assert registry.canonical("kim") == "Kim Jong Un" and registry.canonical("Moon Jae-in") == "Moon Jae-in"


def test_no_file_is_an_empty_registry(tmp_path):
    registry = load_registry(tmp_path)
    assert registry == Registry() and registry.resolve("anyone") is None
    (tmp_path / REGISTRY_FILE).write_text("", "utf-8")
    assert len(load_registry(tmp_path)) == 0


def test_load_from_the_project_root(tmp_path):
    (tmp_path / REGISTRY_FILE).write_text(GOOD, "utf-8")
    assert load_registry(tmp_path).canonical("Michael R. Pompeo") == "Mike Pompeo"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors: [\n", r"actors.yml:2: not valid YAML"),
        ("people: []\n", r"actors.yml:1: expected a list under 'actors'"),
        ("actors:\n  - name: A\n  - kind: person\n", r"actors.yml:3: actors.1: expected a non-empty 'name'"),
        ("actors:\n  - name: A\n    kind: robot\n", r"actors.yml:2: actors.0: kind: expected one of person, organization, place, group, got 'robot'"),
        ("actors:\n  - name: A\n    aliases: B\n", r"actors.yml:2: actors.0: aliases: expected a list of names"),
        ("actors:\n  - name: A\n    role: x\n", r"actors.yml:2: actors.0: unknown key 'role'"),
        ("actors:\n  - 42\n", r"actors.yml:2: actors.0: expected a mapping with a 'name', got int"),
        ("actors:\n  - name: Kim Jong Un\n    aliases: [Kim]\n  - name: Kim Yo Jong\n    aliases: [kim]\n", r"actors.yml:4: actors.1: 'kim' is also a name or alias of 'Kim Jong Un'"),
    ],
)
def test_problems_name_the_file_line_and_entry(text, message):
    with pytest.raises(BriefkitError) as raised:
        parse_registry(text, "actors.yml")
    assert str(raised.value).startswith(message), str(raised.value)
    assert "\n" not in str(raised.value)
