"""Direct quotes and who said them.

A quote is text in straight or curly double quotes of at least four words. Its speaker is the
subject of the speech verb outside the quote marks in the same sentence (`..., Sanders said`); a
pronoun subject (`He called ...`) is the last person named before the sentence; with no speech
verb, the one actor named outside the quotes in that sentence.
"""

from __future__ import annotations

import re

from ..model import Quote
from .names import gender

MIN_QUOTE_WORDS = 4
_MARKS = re.compile(r"[\"\u201c\u201d]")
SPEECH_VERBS = frozenset(
    "said says say told tells tell added adds stressed stresses urged urges called calls declared declares "
    "warned warns acknowledged acknowledges insisted insists described describes wrote writes tweeted "
    "tweets posted announced announces argued argues claimed claims noted notes explained explains "
    "asked asks replied replies responded responds continued continues conceded concedes admitted admits "
    "promised promises vowed vows stated states commented comments suggested suggests".split()
)
_PRONOUNS = {"he", "she", "they", "we", "i"}


def extract_quotes(parts: list[tuple[str, object]], mentions: list) -> list[Quote]:
    by_doc: dict[int, list] = {}
    for mention in mentions:
        by_doc.setdefault(id(mention.doc), []).append(mention)
    people = {id(m.actor): m.actor for m in mentions if m.actor is not None and m.actor.kind == "person"}
    quotes: list[Quote] = []
    history: list = []  # people named outside quotes so far, for `He said`
    for _, doc in parts:
        doc_mentions = by_doc.get(id(doc), [])
        spans = quote_spans(doc.text)
        named = [m for m in doc_mentions if not _quoted(m, spans)]
        previous = None  # (speaker, end of quote): a quote that follows on continues its speaker
        for a, b in spans:
            text = " ".join(doc.text[a:b].split()).rstrip(" ,;:")
            if len(text.split()) < MIN_QUOTE_WORDS:
                continue
            # a quote may run over several sentences; its attribution is in any of them, outside the quotes
            sentences = [s for s in doc.sents if s.start_char <= b and s.end_char > a]
            first = sentences[0].start
            before = [m for m in named if m.start < first and m.actor is not None and m.actor.kind == "person"]
            nearby = [m for m in named if any(_in(m, s) for s in sentences)]
            speaker = _speaker(sentences, spans, nearby, history + before, people.values())
            between = [m for m in named if previous and previous[1] <= m.doc[m.start].idx < a and m.actor is not previous[0] and m.actor is not None and m.actor.kind == "person"]
            if speaker is None and previous and not between:
                speaker = previous[0]
            previous = (speaker, b) if speaker else None
            quotes.append(Quote(speaker=speaker.name if speaker else None, text=text))
        history += [m for m in named if m.actor is not None and m.actor.kind == "person"]
    return quotes


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each quote. Straight marks are told apart by what surrounds
    them: `week. "There` opens a new quote even when the previous one was never closed, as when a
    quote runs over paragraphs that a saved page has joined; an unclosed quote ends with its text."""
    spans = []
    start = None
    for match in _MARKS.finditer(text):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = mark == "\u201c" or (mark == '"' and (before.isspace() or before in "([{\u2014-") and not after.isspace())
        if opening:
            if start is not None:  # re-opened: the previous quote ran to here
                spans.append((start, i))
            start = i + 1
        elif start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return [(a, b) for a, b in ((a, len(text[:b].rstrip())) for a, b in spans) if b > a]


def _salient(people_mentions: list, pronoun: str = ""):
    """Who `he` or `she` most likely is: among the people whose given name does not rule them out,
    the last who was a sentence's subject, else the last named."""
    if pronoun in ("he", "she"):
        people_mentions = [m for m in people_mentions if gender(m.actor.name) in (None, pronoun)]
    subjects = [m for m in people_mentions if m.doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")]
    chosen = subjects[-1] if subjects else (people_mentions[-1] if people_mentions else None)
    return chosen.actor if chosen else None


def _in(mention, sent) -> bool:
    return sent.start <= mention.start < sent.end


def _quoted(mention, spans) -> bool:
    start = mention.doc[mention.start].idx
    return any(a <= start < b for a, b in spans)


def _speaker(sentences, spans, outside, earlier, people):
    for token in (t for sent in sentences for t in sent):
        if token.lower_ not in SPEECH_VERBS or any(a <= token.idx < b for a, b in spans):
            continue
        for child in token.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.lower_ in _PRONOUNS:
                return _salient(earlier, child.lower_)
            for mention in outside:
                if mention.start <= child.i < mention.end or _heads_to(child, mention):
                    return mention.actor
            if child.pos_ == "PROPN":  # a surname the model did not tag: `Ellery told ...`
                matches = [p for p in people if child.text in p.name.split()]
                if len(matches) == 1:
                    return matches[0]
    speakers = {id(m.actor): m.actor for m in outside if m.actor is not None and m.actor.kind in ("person", "organization")}
    if len(speakers) == 1:
        return next(iter(speakers.values()))
    return None


def _heads_to(token, mention) -> bool:
    """`spokesman` as subject, with the name `Sarah Sanders` in apposition or compound to it."""
    return any(mention.start <= t.i < mention.end for t in token.subtree) and token.i < mention.end + 1
