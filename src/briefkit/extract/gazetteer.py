"""Built-in knowledge the model lacks: canonical place and organization names, titles, capitals."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from ..text import name_key


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml.safe_load(resources.files("briefkit.data").joinpath("gazetteer.yml").read_text("utf-8"))


@lru_cache(maxsize=1)
def canonical_names() -> dict[str, tuple[str, str]]:
    """name key of every alias -> (canonical name, kind)."""
    table: dict[str, tuple[str, str]] = {}
    for kind in ("place", "organization"):
        for canonical, aliases in _data()["canonical"][kind].items():
            for alias in [canonical, *aliases]:
                key = name_key(alias)
                table[key] = (canonical, kind)
                table.setdefault(key.removeprefix("the "), (canonical, kind))  # mentions lose their "the"
    return table


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data()["role_words"])


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data()["honorifics"])


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Names the model tags as entities that are never actors: agencies in credits, weekdays, months."""
    return frozenset(name_key(w) for w in _data()["not_actors"])


@lru_cache(maxsize=1)
def portfolios() -> frozenset[str]:
    return frozenset(name_key(w) for w in _data()["portfolios"])


@lru_cache(maxsize=1)
def organization_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in _data()["organization_words"])


@lru_cache(maxsize=1)
def nationalities() -> frozenset[str]:
    """`Russian`, `Croat`: words for people of a country, which a person's name can follow."""
    return frozenset(w.casefold() for w in _data()["nationalities"])
