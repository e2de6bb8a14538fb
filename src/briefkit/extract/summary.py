"""A summary and key points, chosen from the article's own sentences.

Each sentence is scored by how central it is (how many of the article's recurring content words it
carries), by the facts it names (actors, dates) and by its position: news is written lead first.
The summary is the lead sentence plus the best of the next few, in article order; key points are
the best remaining sentences, in order.
"""

from __future__ import annotations

import math
from collections import Counter

SUMMARY_SENTENCES = 3
KEY_POINTS = 4
MAX_SENTENCE_WORDS = 60
LOOKAHEAD = 6
MAX_SUMMARY_WORDS = 90
POSITION_WEIGHT = 1.0
FACT_WEIGHT = 0.3


def _sentences(parts: list[tuple[str, object]]) -> list[tuple[object, str]]:
    """Candidate sentences of the standfirst and paragraphs (not captions), in order."""
    found = []
    for kind, doc in parts:
        if kind not in ("standfirst", "paragraph"):
            continue
        for sent in doc.sents:
            text = " ".join(sent.text.split())
            if 5 <= len(text.split()) <= MAX_SENTENCE_WORDS and text[-1:] in ".!?\u201d\"'":
                found.append((sent, text))
    return found


def _content_words(sent) -> list[str]:
    return [t.lower_ for t in sent if t.is_alpha and not t.is_stop and len(t) > 2]


def _ranked(parts, mentions) -> list[tuple[str, float]]:
    """(sentence text, score) in article order."""
    sentences = _sentences(parts)
    if not sentences:
        return []
    frequency = Counter(w for sent, _ in sentences for w in set(_content_words(sent)))
    by_doc: dict[int, list] = {}
    for mention in mentions:
        by_doc.setdefault(id(mention.doc), []).append(mention)
    ranked = []
    for position, (sent, text) in enumerate(sentences):
        words = set(_content_words(sent))
        centrality = sum(frequency[w] - 1 for w in words) / math.sqrt(len(words) or 1) / len(sentences)
        actors = {id(m.actor) for m in by_doc.get(id(sent.doc), []) if m.actor and sent.start <= m.start < sent.end}
        dates = sum(1 for e in sent.ents if e.label_ == "DATE")
        quoted = any(q in text for q in ("\u201c", '"'))
        score = centrality + FACT_WEIGHT * (len(actors) + min(dates, 2)) + POSITION_WEIGHT / (1 + position) - (0.5 if quoted else 0)
        ranked.append((text, score))
    return ranked


def extract_summary(parts, mentions) -> str:
    sentences = _ranked(parts, mentions)
    if not sentences:
        return ""
    lead, rest = sentences[0], sentences[1 : 1 + LOOKAHEAD]
    best, words = [], len(lead[0].split())
    for sentence in sorted(rest, key=lambda s: -s[1]):  # the best that fit the length budget
        if len(best) < SUMMARY_SENTENCES - 1 and words + len(sentence[0].split()) <= MAX_SUMMARY_WORDS:
            best.append(sentence)
            words += len(sentence[0].split())
    chosen = [lead] + [s for s in rest if s in best]
    return " ".join(text for text, _ in chosen)


def extract_key_points(parts, mentions) -> list[str]:
    sentences = _ranked(parts, mentions)
    summary = extract_summary(parts, mentions)
    candidates = [(i, s) for i, s in enumerate(sentences) if s[0] not in summary]
    best = sorted(candidates, key=lambda c: (-c[1][1], c[0]))[:KEY_POINTS]
    return [text for _, (text, _) in sorted(best)]
