"""Related briefings: those sharing the most actors and topics with a briefing, each shared actor or
topic weighted by its rarity (inverse document frequency: a minor official shared by two briefings
says more than the country both mention).

Linear in briefings: candidates come from each actor's and topic's briefings, but for a common one
only the `WINDOW` briefings nearest in date on either side are visited (its weight is small anyway),
so a place named in half the briefings does not make the work quadratic.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict

from .index import Entry, SiteIndex

RELATED = 5
WINDOW = 12


def related_briefings(index: SiteIndex, count: int = RELATED) -> dict[str, list[Entry]]:
    """Briefing slug -> up to `count` related briefings, best first (ties: nearest in date, then slug)."""
    entries = index.entries  # newest first: a position is a date order
    features = [_features(entry) for entry in entries]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(features):
        for feature in found:
            postings[feature].append(i)  # ascending: each list is in date order too
    total = len(entries)
    weight = {feature: math.log((1 + total) / len(found)) + 0.01 for feature, found in postings.items()}
    related = {}
    for i, entry in enumerate(entries):
        scores: dict[int, float] = defaultdict(float)
        for feature in features[i]:
            for j in _near(postings[feature], i):
                if j != i:
                    scores[j] += weight[feature]
        best = heapq.nsmallest(count, scores, key=lambda j: (-round(scores[j], 9), abs(j - i), entries[j].slug))
        related[entry.slug] = [entries[j] for j in best]
    return related


def _features(entry: Entry) -> set[str]:
    return {f"a:{slug}" for slug in entry.actor_slugs} | {f"t:{topic}" for topic in entry.briefing.topics}


def _near(found: list[int], i: int) -> list[int]:
    if len(found) <= 2 * WINDOW + 1:
        return found
    at = bisect_left(found, i)
    return found[max(0, at - WINDOW) : at + WINDOW + 1]
