"""The actors registry: an optional `actors.yml` in the project root that names each actor once.

    actors:
      - name: Mike Pompeo              # the canonical name: the actor page's title and slug
        kind: person                   # optional: person, organization, place or group
        aliases: [Pompeo, Michael R. Pompeo]
        description: US Secretary of State from 2018 to 2021.   # optional, shown on the actor page

Every spelling (the name and each alias) resolves to one entry, compared as `name_key` does: case,
dots, hyphens and spacing folded. The site merges all of an entry's spellings into one actor page;
ingest can use `resolve` to write canonical names.

    registry = load_registry(project_root)      # an empty registry when there is no actors.yml
    entry = registry.resolve("pompeo")          # RegistryActor(name="Mike Pompeo", ...) or None
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

import yaml

from .errors import BriefkitError
from .model import ActorKind
from .text import name_key

REGISTRY_FILE = "actors.yml"
KINDS = get_args(ActorKind)
_KEYS = {"name", "kind", "aliases", "description"}


@dataclass(frozen=True)
class RegistryActor:
    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    actors: tuple[RegistryActor, ...] = ()
    _by_key: dict[str, RegistryActor] = field(default_factory=dict, repr=False, compare=False)

    def resolve(self, name: str) -> RegistryActor | None:
        """The entry that `name` (the canonical name or an alias, in any case) belongs to, if any."""
        return self._by_key.get(name_key(name))

    def canonical(self, name: str) -> str:
        """The registry's name for `name`, or `name` itself when the registry does not know it."""
        entry = self.resolve(name)
        return entry.name if entry else name

    def __len__(self) -> int:
        return len(self.actors)


def load_registry(root: Path | None) -> Registry:
    """The project's `actors.yml`, or an empty registry when there is none. Raises `BriefkitError`
    naming the file, the line and the entry for anything it cannot use."""
    path = Path(root) / REGISTRY_FILE if root else None
    if path is None or not path.is_file():
        return Registry()
    return parse_registry(path.read_text("utf-8"), str(path))


def parse_registry(text: str, where: str) -> Registry:
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        data = yaml.safe_load(text) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise BriefkitError(f"{where}{line}: not valid YAML ({getattr(error, 'problem', None) or error.__class__.__name__})") from None
    if data is None:
        return Registry()
    entries = data.get("actors") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BriefkitError(f"{where}:1: expected a list under 'actors'")
    lines = _item_lines(node)
    actors = [_entry(item, f"{where}:{lines[i] if i < len(lines) else 1}: actors.{i}") for i, item in enumerate(entries)]
    by_key: dict[str, RegistryActor] = {}
    for i, actor in enumerate(actors):
        for spelling in actor.spellings:
            other = by_key.setdefault(name_key(spelling), actor)
            if other is not actor:
                raise BriefkitError(f"{where}:{lines[i]}: actors.{i}: {spelling!r} is also a name or alias of {other.name!r}")
    return Registry(tuple(actors), by_key)


def _entry(item: object, where: str) -> RegistryActor:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict):
        raise BriefkitError(f"{where}: expected a mapping with a 'name', got {type(item).__name__}")
    unknown = sorted(set(map(str, item)) - _KEYS)
    if unknown:
        raise BriefkitError(f"{where}: unknown key {unknown[0]!r} (expected {', '.join(sorted(_KEYS))})")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BriefkitError(f"{where}: expected a non-empty 'name'")
    kind = item.get("kind")
    if kind is not None and kind not in KINDS:
        raise BriefkitError(f"{where}: kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise BriefkitError(f"{where}: aliases: expected a list of names")
    description = item.get("description")
    if description is not None and not isinstance(description, str):
        raise BriefkitError(f"{where}: description: expected text, got {type(description).__name__}")
    unique = tuple(dict.fromkeys(a.strip() for a in aliases if name_key(a) != name_key(name)))
    return RegistryActor(name.strip(), kind, unique, description.strip() if description else None)


def _item_lines(node: yaml.Node | None) -> list[int]:
    """File line of each item of the top-level `actors` list."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "actors" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []
