"""Given names, as evidence that a multi-word name the model tagged as an organization is a person.

The list is the US Census 1990 first names shipped by the `names` package (MIT): it knows `Sophie`
and `Robin`, not `Krzysztof`, so it only ever adds evidence and never removes any.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    found: set[str] = set()
    for name in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(name).read_text("ascii")
        found.update(line.split()[0].casefold() for line in text.splitlines() if line.strip())
    return frozenset(found)


SURNAME_RANKS = 30_000  # the rarest of the 88,799 surnames are also words: `Mail` ranks 50,636


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    text = resources.files("names").joinpath("dist.all.last").read_text("ascii")
    rows = (line.split() for line in text.splitlines() if line.strip())
    return frozenset(row[0].casefold() for row in rows if int(row[3]) <= SURNAME_RANKS)


def looks_like_person(name: str) -> bool:
    """`Sophie Laurent`: a known given name first and a known surname last (`Royal Mail` is neither)."""
    words = name.casefold().split()
    return 2 <= len(words) <= 4 and words[0] in given_names() and words[-1] in surnames()


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """Given name -> "he" or "she", for names the census gives (at least ten times more often) to one sex."""
    frequency: dict[str, dict[str, float]] = {}
    for name, pronoun in (("dist.male.first", "he"), ("dist.female.first", "she")):
        text = resources.files("names").joinpath(name).read_text("ascii")
        for row in (line.split() for line in text.splitlines() if line.strip()):
            frequency.setdefault(row[0].casefold(), {})[pronoun] = max(float(row[1]), 0.0005)
    genders = {}
    for name, by_pronoun in frequency.items():
        he, she = by_pronoun.get("he", 0.0), by_pronoun.get("she", 0.0)
        if he >= 10 * she or she >= 10 * he:
            genders[name] = "he" if he > she else "she"
    return genders


def gender(full_name: str) -> str | None:
    """The pronoun a person's given name suggests (`he`, `she`), or None when it does not tell."""
    words = full_name.split()
    return _genders().get(words[0].casefold()) if len(words) > 1 else None
