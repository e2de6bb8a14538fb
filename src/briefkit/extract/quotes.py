"""Direct quotes and who said them.

A quote is text in straight or curly double quotes of at least four words. Its speaker is the
subject of the speech verb outside the quote marks in the same sentence (`..., Sanders said`); a
pronoun subject (`He called ...`) is the last person named before the sentence; with no speech
verb, the one actor named outside the quotes in that sentence.
"""

from __future__ import annotations

import re

from ..model import Quote

MIN_QUOTE_WORDS = 4
_QUOTED = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"")
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
    last_person = None  # the last person named outside quotes, for `He said`
    for _, doc in parts:
        doc_mentions = by_doc.get(id(doc), [])
        spans = [m.span(1) if m.group(1) is not None else m.span(2) for m in _QUOTED.finditer(doc.text)]
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
            speaker = _speaker(sentences, spans, nearby, before[-1].actor if before else last_person, people.values())
            between = [m for m in named if previous and previous[1] <= m.doc[m.start].idx < a and m.actor is not previous[0] and m.actor is not None and m.actor.kind == "person"]
            if speaker is None and previous and not between:
                speaker = previous[0]
            previous = (speaker, b) if speaker else None
            quotes.append(Quote(speaker=speaker.name if speaker else None, text=text))
        named_people = [m.actor for m in named if m.actor is not None and m.actor.kind == "person"]
        if named_people:
            last_person = named_people[-1]
    return quotes


def _in(mention, sent) -> bool:
    return sent.start <= mention.start < sent.end


def _quoted(mention, spans) -> bool:
    start = mention.doc[mention.start].idx
    return any(a <= start < b for a, b in spans)


def _speaker(sentences, spans, outside, last_person, people):
    for token in (t for sent in sentences for t in sent):
        if token.lower_ not in SPEECH_VERBS or any(a <= token.idx < b for a, b in spans):
            continue
        for child in token.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.lower_ in _PRONOUNS:
                return last_person
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
