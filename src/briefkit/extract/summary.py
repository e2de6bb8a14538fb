"""A summary and key points, chosen from the article's own sentences.

Each sentence is scored by the facts it carries: distinct actors and dates. The summary is the
lead sentence plus the best of the next few; key points are the best remaining sentences, in order.
"""

from __future__ import annotations

SUMMARY_SENTENCES = 2
KEY_POINTS = 4
MAX_SENTENCE_WORDS = 60
LOOKAHEAD = 6


def _sentences(parts: list[tuple[str, object]]):
    for kind, doc in parts:
        for sent in doc.sents:
            text = " ".join(sent.text.split())
            if 5 <= len(text.split()) <= MAX_SENTENCE_WORDS and text[-1:] in ".!?\u201d\"'":
                yield kind, sent, text


def _score(sent, mentions_by_doc) -> float:
    actors = {id(m.actor) for m in mentions_by_doc.get(id(sent.doc), []) if m.actor and sent.start <= m.start < sent.end}
    dates = sum(1 for e in sent.ents if e.label_ == "DATE" and sent.start <= e.start < sent.end)
    quoted = sum(sent.text.count(q) for q in ("\u201c", '"')) > 0
    return len(actors) + 0.5 * min(dates, 2) - (1.0 if quoted else 0.0)


def _ranked(parts, mentions):
    by_doc: dict[int, list] = {}
    for mention in mentions:
        by_doc.setdefault(id(mention.doc), []).append(mention)
    body = [(text, _score(sent, by_doc)) for kind, sent, text in _sentences(parts) if kind == "paragraph"]
    if not body:  # a standfirst-only article
        body = [(text, _score(sent, by_doc)) for _, sent, text in _sentences(parts)]
    return body


def extract_summary(parts, mentions) -> str:
    sentences = _ranked(parts, mentions)
    if not sentences:
        return ""
    lead, rest = sentences[0], sentences[1 : 1 + LOOKAHEAD]
    best = sorted(rest, key=lambda s: -s[1])[: SUMMARY_SENTENCES - 1]
    chosen = [lead] + [s for s in rest if s in best]
    return " ".join(text for text, _ in chosen)


def extract_key_points(parts, mentions) -> list[str]:
    sentences = _ranked(parts, mentions)
    summary = extract_summary(parts, mentions)
    candidates = [(i, s) for i, s in enumerate(sentences) if s[0] not in summary]
    best = sorted(candidates, key=lambda c: (-c[1][1], c[0]))[:KEY_POINTS]
    return [text for _, (text, _) in sorted(best)]
