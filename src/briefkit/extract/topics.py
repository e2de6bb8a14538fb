"""Topics: the taxonomy entries whose signal words the article uses most.

Words are matched case-insensitively with a light plural folding; the title weighs three times a
body word, the standfirst and the lead paragraph twice, and each signal word counts sublinearly
(log 1 + its weighted count). Three quarters of a subtopic's score count for its parent too, so a
briefing on sanctions is also a politics briefing (the share was chosen on the odd half of BBC News
and checked on the even half: `make eval`). A signal word marked `~` in the taxonomy has common
senses outside its topic (`~game` is also sport's, `~title` a book's); it counts for the topic only
in an article that also uses one of the topic's plain signal words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..read import Article
from ..taxonomy import Taxonomy, Topic, load_taxonomy

MAX_TOPICS = 4
MIN_SCORE = 2.0
RELATIVE_CUTOFF = 0.3
PARENT_SHARE = 0.75
LEAD_WEIGHT = 2.0
WEAK = "~"  # marks a signal word that counts only beside a plain one of the same topic
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019-][a-z0-9]+)*")


def fold(word: str) -> str:
    """A crude singular: enough to match `sanctions` to `sanction`, `talks` to `talk`."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _terms(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text.casefold())]


@lru_cache(maxsize=1024)
def _signals(topic: Topic) -> tuple[frozenset[str], frozenset[str]]:
    """A topic's signal words as matched (folded, space-joined): the plain ones, and those marked
    `~` in the taxonomy, which have common senses outside the topic (`~record`, `~game`)."""
    plain = frozenset(" ".join(_terms(k)) for k in topic.keywords if not k.startswith(WEAK))
    weak = frozenset(" ".join(_terms(k)) for k in topic.keywords if k.startswith(WEAK))
    return plain, weak - plain


def score_topics(weighted_texts: list[tuple[str, float]], taxonomy: Taxonomy) -> Counter:
    longest = max((len(k.split()) for t in taxonomy.topics.values() for k in t.keywords), default=1)
    grams: Counter = Counter()
    for text, weight in weighted_texts:
        words = _terms(text)
        for n in range(1, longest + 1):
            for i in range(len(words) - n + 1):
                grams[" ".join(words[i : i + n])] += weight
    scores: Counter = Counter()
    for topic in taxonomy.topics.values():
        plain, weak = _signals(topic)
        found = [key for key in plain if grams[key]]
        if found:  # a `~` word is read in the topic's sense only beside a plain signal of it
            found += [key for key in weak if grams[key]]
        # each signal word counts sublinearly: ten mentions of `game` are not ten kinds of evidence
        hits = sum(math.log1p(grams[key]) for key in found)
        if hits:
            scores[topic.id] += hits
            if topic.parent:
                scores[topic.parent] += hits * PARENT_SHARE
    return scores


def extract_topics(article: Article, taxonomy: Taxonomy | None = None) -> list[str]:
    taxonomy = taxonomy or load_taxonomy()
    texts = [(article.title, 3.0), (article.standfirst or "", 2.0)]
    body = [b.text for b in article.blocks if b.kind != "caption"]
    texts += [(text, LEAD_WEIGHT if i == 0 else 1.0) for i, text in enumerate(body)]  # news puts the story first
    scores = score_topics(texts, taxonomy)
    if not scores:
        return []
    top = scores.most_common(1)[0][1]
    ranked = [t for t, s in scores.most_common() if s >= MIN_SCORE and s >= top * RELATIVE_CUTOFF]
    return ranked[:MAX_TOPICS]
