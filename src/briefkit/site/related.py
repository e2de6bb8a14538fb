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
    related = Related(index, count)
    return {entry.slug: related.of(entry.slug) for entry in index.entries}


class Related:
    """Related briefings worked out one briefing at a time, when asked for (`serve` writes an edited
    briefing's page before all others)."""

    def __init__(self, index: SiteIndex, count: int = RELATED) -> None:
        self.count = count
        self.entries = index.entries  # newest first: a position is a date order
        self.position = {entry.slug: i for i, entry in enumerate(self.entries)}
        self.features = [_features(entry) for entry in self.entries]
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, found in enumerate(self.features):
            for feature in found:
                self.postings[feature].append(i)  # ascending: each list is in date order too
        total = len(self.entries)
        self.weight = {feature: math.log((1 + total) / len(found)) + 0.01 for feature, found in self.postings.items()}

    def of(self, slug: str) -> list[Entry]:
        i = self.position.get(slug)
        if i is None:
            return []
        scores = self.scores(i)
        entries = self.entries
        # Only the candidates scoring about as high as the count-th best can rank: ordering a few
        # hundred by the whole key took a third of a briefing page's time. (A score within 1e-9 of
        # that one may round to it.)
        least = heapq.nlargest(self.count, scores.values())[-1] - 1e-9 if scores else 0.0
        ranked = sorted((j for j, score in scores.items() if score >= least), key=lambda j: (-round(scores[j], 9), abs(j - i), entries[j].slug))
        return [entries[j] for j in ranked[: self.count]]


    def scores(self, i: int) -> dict[int, float]:
        """The candidates for briefing `i`, by position, with their scores."""
        scores: dict[int, float] = defaultdict(float)
        for feature in self.features[i]:
            for j in _near(self.postings[feature], i):
                if j != i:
                    scores[j] += self.weight[feature]
        return scores


def _features(entry: Entry) -> set[str]:
    return {f"a:{slug}" for slug in entry.actor_slugs} | {f"t:{topic}" for topic in entry.briefing.topics}


def _near(found: list[int], i: int) -> list[int]:
    if len(found) <= 2 * WINDOW + 1:
        return found
    at = bisect_left(found, i)
    return found[max(0, at - WINDOW) : at + WINDOW + 1]
