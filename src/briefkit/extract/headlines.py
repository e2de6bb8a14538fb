"""Names in a headline set in capitals (`SOCCER - LATE GOALS GIVE JAPAN WIN OVER SYRIA`).

The model reads capitals as names everywhere (`DEFEAT`, `FIFTH TITLE OF YEAR`) and misses the real
ones, so its entities there are worth nothing. The body says which words are names: a capitalised
headline's words that spell a name of the body (or a person's surname there) are that name, and a
country is a place wherever it stands.
"""

from __future__ import annotations

from ..text import name_key
from .places import is_country

MAX_WORDS = 4
_MIN_LETTERS = 8


def in_capitals(text: str) -> bool:
    """Whether a headline is set in capitals: almost no lower-case letter among many letters."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and sum(c.islower() for c in letters) <= len(letters) // 20


def headline_names(doc, known: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """(start, end, name, label) of the names in a capitalised headline: the longest run of words
    that is a key of `known` (name key -> the model's label in the body), else a country."""
    found = []
    i = 0
    while i < len(doc):
        for n in range(min(MAX_WORDS, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if not (span[0].is_alpha and span[-1].is_alpha):
                continue
            key = name_key(span.text)
            label = known.get(key) or ("GPE" if is_country(key) else None)
            if label:
                found.append((i, i + n, span.text.title(), label))
                i += n
                break
        else:
            i += 1
    return found
